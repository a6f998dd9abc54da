// The check engine on its own: `node --test tests/js/` (make test runs it).
// The rules come from quiz_data/workbench-rules.yml by way of the Python models, as the page gets them.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const checks = require("../../overrides/components/workbench/checks.js");

const root = path.resolve(__dirname, "../..");
const python = process.env.GOAL_PYRAMID_PYTHON || path.join(root, ".venv/bin/python");
const rules = JSON.parse(execFileSync(python, ["-c",
  "import json; from goal_pyramid import load_catalogue; from goal_pyramid.components.workbench import rules_json;" +
  "print(json.dumps(rules_json(load_catalogue('quiz_data').by_kind('workbench')['workbench-rules'])))"],
  { cwd: root, encoding: "utf8" }));
const engine = checks.compile(rules);
const fires = (text) => new Set(engine.check(text).filter((r) => r.fires).map((r) => r.id));

test("a term matches whole words only, in any case", () => {
  const pattern = checks.termPattern("AI");
  assert.ok(pattern.test("Launch an ai chatbot"));
  assert.ok(!pattern.test("Said the chair"));
  assert.ok(checks.termPattern("data lake").test("Build a data   lake"));
});

test("each check quotes the words that made it fire, in the reader's spelling", () => {
  const technology = engine.check("Move our CRM to SALESFORCE").find((r) => r.id === "technology");
  assert.equal(technology.fires, true);
  assert.ok(technology.words.includes("SALESFORCE"));
});

test("overlapping matches are quoted once, the longer one kept", () => {
  const technology = engine.check("Launch an AI chatbot").find((r) => r.id === "technology");
  assert.deepEqual(technology.words.filter((w) => /ai/i.test(w)), ["AI chatbot"]);
});

test("empty text fires only the checks that look for something missing", () => {
  assert.deepEqual([...fires("")].sort(), ["done-when", "who-gains"]);
});

test("a learning goal is recognised, and a layer hint says it sits beside the pyramid", () => {
  const text = "Find out whether tenants use the app before we decide to build more";
  const results = engine.check(text);
  assert.ok(fires(text).has("learning-goal"));
  assert.deepEqual(checks.layerHint(text, results), { layer: null, reason: "learning" });
});

test("the layer hint is only a hint with a reason, and none for empty text", () => {
  assert.equal(checks.layerHint("  ", engine.check("  ")), null);
  const text = "Grow revenue from repeat customers by 20% next year";
  assert.equal(checks.layerHint(text, engine.check(text)).layer, "business-goal");
});

test("hostile text is just text: no throw, nothing evaluated", () => {
  const text = "<img src=x onerror=alert(1)> ".repeat(20) + "(((((".repeat(50);
  assert.doesNotThrow(() => engine.check(text));
});

test("one round of checks on a 500-character goal takes at most 1 ms", () => {
  const goal = ("Every customer who asks a billing question gets a correct answer within ten minutes, " +
    "so that nobody waits until the morning; ").repeat(5).slice(0, 500);
  for (let i = 0; i < 50; i++) engine.check(goal);  // warm up the regular expressions
  const rounds = 200;
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) engine.check(goal);
  const each = Number(process.hrtime.bigint() - start) / 1e6 / rounds;
  console.log(`workbench: one round of checks on 500 characters: ${each.toFixed(3)} ms`);
  assert.ok(each <= 1, `${each} ms`);
});
