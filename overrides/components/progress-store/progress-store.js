/*
 * Goal Pyramid progress store: what this browser remembers of practice answers,
 * one localStorage key per item (window.GoalPyramid.progress: all, get, set,
 * remove, forget, persistent, quotaFull, onChange, and schedule, the review
 * schedule). Used by quiz, scenario, progress and review.
 *
 * A record is { set, answer, right, at, review }: at (epoch ms) and review
 * ({ step, due }) are optional, and set() stamps both. Under node (`node --test
 * tests/js/`) this file exports the review schedule, which needs no page.
 */
(function () {
  "use strict";

  /*
   * The review schedule: one implementation, used by set() for every answer.
   * Wrong: due 1 day later (step 1), at any step. Right when due: one step on,
   * due 3 days later (step 2), then 7 days later (step 3), then out of review
   * (no review field). Right before it is due: the schedule stays. Right the
   * first time (no record before): never in review. A record from before the
   * schedule (no review field) that is wrong counts as due since it was answered.
   */
  var DAY = 24 * 60 * 60 * 1000;
  // The last moment a Date can hold: a later time stamp (a clock gone wrong) cannot even be written down.
  var LAST_DATE = 8.64e15;
  var INTERVALS = [1, 3, 7];  // days before each step's review: step 1, 2, 3
  var LAST_STEP = INTERVALS.length;
  var REVIEW_LIMIT = 10;

  // When the item is due for review (epoch ms), or null when it is not in review.
  function dueAt(record) {
    if (!record) {
      return null;
    }
    if (record.review) {
      return record.review.due;
    }
    return record.right ? null : (record.at || 0);
  }

  function stepOf(record) {
    return record.review ? record.review.step : 1;
  }

  // The review field of an answer given now, from the record before it (or null): a
  // { step, due }, or null when the item is out of review.
  function nextReview(previous, right, now) {
    if (!right) {
      return { step: 1, due: now + INTERVALS[0] * DAY };
    }
    var due = dueAt(previous);
    if (due === null) {
      return null;
    }
    if (due > now) {
      return previous.review || { step: 1, due: due };
    }
    var step = stepOf(previous);
    return step >= LAST_STEP ? null : { step: step + 1, due: now + INTERVALS[step] * DAY };
  }

  /*
   * What to review now, in order: the due items (oldest due first), then the ones
   * never answered (in the order given), at most `limit` (10). ids: the current
   * ids, so stored progress for ids that no longer exist is never offered;
   * records: id -> record (progress.all()). Returns [{ id, due }] (due null: never answered).
   */
  function pick(ids, records, now, limit) {
    var max = limit === undefined ? REVIEW_LIMIT : limit;
    var has = Object.prototype.hasOwnProperty;
    var seen = Object.create(null);
    var due = [];
    var fresh = [];
    ids.forEach(function (id, index) {
      if (!id || seen[id]) {
        return;
      }
      seen[id] = true;
      var record = has.call(records, id) ? records[id] : null;
      if (!record) {
        fresh.push({ id: id, due: null, index: index });
        return;
      }
      var when = dueAt(record);
      if (when !== null && when <= now) {
        due.push({ id: id, due: when, index: index });
      }
    });
    due.sort(function (a, b) {
      return a.due - b.due || a.index - b.index;
    });
    return due.concat(fresh).slice(0, max).map(function (entry) {
      return { id: entry.id, due: entry.due };
    });
  }

  function isReview(value) {
    return !!value && typeof value === "object" && !Array.isArray(value) &&
      typeof value.step === "number" && value.step % 1 === 0 && value.step >= 1 && value.step <= LAST_STEP &&
      typeof value.due === "number" && isFinite(value.due) && value.due >= 0 && value.due <= LAST_DATE;
  }

  var schedule = { DAY: DAY, INTERVALS: INTERVALS, LIMIT: REVIEW_LIMIT, dueAt: dueAt, nextReview: nextReview,
                   pick: pick, isReview: isReview };

  if (typeof window === "undefined") {
    if (typeof module === "object" && module.exports) {
      module.exports = schedule;
    }
    return;
  }
  store(window.goalPyramidPieces = window.goalPyramidPieces || {}, schedule);

function store(pieces, schedule) {
  if (pieces["progress-store"]) {
    return;  // Material re-runs the scripts of a new page's content: keep the first copy.
  }

  // Practice progress, keyed by the stable item ids from the YAML: one
  // localStorage key per item, so tabs answering at once never overwrite each
  // other. Embed pages keep their own. An entry that cannot be read is dropped;
  // when the browser refuses storage (blocked, or full) answers live in memory
  // for the visit instead, and nothing fails.
  var SITE_PREFIX = "goal-pyramid:";
  var EMBED = !!document.querySelector("[data-gp-embed]");
  var ITEM_PREFIX = SITE_PREFIX + (EMBED ? "embed-progress:v2:" : "progress:v2:");
  // An item's review schedule outlives remove() (a practice set's "Try again"): a wrong answer
  // still comes back. Kept under its own key until the next answer; forget() clears it.
  var KEPT_REVIEW_PREFIX = SITE_PREFIX + (EMBED ? "embed-review:v1:" : "review:v1:");
  var keptReviews = Object.create(null);  // the ones storage did not keep, by item id
  // Before v2, all of a page's progress sat in one JSON object under one key.
  var OLD_KEYS = [[SITE_PREFIX + "progress:v1", SITE_PREFIX + "progress:v2:"],
                  [SITE_PREFIX + "embed-progress:v1", SITE_PREFIX + "embed-progress:v2:"]];
  var ROOM_CHECK_KEY = SITE_PREFIX + "room-check";
  var has = Object.prototype.hasOwnProperty;
  var memory = Object.create(null);  // answers storage did not keep, by item id
  var storageState = { readable: true, full: false };

  function storage() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null;  // blocked: even reading the property throws
    }
  }

  function isQuotaError(error) {
    return !!error && (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
                       error.code === 22 || error.code === 1014);
  }

  // A record is { set, answer, right } with optional at and review; anything else is unreadable.
  function parseRecord(text) {
    var record;
    try {
      record = JSON.parse(text);
    } catch (error) {
      return null;
    }
    return isRecord(record) ? record : null;
  }

  function isRecord(value) {
    return !!value && typeof value === "object" && !Array.isArray(value) &&
      typeof value.answer === "string" && typeof value.right === "boolean" &&
      (value.set === undefined || typeof value.set === "string") &&
      (value.at === undefined || (typeof value.at === "number" && isFinite(value.at) && value.at >= 0 &&
                                  value.at <= LAST_DATE)) &&
      (value.review === undefined || schedule.isReview(value.review));
  }

  // The record as kept: stamped with when it was given (at) and its review schedule,
  // unless the caller gave them; the schedule follows from the record before it.
  function stamped(itemId, record) {
    var kept = {};
    Object.keys(record).forEach(function (name) {
      kept[name] = record[name];
    });
    if (kept.at === undefined) {
      kept.at = Date.now();
    }
    var previous = readOne(itemId);
    var keptBefore = keptReview(itemId, true);  // what an earlier "Try again" kept of the schedule
    if (kept.review === undefined) {
      var review = schedule.nextReview(previous || keptBefore, kept.right, kept.at);
      if (review) {
        kept.review = review;
      }
    } else if (kept.review === null) {
      delete kept.review;
    }
    return kept;
  }

  function keysOf(store) {
    var keys = [];
    for (var i = 0; i < store.length; i++) {
      keys.push(store.key(i));
    }
    return keys;
  }

  function quietly(action) {
    try {
      action();
      return true;
    } catch (error) {
      return false;
    }
  }

  // Readable v1 entries move to their own keys, then the v1 key goes. Checked on
  // every read: a tab still running the old script may write v1 again.
  function migrate(store) {
    OLD_KEYS.forEach(function (pair) {
      var text = store.getItem(pair[0]);
      if (text === null) {
        return;
      }
      var old = null;
      try {
        old = JSON.parse(text);
      } catch (error) {
        old = null;
      }
      var kept = true;
      if (old && typeof old === "object" && !Array.isArray(old)) {
        Object.keys(old).forEach(function (itemId) {
          if (!isRecord(old[itemId]) || store.getItem(pair[1] + itemId) !== null) {
            return;
          }
          kept = quietly(function () {
            store.setItem(pair[1] + itemId, JSON.stringify(old[itemId]));
          }) && kept;
        });
      }
      if (kept) {
        store.removeItem(pair[0]);
      }
    });
  }

  // Every readable record for this page's kind (site or embed), by item id.
  function readAll() {
    var all = Object.create(null);
    var store = storage();
    storageState.readable = !!store && quietly(function () {
      migrate(store);
      keysOf(store).forEach(function (key) {
        if (key === null || key.indexOf(ITEM_PREFIX) !== 0) {
          return;
        }
        var record = parseRecord(store.getItem(key));
        if (record) {
          all[key.slice(ITEM_PREFIX.length)] = record;
        } else {
          store.removeItem(key);
        }
      });
    });
    Object.keys(memory).forEach(function (itemId) {
      all[itemId] = memory[itemId];
    });
    return all;
  }

  function readOne(itemId) {
    if (has.call(memory, itemId)) {
      return memory[itemId];
    }
    var store = storage();
    var record = null;
    storageState.readable = !!store && quietly(function () {
      migrate(store);
      var text = store.getItem(ITEM_PREFIX + itemId);
      record = text === null ? null : parseRecord(text);
      if (text !== null && !record) {
        store.removeItem(ITEM_PREFIX + itemId);
      }
    });
    return record;
  }

  // Writes one item's key only, so an answer given in another tab is never lost.
  function writeOne(itemId, record) {
    var store = storage();
    if (!store) {
      storageState.readable = false;
      memory[itemId] = record;
      return;
    }
    try {
      store.setItem(ITEM_PREFIX + itemId, JSON.stringify(record));
      delete memory[itemId];
      storageState.full = false;
    } catch (error) {
      memory[itemId] = record;
      if (isQuotaError(error)) {
        storageState.full = true;
      } else {
        storageState.readable = false;
      }
    }
  }

  function removeOne(itemId) {
    var record = readOne(itemId);
    delete memory[itemId];
    var store = storage();
    if (record && schedule.dueAt(record) !== null) {
      keepReview(itemId, { answer: record.answer, right: record.right, at: record.at,
                           review: record.review || { step: 1, due: schedule.dueAt(record) } });
    }
    if (store) {
      quietly(function () {
        store.removeItem(ITEM_PREFIX + itemId);
      });
    }
  }

  // What remove() kept of an item's schedule: a record as it was, read like any other.
  function keepReview(itemId, record) {
    var store = storage();
    if (!store || !quietly(function () { store.setItem(KEPT_REVIEW_PREFIX + itemId, JSON.stringify(record)); })) {
      keptReviews[itemId] = record;
    }
  }

  function keptReview(itemId, drop) {
    var record = has.call(keptReviews, itemId) ? keptReviews[itemId] : null;
    var store = storage();
    if (store) {
      quietly(function () {
        var text = store.getItem(KEPT_REVIEW_PREFIX + itemId);
        if (text !== null) {
          record = record || parseRecord(text);
          if (drop || !record) {
            store.removeItem(KEPT_REVIEW_PREFIX + itemId);
          }
        }
      });
    }
    if (drop) {
      delete keptReviews[itemId];
    }
    return record;
  }

  // Whether an answer-sized record still fits: the page that shows progress may
  // not be the one whose answer was refused.
  function roomForOneMore(store) {
    try {
      store.setItem(ROOM_CHECK_KEY, JSON.stringify({ set: new Array(41).join("x"), answer: new Array(41).join("x"), right: false }));
      store.removeItem(ROOM_CHECK_KEY);
      return true;
    } catch (error) {
      return !isQuotaError(error);
    }
  }

  // Everything this site stored: our keys, and Material's (they start with the site's path).
  function isOurs(key) {
    var scope = window.__md_scope && window.__md_scope.pathname;
    return key !== null && (key.indexOf(SITE_PREFIX) === 0 || (!!scope && key.indexOf(scope + ".") === 0));
  }

  function forgetAll() {
    memory = Object.create(null);
    keptReviews = Object.create(null);
    storageState.full = false;
    ["localStorage", "sessionStorage"].forEach(function (name) {
      quietly(function () {
        var store = window[name];
        keysOf(store).filter(isOurs).forEach(function (key) {
          store.removeItem(key);
        });
      });
    });
  }

  // Changes made in another tab of this site (the storage event fires only there).
  var listeners = [];
  window.addEventListener("storage", function (event) {
    if (event.key !== null && (event.key.indexOf(SITE_PREFIX) !== 0 || event.key === ROOM_CHECK_KEY)) {
      return;
    }
    listeners.slice().forEach(function (listener) {
      listener();
    });
  });

  var progress = {
    all: readAll,
    get: function (itemId) {
      return readOne(String(itemId));
    },
    set: function (itemId, record) {
      writeOne(String(itemId), stamped(String(itemId), record));
    },
    remove: function (itemId) {
      removeOne(String(itemId));
    },
    forget: forgetAll,
    // False when the browser refuses storage: progress lasts only while a page is open.
    persistent: function () {
      readAll();
      return storageState.readable;
    },
    // True when storage has no room for another answer.
    quotaFull: function () {
      var store = storage();
      if (store && storageState.readable) {
        storageState.full = !roomForOneMore(store);
      }
      return storageState.full;
    },
    // Calls back when another tab changes progress; returns a function that stops it.
    // callback runs while root is on the page; instant navigation leaves it behind, and then it stops.
    onChange: function (callback, root) {
      var listener = function () {
        if (!root.isConnected) {
          listeners = listeners.filter(function (other) {
            return other !== listener;
          });
          return;
        }
        callback();
      };
      listeners.push(listener);
    },
    // The review schedule (above): dueAt, nextReview, pick, DAY, LIMIT.
    schedule: schedule
  };

  pieces["progress-store"] = { progress: progress };
  // Components wait for every piece their page loads (core.js): start them now if this was the last.
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
}
})();
