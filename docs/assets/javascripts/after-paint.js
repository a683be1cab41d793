/* Site-wide scripts start after the page has loaded and been drawn.
 *
 * The page is readable without them: they add search, instant navigation,
 * tooltips, the search dialog's name and the print date.  Loaded with the
 * page, Material's 35 KB bundle and the small files compete for a slow
 * connection with the text and the one stylesheet a reader is waiting for.
 * From here they load in the order listed in data-scripts (ours before
 * Material's bundle), once text is on screen.
 *
 * Material starts on DOMContentLoaded, which has passed by then, so the
 * event is sent again once its bundle has run (Material listens for it
 * once; our scripts do not wait for it). */
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

  /* The browser reports its first paint of text; where it cannot, a frame
   * callback runs before the next paint and the timeout after it. */
  function afterFirstPaint() {
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (!types || types.indexOf("paint") < 0) {
      requestAnimationFrame(function () { setTimeout(start, 0); });
      return;
    }
    var observer = new PerformanceObserver(function (list) {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      setTimeout(start, 0);
    });
    observer.observe({ type: "paint", buffered: true });
  }

  if (document.readyState === "complete") afterFirstPaint();
  else window.addEventListener("load", afterFirstPaint, { once: true });
})();
