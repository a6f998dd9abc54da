/*
 * Goal Pyramid core: starts every [data-gp-module] on the page once, on the
 * first load and after each instant navigation (Material's document$). The
 * components work without it.
 *
 * What components share lives in its own piece beside this one (deep-links,
 * print, copy-link, toolbar, progress-store: overrides/components/PIECE/); a
 * page loads the pieces its components use (the registry's `uses`), each
 * <script data-gp-piece="PIECE">. A piece registers in
 * window.goalPyramidPieces, optionally with `page` (run on every page, after
 * mounting) and `progress` (window.GoalPyramid.progress).
 */
(function () {
  "use strict";
  // Material re-runs the scripts of a new page's content: keep the first copy.
  if (window.GoalPyramid) {
    return;
  }

  // Component scripts and pieces add themselves here, before or after this file
  // runs: Material inserts a new page's scripts asynchronously, in no fixed order.
  var modules = window.goalPyramidModules = window.goalPyramidModules || {};
  var pieces = window.goalPyramidPieces = window.goalPyramidPieces || {};

  // The pieces this page loads, in the page's order, but for any that could not load.
  function pagePieces() {
    var scripts = document.querySelectorAll("script[data-gp-piece]:not([data-gp-load-failed])");
    return Array.prototype.map.call(scripts, function (script) {
      return script.getAttribute("data-gp-piece");
    });
  }

  // A piece that could not load (blocked, missing) holds nothing up: the
  // components start without it, and one that needs it fails on its own.
  document.addEventListener("error", function (event) {
    var script = event.target;
    if (script && script.matches && script.matches("script[data-gp-piece]")) {
      script.setAttribute("data-gp-load-failed", "");
      onEveryPage();
    }
  }, true);

  function mountAll() {
    document.querySelectorAll("[data-gp-module]").forEach(function (root) {
      var init = modules[root.getAttribute("data-gp-module")];
      if (!init || root.hasAttribute("data-gp-mounted")) {
        return;
      }
      root.setAttribute("data-gp-mounted", "");
      try {
        init(root);
      } catch (error) {
        // One broken component must not break the others; it still works as plain HTML.
        var name = root.getAttribute("data-gp-module");
        root.setAttribute("data-gp-failed", String(error && error.message));
        console.error("Goal Pyramid: the " + name + " component did not start; it stays plain HTML.", error);
      }
    });
  }

  function bringIntoFocus(details) {
    details.querySelector("summary").focus({ preventScroll: true });
    details.scrollIntoView({ block: "start" });
  }

  // Embed pages load none of Material's script, which follows the reader's
  // light or dark preference; do that here, and keep doing it if it changes.
  function followColourScheme() {
    var embed = document.querySelector("[data-gp-embed][data-gp-dark-scheme]");
    if (!embed || !window.matchMedia) {
      return;
    }
    var dark = window.matchMedia("(prefers-color-scheme: dark)");
    var apply = function () {
      var scheme = embed.getAttribute(dark.matches ? "data-gp-dark-scheme" : "data-gp-light-scheme");
      document.body.setAttribute("data-md-color-scheme", scheme);
    };
    apply();
    dark.addEventListener("change", apply);
  }
  followColourScheme();

  // Components start once every piece the page loads is here (the last to
  // arrive calls this again), so a component can count on the pieces it uses.
  function onEveryPage() {
    var names = pagePieces();
    if (names.some(function (name) { return !pieces[name]; })) {
      return;
    }
    mountAll();
    names.forEach(function (name) {
      if (typeof pieces[name].page === "function") {
        pieces[name].page();
      }
    });
  }

  /*
   * Tells the page's host that a reader answered (type "answer") or finished a
   * set (type "complete"): a DOM event "goal-pyramid:TYPE" on the document,
   * detail as given; inside a frame (an embed, a learning platform) the same
   * data also goes to the parent window by postMessage, as
   * { source: "goal-pyramid", type: "goal-pyramid:TYPE", detail }. Details hold
   * ids, booleans and numbers only, never text a reader typed.
   * answer: { set, item, answer, right, answered, total, score } (score: 0-100,
   * the share of the set's items right so far); complete: { set, right, total, score }.
   */
  function report(type, detail) {
    var name = "goal-pyramid:" + type;
    try {
      document.dispatchEvent(new CustomEvent(name, { detail: detail }));
    } catch (error) {
      console.error("Goal Pyramid: a listener of " + name + " failed.", error);
    }
    if (window.parent && window.parent !== window) {
      try {
        window.parent.postMessage({ source: "goal-pyramid", type: name, detail: detail }, "*");
      } catch (error) {
        // A parent that cannot be reached is no reason to stop the page.
      }
    }
  }

  // An answer to one item of a set, reported with the set's score so far; once every item of
  // the set (elements marked data-gp-answered="right" or "wrong") has an answer, the set's end too.
  function reportAnswer(setId, items, itemId, answer, right) {
    var answered = items.filter(function (item) { return item.hasAttribute("data-gp-answered"); });
    var rightSoFar = answered.filter(function (item) { return item.getAttribute("data-gp-answered") === "right"; });
    var score = Math.round(100 * rightSoFar.length / items.length);
    report("answer", {
      set: setId, item: itemId, answer: answer, right: right,
      answered: answered.length, total: items.length, score: score
    });
    if (answered.length === items.length) {
      report("complete", { set: setId, right: rightSoFar.length, total: items.length, score: score });
    }
  }

  window.GoalPyramid = {
    mountAll: onEveryPage,
    bringIntoFocus: bringIntoFocus,
    report: report,
    reportAnswer: reportAnswer
  };
  // The progress store's API (progress-store.js), on pages that load it.
  Object.defineProperty(window.GoalPyramid, "progress", {
    enumerable: true,
    get: function () {
      return pieces["progress-store"] ? pieces["progress-store"].progress : undefined;
    }
  });

  function start() {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(onEveryPage);
    } else {
      onEveryPage();
    }
  }

  // On a full load this file runs before Material's bundle defines document$.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  // By the load event every script of the page has run or failed.
  window.addEventListener("load", function () {
    document.querySelectorAll("script[data-gp-piece]").forEach(function (script) {
      if (!pieces[script.getAttribute("data-gp-piece")]) {
        script.setAttribute("data-gp-load-failed", "");
      }
    });
    onEveryPage();
  }, { once: true });
})();
