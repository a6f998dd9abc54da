/* The goal pyramid: "Why?" and "How?" links open the neighbouring layer and
   move focus to it, so keyboard and screen-reader users land where they read. */
window.GoalPyramid.register("pyramid", function (root) {
  root.addEventListener("click", function (event) {
    var step = event.target.closest("[data-gp-step]");
    if (!step) {
      return;
    }
    var target = document.getElementById(step.getAttribute("href").slice(1));
    if (!target) {
      return;
    }
    event.preventDefault();
    target.open = true;
    history.pushState(null, "", step.getAttribute("href"));
    target.querySelector("summary").focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  });
});
