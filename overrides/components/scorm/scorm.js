/*
 * Goal Pyramid in a learning platform (SCORM 1.2). Only `make scorm`'s package
 * loads this: its launch page (index.html at the package's root, which the
 * platform opens) and, through mkdocs.scorm.yml, every page of the site, which
 * runs in a frame inside the launch page.
 *
 * On the launch page it is the session with the platform, for the whole visit:
 * it finds the platform's API (SCORM 1.2: this window, up the parent chain, then
 * the opener's), calls LMSInitialize, sets cmi.core.lesson_status to
 * "incomplete" on the first launch, restores the reader's answers from
 * cmi.suspend_data into the progress store, opens the page of
 * cmi.core.lesson_location in the frame, and calls LMSFinish on pagehide.
 * On each page of the site it tells the session where the reader is (the lesson
 * location) and what they answered (the goal-pyramid:answer events core.js
 * sends): an interaction, the score, suspend_data, and passed or failed once
 * every item has an answer, against the mastery score; then LMSCommit.
 *
 * Without a platform the launch page sends the reader to the site, and the
 * pages find no session: nothing changes. Nothing here throws into the page.
 */
(function () {
  "use strict";
  if (window.goalPyramidScormLoaded) {
    return;
  }
  window.goalPyramidScormLoaded = true;

  var MAX_PARENTS = 7;  // how far up the frames SCORM 1.2's API search looks
  var COMMIT_AFTER_MS = 500;  // changes close together go in one LMSCommit
  var has = Object.prototype.hasOwnProperty;

  // --- finding the platform's API --------------------------------------------------------

  function apiOf(win) {
    try {
      var api = win.API;
      return api && typeof api.LMSInitialize === "function" && typeof api.LMSSetValue === "function" ? api : null;
    } catch (error) {
      return null;  // a window of another origin
    }
  }

  function parentOf(win) {
    try {
      return win.parent && win.parent !== win ? win.parent : null;
    } catch (error) {
      return null;
    }
  }

  // This window, then its parents, at most MAX_PARENTS up.
  function searchUp(win) {
    for (var level = 0; win && level <= MAX_PARENTS; level++) {
      var api = apiOf(win);
      if (api) {
        return api;
      }
      win = parentOf(win);
    }
    return null;
  }

  function openerOf(win) {
    try {
      return win.opener || null;
    } catch (error) {
      return null;
    }
  }

  function findApi() {
    var api = searchUp(window);
    var top = null;
    try {
      top = window.top;
    } catch (error) {
      top = null;
    }
    [openerOf(window), top && openerOf(top)].forEach(function (opener) {
      if (!api && opener) {
        api = searchUp(opener);
      }
    });
    return api;
  }

  // --- the session, on the launch page ---------------------------------------------------

  function startSession(launch) {
    var catalogue;
    try {
      catalogue = JSON.parse(document.getElementById("gp-scorm-catalogue").textContent);
    } catch (error) {
      catalogue = null;
    }
    var siteUrl = new URL(catalogue ? catalogue.site : "goal-pyramid/", window.location.href);
    var frame = launch.querySelector("iframe");
    var api = catalogue ? findApi() : null;
    if (!api) {
      // No platform: the site as it is, on its own.
      window.location.replace(new URL(catalogue ? catalogue.home : "index.html", siteUrl).href);
      return;
    }

    var items = catalogue.items;
    var byId = Object.create(null);
    var byCode = Object.create(null);
    items.forEach(function (item) {
      byId[item.id] = item;
      byCode[item.code] = item;
    });
    var pages = Object.create(null);
    catalogue.pages.forEach(function (page) {
      pages[page] = true;
    });
    var alphabet = catalogue.alphabet;
    var RESPONSE_CHARACTERS = "0123456789abcdefghijklmnopqrstuvwxyz";
    var started = Date.now();

    function call(name, args) {
      try {
        return String(api[name].apply(api, args || [""]));
      } catch (error) {
        return "false";
      }
    }
    function get(element) {
      return call("LMSGetValue", [element]);
    }
    function put(element, value) {
      return call("LMSSetValue", [element, String(value)]) === "true";
    }

    if (call("LMSInitialize") !== "true") {
      frame.src = new URL(catalogue.home, siteUrl).href;  // a platform that will not talk: the site, untracked
      return;
    }
    var mode = get("cmi.core.lesson_mode");
    // Browse and review look without being recorded; "normal", or a mode never set, is recorded.
    var recording = mode !== "browse" && mode !== "review";
    var finished = false;
    var status = get("cmi.core.lesson_status");
    if (recording && (status === "not attempted" || status === "")) {
      put("cmi.core.lesson_status", "incomplete");
      status = "incomplete";
    }
    if (recording) {
      put("cmi.core.score.min", 0);
      put("cmi.core.score.max", 100);
      // Suspend from the start, committed now: a browser that drops the last commit on closing
      // still leaves the attempt open, with its answers, for the next launch.
      put("cmi.core.exit", "suspend");
      call("LMSCommit");
    }

    // cmi.suspend_data: the format's prefix, then per answer its item's code and one
    // character, alphabet[2 * the option's position + (right ? 1 : 0)]. What cannot be read
    // (another format, an item or option that is gone, a broken character) is left out, item by item.
    var chunk = items.length ? items[0].code.length + 1 : 5;
    function decode(text) {
      var found = Object.create(null);
      if (typeof text !== "string" || text.indexOf(catalogue.format) !== 0) {
        return found;
      }
      for (var at = catalogue.format.length; at + chunk <= text.length; at += chunk) {
        var item = byCode[text.substr(at, chunk - 1)];
        var value = alphabet.indexOf(text.charAt(at + chunk - 1));
        if (!item || value < 0 || (value >> 1) >= item.options.length) {
          continue;
        }
        found[item.id] = { set: item.set, answer: item.options[value >> 1], right: (value & 1) === 1 };
      }
      return found;
    }
    function encode() {
      var text = catalogue.format;
      items.forEach(function (item) {
        var record = answers[item.id];
        if (record) {
          text += item.code + alphabet.charAt(2 * item.options.indexOf(record.answer) + (record.right ? 1 : 0));
        }
      });
      return text;
    }

    // The platform's record is the one that counts: the progress store (this browser's) is made
    // to match it, item by item, before the first page of the site starts.
    var answers = decode(get("cmi.suspend_data"));
    // A platform that failed to give its record says so here: then this browser's answers stay.
    var platformAnswered = call("LMSGetLastError") === "0";
    var progress = window.GoalPyramid && window.GoalPyramid.progress;
    if (progress) {
      items.forEach(function (item) {
        try {
          var stored = progress.get(item.id);
          var record = answers[item.id];
          if (record && !(stored && stored.answer === record.answer && stored.right === record.right)) {
            progress.set(item.id, record);
          } else if (!record && stored && platformAnswered) {
            progress.remove(item.id);
          }
        } catch (error) {
          // One item that cannot be stored is no reason to stop the others.
        }
      });
    }

    var commitTimer = null;
    function commit() {
      if (commitTimer !== null) {
        clearTimeout(commitTimer);
        commitTimer = null;
      }
      if (!finished) {
        call("LMSCommit");
      }
    }
    // A change waiting for its commit goes now (a page of the site closing).
    function flush() {
      if (commitTimer !== null) {
        commit();
      }
    }
    function commitSoon() {
      if (commitTimer === null) {
        commitTimer = setTimeout(commit, COMMIT_AFTER_MS);
      }
    }

    function twoDigits(number) {
      return (number < 10 ? "0" : "") + number;
    }
    function clockTime(date) {
      return twoDigits(date.getHours()) + ":" + twoDigits(date.getMinutes()) + ":" + twoDigits(date.getSeconds());
    }
    function timespan(milliseconds) {  // CMITimespan: HHHH:MM:SS.SS
      var centiseconds = Math.floor(milliseconds / 10);
      var hours = Math.min(Math.floor(centiseconds / 360000), 9999);
      var minutes = Math.floor(centiseconds / 6000) % 60;
      var seconds = Math.floor(centiseconds / 100) % 60;
      var hundredths = centiseconds % 100;
      return (hours < 10 ? "0" : "") + hours + ":" + twoDigits(minutes) + ":" + twoDigits(seconds) + "." + twoDigits(hundredths);
    }

    function masteryScore() {
      var given = get("cmi.student_data.mastery_score");  // the platform's, when an administrator set one
      var score = given === "" ? NaN : Number(given);
      return score >= 0 && score <= 100 ? score : Number(catalogue.mastery_score);
    }

    function record(detail) {
      if (!recording || finished || !detail || typeof detail.item !== "string" || !has.call(byId, detail.item)) {
        return;
      }
      var item = byId[detail.item];
      var answer = String(detail.answer);
      if (item.options.indexOf(answer) < 0) {
        return;
      }
      var right = detail.right === true;
      answers[item.id] = { set: item.set, answer: answer, right: right };
      var count = parseInt(get("cmi.interactions._count"), 10);
      var n = count >= 0 ? count : 0;
      var prefix = "cmi.interactions." + n + ".";
      put(prefix + "id", item.id);
      put(prefix + "type", "choice");
      // SCORM 1.2 writes a choice as one character, 0-9 or a-z: the option's place in the item.
      put(prefix + "student_response", RESPONSE_CHARACTERS.charAt(item.options.indexOf(answer)));
      put(prefix + "result", right ? "correct" : "wrong");
      put(prefix + "time", clockTime(new Date()));
      put("cmi.suspend_data", encode());
      var answered = 0;
      var rightCount = 0;
      items.forEach(function (each) {
        if (answers[each.id]) {
          answered += 1;
          rightCount += answers[each.id].right ? 1 : 0;
        }
      });
      var score = items.length ? Math.round(100 * rightCount / items.length) : 0;
      put("cmi.core.score.raw", score);
      if (answered === items.length) {
        var verdict = score >= masteryScore() ? "passed" : "failed";
        // Once passed, a later slip (Try again, Review) does not take the pass away.
        if (verdict !== status && status !== "passed") {
          put("cmi.core.lesson_status", verdict);
          status = verdict;
        }
      }
      commitSoon();
    }

    var lastPage = null;
    function visit(win) {
      if (!recording || finished) {
        return;
      }
      var path;
      try {
        path = win.location.pathname;
      } catch (error) {
        return;
      }
      if (path.indexOf(siteUrl.pathname) !== 0) {
        return;
      }
      var page = decodeURIComponent(path.slice(siteUrl.pathname.length));
      if (page === "" || page.charAt(page.length - 1) === "/") {
        page += "index.html";
      }
      if (has.call(pages, page) && page !== lastPage) {
        lastPage = page;
        put("cmi.core.lesson_location", page);
        commitSoon();
      }
    }

    function finish() {
      if (finished) {
        return;
      }
      if (recording) {
        put("cmi.core.session_time", timespan(Date.now() - started));
        // Keep the attempt open, passed or not: the learner may come back to review.
        put("cmi.core.exit", "suspend");
      }
      commit();
      finished = true;
      call("LMSFinish");
    }

    window.goalPyramidScorm = {
      record: record,
      visit: visit,
      flush: flush,
      title: function (text) {
        if (typeof text === "string" && text) {
          document.title = text;
        }
      }
    };
    window.addEventListener("pagehide", finish);

    // The page the reader was on last time, once per launch; else the site's home page.
    var last = get("cmi.core.lesson_location");
    var start = has.call(pages, last) ? last : catalogue.home;
    lastPage = start;
    frame.src = new URL(start, siteUrl).href;
  }

  // --- a page of the site, in the launch page's frame ------------------------------------

  function joinSession() {
    var session = null;
    try {
      session = window.parent !== window && window.parent.goalPyramidScorm || null;
    } catch (error) {
      session = null;  // opened inside another site's frame
    }
    if (!session) {
      return;  // no platform, or the site opened on its own: nothing to tell
    }
    function tell(action) {
      try {
        action();
      } catch (error) {
        // The session going away (the platform closing the SCO) must not break the page.
      }
    }
    tell(function () {
      session.visit(window);
      session.title(document.title);
    });
    // Links the site opens in the top window (the workbench hand-off) would replace the
    // platform's player, ending the session: inside the package they stay in this frame.
    document.addEventListener("click", function (event) {
      var link = event.target && event.target.closest && event.target.closest('a[target="_top"]');
      if (link) {
        link.target = "_self";
      }
    }, true);
    document.addEventListener("goal-pyramid:answer", function (event) {
      tell(function () {
        session.record(event.detail);
      });
    });
    window.addEventListener("pagehide", function () {
      tell(session.flush);
    });
  }

  var launch = document.querySelector("[data-gp-scorm-launch]");
  if (launch) {
    startSession(launch);
  } else {
    joinSession();
  }
})();
