/*
 * The goal workbench's checks: the one implementation, run by the page and by
 * `node --test tests/js/`. Rules are data (quiz_data/workbench-rules.yml, embedded
 * in the page as JSON); this file only knows how to apply them.
 *
 *   var engine = GoalPyramidChecks.compile(rules);
 *   engine.check("Migrate to a streaming platform")
 *   // -> [{ id: "technology", fires: true, words: ["Migrate"] }, ...]
 *
 * A rule with flags "found" fires when at least min_found of its terms or patterns
 * match (or one does, when none of one_is_enough_unless matches); flags "missing"
 * fires when none matches. Spans matching `ignore` are blanked first.
 */
(function (root, factory) {
  var api = factory();
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else {
    root.GoalPyramidChecks = api;
    if (root.GoalPyramid && root.document) {
      root.GoalPyramid.mountAll();  // the workbench waits for this file when it came first
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // A term is a whole word or phrase: "AI" matches "an AI chatbot", not "said"; spaces match any spacing.
  function termPattern(term) {
    var body = escapeRegExp(term.trim()).replace(/\s+/g, "\\s+");
    var start = /^\w/.test(term.trim()) ? "(?<![\\w-])" : "";
    var end = /\w$/.test(term.trim()) ? "(?![\\w-])" : "";
    return new RegExp(start + body + end, "i");
  }

  function compileRule(rule) {
    var matchers = (rule.terms || []).map(termPattern).concat((rule.patterns || []).map(function (source) {
      return new RegExp(source, "i");
    }));
    return {
      id: rule.id,
      flags: rule.flags,
      minFound: rule.min_found || 1,
      matchers: matchers,
      ignore: (rule.ignore || []).map(function (source) { return new RegExp(source, "gi"); }),
      unless: (rule.one_is_enough_unless || []).map(function (source) { return new RegExp(source, "i"); })
    };
  }

  function blank(text, patterns) {
    patterns.forEach(function (pattern) {
      text = text.replace(pattern, function (found) { return new Array(found.length + 1).join(" "); });
    });
    return text;
  }

  function run(rule, text) {
    var seen = blank(text, rule.ignore);
    var words = [];
    var starts = [];
    rule.matchers.forEach(function (matcher) {
      var found = matcher.exec(seen);
      if (!found || !found[0].trim()) {
        return;
      }
      // The reader's own words, as typed, not as blanked.
      var quoted = text.substr(found.index, found[0].length).trim();
      // One stretch of text counts once, even when two terms match it ("AI" inside "an AI chatbot").
      for (var i = 0; i < starts.length; i++) {
        if (found.index < starts[i][1] && starts[i][0] < found.index + found[0].length) {
          if (found[0].length > starts[i][1] - starts[i][0]) {
            words[i] = quoted;
            starts[i] = [found.index, found.index + found[0].length];
          }
          return;
        }
      }
      words.push(quoted);
      starts.push([found.index, found.index + found[0].length]);
    });
    var fires;
    if (rule.flags === "missing") {
      fires = words.length === 0;
    } else {
      var enough = words.length >= rule.minFound ||
        (words.length > 0 && !rule.unless.some(function (pattern) { return pattern.test(text); }));
      fires = enough;
    }
    // In the reader's order, so the quote reads like their sentence.
    var order = starts.map(function (span, index) { return index; }).sort(function (a, b) {
      return starts[a][0] - starts[b][0];
    });
    return { id: rule.id, fires: fires, words: order.map(function (index) { return words[index]; }) };
  }

  function compile(rules) {
    var compiled = rules.map(compileRule);
    return {
      check: function (text) {
        var clean = String(text || "");
        return compiled.map(function (rule) { return run(rule, clean); });
      }
    };
  }

  // Where the statement probably sits: a hint with its reason, never a verdict.
  // results: what check() returned; layers: [{id, name}] from the pyramid, top first.
  function layerHint(text, results) {
    var by = {};
    results.forEach(function (result) { by[result.id] = result; });
    var clean = String(text || "");
    if (!clean.trim()) {
      return null;
    }
    if (by["learning-goal"] && by["learning-goal"].fires) {
      return { layer: null, reason: "learning" };
    }
    if (by.requirements && by.requirements.fires) {
      return { layer: null, reason: "requirements" };
    }
    if (/\b(?:be the|become the|lead the market|market leader|pull ahead|first place people)\b/i.test(clean)) {
      return { layer: "company-strategy", reason: "strategy" };
    }
    if (/^\s*(?:today|this sprint|as an?\s+\w+,\s+i can)\b/i.test(clean) || /^\s*as an?\s+[^,]+,\s*i can\b/i.test(clean)) {
      return { layer: "delivery-increment", reason: "slice" };
    }
    if (by.technology && by.technology.fires) {
      return { layer: "initiative", reason: "means" };
    }
    if (/\b(?:revenue|profit|margin|costs?|spend|market share|sales|churn|cancel|growth|grow)\b/i.test(clean)) {
      return { layer: "business-goal", reason: "money" };
    }
    if (/\b(?:latency|response time|load|loads|build|deploy|release|roll(?:ed)? back|restore|uptime|pipeline|queries|query|milliseconds|seconds)\b/i.test(clean)) {
      return { layer: "technical-goal", reason: "system" };
    }
    return { layer: "operational-goal", reason: "work" };
  }

  return { compile: compile, layerHint: layerHint, termPattern: termPattern };
});
