/* Printed handouts say when they were printed: the footer under every page
 * (overrides/main.html) gets today's date, in the page's language, just
 * before printing; the word before the date ("on", "el") and the date's
 * style (data-date-locale: "1 December 2026", as the site writes dates) are
 * the build's (data-print-date), not the script's.  Only then: the date shows on paper, never on
 * screen, and setting up a date format costs a phone a long moment that the
 * page's first seconds do not need. */
(function () {
  "use strict";

  window.addEventListener("beforeprint", function () {
    var today = new Date();
    document.querySelectorAll("[data-print-date]").forEach(function (node) {
      var locale = node.getAttribute("data-date-locale") || document.documentElement.lang || undefined;
      var date = today.toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" });
      node.textContent = " " + node.getAttribute("data-print-date") + " " + date;
      node.hidden = false;
    });
  });
})();
