/*
 * The goal workbench on the page: runs checks.js as the reader types (after a
 * pause, and on leaving the box), says what it found in one polite
 * announcement, and keeps the draft: Markdown, a printed card, a link that
 * carries the text in its #fragment, and named drafts in localStorage.
 * Text from the box, the link or storage is only ever set with textContent
 * or value.
 */
(function () {
  "use strict";
  var modules = window.goalPyramidModules = window.goalPyramidModules || {};
  var PAUSE_MS = 600;
  var MAX_FRAGMENT = 4000;
  var DRAFTS_KEY = "goal-pyramid:workbench:drafts:v1";
  var MAX_DRAFTS = 20;
  var FIELDS = ["goal", "why", "how"];

  function say(root, name, values) {
    var text = root.getAttribute("data-gp-say-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.split("{" + key + "}").join(values[key]);
    });
    return text;
  }

  function storage() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null;
    }
  }

  function readDrafts() {
    var store = storage();
    if (!store) {
      return { ok: false, drafts: [] };
    }
    try {
      var list = JSON.parse(store.getItem(DRAFTS_KEY) || "[]");
      return { ok: true, drafts: Array.isArray(list) ? list.filter(isDraft) : [] };
    } catch (error) {
      return { ok: error instanceof SyntaxError, drafts: [] };
    }
  }

  function isDraft(value) {
    return !!value && typeof value === "object" && typeof value.name === "string" && typeof value.goal === "string";
  }

  function writeDrafts(drafts) {
    var store = storage();
    try {
      if (!drafts.length) {
        store.removeItem(DRAFTS_KEY);
      } else {
        store.setItem(DRAFTS_KEY, JSON.stringify(drafts));
      }
      return true;
    } catch (error) {
      return false;  // blocked or full: only the keeping stops
    }
  }

  function clip(value, length) {
    return typeof value === "string" ? value.slice(0, length) : "";
  }

  modules.workbench = function (root) {
    if (!window.GoalPyramidChecks) {
      // After instant navigation checks.js may arrive after this file; it mounts us when it does.
      root.removeAttribute("data-gp-mounted");
      return;
    }
    var engine = window.GoalPyramidChecks.compile(JSON.parse(root.getAttribute("data-gp-rules")));
    var field = function (name) { return root.querySelector('[data-gp-field="' + name + '"]'); };
    var goal = field("goal");
    var status = root.querySelector("[data-gp-wb-status]");
    var done = root.querySelector("[data-gp-wb-done]");
    var timer = null;
    var lastAnnounced = null;
    var memoryDrafts = null;  // drafts kept for the visit when storage refuses

    root.querySelector("[data-gp-keep]").hidden = false;

    function draft() {
      var swap = root.querySelector('[data-gp-field="swap"]:checked');
      return { goal: goal.value, why: field("why").value, how: field("how").value, swap: swap ? swap.value : "" };
    }

    function fill(values) {
      FIELDS.forEach(function (name) {
        field(name).value = clip(values[name], Number(field(name).getAttribute("maxlength")) || 1000);
      });
      root.querySelectorAll('[data-gp-field="swap"]').forEach(function (radio) {
        radio.checked = radio.value === values.swap;
      });
      update(true);
    }

    function showChecks() {
      var text = goal.value;
      var results = engine.check(text);
      var speaking = [];
      results.forEach(function (result) {
        var row = root.querySelector('[data-gp-check="' + result.id + '"]');
        var empty = !text.trim();
        var good = row.hasAttribute("data-gp-good-news");
        var words = result.words.slice(0, 3).join("”, “");
        var message = (result.fires ? row.getAttribute("data-gp-found") : row.getAttribute("data-gp-quiet"))
          .split("{words}").join(words);
        row.querySelector("[data-gp-result]").hidden = empty;
        row.querySelector("[data-gp-result-text]").textContent = message;
        row.querySelector("[data-gp-mark]").textContent = result.fires ? (good ? "✓" : "!") : "✓";
        row.querySelector("[data-gp-try]").hidden = empty || !result.fires;
        row.setAttribute("data-gp-state", empty ? "" : result.fires ? (good ? "good" : "fires") : "quiet");
        if (!empty && result.fires && !good) {
          speaking.push(row.querySelector(".gp-workbench__question").textContent.replace(/^\s*\d+\.\s*/, "").trim());
        }
      });
      showHint(text, results);
      return { empty: !text.trim(), speaking: speaking, total: results.length };
    }

    function showHint(text, results) {
      var hint = window.GoalPyramidChecks.layerHint(text, results);
      var box = root.querySelector("[data-gp-hint]");
      box.hidden = !hint;
      if (!hint) {
        return;
      }
      var where = root.querySelector('[data-gp-hint-layer="' + (hint.layer || "") + '"]') ||
                  root.querySelector('[data-gp-hint-layer=""]');
      var reason = root.querySelector('[data-gp-hint-reason="' + hint.reason + '"]');
      root.querySelector("[data-gp-hint-where]").textContent = where.textContent + " " + (reason ? reason.textContent : "");
    }

    function showSwap() {
      var answer = draft().swap;
      root.querySelectorAll("[data-gp-swap-result]").forEach(function (line) {
        line.hidden = line.getAttribute("data-gp-swap-result") !== answer;
      });
    }

    function markdown(values) {
      var quote = function (text) {
        return text.trim().split(/\r?\n/).map(function (line) { return "> " + line; }).join("\n");
      };
      var lines = ["## Our project goal", "", quote(values.goal || "")];
      if (values.why.trim()) {
        lines.push("", "**Why it matters:** " + values.why.trim().replace(/\s*\n\s*/g, " "));
      }
      if (values.how.trim()) {
        lines.push("", "**First bets:** " + values.how.trim().replace(/\s*\n\s*/g, " "));
      }
      if (values.swap) {
        lines.push("", "**Survives a change of technology:** " + (values.swap === "yes" ? "yes" : "not yet"));
      }
      return lines.join("\n") + "\n";
    }

    function showKeep() {
      var values = draft();
      root.querySelector("[data-gp-markdown]").value = markdown(values);
      root.querySelector("[data-gp-card-goal]").textContent = values.goal.trim();
      ["why", "how"].forEach(function (name) {
        root.querySelector('[data-gp-card="' + name + '"]').textContent = values[name].trim();
        root.querySelector('[data-gp-card-row="' + name + '"]').hidden = !values[name].trim();
      });
    }

    // announce: after a pause or on leaving the box, say the summary once (never the same twice running).
    function update(announce) {
      var summary = showChecks();
      showSwap();
      showKeep();
      if (!announce) {
        return;
      }
      var message = summary.empty ? "" : summary.speaking.length
        ? say(root, "checked", { count: summary.speaking.length, total: summary.total,
                                 names: ": " + summary.speaking.join("; ") })
        : say(root, "clear");
      if (message !== lastAnnounced) {
        lastAnnounced = message;
        status.textContent = message;
      }
    }

    goal.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { update(true); }, PAUSE_MS);
    });
    goal.addEventListener("change", function () {
      clearTimeout(timer);
      update(true);
    });
    var chainTimer = null;
    root.addEventListener("input", function (event) {
      if (event.target !== goal && event.target.hasAttribute("data-gp-field")) {
        clearTimeout(chainTimer);  // the chain boxes redraw the Markdown and card after a pause too
        chainTimer = setTimeout(function () { update(false); }, PAUSE_MS);
      }
    });
    root.addEventListener("change", function (event) {
      if (event.target !== goal) {
        update(false);
      }
    });

    // --- keeping -----------------------------------------------------------------------

    function copy(text, fallback) {
      var refused = function () {
        fallback();
        done.textContent = say(root, "fallback");
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done.textContent = say(root, "copied"); }, refused);
      } else {
        refused();
      }
    }

    function draftLink() {
      var values = draft();
      var here = window.location;
      return here.protocol + "//" + here.host + here.pathname + "#draft=" + encodeURIComponent(JSON.stringify(values));
    }

    function openFragment() {
      var hash = window.location.hash;
      if (hash.indexOf("#draft=") !== 0) {
        return;
      }
      var raw = hash.slice("#draft=".length);
      if (raw.length > MAX_FRAGMENT) {
        status.textContent = say(root, "too-long", { max: MAX_FRAGMENT.toLocaleString("en") });
        return;
      }
      var values;
      try {
        var text = decodeURIComponent(raw);
        values = text.charAt(0) === "{" ? JSON.parse(text) : { goal: text };
      } catch (error) {
        values = null;
      }
      if (!values || typeof values !== "object" || typeof values.goal !== "string") {
        status.textContent = say(root, "unreadable");
        return;
      }
      fill({ goal: values.goal, why: clip(values.why, 600), how: clip(values.how, 600),
             swap: values.swap === "yes" || values.swap === "no" ? values.swap : "" });
      lastAnnounced = say(root, "opened");
      status.textContent = lastAnnounced;
    }

    function drafts() {
      if (memoryDrafts) {
        return { ok: false, drafts: memoryDrafts };
      }
      return readDrafts();
    }

    function keep(list) {
      if (!writeDrafts(list)) {
        memoryDrafts = list;
      } else {
        memoryDrafts = null;
      }
      showDrafts();
    }

    function showDrafts() {
      var state = drafts();
      var list = root.querySelector("[data-gp-drafts]");
      var row = root.querySelector("[data-gp-draft-row]");
      list.textContent = "";
      state.drafts.forEach(function (saved, index) {
        var item = row.content.firstElementChild.cloneNode(true);
        item.querySelector("[data-gp-draft-open]").textContent = saved.name;
        item.querySelector("[data-gp-draft-open]").setAttribute("data-gp-index", String(index));
        item.querySelector("[data-gp-draft-delete]").setAttribute("data-gp-index", String(index));
        item.querySelector("[data-gp-draft-delete-name]").textContent = " " + saved.name;
        list.appendChild(item);
      });
      root.querySelector("[data-gp-no-drafts]").hidden = state.drafts.length > 0;
      root.querySelector('[data-gp-action-wb="delete-all"]').hidden = state.drafts.length === 0;
      root.querySelector("[data-gp-storage-note]").hidden = state.ok;
    }

    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !root.contains(button)) {
        return;
      }
      var action = button.getAttribute("data-gp-action-wb");
      var index = Number(button.getAttribute("data-gp-index"));
      var list = drafts().drafts.slice();
      if (action === "copy-markdown") {
        var box = root.querySelector("[data-gp-markdown]");
        copy(box.value, function () { box.focus(); box.select(); });
      } else if (action === "copy-link") {
        var link = draftLink();
        var fallback = root.querySelector("[data-gp-link-fallback]");
        var input = root.querySelector("[data-gp-link-field]");
        copy(link, function () {
          input.value = link;
          fallback.hidden = false;
          input.focus();
          input.select();
        });
      } else if (action === "print") {
        showKeep();
        document.documentElement.classList.add("gp-print-goal-card");
        window.addEventListener("afterprint", function () {
          document.documentElement.classList.remove("gp-print-goal-card");
        }, { once: true });
        window.print();
      } else if (action === "save") {
        var name = root.querySelector("[data-gp-draft-name]").value.trim() || say(root, "untitled");
        var values = draft();
        values.name = name.slice(0, 80);
        list = list.filter(function (saved) { return saved.name !== values.name; });
        list.unshift(values);
        keep(list.slice(0, MAX_DRAFTS));
        done.textContent = say(root, "saved", { name: values.name });
      } else if (action === "delete-all") {
        keep([]);
        done.textContent = say(root, "deleted-all");
      } else if (button.hasAttribute("data-gp-draft-open") && list[index]) {
        fill(list[index]);
        root.querySelector("[data-gp-draft-name]").value = list[index].name;
        done.textContent = say(root, "loaded", { name: list[index].name });
      } else if (button.hasAttribute("data-gp-draft-delete") && list[index]) {
        var gone = list.splice(index, 1)[0];
        keep(list);
        done.textContent = say(root, "deleted", { name: gone.name });
        goal.focus();  // the button the reader pressed is gone
      }
    });

    window.addEventListener("hashchange", openFragment);
    showDrafts();
    update(false);
    openFragment();
  };
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();  // after instant navigation this file may come after the core
  }
})();
