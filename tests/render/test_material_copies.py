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
