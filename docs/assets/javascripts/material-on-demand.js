/* Material's bundle loads when a reader first asks for something it does.
 *
 * The page is readable and usable without it: links, the menu and the
 * table of contents are plain HTML.  The bundle (35 KB compressed, about
 * 200 ms of work on a phone) adds search, tooltips, the back-to-top button,
 * the highlighted table-of-contents entry and keyboard shortcuts.  Run with
 * the page, it keeps a phone busy while the reader waits to start reading;
 * here it starts on the reader's first scroll, tap, click, key press, focus,
 * or pointer on an abbreviation, and loads the files of data-scripts in
 * order (search-on-demand.js, then Material's bundle).
 *
 * The first interaction itself does what the reader asked for: opening
 * search focuses its box at once (Material reads the focus when it starts
 * and shows the results for what was typed meanwhile), a shortcut key opens
 * search or follows the next/previous link, the menu opens by itself (a
 * checkbox), and an abbreviation under the pointer or in focus gets its
 * tooltip as soon as Material starts.  Material starts on DOMContentLoaded,
 * which has passed by then, so the event is sent again once its bundle has
 * run (Material listens for it once; our other scripts do not wait for it). */
(function () {
  "use strict";

  var me = document.currentScript;
  var sources = ((me && me.getAttribute("data-scripts")) || "").split(/\s+/).filter(Boolean);
  var MATERIAL = /\/bundle\.[0-9a-f]+\.min\.js$/;
  var started = false;

  /* Following a plain link needs nothing of Material: the next page loads. */
  function plainLink(node) {
    return node && node.closest && !node.closest("[title], abbr") && node.closest("a[href]");
  }

  /* The page's language alternates (<link rel=alternate hreflang>: this page
   * in each language, for search engines) are not language home pages, which
   * is what Material's bundle takes them for: it would fetch a sitemap.xml
   * under each (none exists there) and send the switcher's links elsewhere.
   * The switcher's own links already lead to this page in the other language. */
  function hideAlternatesFromMaterial() {
    document.querySelectorAll("link[rel=alternate][hreflang]").forEach(function (link) { link.remove(); });
  }

  function start(event) {
    if (started || plainLink(event && event.target)) return;
    started = true;
    hideAlternatesFromMaterial();
    sources.forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false; /* run in the listed order */
      if (MATERIAL.test(src)) script.addEventListener("load", ready);
      document.body.appendChild(script);
    });
  }

  /* From here on Material handles every interaction itself. */
  function ready() {
    ["keydown", "pointerdown", "focusin"].forEach(function (type) { document.removeEventListener(type, start); });
    document.removeEventListener("keydown", shortcut);
    document.removeEventListener("click", tapSearch);
    document.removeEventListener("pointerover", onPointer);
    document.dispatchEvent(new Event("DOMContentLoaded"));
  }

  function searchBox() {
    return document.querySelector(".md-search__input");
  }

  function editable(node) {
    return node && (node.isContentEditable || /^(?:INPUT|TEXTAREA|SELECT)$/.test(node.tagName));
  }

  /* Material's shortcuts, until Material runs: s, f or / open search;
   * n or . and p or , go to the next and previous page. */
  function shortcut(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
    var rel = { n: "next", ".": "next", p: "prev", ",": "prev" }[event.key];
    var link = rel && document.querySelector("link[rel=" + rel + "]");
    if (/^[fs/]$/.test(event.key) && searchBox()) {
      event.preventDefault();
      searchBox().focus();
    } else if (link) {
      location.href = link.href;
    }
  }

  /* Phones: the search button shows the search box; focusing it within the
   * tap is what brings up the on-screen keyboard (Material does the same). */
  function tapSearch(event) {
    if (event.target.closest && event.target.closest("label[for='__search']") && searchBox()) searchBox().focus();
  }

  /* A mouse over an abbreviation or a titled link (a tooltip); any touch. */
  function onPointer(event) {
    if (event.pointerType !== "mouse" || (event.target.closest && event.target.closest("[title], abbr"))) start(event);
  }

  document.addEventListener("keydown", shortcut);
  document.addEventListener("click", tapSearch);
  document.addEventListener("pointerover", onPointer, { passive: true });
  ["keydown", "pointerdown", "focusin"].forEach(function (type) { document.addEventListener(type, start, { passive: true }); });
  window.addEventListener("scroll", start, { once: true, passive: true });
})();
