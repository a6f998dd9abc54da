/*
 * Goal Pyramid printing: every answer a component hides in a <details> prints;
 * they open before printing and close again after.
 */
(function (pieces) {
  "use strict";
  if (pieces["print"]) {
    return;  // Material re-runs the scripts of a new page's content: keep the first copy.
  }

  // Printing shows every answer: open all, then put each back as it was.
  var closedBeforePrint = [];
  window.addEventListener("beforeprint", function () {
    closedBeforePrint = Array.prototype.slice.call(
      document.querySelectorAll("[data-gp-module] details:not([open])")
    );
    closedBeforePrint.forEach(function (details) {
      details.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    closedBeforePrint.forEach(function (details) {
      details.open = false;
    });
    closedBeforePrint = [];
  });

  pieces["print"] = {};
  // Components wait for every piece their page loads (core.js): start them now if this was the last.
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
})(window.goalPyramidPieces = window.goalPyramidPieces || {});
