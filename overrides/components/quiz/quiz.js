/*
 * Practice sets: pick an answer, press Check, read why. Adds a score with the
 * missed items, progress kept by item id, shuffle with a seed, facilitator
 * mode (answers shown, nothing recorded) and a printable handout.
 * Without this script every question and its explained answer still reads.
 */
(function () {
  "use strict";

  // Facilitator mode lasts for the visit: the window survives instant navigation.
  var shared = window.goalPyramidQuiz = window.goalPyramidQuiz || { facilitator: false };

  function params() {
    return new URLSearchParams(window.location.search);
  }

  // A small seeded generator (mulberry32), so a shuffle can be repeated exactly.
  function seededRandom(seed) {
    var state = seed >>> 0;
    return function () {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffled(elements, random) {
    var copy = elements.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, name) {
      return String(values[name]);
    });
  }

  function mountQuiz(root) {
    var progress = window.GoalPyramid.progress;
    var list = root.querySelector(".gp-quiz__items");
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-gp-item]"));
    var status = root.querySelector("[data-gp-status]");
    var summary = root.querySelector("[data-gp-summary]");
    var setId = root.getAttribute("data-gp-set");

    items.forEach(function (item, index) {
      item.setAttribute("data-gp-index", String(index));
      item.querySelectorAll("[data-gp-option]").forEach(function (option, position) {
        option.setAttribute("data-gp-index", String(position));
      });
    });

    function say(message) {
      status.textContent = message;
    }

    function statementOf(item) {
      return item.querySelector(".gp-quiz-item__statement").textContent;
    }

    // Compares attribute values: an answer read from storage may hold any character.
    function withAttribute(scope, name, value) {
      return Array.prototype.find.call(scope.querySelectorAll("[" + name + "]"), function (element) {
        return element.getAttribute(name) === value;
      }) || null;
    }

    function labelOf(item, optionId) {
      return withAttribute(item, "data-gp-option", optionId).querySelector("label").textContent;
    }

    function showAnswers(item) {
      item.querySelector("[data-gp-answer]").open = shared.facilitator;
    }

    function showFeedback(item, optionId, how) {
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
      takeaway.appendChild(item.querySelector(".gp-quiz-item__takeaway").cloneNode(true));

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
      item.querySelector('[data-gp-quiz-action="retry-item"]').hidden = false;
      item.querySelector("[data-gp-hint]").hidden = true;
      feedback.hidden = false;
      if (how.focus) {
        feedback.focus();
      }
      if (how.announce) {
        say(fill(root.getAttribute(right ? "data-gp-say-right" : "data-gp-say-wrong"), {
          answer: labelOf(item, correctId)
        }));
      }
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
      item.querySelector('[data-gp-quiz-action="check"]').hidden = false;
      item.querySelector('[data-gp-quiz-action="retry-item"]').hidden = true;
      if (!shared.facilitator) {
        progress.remove(item.id);
      }
    }

    function updateSummary(announce) {
      var answered = items.filter(function (item) {
        return item.hasAttribute("data-gp-answered");
      });
      if (answered.length < items.length) {
        summary.hidden = true;
        return;
      }
      var missed = items.filter(function (item) {
        return item.getAttribute("data-gp-answered") === "wrong";
      });
      var score = fill(summary.getAttribute("data-gp-score-text"), {
        right: items.length - missed.length,
        total: items.length
      });
      summary.querySelector("[data-gp-score]").textContent = score;
      var missedList = summary.querySelector("[data-gp-missed]");
      var row = root.querySelector("[data-gp-missed-row]");
      missedList.textContent = "";
      missed.forEach(function (item) {
        var entry = row.content.cloneNode(true);
        var link = entry.querySelector("a");
        link.href = "#" + item.id;
        link.textContent = statementOf(item);
        missedList.appendChild(entry);
      });
      summary.querySelector("[data-gp-missed-block]").hidden = missed.length === 0;
      summary.hidden = false;
      if (announce) {
        say(status.textContent + " " + score);
      }
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
      showFeedback(item, chosen.value, { focus: true, announce: true });
      if (!shared.facilitator) {
        progress.set(item.id, {
          set: setId,
          answer: chosen.value,
          right: chosen.value === item.getAttribute("data-gp-correct")
        });
      }
      updateSummary(true);
    }

    function renumber() {
      var pattern = list.getAttribute("data-gp-number");
      list.querySelectorAll("[data-gp-item]").forEach(function (item, index) {
        item.querySelector(".gp-quiz-item__number").textContent = fill(pattern, {
          n: index + 1,
          total: items.length
        });
      });
    }

    function order(on) {
      var seed = parseInt(params().get("seed"), 10);
      var random = seededRandom(isNaN(seed) ? Date.now() : seed);
      var byIndex = function (a, b) {
        return a.getAttribute("data-gp-index") - b.getAttribute("data-gp-index");
      };
      var sequence = on ? shuffled(items, random) : items.slice().sort(byIndex);
      sequence.forEach(function (item) {
        var box = item.querySelector(".gp-quiz-item__options");
        var options = Array.prototype.slice.call(box.querySelectorAll("[data-gp-option]"));
        (on ? shuffled(options, random) : options.sort(byIndex)).forEach(function (option) {
          box.appendChild(option);
        });
        list.appendChild(item);
      });
      renumber();
    }

    function setFacilitator(on) {
      shared.facilitator = on;
      root.toggleAttribute("data-gp-facilitator", on);
      root.querySelector('[data-gp-quiz-action="facilitator"]').setAttribute("aria-pressed", String(on));
      root.querySelector("[data-gp-facilitator-note]").hidden = !on;
      items.forEach(showAnswers);
    }

    root.addEventListener("submit", function (event) {
      var item = event.target.closest("[data-gp-item]");
      if (item) {
        event.preventDefault();
        check(item);
      }
    });

    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-gp-quiz-action]");
      if (!button) {
        return;
      }
      var action = button.getAttribute("data-gp-quiz-action");
      var item = button.closest("[data-gp-item]");
      if (action === "retry-item") {
        reset(item);
        updateSummary(false);
        item.querySelector("input[type=radio]").focus();
      } else if (action === "retry-set") {
        items.forEach(reset);
        updateSummary(false);
        say(root.getAttribute("data-gp-say-cleared"));
        list.querySelector("input[type=radio]").focus();
      } else if (action === "facilitator") {
        setFacilitator(button.getAttribute("aria-pressed") !== "true");
      } else if (action === "shuffle") {
        var on = button.getAttribute("aria-pressed") !== "true";
        button.setAttribute("aria-pressed", String(on));
        order(on);
      } else if (action === "handout") {
        document.documentElement.classList.add("gp-printing-handout");
        root.classList.add("gp-quiz--handout");
        window.addEventListener("afterprint", function () {
          document.documentElement.classList.remove("gp-printing-handout");
          root.classList.remove("gp-quiz--handout");
        }, { once: true });
        window.print();
      }
    });

    if (params().has("facilitator")) {
      shared.facilitator = params().get("facilitator") !== "off";
    }
    setFacilitator(shared.facilitator);
    if (params().has("shuffle")) {
      root.querySelector('[data-gp-quiz-action="shuffle"]').setAttribute("aria-pressed", "true");
      order(true);
    }
    // What is saved, on mounting and whenever another tab answers or forgets.
    function showSaved() {
      items.forEach(function (item) {
        var record = shared.facilitator ? null : progress.get(item.id);
        if (record && withAttribute(item, "data-gp-option", record.answer)) {
          showFeedback(item, record.answer, { focus: false, announce: false });
        } else if (!shared.facilitator && item.hasAttribute("data-gp-answered")) {
          reset(item);
        }
      });
      updateSummary(false);
    }
    showSaved();
    var stop = progress.onChange(function () {
      if (!root.isConnected) {
        stop();  // left behind by instant navigation
        return;
      }
      showSaved();
    });
  }

  (window.goalPyramidModules = window.goalPyramidModules || {}).quiz = mountQuiz;
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
})();
