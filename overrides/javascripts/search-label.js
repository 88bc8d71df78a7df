/*
 * Material's search dialog (partials/search.html, which has no template block) has
 * role="dialog" but no name; screen readers announce it as an unnamed dialog.
 */
(function () {
  "use strict";
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", "Search");
  }
})();
