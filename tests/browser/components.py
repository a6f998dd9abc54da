"""Find the components the way a reader does: by what they say."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

STATEMENTS = {
    "migrate-to-streaming": ("Migrate to a streaming platform", "Technology first"),
    "reduce-latency": ("Reduce data pipeline latency", "Stops too soon"),
    "security-requirements": ("Ensure the platform meets enterprise security standards", "Requirements, not a goal"),
    "fresh-data-operational": ("Ensure models run on data under one hour old", "Good — operational goal"),
    "latency-for-analysts": ("Reduce pipeline latency so analysts", "Good — technical goal"),
    "validate-freshness-pilot": ("Validate whether sub-minute data freshness", "Good — learning goal"),
}

LAYERS = ["Company strategy", "Business goal", "Operational goal", "Technical goal",
          "Initiative", "Delivery increment", "Task"]


def card(page: Page, statement: str) -> Locator:
    """An example card: a native <details> (role group) that opens with its statement."""
    return page.get_by_role("group").filter(has_text=re.compile(r"^\s*“" + re.escape(statement)))


def layer(page: Page, name: str) -> Locator:
    """A pyramid layer: a native <details> whose summary starts with the layer's name."""
    return page.get_by_role("group").filter(has_text=re.compile(r"^\s*" + re.escape(name) + r"\b"))


def verdict(page: Page, card_id: str) -> Locator:
    statement, label = STATEMENTS[card_id]
    return card(page, statement).get_by_text(label, exact=True)
