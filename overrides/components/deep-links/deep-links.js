/*
 * Goal Pyramid deep links: a #link to a card or layer opens its <details>,
 * brings it into view and gives it focus, on load, after instant navigation
 * (core.js calls `page` each time) and when the #id changes.
 */
(function (pieces) {
  "use strict";
  if (pieces["deep-links"]) {
    return;  // Material re-runs the scripts of a new page's content: keep the first copy.
  }

  function targetDetails() {
    var id = decodedHash();
    var target = id && document.getElementById(id);
    if (target && target.matches("[data-gp-module] details")) {
      return target;
    }
    return null;
  }

  // The URL's #id; a malformed escape such as "#%" is taken as written.
  function decodedHash() {
    var raw = window.location.hash.slice(1);
    try {
      return decodeURIComponent(raw);
    } catch (error) {
      return raw;
    }
  }

  // Open the card or layer named by the URL's #id, bring it into view and give it focus.
  function openTarget() {
    var target = targetDetails();
    if (!target || !window.GoalPyramid) {
      return;
    }
    target.open = true;
    window.GoalPyramid.bringIntoFocus(target);
    // Chromium drops focus given before the load ends when the URL has a #fragment.
    if (document.readyState !== "complete") {
      window.addEventListener("load", function () {
        window.GoalPyramid.bringIntoFocus(target);
      }, { once: true });
    }
  }

  window.addEventListener("hashchange", openTarget);

  pieces["deep-links"] = { page: openTarget };
  // Components wait for every piece their page loads (core.js): start them now if this was the last.
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
})(window.goalPyramidPieces = window.goalPyramidPieces || {});
