/* Printed handouts say when they were printed: the footer under every page
 * (overrides/main.html) gets today's date, in the reader's own calendar,
 * now and again just before printing.  It runs with the page: printing
 * needs no other script. */
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
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", stamp, { once: true });
  else stamp();
})();
