// Embed pages only (overrides/embed.html): tell the page around the frame how tall the
// content is, so a host page that listens (docs/embedding.md, "Plain HTML") can size the
// frame to fit and readers never scroll inside it. Sent on load and on every size change
// (a card or a question opening, the frame getting narrower).
//
// The message goes to any origin ("*"): the embed cannot know which wiki frames it, and it
// carries nothing but a height and this page's path, which the frame's address already
// tells the host. Nothing the reader typed or chose is ever sent.
(function () {
  "use strict";
  if (window.parent === window) return;  // not in a frame: nobody to tell
  var content = document.querySelector("[data-gp-embed]") || document.body;
  var last = 0;
  function report() {
    var style = getComputedStyle(document.body);
    var height = Math.ceil(content.getBoundingClientRect().bottom + window.scrollY
                           + parseFloat(style.marginBottom || "0") + parseFloat(style.paddingBottom || "0"));
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "goal-pyramid:height", height: height, page: location.pathname }, "*");
  }
  if ("ResizeObserver" in window) new ResizeObserver(report).observe(content);
  window.addEventListener("load", report);
  window.addEventListener("resize", report);
  report();
})();
