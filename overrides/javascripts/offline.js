/*
 * Register the service worker that keeps the site readable offline (overrides/sw.js), once the
 * page has loaded. A built site names it in <meta name="service-worker">; `mkdocs serve` does
 * not, and there any worker left from a built site is removed (stale pages while authoring are
 * worse). When the worker cannot keep the site (sw.js tells the page), a line says so once.
 * Runs once, when the site's bundle loads, and uses no core unit (javascripts/core/).
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) {
    return;
  }
  var meta = document.querySelector("meta[name=service-worker]");
  // Named for this copy of the site, as the core storage unit names its keys.
  var TOLD = __md_scope.pathname + "massage-guides:offline-unavailable";

  /* The worker could not keep this copy (a host that rewrites its pages fails every integrity
     check): say so once a session, on the page, and why in the console. */
  function unavailable(reason) {
    window.console.warn("Offline reading is not available for this copy of the site:", reason);
    try {
      if (window.sessionStorage.getItem(TOLD)) {
        return;
      }
      window.sessionStorage.setItem(TOLD, "1");
    } catch {
      /* Storage blocked: say it on this page. */
    }
    var article = document.querySelector("article.md-content__inner");
    if (!article) {
      return;
    }
    var note = document.createElement("p");
    note.className = "offline-note";
    note.setAttribute("role", "status");
    note.textContent =
      "This copy of the site cannot be saved for reading offline: its host changes the pages" +
      " it sends. Reading online works as usual.";
    article.insertBefore(note, article.firstChild);
  }

  if (meta) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "offline-unavailable") {
        unavailable(event.data.reason);
      }
    });
    // After the page has loaded: the worker then downloads the whole site, which must not
    // compete with this page's own files on a slow phone.
    var register = function () {
      navigator.serviceWorker.register(meta.content);
    };
    if (document.readyState === "complete") {
      register();
    } else {
      window.addEventListener("load", register, { once: true });
    }
  } else {
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) {
        registration.unregister();
      });
    });
  }
})();
