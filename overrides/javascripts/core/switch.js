/*
 * Core unit: `massageGuides.showSwitch(button, on, words)` draws the state of a
 * `role="switch"` button: `aria-checked` ("true" or "false": `on` is a boolean), which screen
 * readers announce, and `words` in its `[data-state]` element, which they skip.
 */
(function () {
  "use strict";
  var site = (window.massageGuides = window.massageGuides || {});

  site.showSwitch = function (button, on, words) {
    button.setAttribute("aria-checked", on);
    button.querySelector("[data-state]").textContent = words;
  };
})();
