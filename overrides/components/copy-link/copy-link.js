/*
 * Goal Pyramid "Copy link" (macro: copy-link.html): copies the address of a card
 * or layer, or shows it selected in a text field when copying is refused.
 */
(function (pieces) {
  "use strict";
  if (pieces["copy-link"]) {
    return;  // Material re-runs the scripts of a new page's content: keep the first copy.
  }

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

  pieces["copy-link"] = {};
  // Components wait for every piece their page loads (core.js): start them now if this was the last.
  if (window.GoalPyramid) {
    window.GoalPyramid.mountAll();
  }
})(window.goalPyramidPieces = window.goalPyramidPieces || {});
