/*
 * Goal Pyramid toolbar (macro: toolbar.html): "Reveal all" / "Hide all" for the
 * <details> of one component, once it has started: before that, or when it
 * failed, the toolbar is hidden (core.css).
 */
(function (pieces) {
  "use strict";
  if (pieces["toolbar"]) {
    return;  // Material re-runs the scripts of a new page's content: keep the first copy.
  }

  function revealOrHide(event) {
    var button = event.target.closest("[data-gp-toolbar] [data-gp-action]");
    var root = button && button.closest("[data-gp-module]");
    if (!root || !root.hasAttribute("data-gp-mounted") || root.hasAttribute("data-gp-failed")) {
      return;
    }
    var toolbar = button.closest("[data-gp-toolbar]");
    var status = root.querySelector("[data-gp-status]");
    var open = button.getAttribute("data-gp-action") === "open-all";
    var all = root.querySelectorAll("details");
    all.forEach(function (details) {
      details.open = open;
    });
    if (status) {
      var message = toolbar.getAttribute(open ? "data-gp-opened" : "data-gp-closed") || "";
      status.textContent = message.replace("{count}", String(all.length));
    }
  }
  document.addEventListener("click", revealOrHide);

  pieces["toolbar"] = {};
  // Components wait for every piece their page loads (core.js): start them now if this was the last.
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
})(window.goalPyramidPieces = window.goalPyramidPieces || {});
