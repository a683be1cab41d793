/* Site-wide scripts start after the page has loaded and been drawn.
 *
 * The page is readable without them: they add search, instant navigation,
 * tooltips and the search dialog's name.  Loaded with the
 * page, Material's 35 KB bundle and the small files compete for a slow
 * connection with the text and the one stylesheet a reader is waiting for.
 * From here they load in the order listed in data-scripts (search-on-demand
 * before Material's bundle), once the first frame is on screen.
 *
 * Material starts on DOMContentLoaded, which has passed by then, so the
 * event is sent again once its bundle has run (Material listens for it
 * once; our scripts check document.readyState instead). */
(function () {
  "use strict";

  var me = document.currentScript;
  var sources = ((me && me.getAttribute("data-scripts")) || "").split(/\s+/).filter(Boolean);
  var MATERIAL = /\/bundle\.[0-9a-f]+\.min\.js$/;

  function start() {
    sources.forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false; /* run in the listed order */
      if (MATERIAL.test(src)) {
        script.addEventListener("load", function () { document.dispatchEvent(new Event("DOMContentLoaded")); });
      }
      document.body.appendChild(script);
    });
  }

  /* A frame callback runs before the next paint; the timeout after it. */
  function afterNextPaint() { requestAnimationFrame(function () { setTimeout(start, 0); }); }
  if (document.readyState === "complete") afterNextPaint();
  else window.addEventListener("load", afterNextPaint, { once: true });
})();
