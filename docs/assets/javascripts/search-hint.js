/* When search finds nothing, point to the common questions instead of a
 * blank panel.  Material writes its "no results" text into the result
 * meta line; this watches that line and shows a hint with a link to the
 * FAQ page.  The FAQ address comes from this script's own address
 * (assets/javascripts/ is two folders below the site root), so it is right
 * on every page and after instant navigation (the header, which holds the
 * search panel, is kept). */
(function () {
  "use strict";

  var meta = document.querySelector(".md-search-result__meta");
  var config = document.getElementById("__config");
  var script = document.currentScript;
  if (!meta || !config || !script || meta.nextElementSibling && meta.nextElementSibling.hasAttribute("data-search-hint")) return;
  var none = (JSON.parse(config.textContent).translations || {})["search.result.none"];
  if (!none) return;

  var hint = document.createElement("p");
  hint.className = "search-hint";
  hint.setAttribute("data-search-hint", "");
  hint.hidden = true;
  var link = document.createElement("a");
  link.href = new URL("../../faq/", script.src).href;
  link.textContent = "common questions";
  hint.append("Try other words, or see the ", link, ".");
  meta.after(hint);

  function update() {
    hint.hidden = meta.textContent.trim() !== none;
  }
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  update();
})();
