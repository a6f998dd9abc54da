// Used by the Python tests: reads {rules, statements} as JSON on stdin, prints each statement's results.
"use strict";
const checks = require("../../overrides/components/workbench/checks.js");
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { rules, statements } = JSON.parse(input);
  const engine = checks.compile(rules);
  process.stdout.write(JSON.stringify(statements.map((text) => {
    const results = engine.check(text);
    return { results, hint: checks.layerHint(text, results) };
  })));
});
