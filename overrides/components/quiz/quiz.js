/*
 * Practice sets: pick an answer, press Check, read why. Adds a score with the
 * missed items, progress kept by item id, an order of its own for each reader
 * (kept by a seed; ?seed=N gives a room one order), facilitator mode (the
 * authored order, answers shown, nothing recorded) and a printable handout.
 * Without this script every question and its explained answer still reads,
 * in the authored order.
 */
(function () {
  "use strict";

  // Facilitator mode lasts for the visit: the window survives instant navigation.
  // mounted: every set started, so a mode or a new order reaches all the sets on a page.
  var shared = window.goalPyramidQuiz = window.goalPyramidQuiz || { facilitator: false, mounted: [] };

  var SEED_KEY = "goal-pyramid:shuffle-seed";
  // No strategy that ignores the statement may beat chance by more than this (15 points).
  var GIVEAWAY_LIMIT = 0.15;
  var ATTEMPTS = 200;

  function params() {
    return new URLSearchParams(window.location.search);
  }

  function freshSeed() {
    return Math.floor(Math.random() * 4294967296) >>> 0;
  }

  // The reader's own seed, kept so the order stays put across visits; with
  // storage refused, one for this visit only.
  function readerSeed() {
    if (shared.visitSeed !== undefined) {
      return shared.visitSeed;
    }
    var seed;
    try {
      var saved = window.localStorage.getItem(SEED_KEY);
      if (saved !== null && /^[0-9]{1,10}$/.test(saved)) {
        return Number(saved) >>> 0;
      }
      seed = freshSeed();
      window.localStorage.setItem(SEED_KEY, String(seed));
      return seed;
    } catch (error) {
      shared.visitSeed = seed === undefined ? freshSeed() : seed;
      return shared.visitSeed;
    }
  }

  function keepSeed(seed) {
    try {
      window.localStorage.setItem(SEED_KEY, String(seed));
      shared.visitSeed = undefined;
    } catch (error) {
      shared.visitSeed = seed;
    }
  }

  // ?seed=N: one order for everyone who opens the same address (a room).
  function roomSeed() {
    var value = params().get("seed");
    return value !== null && /^[0-9]{1,10}$/.test(value) ? Number(value) >>> 0 : null;
  }

  // Each set mixes the seed with its id, so two sets of one size do not share a pattern.
  function seedFor(seed, setId) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < setId.length; i++) {
      hash = Math.imul(hash ^ setId.charCodeAt(i), 0x01000193) >>> 0;
    }
    return (hash ^ seed) >>> 0;
  }

  function mostCommon(values) {
    var counts = {};
    var top = 0;
    values.forEach(function (value) {
      counts[value] = (counts[value] || 0) + 1;
      top = Math.max(top, counts[value]);
    });
    return Object.keys(counts).filter(function (value) {
      return counts[value] === top;
    });
  }

  /*
   * How far the best strategy that ignores the statements beats chance, in
   * this order: always the first, middle or last option; the same place, or
   * the same answer, as the last question; the place, or the answer, given
   * most so far. Ties are broken at random, so each counts its expected score.
   * rows: per question in order, { count, at (the answer's place), labels, answer }.
   */
  function giveaway(rows) {
    var strategies = [
      function (row) { return [0]; },
      function (row) { return [Math.floor((row.count - 1) / 2)]; },
      function (row) { return [row.count - 1]; },
      function (row, earlier) { return earlier.length ? [earlier[earlier.length - 1].at] : []; },
      function (row, earlier) { return earlier.length ? placesOf(row, [earlier[earlier.length - 1].answer]) : []; },
      function (row, earlier) { return mostCommon(earlier.map(function (r) { return r.at; })).map(Number); },
      function (row, earlier) { return placesOf(row, mostCommon(earlier.map(function (r) { return r.answer; }))); }
    ];
    var chance = 0;
    var scores = strategies.map(function () { return 0; });
    rows.forEach(function (row, index) {
      chance += 1 / row.count;
      var earlier = rows.slice(0, index);
      strategies.forEach(function (strategy, s) {
        var picks = strategy(row, earlier).filter(function (place, i, all) {
          return place >= 0 && place < row.count && all.indexOf(place) === i;
        });
        scores[s] += picks.length ? (picks.indexOf(row.at) >= 0 ? 1 / picks.length : 0) : 1 / row.count;
      });
    });
    return Math.max.apply(null, scores) / rows.length - chance / rows.length;
  }

  function placesOf(row, answers) {
    return row.labels.map(function (label, place) {
      return answers.indexOf(label) >= 0 ? place : -1;
    }).filter(function (place) {
      return place >= 0;
    });
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
    var fixedOrder = root.getAttribute("data-gp-order") === "fixed";
    var newOrderButton = root.querySelector('[data-gp-quiz-action="new-order"]');
    var keyList = root.querySelector("[data-gp-key]");
    var keyEntries = {};
    root.querySelectorAll("[data-gp-key-for]").forEach(function (entry) {
      keyEntries[entry.getAttribute("data-gp-key-for")] = entry;
    });

    // Learners in an embed see no facilitator tools, unless the embed's address asks for them.
    if (root.closest("[data-gp-embed]") && !params().has("facilitator-tools")) {
      root.querySelector(".gp-quiz__tools").hidden = true;
    }

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
        // Next frame, in the layout the browser does anyway: focus() now would force one inside Check.
        window.requestAnimationFrame(function () {
          if (!feedback.hidden) {
            feedback.focus();
          }
        });
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
      var right = chosen.value === item.getAttribute("data-gp-correct");
      if (!shared.facilitator) {
        progress.set(item.id, { set: setId, answer: chosen.value, right: right });
      }
      updateSummary(true);
      if (!shared.facilitator) {
        reportAnswer(item.id, chosen.value, right);
      }
    }

    // The host hears of each answer, and of the set once every item has one (core.js, reportAnswer).
    function reportAnswer(itemId, answer, right) {
      window.GoalPyramid.reportAnswer(setId, items, itemId, answer, right);
    }

    function renumber() {
      var pattern = list.getAttribute("data-gp-number");
      var keyPattern = keyList.getAttribute("data-gp-number");
      list.querySelectorAll("[data-gp-item]").forEach(function (item, index) {
        item.querySelector(".gp-quiz-item__number").textContent = fill(pattern, {
          n: index + 1,
          total: items.length
        });
        var entry = keyEntries[item.id];
        entry.querySelector(".gp-quiz__key-number").textContent = fill(keyPattern, { n: index + 1 });
        keyList.appendChild(entry);
      });
    }

    // In the authored order, whatever the order on screen: a seed always starts from the same place.
    function optionsOf(item) {
      return Array.prototype.slice.call(item.querySelectorAll("[data-gp-option]")).sort(byIndex);
    }

    function byIndex(a, b) {
      return a.getAttribute("data-gp-index") - b.getAttribute("data-gp-index");
    }

    function rowsOf(sequence, optionLists) {
      return sequence.map(function (item, i) {
        var ids = optionLists[i].map(function (option) { return option.getAttribute("data-gp-option"); });
        var labels = optionLists[i].map(function (option) { return option.textContent.trim(); });
        var at = ids.indexOf(item.getAttribute("data-gp-correct"));
        return { count: ids.length, at: at, labels: labels, answer: labels[at] };
      });
    }

    // The seed's order: shuffles drawn in turn until one gives nothing away (or the least that does).
    function seededOrder(seed) {
      var random = seededRandom(seedFor(seed, setId));
      var best = null;
      for (var attempt = 0; attempt < ATTEMPTS; attempt++) {
        var sequence = shuffled(items, random);
        var optionLists = sequence.map(function (item) { return shuffled(optionsOf(item), random); });
        var excess = giveaway(rowsOf(sequence, optionLists));
        if (!best || excess < best.excess) {
          best = { items: sequence, options: optionLists, excess: excess };
        }
        if (excess <= GIVEAWAY_LIMIT + 1e-9) {
          break;
        }
      }
      return best;
    }

    function authoredOrder() {
      var sequence = items.slice().sort(byIndex);
      return { items: sequence, options: sequence.map(optionsOf) };
    }

    // Facilitator mode and a fixed selection: the authored order, the projector's numbering.
    // Otherwise the room's ?seed=N, or the reader's own seed.
    function arrange() {
      var room = roomSeed();
      var authored = fixedOrder || shared.facilitator;
      var chosen = authored ? authoredOrder() : seededOrder(room === null ? readerSeed() : room);
      chosen.items.forEach(function (item, i) {
        var box = item.querySelector(".gp-quiz-item__options");
        chosen.options[i].forEach(function (option) {
          box.appendChild(option);
        });
        list.appendChild(item);
      });
      renumber();
      if (newOrderButton) {
        // A room's order (facilitator mode, ?seed=N) is not one reader's to change.
        newOrderButton.hidden = authored || room !== null;
      }
    }

    function setFacilitator(on) {
      root.toggleAttribute("data-gp-facilitator", on);
      root.querySelector('[data-gp-quiz-action="facilitator"]').setAttribute("aria-pressed", String(on));
      root.querySelector("[data-gp-facilitator-note]").hidden = !on;
      items.forEach(showAnswers);
      arrange();
    }

    // Every set on this page (still on it: instant navigation replaces them).
    function everySet(apply) {
      shared.mounted = shared.mounted.filter(function (set) {
        return document.contains(set.root);
      });
      shared.mounted.forEach(apply);
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
        shared.facilitator = button.getAttribute("aria-pressed") !== "true";
        everySet(function (set) { set.setFacilitator(shared.facilitator); });
      } else if (action === "new-order") {
        keepSeed(freshSeed());
        everySet(function (set) { set.arrange(); });
        say(root.getAttribute("data-gp-say-new-order"));
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
    shared.mounted.push({ root: root, setFacilitator: setFacilitator, arrange: arrange });
    setFacilitator(shared.facilitator);
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
    progress.onChange(showSaved, root);
  }

  (window.goalPyramidModules = window.goalPyramidModules || {}).quiz = mountQuiz;
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
})();
