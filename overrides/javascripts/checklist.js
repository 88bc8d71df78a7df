/*
 * Checklist ticks: kept in localStorage, one key per guide, so two guides never share
 * ticks. Runs on every page load, including Material's instant navigation (document$).
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
    var ticks = load(key);
    var boxes = checklist.querySelectorAll("input[type=checkbox]");
    boxes.forEach(function (box) {
      box.checked = Boolean(ticks[box.name]);
      box.addEventListener("change", function () {
        ticks[box.name] = box.checked;
        save(key, ticks);
      });
    });
    var clear = checklist.querySelector("[data-checklist-clear]");
    if (clear) {
      clear.addEventListener("click", function () {
        ticks = {};
        boxes.forEach(function (box) {
          box.checked = false;
        });
        window.localStorage.removeItem(key);
      });
    }
    var print = checklist.querySelector("[data-checklist-print]");
    if (print) {
      print.addEventListener("click", function () {
        window.print();
      });
    }
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
