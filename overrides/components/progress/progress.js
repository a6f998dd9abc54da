/* "Your progress": counts what this browser remembers for each practice set,
   follows answers given in other tabs, and "Forget my progress" clears
   everything the site stored. */
(function () {
  "use strict";

  function mountProgress(root) {
    var progress = window.GoalPyramid.progress;
    var status = root.querySelector("[data-gp-status]");

    function refresh() {
      var saved = progress.all();  // no inherited keys: an id like "constructor" is just an id
      root.querySelectorAll("[data-gp-progress-set]").forEach(function (row) {
        // Only the set's current ids count: progress for a removed question is not an answer.
        var ids = row.getAttribute("data-gp-items").split(" ");
        var answered = ids.filter(function (id, index) {
          return id && ids.indexOf(id) === index && Object.prototype.hasOwnProperty.call(saved, id);
        });
        var right = answered.filter(function (id) {
          return saved[id].right;
        });
        row.querySelector("[data-gp-answered]").textContent = String(answered.length);
        row.querySelector("[data-gp-right]").textContent = String(right.length);
      });
      var persistent = progress.persistent();
      root.querySelector("[data-gp-storage-note]").hidden = persistent;
      root.querySelector("[data-gp-quota-note]").hidden = !persistent || !progress.quotaFull();
    }

    root.addEventListener("click", function (event) {
      if (event.target.closest('[data-gp-progress-action="forget"]')) {
        progress.forget();
        refresh();
        status.textContent = root.getAttribute("data-gp-say-forgotten");
      }
    });
    refresh();
    progress.onChange(refresh, root);
  }

  (window.goalPyramidModules = window.goalPyramidModules || {}).progress = mountProgress;
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
})();
