/* Printed handouts say when they were printed: the footer under every page
 * (overrides/main.html) gets today's date, in the reader's own calendar. */
(function () {
  "use strict";

  var format = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "long", year: "numeric" });

  function stamp() {
    document.querySelectorAll("[data-print-date]").forEach(function (node) {
      node.textContent = " on " + format.format(new Date());
      node.hidden = false;
    });
  }

  window.addEventListener("beforeprint", stamp);
  /* Material's instant navigation swaps pages without reloading scripts. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(stamp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", stamp);
  else stamp();
})();
