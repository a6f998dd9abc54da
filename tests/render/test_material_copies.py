"""Two Material partials are copied into overrides/ so embed pages can skip their inline scripts.

If Material changes them, these copies must change too: this test says so. The
one intended difference: our base.html redefines __md_get/__md_set right after
Material's script, so a browser that blocks storage sees no error.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from tests.conftest import ROOT

MATERIAL = Path(material.__file__).parent / "templates"


def body(text: str) -> str:
    """The template without its leading {#- ... -#} comment."""
    return re.sub(r"^\{#-.*?-#\}\s*", "", text, flags=re.DOTALL).strip()


@pytest.mark.parametrize("partial", ["partials/javascripts/base.html", "partials/javascripts/content.html"])
def test_our_copy_holds_materials_partial_unchanged(partial):
    theirs = body((MATERIAL / partial).read_text(encoding="utf-8"))
    ours = (ROOT / "overrides" / partial).read_text(encoding="utf-8")
    assert theirs and theirs in ours, f"Material's {partial} changed: copy it again into overrides/{partial}"
    assert 'page.meta.template == "embed.html"' in ours


# Ours: the same reads and writes, with storage touched only inside a try.
SAFE_STORAGE = ('<script>__md_get=(e,_,t=__md_scope)=>{try{return JSON.parse((_||localStorage).getItem('
                't.pathname+"."+e))}catch(e){return null}},__md_set=(e,_,t,a=__md_scope)=>{try{(t||localStorage)'
                '.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}</script>')


def test_materials_storage_helpers_are_replaced_by_ones_that_never_throw():
    theirs = body((MATERIAL / "partials/javascripts/base.html").read_text(encoding="utf-8"))
    ours = (ROOT / "overrides/partials/javascripts/base.html").read_text(encoding="utf-8")
    # What ours fixes is still there: a default parameter that reads localStorage outside any try.
    assert '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e))' in theirs
    assert ",__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{" in theirs
    assert ours.index(theirs) < ours.index(SAFE_STORAGE), "the safe helpers must come after Material's"
    # Material's palette script reads the reader's choice through __md_get, before its bundle loads.
    palette = (MATERIAL / "partials/javascripts/palette.html").read_text(encoding="utf-8")
    assert 'var palette=__md_get("__palette")' in palette
    assert "localStorage" not in body(palette)


# The other copies: Material's partial with exactly these replacements (old, new, how many times)
# and our own leading comment must give our file; anything else Material changed shows here.
EDITED_COPIES = {
    "partials/nav-item.html": [
        ('id="{{ path }}_label" tabindex="{{ tabindex }}">',
         'id="{{ path }}_label" {% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>', 2),
    ],
    "partials/search.html": [
        ('<div class="md-search" data-md-component="search" role="dialog">',
         '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">', 1),
    ],
}


def without_comment(text: str) -> str:
    """A partial without its leading {#- ... -#} comment (Material's says it was generated; ours why we copied)."""
    return re.sub(r"^\{#-.*?-#\}\n?", "", text, count=1, flags=re.DOTALL)


@pytest.mark.parametrize("partial", sorted(EDITED_COPIES))
def test_our_edited_copy_is_materials_partial_with_only_our_changes(partial):
    theirs = without_comment((MATERIAL / partial).read_text(encoding="utf-8"))
    ours = without_comment((ROOT / "overrides" / partial).read_text(encoding="utf-8"))
    for old, new, times in EDITED_COPIES[partial]:
        assert theirs.count(old) == times, f"Material's {partial} changed where ours differs: copy it again"
        theirs = theirs.replace(old, new)
    assert ours == theirs, f"Material's {partial} changed: copy it again into overrides/{partial}"


# Templates of ours that take the place of Material's whole, rather than copying it.
OUR_OWN = {"main.html", "partials/copyright.html"}


def test_every_copied_material_partial_is_guarded():
    """A new file in overrides/ with a Material template's name is either guarded above or listed as our own."""
    copies = {path.relative_to(ROOT / "overrides").as_posix() for path in (ROOT / "overrides").rglob("*.html")
              if (MATERIAL / path.relative_to(ROOT / "overrides")).exists()}
    guarded = {"partials/javascripts/base.html", "partials/javascripts/content.html", *EDITED_COPIES}
    assert copies - OUR_OWN == guarded
