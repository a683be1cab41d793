/* When search finds nothing, point to the common questions instead of a
 * blank panel.  Material writes its "no results" text into the result
 * meta line; this watches that line and shows a hint with a link to the
 * FAQ page.  The hint's words and link come from the page, in its language
 * (<template id="search-hint">, overrides/main.html); the link is made
 * absolute once, so it stays right after instant navigation (the header,
 * which holds the search panel, is kept). */
(function () {
  "use strict";

  var meta = document.querySelector(".md-search-result__meta");
  var config = document.getElementById("__config");
  var words = document.getElementById("search-hint");
  if (!meta || !config || !words || meta.nextElementSibling && meta.nextElementSibling.hasAttribute("data-search-hint")) return;
  var none = (JSON.parse(config.textContent).translations || {})["search.result.none"];
  if (!none) return;

  var hint = document.createElement("p");
  hint.className = "search-hint";
  hint.setAttribute("data-search-hint", "");
  hint.hidden = true;
  hint.append(document.importNode(words.content, true));  // of this document: its links resolve here
  hint.querySelectorAll("a[href]").forEach(function (link) { link.href = link.href; });
  meta.after(hint);

  function update() {
    hint.hidden = meta.textContent.trim() !== none;
  }
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  update();
})();
