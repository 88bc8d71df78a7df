/*
 * Register the service worker that keeps the site readable offline (overrides/sw.js), once the
 * page has loaded. A built site names it in <meta name="service-worker">; `mkdocs serve` does
 * not, and there any worker left from a built site is removed (stale pages while authoring are
 * worse). Runs once, when the site's bundle loads, and uses no core unit (javascripts/core/).
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) {
    return;
  }
  var meta = document.querySelector("meta[name=service-worker]");
  if (meta) {
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
