"""Two Material partials are copied into overrides/ so embed pages can skip their inline scripts.

If Material changes them, these copies must change too: this test says so.
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
