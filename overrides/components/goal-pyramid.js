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
        root.setAttribute("data-gp-failed", String(error && error.message));
      }
    });
  }

  function targetDetails() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.matches("[data-gp-module] details")) {
      return target;
    }
    return null;
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

  // Practice progress, keyed by the stable item ids from the YAML. When the
  // browser refuses storage (private mode, blocked, full) it lives in memory
  // for the visit instead, and nothing fails. Embed pages keep their own.
  var STORE_KEY = document.querySelector("[data-gp-embed]")
    ? "goal-pyramid:embed-progress:v1"
    : "goal-pyramid:progress:v1";
  var memory = {};
  var storageWorks = true;

  function readProgress() {
    if (!storageWorks) {
      return memory;
    }
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORE_KEY) || "{}");
      memory = saved && typeof saved === "object" && !Array.isArray(saved) ? saved : {};
    } catch (error) {
      storageWorks = false;
    }
    return memory;
  }

  function writeProgress(all) {
    memory = all;
    if (!storageWorks) {
      return;
    }
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify(all));
    } catch (error) {
      storageWorks = false;
    }
  }

  var progress = {
    all: function () {
      return readProgress();
    },
    get: function (itemId) {
      return readProgress()[itemId] || null;
    },
    set: function (itemId, record) {
      var all = readProgress();
      all[itemId] = record;
      writeProgress(all);
    },
    remove: function (itemId) {
      var all = readProgress();
      delete all[itemId];
      writeProgress(all);
    },
    forget: function () {
      memory = {};
      if (!storageWorks) {
        return;
      }
      try {
        window.localStorage.removeItem(STORE_KEY);
      } catch (error) {
        storageWorks = false;
      }
    },
    persistent: function () {
      readProgress();
      return storageWorks;
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
