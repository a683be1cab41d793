/* Material's search dialog, from the page's start (long before Material's
 * bundle, loaded on first use, shows the panel).
 *
 * Its name for screen readers: the theme marks the search panel
 * role="dialog" without a name, so it is announced as an unnamed dialog
 * (axe: aria-dialog-name).
 *
 * Opening it on phones: closed, the panel is hidden there (site.css: out of
 * the Tab order, not read out), and a hidden box cannot take focus.  The
 * search button and the s, f and / keys focus the box (Material's handlers,
 * or material-on-demand.js's before Material runs), and Material opens the
 * panel when the box has focus.  So these open the panel first, before any
 * of those handlers runs (capture on window). */
(function () {
  "use strict";

  var dialog = document.querySelector('.md-search[role="dialog"]');
  var toggle = document.getElementById("__search");
  if (!dialog) return;
  var input = dialog.querySelector(".md-search__input");
  if (!dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
  }

  var inner = dialog.querySelector(".md-search__inner");
  if (!toggle || !inner) return;

  function closedAndHidden() {
    return !toggle.checked && getComputedStyle(inner).visibility === "hidden";
  }

  function editable(node) {
    return node && (node.isContentEditable || /^(?:INPUT|TEXTAREA|SELECT)$/.test(node.tagName));
  }

  /* The click opens it (Material listens for the change) instead of the
   * label's own toggle, which comes after the handlers that focus the box. */
  window.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".md-header__button[for='__search']");
    if (!button || !closedAndHidden()) return;
    event.preventDefault();
    toggle.click();
  }, true);

  /* Once search is open, Material takes a key as typing, not as a shortcut:
   * cancelled here, the s, f or / is not typed into the box. */
  window.addEventListener("keydown", function (event) {
    if (!/^[fs/]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
    if (!closedAndHidden()) return;
    event.preventDefault();
    toggle.click();
  }, true);
})();
