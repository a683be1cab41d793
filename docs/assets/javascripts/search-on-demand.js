/* Load search only when the reader opens it.
 *
 * Material's bundle fetches the whole search index (the text of every page)
 * and starts its search worker as soon as any page loads: on a phone, most
 * of the bytes of a first visit, for a feature many readers never use.
 * This file runs just before the bundle (material-on-demand.js) and holds back
 * exactly those two requests until the search box is opened or focused;
 * then both start, and Material's search works as usual.  Everything else
 * passes through untouched, and if Material changes how it loads search,
 * search simply loads early again.
 *
 * Each language has its own index (pipeline/after_build/search_index.py):
 * Material asks for the site's one address, and this fetches the index of
 * the page's language instead, which the page names (data-search-index,
 * overrides/main.html), so a Spanish reader finds Spanish pages only. */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json(?:$|\?)/;
  var WORKER = /\/workers\/search\.[^/]*\.js(?:$|\?)/;
  var opened = false;
  var waiting = [];
  var named = document.querySelector("script[data-search-index]");
  var pageIndex = named && new URL(named.getAttribute("data-search-index"), document.baseURI).href;

  function whenOpened(start) {
    if (opened) start();
    else waiting.push(start);
  }

  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }

  /* The index: Material requests it with XMLHttpRequest. */
  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    this.searchIndex = INDEX.test(String(url));
    if (this.searchIndex && pageIndex) args[1] = pageIndex;
    return xhrOpen.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.searchIndex || opened) return xhrSend.apply(request, args);
    whenOpened(function () { xhrSend.apply(request, args); });
  };

  /* The worker: a stand-in that queues messages until the real one starts. */
  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (!WORKER.test(String(url))) return new RealWorker(url, options);
      var standIn = new EventTarget(), real = null, queue = [];
      standIn.postMessage = function (message) {
        if (real) real.postMessage(message);
        else queue.push(message);
      };
      standIn.terminate = function () {
        if (real) real.terminate();
        queue = [];
      };
      whenOpened(function () {
        real = new RealWorker(url, options);
        real.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        real.addEventListener("error", function () { standIn.dispatchEvent(new Event("error")); });
        queue.splice(0).forEach(function (message) { real.postMessage(message); });
      });
      return standIn;
    };
  }

  /* Opening search: focusing its box (also what Material's keyboard
   * shortcuts do), or ticking the toggle that shows it on phones. */
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) open();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) open();
  });
  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest("label[for='__search'], .md-search")) open();
  });

  /* The interaction that loaded this file may have opened search already. */
  var active = document.activeElement, toggle = document.getElementById("__search");
  if ((active && active.closest && active.closest(".md-search")) || (toggle && toggle.checked)) open();
})();
