/*
 * Cases: sort each voice of the room with its own <select>, press Check, read
 * why; pick the project goal from candidates in an order of the reader's own;
 * take the pick to the workbench. For pointer users a drawn pyramid takes a
 * voice by dragging or by tap-then-tap, and only sets that voice's select.
 * Progress is kept by voice id, and the pick under the case's id; facilitator
 * mode (shared with the practice sets) shows every answer and records nothing.
 * Without this script the room, the candidates and every answer still read.
 */
(function () {
  "use strict";

  // The visit-level flag of facilitator mode, the same object the practice sets use.
  var shared = window.goalPyramidQuiz = window.goalPyramidQuiz || { facilitator: false, mounted: [] };
  var SEED_KEY = "goal-pyramid:shuffle-seed";
  var DRAG_START = 6;  // px a pointer moves before a press becomes a drag

  function params() {
    return new URLSearchParams(window.location.search);
  }

  // ?seed=N for a room, else the reader's own seed (kept as the practice sets keep it).
  function seed() {
    var room = params().get("seed");
    if (room !== null && /^[0-9]{1,10}$/.test(room)) {
      return Number(room) >>> 0;
    }
    if (shared.visitSeed !== undefined) {
      return shared.visitSeed;
    }
    var fresh = Math.floor(Math.random() * 4294967296) >>> 0;
    try {
      var saved = window.localStorage.getItem(SEED_KEY);
      if (saved !== null && /^[0-9]{1,10}$/.test(saved)) {
        return Number(saved) >>> 0;
      }
      window.localStorage.setItem(SEED_KEY, String(fresh));
      return fresh;
    } catch (error) {
      shared.visitSeed = fresh;
      return fresh;
    }
  }

  // mulberry32, mixed with the case's id so two cases of one size do not share an order.
  function seededRandom(value, text) {
    var state = value >>> 0;
    for (var i = 0; i < text.length; i++) {
      state = Math.imul(state ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    return function () {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function mount(root) {
    var progress = window.GoalPyramid.progress;
    var caseId = root.getAttribute("data-gp-set");
    var status = root.querySelector("[data-gp-status]");
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-gp-item]"));
    var voices = items.filter(function (item) { return item.classList.contains("gp-voice"); });
    var pick = root.querySelector(".gp-scenario__pick");
    var options = pick.querySelector("[data-gp-options]");
    var authored = Array.prototype.slice.call(options.children);
    var elsewhere = root.querySelector("[data-gp-elsewhere]").content;
    var board = root.querySelector("[data-gp-board]");
    var chips = {};
    var bands = {};
    board.querySelectorAll("[data-gp-chip]").forEach(function (chip) {
      chips[chip.getAttribute("data-gp-chip")] = chip;
    });
    board.querySelectorAll("[data-gp-place]").forEach(function (band) {
      bands[band.getAttribute("data-gp-place")] = band.querySelector(".gp-band__chips");
    });
    var tray = board.querySelector("[data-gp-tray]");
    var picked = null;  // the chip tapped, waiting for a tap on a place
    var drag = null;

    // Compares attribute values: an answer read from storage may hold any character.
    function withAttribute(scope, name, value) {
      return Array.prototype.find.call(scope.querySelectorAll("[" + name + "]"), function (element) {
        return element.getAttribute(name) === value;
      }) || null;
    }

    function isVoice(item) {
      return item !== pick;
    }

    function choiceOf(item) {
      if (isVoice(item)) {
        return item.querySelector("select").value;
      }
      var checked = item.querySelector("input:checked");
      return checked ? checked.value : "";
    }

    // The words of a place or a candidate, as the reader saw them.
    function labelOf(item, value) {
      if (isVoice(item)) {
        var option = withAttribute(item.querySelector("select"), "value", value);
        return option ? option.textContent : null;
      }
      var candidate = withAttribute(item, "data-gp-option", value);
      return candidate ? candidate.querySelector("label").textContent : null;
    }

    function say(message) {
      status.textContent = message;
    }

    function setControls(item, value, locked) {
      if (isVoice(item)) {
        item.querySelector("select").value = value;
      } else {
        item.querySelectorAll("input[type=radio]").forEach(function (input) {
          input.checked = input.value === value;
        });
      }
      item.querySelector('[data-gp-scenario-action="retry"]').hidden = !locked;
    }

    // Locking the controls and hiding Check while it has focus costs a millisecond inside Check:
    // after a Check that moves focus, the next frame does it, once focus has left the button.
    function lock(item, locked) {
      item.querySelectorAll("select, input[type=radio]").forEach(function (control) {
        control.disabled = locked;
      });
      item.querySelector('[data-gp-scenario-action="check"]').hidden = locked;
    }

    function whyOfVoice(item, value, right) {
      var why = document.createDocumentFragment();
      why.appendChild(item.querySelector(".gp-voice__why").cloneNode(true));
      if (!right) {
        var trap = withAttribute(item, "data-gp-trap", value) || withAttribute(elsewhere, "data-gp-elsewhere-for", value);
        if (trap) {
          why.appendChild(trap.cloneNode(true));
        }
      }
      why.appendChild(item.querySelector(".gp-voice__sits").cloneNode(true));
      return why;
    }

    function whyOfPick(value, right) {
      var why = document.createDocumentFragment();
      (right ? [value] : [value, pick.getAttribute("data-gp-correct")]).forEach(function (id) {
        var entry = withAttribute(pick, "data-gp-explains", id).cloneNode(true);
        entry.removeAttribute("data-gp-explains");
        var link = entry.querySelector("[data-gp-link-row]");
        if (link) {
          link.remove();  // one hand-off below, for the candidate chosen
        }
        why.appendChild(entry);
      });
      var handOff = pick.querySelector("[data-gp-workbench-link]");
      var source = withAttribute(pick, "data-gp-explains", value);
      if (handOff && source) {
        handOff.href = source.getAttribute("data-gp-workbench") || "";
      }
      return why;
    }

    function showFeedback(item, value, how) {
      var right = value === item.getAttribute("data-gp-correct");
      var feedback = item.querySelector("[data-gp-feedback]");
      feedback.querySelectorAll("[data-gp-result]").forEach(function (line) {
        line.hidden = line.getAttribute("data-gp-result") !== (right ? "right" : "wrong");
      });
      feedback.querySelectorAll("[data-gp-chosen-label]").forEach(function (span) {
        span.textContent = labelOf(item, value);
      });
      var why = feedback.querySelector("[data-gp-why]");
      why.textContent = "";
      why.appendChild(isVoice(item) ? whyOfVoice(item, value, right) : whyOfPick(value, right));
      setControls(item, value, true);
      if (!how.focus) {
        lock(item, true);
      }
      item.setAttribute("data-gp-answered", right ? "right" : "wrong");
      item.querySelector("[data-gp-hint]").hidden = true;
      feedback.hidden = false;
      if (isVoice(item)) {
        placeChip(item);
      } else {
        markCandidates();
      }
      if (how.focus) {
        // Next frame, in the layout the browser does anyway: focus() now would force one inside Check.
        window.requestAnimationFrame(function () {
          if (!feedback.hidden) {
            feedback.focus();
            lock(item, true);
          }
        });
      }
      if (how.announce) {
        say(root.getAttribute(right ? "data-gp-say-right" : "data-gp-say-wrong")
          .replace("{answer}", function () { return labelOf(item, item.getAttribute("data-gp-correct")); }));
      }
    }

    function reset(item) {
      item.removeAttribute("data-gp-answered");
      setControls(item, "", false);
      lock(item, false);
      item.querySelector("[data-gp-feedback]").hidden = true;
      if (isVoice(item)) {
        placeChip(item);
      } else {
        markCandidates();
      }
    }

    // The host hears of each answer, and of the case once every voice and the pick have one.
    function report(itemId, answer, right) {
      window.GoalPyramid.reportAnswer(caseId, items, itemId, answer, right);
    }

    function check(item) {
      if (item.hasAttribute("data-gp-answered")) {
        return;  // a second press in the frame before Check hides: answered once, recorded once
      }
      var value = choiceOf(item);
      if (!value || labelOf(item, value) === null) {
        var hint = item.querySelector("[data-gp-hint]");
        hint.hidden = false;
        say(hint.textContent);
        item.querySelector("select, input[type=radio]").focus();
        return;
      }
      showFeedback(item, value, { focus: true, announce: true });
      var right = value === item.getAttribute("data-gp-correct");
      if (!shared.facilitator) {
        progress.set(item.id, { set: caseId, answer: value, right: right });
        report(item.id, value, right);
      }
    }

    // --- the drawn pyramid: chips follow the selects, never the other way round but by a drop ---

    // A chip sits on the band its select names; in facilitator mode, on the right one.
    function placeChip(voice) {
      var chip = chips[voice.id];
      var place = shared.facilitator ? voice.getAttribute("data-gp-correct") : voice.querySelector("select").value;
      var answered = voice.getAttribute("data-gp-answered");
      (bands[place] || tray).appendChild(chip);
      if (shared.facilitator || answered) {
        chip.setAttribute("data-gp-state", shared.facilitator || answered === "right" ? "right" : "wrong");
      } else {
        chip.removeAttribute("data-gp-state");
      }
    }

    function drop(voiceId, place) {
      var voice = document.getElementById(voiceId);
      var select = voice && voice.querySelector("select");
      if (!select || voice.hasAttribute("data-gp-answered") || shared.facilitator || !withAttribute(select, "value", place)) {
        return;
      }
      select.value = place;
      voice.querySelector("[data-gp-hint]").hidden = true;
      placeChip(voice);
    }

    function setPicked(chip) {
      if (picked) {
        picked.removeAttribute("data-gp-picked");
      }
      picked = chip;
      board.toggleAttribute("data-gp-picking", !!chip);
      if (chip) {
        chip.setAttribute("data-gp-picked", "");
      }
    }

    // The band under the pointer (the dragged chip lets the pointer through: pointer-events: none).
    function bandAt(event) {
      var under = document.elementFromPoint(event.clientX, event.clientY);
      var band = under && under.closest("[data-gp-place]");
      return band && board.contains(band) ? band : null;
    }

    function showTarget(band) {
      if (drag.over !== band) {
        if (drag.over) {
          drag.over.removeAttribute("data-gp-over");
        }
        if (band) {
          band.setAttribute("data-gp-over", "");
        }
        drag.over = band;
      }
    }

    function endDrag() {
      if (drag) {
        showTarget(null);
        drag.chip.style.transform = "";
        drag.chip.removeAttribute("data-gp-dragging");
      }
      drag = null;
    }

    // Pointer Events for mouse, pen and touch alike: a press that moves is a drag, one that does
    // not is a tap (a chip, then a place). Taps are read here, not from click: a touch drag fires none.
    board.addEventListener("pointerdown", function (event) {
      var chip = event.target.closest("[data-gp-chip]");
      if (!chip || event.button > 0 || drag) {
        return;
      }
      drag = { chip: chip, pointer: event.pointerId, x: event.clientX, y: event.clientY, moved: false, over: null };
      chip.setPointerCapture(event.pointerId);
    });

    board.addEventListener("pointermove", function (event) {
      if (!drag || event.pointerId !== drag.pointer) {
        return;
      }
      var dx = event.clientX - drag.x;
      var dy = event.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < DRAG_START) {
        return;
      }
      drag.moved = true;
      drag.chip.setAttribute("data-gp-dragging", "");
      drag.chip.style.transform = "translate(" + dx + "px, " + dy + "px)";
      showTarget(bandAt(event));
    });

    board.addEventListener("pointerup", function (event) {
      if (drag && event.pointerId === drag.pointer) {
        var chip = drag.chip;
        var tapped = !drag.moved;
        var band = tapped ? chip.closest("[data-gp-place]") : bandAt(event);
        endDrag();
        if (tapped && picked && picked !== chip && band) {
          chip = picked;  // a tap on a voice already on a band, with another picked: that band
        } else if (tapped) {
          setPicked(chip === picked ? null : chip);
          return;
        }
        if (band) {
          drop(chip.getAttribute("data-gp-chip"), band.getAttribute("data-gp-place"));
        }
        setPicked(null);
        return;
      }
      var place = event.target.closest("[data-gp-place]");
      if (picked && place) {
        drop(picked.getAttribute("data-gp-chip"), place.getAttribute("data-gp-place"));
      }
      setPicked(null);
    });

    board.addEventListener("pointercancel", endDrag);
    // A chip moved while it is dragged (another tab answered that voice) loses the pointer: the drag ends.
    board.addEventListener("lostpointercapture", endDrag);

    // --- the candidates' order, facilitator mode, saved answers ---

    function arrange() {
      var order = authored.slice();
      if (!shared.facilitator) {
        var random = seededRandom(seed(), caseId);
        for (var i = order.length - 1; i > 0; i--) {
          var j = Math.floor(random() * (i + 1));
          var swap = order[i];
          order[i] = order[j];
          order[j] = swap;
        }
      }
      order.forEach(function (option) {
        options.appendChild(option);
      });
    }

    function markCandidates() {
      var chosen = pick.getAttribute("data-gp-answered") ? choiceOf(pick) : null;
      var best = pick.getAttribute("data-gp-correct");
      authored.forEach(function (option) {
        var id = option.getAttribute("data-gp-option");
        if (id === best && (shared.facilitator || chosen)) {
          option.setAttribute("data-gp-state", "correct");
        } else if (id === chosen) {
          option.setAttribute("data-gp-state", "wrong");
        } else {
          option.removeAttribute("data-gp-state");
        }
      });
    }

    // What is saved, on mounting and whenever another tab answers or forgets.
    function showSaved() {
      items.forEach(function (item) {
        var record = shared.facilitator ? null : progress.get(item.id);
        if (record && labelOf(item, record.answer) !== null) {
          showFeedback(item, record.answer, { focus: false, announce: false });
        } else if (item.hasAttribute("data-gp-answered") && !shared.facilitator) {
          reset(item);
        }
      });
    }

    function setFacilitator(on) {
      root.toggleAttribute("data-gp-facilitator", on);
      root.querySelector('[data-gp-scenario-action="facilitator"]').setAttribute("aria-pressed", String(on));
      root.querySelector("[data-gp-facilitator-note]").hidden = !on;
      root.querySelectorAll("[data-gp-answer]").forEach(function (details) {
        details.open = on;
      });
      setPicked(null);
      arrange();
      voices.forEach(placeChip);
      markCandidates();
      if (!on) {
        showSaved();
      }
    }

    root.addEventListener("submit", function (event) {
      var item = event.target.closest("[data-gp-item]");
      if (item) {
        event.preventDefault();
        check(item);
      }
    });

    root.addEventListener("change", function (event) {
      var item = event.target.closest(".gp-voice");
      if (item && event.target.matches("select")) {
        placeChip(item);
      }
    });

    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-gp-scenario-action]");
      if (!button) {
        return;
      }
      var action = button.getAttribute("data-gp-scenario-action");
      var item = button.closest("[data-gp-item]");
      if (action === "retry") {
        reset(item);
        if (!shared.facilitator) {
          progress.remove(item.id);
        }
        item.querySelector("select, input[type=radio]").focus();
      } else if (action === "facilitator") {
        shared.facilitator = button.getAttribute("aria-pressed") !== "true";
        shared.mounted = (shared.mounted || []).filter(function (set) { return document.contains(set.root); });
        shared.mounted.forEach(function (set) { set.setFacilitator(shared.facilitator); });
      } else if (action === "print") {
        window.print();
      }
    });

    if (params().has("facilitator")) {
      shared.facilitator = params().get("facilitator") !== "off";
    }
    // Facilitator mode reaches every set on the page: the practice sets' and this case.
    shared.mounted = shared.mounted || [];
    shared.mounted.push({ root: root, setFacilitator: setFacilitator, arrange: arrange });
    setFacilitator(shared.facilitator);
    progress.onChange(showSaved, root);
  }

  (window.goalPyramidModules = window.goalPyramidModules || {}).scenario = mount;
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
})();
