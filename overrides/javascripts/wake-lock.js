/*
 * "Keep screen on" for guide pages (Screen Wake Lock API): off by default, remembered for
 * this browser session, taken again when the page becomes visible (the browser drops the
 * lock when the tab is hidden). The switch stays hidden where the API is missing.
 */
(function () {
  "use strict";

  var KEY = window.siteStorageKey("keep-screen-on");
  var lock = null;

  function wanted() {
    try {
      return window.sessionStorage.getItem(KEY) === "on";
    } catch (error) {
      return false;
    }
  }

  function remember(on) {
    try {
      window.sessionStorage.setItem(KEY, on ? "on" : "off");
    } catch (error) {
      /* Storage blocked: the switch still works on this page. */
    }
  }

  function show(on) {
    document.body.classList.toggle("keep-screen-on", on);
    document.querySelectorAll("[data-wake-lock]").forEach(function (button) {
      button.setAttribute("aria-checked", on ? "true" : "false");
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

  function set(on) {
    remember(on);
    show(on);
    if (on) {
      acquire().catch(function () {
        /* Refused (battery saver, hidden tab): the switch shows the reader's choice. */
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
        set(button.getAttribute("aria-checked") !== "true");
      });
    });
    set(wanted());
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && wanted() && !lock && "wakeLock" in navigator) {
      acquire().catch(function () {});
    }
  });

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
