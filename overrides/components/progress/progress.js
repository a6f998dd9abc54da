/* "Your progress": counts what this browser remembers for each practice set,
   and "Forget my progress" clears it. */
(function () {
  "use strict";

  function mountProgress(root) {
    var progress = window.GoalPyramid.progress;
    var status = root.querySelector("[data-gp-status]");

    function refresh() {
      var saved = progress.all();
      root.querySelectorAll("[data-gp-progress-set]").forEach(function (row) {
        var ids = row.getAttribute("data-gp-items").split(" ");
        var answered = ids.filter(function (id) {
          return saved[id];
        });
        var right = answered.filter(function (id) {
          return saved[id].right;
        });
        row.querySelector("[data-gp-answered]").textContent = String(answered.length);
        row.querySelector("[data-gp-right]").textContent = String(right.length);
      });
      root.querySelector("[data-gp-storage-note]").hidden = progress.persistent();
    }

    root.addEventListener("click", function (event) {
      if (event.target.closest('[data-gp-progress-action="forget"]')) {
        progress.forget();
        refresh();
        status.textContent = root.getAttribute("data-gp-say-forgotten");
      }
    });
    refresh();
  }

  (window.goalPyramidModules = window.goalPyramidModules || {}).progress = mountProgress;
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
})();
