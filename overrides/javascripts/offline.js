/*
 * Register the service worker that keeps the site readable offline (overrides/sw.js). A built
 * site names it in <meta name="service-worker">; `mkdocs serve` does not, and there any
 * worker left from a built site is removed (stale pages while authoring are worse).
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) {
    return;
  }
  var meta = document.querySelector("meta[name=service-worker]");
  if (meta) {
    navigator.serviceWorker.register(meta.content);
  } else {
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) {
        registration.unregister();
      });
    });
  }
})();
