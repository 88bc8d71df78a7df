/*
 * "Keep screen on" for guide pages (Screen Wake Lock API): off by default (on by default on a
 * follow-along page, `data-wake-lock-default="on"`), the reader's choice remembered for this
 * browser session, taken again when the page becomes visible (the browser drops the lock when
 * the tab is hidden). The switch says its state in words; it stays hidden without the API.
 * Uses the core units `massageGuides.store`, `.showSwitch` and `.ready` (javascripts/core/).
 */
(function () {
  "use strict";

  var site = window.massageGuides;
  var session = site.store("sessionStorage");
  var KEY = "keep-screen-on";
  var lock = null;

  function wanted() {
    var choice = session.get(KEY);
    return choice
      ? choice === "on"
      : !!document.querySelector("[data-wake-lock][data-wake-lock-default=on]");
  }

  function show(on, words) {
    document.body.classList.toggle("keep-screen-on", on);
    document.querySelectorAll("[data-wake-lock]").forEach(function (button) {
      site.showSwitch(button, on, words);
    });
  }

  function acquire() {
    return navigator.wakeLock.request("screen").then(function (sentinel) {
      lock = sentinel;
      lock.addEventListener("release", function () {
        lock = null;
      });
    });
  }

  function apply(on) {
    show(on, on ? "Screen stays on" : "Off");
    if (on) {
      acquire().catch(function () {
        /* Refused (battery saver, some installed iOS apps): say so, keep the choice. */
        show(true, "Not allowed here");
      });
    } else if (lock) {
      lock.release();
      lock = null;
    }
  }

  function setUp() {
    var buttons = document.querySelectorAll("[data-wake-lock]");
    if (!buttons.length || !("wakeLock" in navigator)) {
      return;
    }
    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var on = button.getAttribute("aria-checked") !== "true";
        session.set(KEY, on ? "on" : "off");
        apply(on);
      });
    });
    apply(wanted());
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && wanted() && !lock && "wakeLock" in navigator) {
      if (document.querySelector("[data-wake-lock]")) {
        acquire().catch(function () {});
      }
    }
  });

  site.ready(setUp);
})();
