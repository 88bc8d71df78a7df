/*
 * "Keep screen on" for guide pages (Screen Wake Lock API): off by default (on by default on a
 * follow-along page, `data-wake-lock-default="on"`), the reader's choice remembered for this
 * browser session, taken again when the page becomes visible (the browser drops the lock when
 * the tab is hidden). The switch says its state in words and never says "on" when the lock is
 * not held; it stays hidden without the API. Where the browser grants the lock only from a tap
 * (Safari), a one-tap prompt (`[data-wake-lock-prompt]`) takes its place.
 * `massageGuides.wakeLock.pause()` lets the screen sleep (follow along's last card) without
 * changing the reader's choice; `.resume()` takes the lock again if the reader wants it.
 * Uses the core units `massageGuides.store`, `.showSwitch` and `.ready` (javascripts/core/).
 */
(function () {
  "use strict";

  var site = window.massageGuides;
  var session = site.store("sessionStorage");
  var KEY = "keep-screen-on";
  var lock = null;
  var paused = false;

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

  function prompt(needed) {
    document.querySelectorAll("[data-wake-lock-prompt]").forEach(function (button) {
      button.hidden = !needed;
    });
  }

  function release() {
    if (lock) {
      lock.release();
      lock = null;
    }
  }

  function acquire() {
    return navigator.wakeLock.request("screen").then(function (sentinel) {
      lock = sentinel;
      lock.addEventListener("release", function () {
        lock = null;
      });
    });
  }

  /* Take the lock; `tapped` when the reader's tap asked for it (the last chance it has). */
  function take(tapped) {
    acquire().then(
      function () {
        if (paused) {
          release();
          return;
        }
        prompt(false);
        show(true, "Screen stays on");
      },
      function () {
        // Refused: without a tap (Safari) a tap may do; after one, it is not allowed here.
        show(false, tapped ? "Not allowed here" : "Tap to turn on");
        prompt(!tapped);
      }
    );
  }

  function apply(on, tapped) {
    prompt(false);
    if (paused) {
      release();
      show(false, on ? "Off for now: routine done" : "Off");
    } else if (on) {
      show(false, "Turning on");
      take(tapped);
    } else {
      release();
      show(false, "Off");
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
        // Off unless the lock is held: a tap on "Tap to turn on" or "Off for now" turns it on.
        var on = button.getAttribute("aria-checked") !== "true";
        session.set(KEY, on ? "on" : "off");
        paused = false;
        apply(on, true);
      });
    });
    document.querySelectorAll("[data-wake-lock-prompt]").forEach(function (button) {
      button.addEventListener("click", function () {
        session.set(KEY, "on");
        paused = false;
        apply(true, true);
      });
    });
    apply(wanted(), false);
  }

  site.wakeLock = {
    pause: function () {
      paused = true;
      apply(wanted(), false);
    },
    resume: function () {
      paused = false;
      if (document.querySelector("[data-wake-lock]") && "wakeLock" in navigator) {
        apply(wanted(), false);
      }
    }
  };

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState !== "visible" || paused || lock || !wanted()) {
      return;
    }
    if ("wakeLock" in navigator && document.querySelector("[data-wake-lock]")) {
      take(false);
    }
  });

  site.ready(setUp);
})();
