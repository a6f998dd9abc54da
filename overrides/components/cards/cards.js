/* Example cards: native <details> do the revealing; the shared pieces add
   "Reveal all" / "Hide all" (toolbar/) and #links (deep-links/). This adds the
   optional "Guess first" mode: say whether a statement is a good goal, then see
   its verdict and whether you were right. */
(function () {
  "use strict";

  function mountCards(root) {
    var status = root.querySelector("[data-gp-status]");

    function guess(card, value) {
      var box = card.querySelector("[data-gp-guess]");
      var right = box.getAttribute("data-gp-good") === value;
      var result = box.querySelector('[data-gp-guess-result="' + (right ? "right" : "wrong") + '"]');
      box.querySelectorAll("[data-gp-guess-result]").forEach(function (line) {
        line.hidden = line !== result;
      });
      card.querySelector("details").open = true;
      result.focus();
      status.textContent = result.textContent.replace(/\s+/g, " ").trim();
    }

    root.addEventListener("click", function (event) {
      var mode = event.target.closest('[data-gp-cards-action="guess-mode"]');
      if (mode) {
        var on = mode.getAttribute("aria-pressed") !== "true";
        mode.setAttribute("aria-pressed", String(on));
        root.toggleAttribute("data-gp-guess-mode", on);
        if (on) {
          root.querySelectorAll("details").forEach(function (details) {
            details.open = false;
          });
          root.querySelectorAll("[data-gp-guess-result]").forEach(function (line) {
            line.hidden = true;
          });
        }
        return;
      }
      var button = event.target.closest("[data-gp-guess-value]");
      if (button) {
        guess(button.closest(".gp-card"), button.getAttribute("data-gp-guess-value"));
      }
    });
  }

  (window.goalPyramidModules = window.goalPyramidModules || {}).cards = mountCards;
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
})();
