/*
 * Checklist ticks: kept in localStorage, one entry per guide, so two guides never share
 * ticks. Each box's `data-tick` is its item's words (not its place), so a step or supply an
 * author inserts never moves a reader's ticks. "Clear all" offers an undo. Runs on every
 * page load, including Material's instant navigation (document$).
 */
(function () {
  "use strict";

  var PREFIX = window.siteStorageKey("checklist:"); // scoped to this copy of the site

  function load(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key)) || {};
    } catch (error) {
      return {};
    }
  }

  function save(key, ticks) {
    try {
      window.localStorage.setItem(key, JSON.stringify(ticks));
    } catch (error) {
      /* Storage full or blocked: the boxes still work for this visit. */
    }
  }

  function setUp(checklist) {
    var key = PREFIX + checklist.dataset.checklist;
    var boxes = checklist.querySelectorAll("input[data-tick]");
    var message = checklist.querySelector("[data-checklist-message]");
    var undo = checklist.querySelector("[data-checklist-undo]");
    var cleared = null;

    function show(ticks) {
      boxes.forEach(function (box) {
        box.checked = ticks[box.dataset.tick] === true;
      });
    }

    /* Only the ticks of items on the page are kept: a removed item's tick goes with it. */
    function current() {
      var ticks = {};
      boxes.forEach(function (box) {
        if (box.checked) {
          ticks[box.dataset.tick] = true;
        }
      });
      return ticks;
    }

    function say(text, canUndo) {
      message.textContent = text;
      undo.hidden = !canUndo;
    }

    show(load(key));
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        save(key, current());
        if (cleared) {
          cleared = null;
          say("", false);
        }
      });
    });

    checklist.querySelector("[data-checklist-clear]").addEventListener("click", function () {
      var ticks = current();
      var count = Object.keys(ticks).length;
      if (count === 0) {
        say("No box is ticked.", false);
        return;
      }
      cleared = ticks;
      show({});
      save(key, {});
      say(count === 1 ? "1 tick cleared." : count + " ticks cleared.", true);
    });

    undo.addEventListener("click", function () {
      if (cleared) {
        show(cleared);
        save(key, cleared);
        cleared = null;
      }
      say("Ticks restored.", false);
    });

    checklist.querySelector("[data-checklist-print]").addEventListener("click", function () {
      window.print();
    });
  }

  function setUpAll() {
    document.querySelectorAll("[data-checklist]").forEach(setUp);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUpAll);
  } else {
    document.addEventListener("DOMContentLoaded", setUpAll);
  }
})();
