/*
 * Review what you missed: shows up to ten items that are due (the progress
 * store's schedule: wrong answers come back after 1, 3 and 7 days) or never
 * answered, in the practice sets' guess-first form, and records each answer in
 * the same progress record (which moves its schedule on). ?layer=ID reviews only
 * the items of that layer (or kind of "not a goal"). Without this script the
 * page says review needs JavaScript and links to the practice sets.
 */
(function () {
  "use strict";

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, name) {
      return String(values[name]);
    });
  }

  // Compares attribute values: an answer read from storage may hold any character.
  function withAttribute(scope, name, value) {
    return Array.prototype.find.call(scope.querySelectorAll("[" + name + "]"), function (element) {
      return element.getAttribute(name) === value;
    }) || null;
  }

  function mountReview(root) {
    var progress = window.GoalPyramid.progress;
    var schedule = progress.schedule;
    var list = root.querySelector("[data-gp-review-items]");
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-gp-item]"));
    var status = root.querySelector("[data-gp-status]");
    var count = root.querySelector("[data-gp-review-count]");
    var more = root.querySelector("[data-gp-review-more]");
    var done = root.querySelector("[data-gp-review-done]");
    var shown = [];

    root.querySelector("[data-gp-review-nojs]").hidden = true;

    // ?layer=ID: only that layer's items, when there are any (an unknown id reviews everything).
    var layer = new URLSearchParams(window.location.search).get("layer");
    var pool = items.filter(function (item) {
      return item.getAttribute("data-gp-layer") === layer;
    });
    var only = withAttribute(root, "data-gp-review-only", layer);
    if (pool.length) {
      root.querySelector("[data-gp-review-scope]").hidden = !only;
      if (only) {
        only.hidden = false;
      }
    } else {
      pool = items;
    }
    var poolIds = pool.map(function (item) { return item.id; });
    var byId = {};
    items.forEach(function (item) {
      byId[item.id] = item;
    });

    function say(message) {
      status.textContent = message;
    }

    function labelOf(item, optionId) {
      return withAttribute(item, "data-gp-option", optionId).querySelector("label").textContent;
    }

    function reset(item) {
      item.removeAttribute("data-gp-answered");
      item.querySelectorAll("input[type=radio]").forEach(function (input) {
        input.checked = false;
        input.disabled = false;
      });
      item.querySelectorAll("[data-gp-option]").forEach(function (option) {
        option.removeAttribute("data-gp-state");
      });
      item.querySelector("[data-gp-feedback]").hidden = true;
      item.querySelector("[data-gp-hint]").hidden = true;
      item.querySelector('[data-gp-quiz-action="check"]').hidden = false;
      item.querySelector("[data-gp-answer]").open = false;
    }

    // The quiz's feedback: the chosen answer's explanation, and the right one's when it was wrong.
    function showFeedback(item, optionId) {
      var correctId = item.getAttribute("data-gp-correct");
      var right = optionId === correctId;
      var feedback = item.querySelector("[data-gp-feedback]");
      feedback.querySelectorAll("[data-gp-result]").forEach(function (line) {
        line.hidden = line.getAttribute("data-gp-result") !== (right ? "right" : "wrong");
      });
      feedback.querySelectorAll("[data-gp-chosen-label]").forEach(function (span) {
        span.textContent = labelOf(item, optionId);
      });
      var why = feedback.querySelector("[data-gp-why]");
      why.textContent = "";
      (right ? [optionId] : [optionId, correctId]).forEach(function (id) {
        why.appendChild(withAttribute(item, "data-gp-explains", id).cloneNode(true));
      });
      var takeaway = feedback.querySelector("[data-gp-why-takeaway]");
      takeaway.textContent = "";
      var remember = item.querySelector(".gp-quiz-item__takeaway");
      if (remember) {
        takeaway.appendChild(remember.cloneNode(true));
      }
      item.querySelectorAll("input[type=radio]").forEach(function (input) {
        input.checked = input.value === optionId;
        input.disabled = true;
      });
      item.querySelectorAll("[data-gp-option]").forEach(function (option) {
        var id = option.getAttribute("data-gp-option");
        option.setAttribute("data-gp-state", id === correctId ? "correct" : id === optionId ? "wrong" : "other");
      });
      item.setAttribute("data-gp-answered", right ? "right" : "wrong");
      item.querySelector('[data-gp-quiz-action="check"]').hidden = true;
      item.querySelector("[data-gp-hint]").hidden = true;
      feedback.hidden = false;
      window.requestAnimationFrame(function () {
        if (!feedback.hidden) {
          feedback.focus();
        }
      });
      say(fill(root.getAttribute(right ? "data-gp-say-right" : "data-gp-say-wrong"), {
        answer: labelOf(item, correctId)
      }));
      return right;
    }

    // A new round: what the schedule says now, in its order.
    function showRound() {
      var picked = schedule.pick(poolIds, progress.all(), Date.now());
      // Only this round's items stay in the page (the others wait, drawn, for their turn).
      items.forEach(function (item) {
        item.remove();
      });
      shown = picked.map(function (entry) {
        return byId[entry.id];
      });
      var pattern = list.getAttribute("data-gp-number");
      shown.forEach(function (item, index) {
        reset(item);
        item.querySelector(".gp-quiz-item__number").textContent = fill(pattern, { n: index + 1, total: shown.length });
        list.appendChild(item);
        item.hidden = false;
      });
      var due = picked.filter(function (entry) { return entry.due !== null; }).length;
      count.textContent = picked.length ?
        fill(count.getAttribute("data-gp-text-due"), { due: due, fresh: picked.length - due }) :
        count.getAttribute("data-gp-text-none");
      count.hidden = false;
      more.hidden = true;
      done.hidden = true;
      root.querySelector("[data-gp-review-blocked]").hidden = progress.persistent();
    }

    function roundOver() {
      if (!shown.length || shown.some(function (item) { return !item.hasAttribute("data-gp-answered"); })) {
        return;
      }
      var next = schedule.pick(poolIds, progress.all(), Date.now()).filter(function (entry) {
        return shown.indexOf(byId[entry.id]) < 0;
      });
      more.hidden = next.length === 0;
      done.hidden = next.length > 0;
    }

    // The host hears of the answer as from a practice set (core.js, report): score over the item's set.
    function reportAnswer(item, answer, right) {
      var setId = item.getAttribute("data-gp-set");
      var saved = progress.all();
      var members = items.filter(function (other) {
        return other.getAttribute("data-gp-set") === setId;
      });
      var answered = members.filter(function (other) {
        return Object.prototype.hasOwnProperty.call(saved, other.id);
      });
      var rightSoFar = answered.filter(function (other) { return saved[other.id].right; });
      window.GoalPyramid.report("answer", {
        set: setId, item: item.id, answer: answer, right: right, answered: answered.length, total: members.length,
        score: Math.round(100 * rightSoFar.length / members.length)
      });
    }

    function check(item) {
      var chosen = item.querySelector("input[type=radio]:checked");
      if (!chosen) {
        var hint = item.querySelector("[data-gp-hint]");
        hint.hidden = false;
        say(hint.textContent);
        item.querySelector("input[type=radio]").focus();
        return;
      }
      var right = showFeedback(item, chosen.value);
      // Facilitator mode (turned on in a practice set, it lasts the visit) records nothing, here too.
      if (!(window.goalPyramidQuiz && window.goalPyramidQuiz.facilitator)) {
        progress.set(item.id, { set: item.getAttribute("data-gp-set"), answer: chosen.value, right: right });
        reportAnswer(item, chosen.value, right);
      }
      roundOver();
    }

    root.addEventListener("submit", function (event) {
      var item = event.target.closest("[data-gp-item]");
      if (item) {
        event.preventDefault();
        check(item);
      }
    });

    root.addEventListener("click", function (event) {
      if (event.target.closest('[data-gp-review-action="more"]')) {
        showRound();
        var first = shown.length ? shown[0].querySelector("input[type=radio]") : null;
        if (first) {
          first.focus();
        }
      }
    });

    showRound();
    // Another tab answered or forgot: start again, unless this round has begun.
    progress.onChange(function () {
      if (!shown.some(function (item) { return item.hasAttribute("data-gp-answered"); })) {
        showRound();
      }
    }, root);
  }

  (window.goalPyramidModules = window.goalPyramidModules || {}).review = mountReview;
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
})();
