/* Names Material's search dialog for screen readers.  The theme marks the
 * search panel role="dialog" without a name, so it is announced as an
 * unnamed dialog (axe: aria-dialog-name).  This runs with the page, long
 * before Material's bundle (loaded on first use) shows the panel. */
(function () {
  "use strict";

  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (!dialog || dialog.hasAttribute("aria-label")) return;
  var input = dialog.querySelector(".md-search__input");
  dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
})();
