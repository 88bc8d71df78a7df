/*
 * Print actions: "Print this page" prints; a link to a guide's print document or
 * checklist ends in #print, and that page opens the print dialog once it has loaded.
 * Uses the core unit `massageGuides.ready` (javascripts/core/).
 */
(function () {
  "use strict";

  window.massageGuides.ready(function () {
    document.querySelectorAll("[data-print-page]").forEach(function (button) {
      button.addEventListener("click", function () {
        window.print();
      });
    });
    if (location.hash === "#print") {
      history.replaceState(null, "", location.pathname + location.search);
      window.setTimeout(function () {
        window.print();
      }, 100);
    }
  });
})();
