/*
 * Print actions: "Print this page" prints; a link to a guide's print document or
 * checklist ends in #print, and that page opens the print dialog once it has loaded.
 */
(function () {
  "use strict";

  function setUp() {
    document.querySelectorAll("[data-print-page]").forEach(function (button) {
      button.addEventListener("click", function () {
        window.print();
      });
    });
    if (window.location.hash === "#print") {
      history.replaceState(null, "", window.location.pathname + window.location.search);
      window.setTimeout(function () {
        window.print();
      }, 100);
    }
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
