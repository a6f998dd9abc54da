"""Three Material partials are copied into overrides/ with their inline scripts moved into files.

Under a strict Content-Security-Policy (script-src 'self') an inline script is
blocked, so each of Material's sits, word for word, in a file under
overrides/assets/javascripts/ that our copy of the partial loads in its place.
If Material changes a partial, these tests say which copy to redo. The one
intended difference: gp-md-base.js then redefines __md_get/__md_set, so a
browser that blocks storage sees no error.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from tests.conftest import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
SCRIPTS = ROOT / "overrides/assets/javascripts"

# The one template expression in Material's scripts, and what stands for it in the file.
SCOPE = ('"{{ config.extra.scope | d(base_url) }}"', "document.currentScript.dataset.mdScope")

# Each partial: the file holding each of its inline scripts, in order.
COPIES = {
    "partials/javascripts/base.html": ["gp-md-base.js"],
    "partials/javascripts/palette.html": ["gp-md-palette.js"],
    "partials/javascripts/content.html": ["gp-md-tabs.js", "gp-md-content.js"],
}


def body(text: str) -> str:
    """The template without its leading {#- ... -#} comment."""
    return re.sub(r"^\{#-.*?-#\}\s*", "", text, flags=re.DOTALL).strip()


def inline_scripts(text: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", text, flags=re.DOTALL)


@pytest.mark.parametrize("partial", COPIES)
def test_each_of_materials_inline_scripts_is_in_our_file_word_for_word(partial):
    theirs = inline_scripts(body((MATERIAL / partial).read_text(encoding="utf-8")))
    assert len(theirs) == len(COPIES[partial]), f"Material's {partial} changed: copy it again into overrides/"
    for script, name in zip(theirs, COPIES[partial], strict=True):
        ours = (SCRIPTS / name).read_text(encoding="utf-8")
        assert script.replace(*SCOPE) in ours, f"Material's {partial} changed: copy its script into {name} again"


@pytest.mark.parametrize("partial", COPIES)
def test_our_copy_loads_the_files_in_materials_place_and_inlines_nothing(partial):
    theirs = body((MATERIAL / partial).read_text(encoding="utf-8"))
    ours = (ROOT / "overrides" / partial).read_text(encoding="utf-8")
    assert inline_scripts(ours) == [] and "<style" not in ours
    # Material's partial with each script swapped for a <script src> of ours: the same markup otherwise.
    expected = theirs
    for script, name in zip(inline_scripts(theirs), COPIES[partial], strict=True):
        expected = expected.replace(f"<script>{script}</script>", f"@{name}@")
    loaded = re.sub(r"<script src=\"\{\{ 'assets/javascripts/(gp-md-[a-z]+\.js)' \| url \}\}\"[^>]*></script>",
                    r"@\1@", body(ours))
    loaded = re.sub(r"\{% (?:end)?if[^%]*embed\.html[^%]*%\}|\{% endif %\}\Z", "", loaded.strip())
    assert re.sub(r"\s+", "", expected) in re.sub(r"\s+", "", loaded)


def test_materials_scope_reaches_the_file_from_the_tag():
    ours = (ROOT / "overrides/partials/javascripts/base.html").read_text(encoding="utf-8")
    assert 'data-md-scope="{{ config.extra.scope | d(base_url) }}"' in ours
    assert SCOPE[0] in (MATERIAL / "partials/javascripts/base.html").read_text(encoding="utf-8")


# Ours: the same reads and writes, with storage touched only inside a try.
SAFE_STORAGE = ('__md_get=(e,_,t=__md_scope)=>{try{return JSON.parse((_||localStorage).getItem('
                't.pathname+"."+e))}catch(e){return null}},__md_set=(e,_,t,a=__md_scope)=>{try{(t||localStorage)'
                '.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')


def test_materials_storage_helpers_are_replaced_by_ones_that_never_throw():
    theirs = inline_scripts((MATERIAL / "partials/javascripts/base.html").read_text(encoding="utf-8"))[0]
    ours = (SCRIPTS / "gp-md-base.js").read_text(encoding="utf-8")
    # What ours fixes is still there: a default parameter that reads localStorage outside any try.
    assert '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e))' in theirs
    assert ",__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{" in theirs
    assert ours.index(theirs.replace(*SCOPE)) < ours.index(SAFE_STORAGE), "the safe helpers must come after Material's"
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
    guarded = {*COPIES, *EDITED_COPIES}
    assert copies - OUR_OWN == guarded
