/*
 * "Keep screen on" for guide pages (Screen Wake Lock API): off by default (on by default on a
 * follow-along page, `data-wake-lock-default="on"`), the reader's choice remembered for this
 * browser session, taken again when the page becomes visible (the browser drops the lock when
 * the tab is hidden). The switch says its state in words; it stays hidden without the API.
 */
(function () {
  "use strict";

  var KEY = window.siteStorageKey("keep-screen-on");
  var STATES = { on: "Screen stays on", off: "Off", refused: "Not allowed here" };
  var lock = null;

  function chosen() {
    try {
      return window.sessionStorage.getItem(KEY);
    } catch (error) {
      return null;
    }
  }

  function wanted() {
    var choice = chosen();
    if (choice) {
      return choice === "on";
    }
    return document.querySelector("[data-wake-lock][data-wake-lock-default=on]") !== null;
  }

  function remember(on) {
    try {
      window.sessionStorage.setItem(KEY, on ? "on" : "off");
    } catch (error) {
      /* Storage blocked: the switch still works on this page. */
    }
  }

  function show(on, state) {
    document.body.classList.toggle("keep-screen-on", on);
    document.querySelectorAll("[data-wake-lock]").forEach(function (button) {
      button.setAttribute("aria-checked", on ? "true" : "false");
      var words = button.querySelector("[data-state]");
      if (words) {
        words.textContent = STATES[state];
      }
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

  function release() {
    if (lock) {
      lock.release();
      lock = null;
    }
  }

  function apply(on) {
    show(on, on ? "on" : "off");
    if (on) {
      acquire().catch(function () {
        /* Refused (battery saver, some installed iOS apps): say so, keep the choice. */
        show(true, "refused");
      });
    } else {
      release();
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
        remember(on);
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

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
