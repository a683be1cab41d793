/* Embed pages (site/embed/) tell the page that frames them how tall their
 * content is, so its iframe can grow to fit without a second scroll bar.
 * The message holds only a number; the host checks where it came from
 * (see the snippet on the "Embed these pages" page). */
(function () {
  "use strict";

  if (window.parent === window) return;
  var content = document.querySelector("[data-embed]");
  if (!content) return;
  var last = 0;

  function report() {
    var height = Math.ceil(content.getBoundingClientRect().bottom + window.scrollY);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "microneedling-embed:height", height: height }, "*");
  }

  if (window.ResizeObserver) new ResizeObserver(report).observe(content);
  window.addEventListener("load", report);
  report();
})();
