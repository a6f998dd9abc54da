"""A set drawn on two pages renders once, and redraws when its data or a template changes."""

from __future__ import annotations

import os
import shutil

import markdown

from goal_pyramid import fences
from goal_pyramid.fences import format_cards
from tests.conftest import ROOT, DataDir

CARDS = "```gp-cards\nsix-examples\n```\n"


def convert(data_dir, templates_dir) -> str:
    return markdown.markdown(
        CARDS,
        extensions=["goal_pyramid", "pymdownx.superfences"],
        extension_configs={
            "goal_pyramid": {"data_dir": str(data_dir), "templates_dir": str(templates_dir)},
            "pymdownx.superfences": {
                "custom_fences": [{"name": "gp-cards", "class": "gp-cards", "format": format_cards}]},
        },
    )


def test_the_same_set_renders_once_until_a_template_or_the_data_changes(tmp_path, monkeypatch, cards_data):
    monkeypatch.chdir(tmp_path)
    data = DataDir(tmp_path / "quiz_data").valid()
    templates = tmp_path / "components"
    shutil.copytree(ROOT / "overrides/components", templates)
    calls = []
    real = fences.render_cards
    monkeypatch.setattr(fences, "render_cards", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))

    first = convert(data.path, templates)
    assert convert(data.path, templates) == first and len(calls) == 1, "a second page reuses the HTML"

    template = templates / "cards/cards.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        'data-gp-module="cards"', 'data-gp-module="cards" data-edited'), encoding="utf-8")
    stat = template.stat()
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert "data-edited" in convert(data.path, templates) and len(calls) == 2

    cards_data["cards"][0]["statement"] = "Migrate to a streaming platform next year"
    data.write("examples.yml", cards_data)
    assert "next year" in convert(data.path, templates) and len(calls) == 3
