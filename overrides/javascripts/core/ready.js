/*
 * Core unit: `massageGuides.ready(setUp)` runs `setUp` on every page load: with Material's
 * instant navigation, on each page it swaps in (`document$`); without it, once the document
 * has been parsed.
 */
(function () {
  "use strict";
  var site = (window.massageGuides = window.massageGuides || {});

  site.ready = function (setUp) {
    if (window.document$) {
      document$.subscribe(setUp);
    } else {
      document.addEventListener("DOMContentLoaded", setUp);
    }
  };
})();
