/* Printed handouts say when they were printed: the footer under every page
 * (overrides/main.html) gets today's date, in the page's language, just
 * before printing; the word before the date ("on", "el") is the build's
 * (data-print-date), not the script's.  Only then: the date shows on paper, never on
 * screen, and setting up a date format costs a phone a long moment that the
 * page's first seconds do not need. */
(function () {
  "use strict";

  var format = null;

  window.addEventListener("beforeprint", function () {
    format = format || new Intl.DateTimeFormat(document.documentElement.lang || undefined, { day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll("[data-print-date]").forEach(function (node) {
      node.textContent = " " + node.getAttribute("data-print-date") + " " + format.format(new Date());
      node.hidden = false;
    });
  });
})();
