/*
 * The test LMS's side: window.API is scorm-again's Scorm12API (no commit URL: it keeps the data
 * in memory). What the platform would store between launches (suspend data, location, status,
 * score) is kept in sessionStorage when the SCO calls LMSFinish, and loaded into the next
 * launch's API before the SCO opens. Query: ?noapi (no API at all), ?suspend_data=...,
 * ?mode=browse|review, ?mastery=N (the platform's own cmi.student_data.mastery_score).
 */
(function () {
  "use strict";
  var query = new URLSearchParams(window.location.search);
  var lms = window.lms = { commits: 0, finishes: 0, initializes: 0, launches: 0 };
  var previous = JSON.parse(window.sessionStorage.getItem("test-lms") || "null");
  lms.launches = previous ? previous.launches + 1 : 1;
  if (!query.has("noapi")) {
    var api = window.API = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 4 });
    api.on("LMSInitialize", function () { lms.initializes += 1; });
    api.on("LMSCommit", function () { lms.commits += 1; });
    api.on("LMSFinish", function () {
      lms.finishes += 1;
      // exit and session_time are write-only to the SCO; the platform reads them as JSON.
      var core = JSON.parse(JSON.stringify(api.cmi.core));
      window.sessionStorage.setItem("test-lms", JSON.stringify({
        launches: lms.launches,
        cmi: {
          "cmi.suspend_data": api.cmi.suspend_data,
          "cmi.core.lesson_location": core.lesson_location,
          "cmi.core.lesson_status": core.lesson_status,
          "cmi.core.score.raw": core.score.raw,
          "cmi.core.entry": core.exit === "suspend" ? "resume" : ""
        },
        exit: core.exit,
        session_time: core.session_time
      }));
    });
    var start = previous ? previous.cmi : {};
    if (query.has("suspend_data")) {
      start["cmi.suspend_data"] = query.get("suspend_data");
    }
    if (query.has("mode")) {
      start["cmi.core.lesson_mode"] = query.get("mode");
    }
    if (query.has("mastery")) {
      start["cmi.student_data.mastery_score"] = query.get("mastery");
    }
    Object.keys(start).forEach(function (key) {
      if (start[key] === "") {
        delete start[key];
      }
    });
    api.loadFromFlattenedJSON(start);
    lms.previous = previous;
  }
  document.getElementById("sco").src = "package/index.html";
})();
