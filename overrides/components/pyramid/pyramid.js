/* The goal pyramid: "Why?" and "How?" links open the neighbouring layer and
   move focus to it, so keyboard and screen-reader users land where they read. */
(window.goalPyramidModules = window.goalPyramidModules || {}).pyramid = function (root) {
  root.addEventListener("click", function (event) {
    var step = event.target.closest("[data-gp-step]");
    if (!step) {
      return;
    }
    // Material's instant navigation rewrites every href to an absolute URL.
    var hash = new URL(step.href, window.location.href).hash;
    var target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) {
      return;
    }
    // Stay on this page as it is (no re-render by instant navigation, which
    // ignores preventDefault), so other open layers stay open and focus lands.
    event.preventDefault();
    event.stopPropagation();
    target.open = true;
    history.pushState(null, "", hash);
    window.GoalPyramid.bringIntoFocus(target);
  });
};
if (window.GoalPyramid) {
  window.GoalPyramid.mountAll();
}
