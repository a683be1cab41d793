/* Names Material's search dialog for screen readers.  The theme marks the
 * search panel role="dialog" without a name, so it is announced as an
 * unnamed dialog (axe: aria-dialog-name).  Search needs JavaScript anyway,
 * so naming it here, after its own search box, is enough. */
(function () {
  "use strict";

  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (!dialog || dialog.hasAttribute("aria-label")) return;
    var input = dialog.querySelector(".md-search__input");
    dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
  }

  /* Material's instant navigation swaps pages without reloading scripts. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(nameSearchDialog);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", nameSearchDialog);
  else nameSearchDialog();
})();
