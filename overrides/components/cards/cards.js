/* Example cards: native <details> do the revealing; the core adds
   "Reveal all" / "Hide all" and #links. Nothing more is needed here. */
(window.goalPyramidModules = window.goalPyramidModules || {}).cards = function () {};
if (window.GoalPyramid) {
  window.GoalPyramid.mountAll();
}
