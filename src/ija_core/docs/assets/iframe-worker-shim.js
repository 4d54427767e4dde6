/*
 * A small stand-in for Web Workers on pages opened from file://, written for ija-core.
 *
 * Browsers refuse `new Worker(...)` for a page opened from a file, so the theme's search
 * worker cannot start there. On file:// pages only, this script replaces `Worker` by
 * `IFrameWorker`: the worker script runs in a hidden iframe of the same page, and messages
 * pass between the two with the same calls a worker uses (postMessage, "message" events,
 * importScripts, which here returns a promise, as the theme's search worker expects).
 * mkdocs-material's offline plugin lists a script whose name contains "iframe-worker" as its
 * polyfill and then fetches nothing; this file is that script. No network is used.
 */
(function () {
  "use strict";
  if (typeof window === "undefined" || window.location.protocol !== "file:") return;

  function IFrameWorker(url) {
    var worker = this;
    var luisteraars = { message: [], error: [] };
    var wachtrij = [];
    var klaar = false;
    var adres = new URL(String(url), document.baseURI).href;

    this.onmessage = null;
    this.onerror = null;

    var iframe = document.createElement("iframe");
    iframe.setAttribute("aria-hidden", "true");
    iframe.setAttribute("tabindex", "-1");
    iframe.setAttribute("title", "zoeken");
    iframe.style.display = "none";
    (document.body || document.documentElement).appendChild(iframe);
    var binnen = iframe.contentWindow;
    var doc = binnen.document;

    function geef(soort, gebeurtenis) {
      var handler = soort === "message" ? worker.onmessage : worker.onerror;
      if (typeof handler === "function") handler.call(worker, gebeurtenis);
      luisteraars[soort].slice().forEach(function (f) { f.call(worker, gebeurtenis); });
    }

    function fout(bericht) {
      geef("error", new ErrorEvent("error", { message: bericht }));
    }

    function laad(bron) {
      return new Promise(function (gelukt, mislukt) {
        var script = doc.createElement("script");
        script.src = new URL(String(bron), adres).href;
        script.onload = function () { gelukt(); };
        script.onerror = function () { mislukt(new Error("kan " + script.src + " niet laden")); };
        (doc.head || doc.documentElement).appendChild(script);
      });
    }

    // What the worker sends reaches the page as a "message" event, asynchronously.
    binnen.postMessage = function (data) {
      setTimeout(function () { geef("message", new MessageEvent("message", { data: data })); }, 0);
    };
    binnen.importScripts = function () {
      var bronnen = Array.prototype.slice.call(arguments);
      return bronnen.reduce(function (vorige, bron) {
        return vorige.then(function () { return laad(bron); });
      }, Promise.resolve());
    };
    binnen.addEventListener("error", function (e) { fout(e.message || "fout in de worker"); });

    function stuur(data) {
      binnen.dispatchEvent(new binnen.MessageEvent("message", { data: data }));
    }

    this.postMessage = function (data) {
      if (klaar) setTimeout(function () { stuur(data); }, 0);
      else wachtrij.push(data);
    };
    this.addEventListener = function (soort, f) {
      if (luisteraars[soort] && luisteraars[soort].indexOf(f) < 0) luisteraars[soort].push(f);
    };
    this.removeEventListener = function (soort, f) {
      if (!luisteraars[soort]) return;
      var i = luisteraars[soort].indexOf(f);
      if (i >= 0) luisteraars[soort].splice(i, 1);
    };
    this.terminate = function () {
      klaar = false;
      wachtrij = [];
      if (iframe.parentNode) iframe.parentNode.removeChild(iframe);
    };

    laad(adres).then(function () {
      klaar = true;
      wachtrij.splice(0).forEach(stuur);
    }, function (e) { fout(e.message); });
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
