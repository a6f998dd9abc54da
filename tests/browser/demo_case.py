"""A small case for the tests of Review and "Your progress": the branch has no case data of its own,
so a site is built with it in a company's extra data folder (GOAL_PYRAMID_EXTRA_DATA)."""

from __future__ import annotations

CASE_ID = "demo-case"
CASE_TITLE = "A demo meeting"

DEMO_CASE = {
    "kind": "scenario", "id": CASE_ID, "title": CASE_TITLE, "project": "data-platform",
    "setting": "Five people and a whiteboard.",
    "voices": [
        {"id": "demo-cfo", "person": "The finance lead", "says": "Keep more of the customers we have",
         "layer": "business-goal", "why": "An outcome the board tracks.",
         "traps": [{"place": "operational-goal", "why": "Nothing in it says what must change day to day."}]},
        {"id": "demo-ops", "person": "The operations lead", "says": "Figures are never more than an hour old",
         "layer": "operational-goal", "why": "A measurable change, no solution named."},
        {"id": "demo-eng", "person": "The engineer", "says": "Cut the pipeline's delay to under ten minutes",
         "layer": "technical-goal", "why": "A system property that serves the change."},
        {"id": "demo-spec", "person": "The security officer", "says": "Every export is encrypted at rest",
         "what_it_is": "requirement", "why": "A condition for the specification."},
        {"id": "demo-budget", "person": "The sponsor", "says": "We have two engineers until June",
         "what_it_is": "constraint", "why": "A limit on the plan."},
        {"id": "demo-kafka", "person": "The architect", "says": "Move everything to a streaming platform",
         "what_it_is": "solution-idea", "why": "A bet on how, before the goal is set."},
    ],
    "candidates": [
        {"id": "demo-a", "goal": "Figures are never more than an hour old, so customers stop leaving",
         "best": True, "why": "It says what changes and why."},
        {"id": "demo-b", "goal": "Move to a streaming platform", "why": "A solution, not a goal."},
        {"id": "demo-c", "goal": "Keep more customers", "why": "A business goal, too high for a project."},
    ],
    "chain": {"business_goal": "Keep more customers", "project_goal": "Figures are never more than an hour old",
              "technical_goal": "Pipeline delay under ten minutes", "initiative": "Incremental loads",
              "delivery_increment": "The sales report refreshes hourly", "task": "Schedule the hourly job"},
    "trade_off": "The team may drop the streaming platform if hourly loads meet the goal.",
}
