/* "Your progress": counts what this browser remembers for each practice set and
   case, and for each pyramid layer how many items were right on their last try;
   follows answers given in other tabs; "Download my results" makes a CSV here,
   in the browser; "Forget my progress" clears everything the site stored. */
(function () {
  "use strict";

  var has = Object.prototype.hasOwnProperty;

  // One CSV field (RFC 4180): quoted when it holds a quote, a comma or a line break. A value
  // a spreadsheet would run as a formula (= + - @, or a tab or return first) starts with ' instead.
  function csvField(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) {
      text = "'" + text;
    }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csvLine(fields) {
    return fields.map(csvField).join(",") + "\r\n";
  }

  function mountProgress(root) {
    var progress = window.GoalPyramid.progress;
    var status = root.querySelector("[data-gp-status]");

    function idsOf(row) {
      var ids = row.getAttribute("data-gp-items").split(" ");
      return ids.filter(function (id, index) {
        return id && ids.indexOf(id) === index;
      });
    }

    function refresh() {
      var saved = progress.all();  // no inherited keys: an id like "constructor" is just an id
      // Only current ids count: progress for a removed question is not an answer.
      root.querySelectorAll("[data-gp-progress-set], [data-gp-mastery]").forEach(function (row) {
        var answered = idsOf(row).filter(function (id) {
          return has.call(saved, id);
        });
        var right = answered.filter(function (id) {
          return saved[id].right;
        });
        var answeredCell = row.querySelector("[data-gp-answered]");
        if (answeredCell) {
          answeredCell.textContent = String(answered.length);
        }
        row.querySelector("[data-gp-right]").textContent = String(right.length);
      });
      var persistent = progress.persistent();
      root.querySelector("[data-gp-storage-note]").hidden = persistent;
      root.querySelector("[data-gp-quota-note]").hidden = !persistent || !progress.quotaFull();
    }

    // item, set, layer, answer, right, date: one line per current item with an answer, in the page's order.
    function resultsCsv() {
      var saved = progress.all();
      var layers = {};
      root.querySelectorAll("[data-gp-mastery]").forEach(function (row) {
        idsOf(row).forEach(function (id) {
          layers[id] = row.getAttribute("data-gp-mastery");
        });
      });
      var text = csvLine(["item", "set", "layer", "answer", "right", "date"]);
      var done = {};
      root.querySelectorAll("[data-gp-progress-set]").forEach(function (row) {
        idsOf(row).forEach(function (id) {
          if (done[id] || !has.call(saved, id)) {
            return;
          }
          done[id] = true;
          var record = saved[id];
          var date = typeof record.at === "number" ? new Date(record.at).toISOString() : "";
          text += csvLine([id, row.getAttribute("data-gp-progress-set"), layers[id] || "", record.answer,
                           record.right ? "yes" : "no", date]);
        });
      });
      return text;
    }

    function download() {
      var template = root.querySelector("[data-gp-download-link]");
      var link = template.content.firstElementChild.cloneNode(true);
      // A byte order mark, so spreadsheets read the file as UTF-8.
      var blob = new Blob(["\ufeff" + resultsCsv()], { type: "text/csv;charset=utf-8" });
      var address = URL.createObjectURL(blob);
      link.href = address;
      template.after(link);
      link.click();
      link.remove();
      window.setTimeout(function () {
        URL.revokeObjectURL(address);
      }, 1000);
      status.textContent = root.getAttribute("data-gp-say-downloaded").replace("{file}", link.getAttribute("download"));
    }

    root.addEventListener("click", function (event) {
      var action = event.target.closest("[data-gp-progress-action]");
      if (!action) {
        return;
      }
      if (action.getAttribute("data-gp-progress-action") === "forget") {
        progress.forget();
        refresh();
        status.textContent = root.getAttribute("data-gp-say-forgotten");
      } else if (action.getAttribute("data-gp-progress-action") === "download") {
        download();
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
