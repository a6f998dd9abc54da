/*
 * Goal Pyramid core: starts every [data-gp-module] on the page once, on the
 * first load and after each instant navigation (Material's document$), and
 * opens the <details> a #link points at. The components work without it.
 */
(function () {
  "use strict";
  // Material re-runs the scripts of a new page's content: keep the first copy.
  if (window.GoalPyramid) {
    return;
  }

  // Component scripts add themselves here, before or after this file runs:
  // Material inserts a new page's scripts asynchronously, in no fixed order.
  var modules = window.goalPyramidModules = window.goalPyramidModules || {};

  function mountAll() {
    document.querySelectorAll("[data-gp-module]").forEach(function (root) {
      var init = modules[root.getAttribute("data-gp-module")];
      if (!init || root.hasAttribute("data-gp-mounted")) {
        return;
      }
      root.setAttribute("data-gp-mounted", "");
      try {
        init(root);
        showToolbar(root);
      } catch (error) {
        // One broken component must not break the others; it still works as plain HTML.
        var name = root.getAttribute("data-gp-module");
        root.setAttribute("data-gp-failed", String(error && error.message));
        console.error("Goal Pyramid: the " + name + " component did not start; it stays plain HTML.", error);
      }
    });
  }

  function targetDetails() {
    var id = decodedHash();
    var target = id && document.getElementById(id);
    if (target && target.matches("[data-gp-module] details")) {
      return target;
    }
    return null;
  }

  // The URL's #id; a malformed escape such as "#%" is taken as written.
  function decodedHash() {
    var raw = window.location.hash.slice(1);
    try {
      return decodeURIComponent(raw);
    } catch (error) {
      return raw;
    }
  }

  // Open the card or layer named by the URL's #id, bring it into view and give it focus.
  function openTarget() {
    var target = targetDetails();
    if (!target) {
      return;
    }
    target.open = true;
    bringIntoFocus(target);
    // Chromium drops focus given before the load ends when the URL has a #fragment.
    if (document.readyState !== "complete") {
      window.addEventListener("load", function () {
        bringIntoFocus(target);
      }, { once: true });
    }
  }

  function bringIntoFocus(details) {
    details.querySelector("summary").focus({ preventScroll: true });
    details.scrollIntoView({ block: "start" });
  }

  // "Reveal all" / "Hide all" (visible once the component is mounted: see the CSS).
  function showToolbar(root) {
    var toolbar = root.querySelector("[data-gp-toolbar]");
    var status = root.querySelector("[data-gp-status]");
    if (!toolbar) {
      return;
    }
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-gp-action]");
      if (!button) {
        return;
      }
      var open = button.getAttribute("data-gp-action") === "open-all";
      var all = root.querySelectorAll("details");
      all.forEach(function (details) {
        details.open = open;
      });
      if (status) {
        var message = toolbar.getAttribute(open ? "data-gp-opened" : "data-gp-closed") || "";
        status.textContent = message.replace("{count}", String(all.length));
      }
    });
  }

  // Printing shows every answer: open all, then put each back as it was.
  var closedBeforePrint = [];
  window.addEventListener("beforeprint", function () {
    closedBeforePrint = Array.prototype.slice.call(
      document.querySelectorAll("[data-gp-module] details:not([open])")
    );
    closedBeforePrint.forEach(function (details) {
      details.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    closedBeforePrint.forEach(function (details) {
      details.open = false;
    });
    closedBeforePrint = [];
  });

  window.addEventListener("hashchange", openTarget);

  // "Copy link": the page's address with the card's or layer's #id, copied by
  // the Clipboard API; if that is missing or refused, a selected text field.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-gp-copy-button]");
    if (!button) {
      return;
    }
    var box = button.closest("[data-gp-copy]");
    var url = shareBase() + "#" + box.getAttribute("data-gp-copy");
    var done = box.querySelector("[data-gp-copy-done]");
    var fallback = box.querySelector("[data-gp-copy-fallback]");
    var copied = function () {
      fallback.hidden = true;
      done.textContent = box.getAttribute("data-gp-say-copied");
    };
    var refused = function () {
      var field = fallback.querySelector("input");
      field.value = url;
      fallback.hidden = false;
      field.focus();
      field.select();
      done.textContent = box.getAttribute("data-gp-say-fallback");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(copied, refused);
    } else {
      refused();
    }
  });

  // The address to share: this page, or on an embed page the full page it came from.
  function shareBase() {
    var full = document.querySelector("[data-gp-embed] a[data-gp-full-page]");
    var here = full ? new URL(full.getAttribute("href"), window.location.href) : window.location;
    return here.protocol + "//" + here.host + here.pathname;
  }

  // Embed pages load none of Material's script, which follows the reader's
  // light or dark preference; do that here, and keep doing it if it changes.
  function followColourScheme() {
    var embed = document.querySelector("[data-gp-embed][data-gp-dark-scheme]");
    if (!embed || !window.matchMedia) {
      return;
    }
    var dark = window.matchMedia("(prefers-color-scheme: dark)");
    var apply = function () {
      var scheme = embed.getAttribute(dark.matches ? "data-gp-dark-scheme" : "data-gp-light-scheme");
      document.body.setAttribute("data-md-color-scheme", scheme);
    };
    apply();
    dark.addEventListener("change", apply);
  }
  followColourScheme();

  function onEveryPage() {
    mountAll();
    openTarget();
  }

  // Practice progress, keyed by the stable item ids from the YAML: one
  // localStorage key per item, so tabs answering at once never overwrite each
  // other. Embed pages keep their own. An entry that cannot be read is dropped;
  // when the browser refuses storage (blocked, or full) answers live in memory
  // for the visit instead, and nothing fails.
  var SITE_PREFIX = "goal-pyramid:";
  var EMBED = !!document.querySelector("[data-gp-embed]");
  var ITEM_PREFIX = SITE_PREFIX + (EMBED ? "embed-progress:v2:" : "progress:v2:");
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

  // A record is { set, answer, right }; anything else is unreadable.
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
      (value.set === undefined || typeof value.set === "string");
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
    delete memory[itemId];
    var store = storage();
    if (store) {
      quietly(function () {
        store.removeItem(ITEM_PREFIX + itemId);
      });
    }
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
      writeOne(String(itemId), record);
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
    }
  };

  window.GoalPyramid = {
    mountAll: onEveryPage,
    bringIntoFocus: bringIntoFocus,
    progress: progress
  };

  function start() {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(onEveryPage);
    } else {
      onEveryPage();
    }
  }

  // On a full load this file runs before Material's bundle defines document$.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
