/*
 * Checklist ticks: kept in localStorage across visits, one entry per guide, so two guides
 * never share ticks. Each box's `data-tick` is its item's words (not its place), so a step or
 * supply an author inserts never moves a reader's ticks. "Clear all" offers an undo. Page
 * bundle `checklist`, after the site's scripts: uses the core units `massageGuides.store` and
 * `.ready` (javascripts/core/), so it runs on every page load, instant navigation included.
 */
(function () {
  "use strict";

  var site = window.massageGuides;
  var local = site.store("localStorage", true);

  function setUp(checklist) {
    var key = "checklist:" + checklist.dataset.checklist;
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

    show(local.get(key) || {});
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        local.set(key, current());
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
      local.set(key, {});
      say(count === 1 ? "1 tick cleared." : count + " ticks cleared.", true);
    });

    undo.addEventListener("click", function () {
      if (cleared) {
        show(cleared);
        local.set(key, cleared);
        cleared = null;
      }
      say("Ticks restored.", false);
    });

    checklist.querySelector("[data-checklist-print]").addEventListener("click", function () {
      window.print();
    });
    showMoreColumns(checklist);
  }

  /* A grid wider than the screen (a phone, round 2 and on): say that more columns exist, and
     which way, as the reader scrolls; the steps' numbers and words stay put (checklist.css). */
  function showMoreColumns(checklist) {
    var scroller = checklist.querySelector("[data-checklist-scroll]");
    var more = checklist.querySelector("[data-checklist-more]");
    if (!scroller || !more) {
      return;
    }
    function update() {
      var hidden = scroller.scrollWidth - scroller.clientWidth;
      var left = scroller.scrollLeft > 1;
      var right = scroller.scrollLeft < hidden - 1;
      more.hidden = hidden <= 1;
      scroller.classList.toggle("checklist__grid-scroll--more-right", right);
      scroller.classList.toggle("checklist__grid-scroll--more-left", left);
      more.textContent = right
        ? "More columns to the right: swipe the boxes sideways."
        : "More columns to the left: swipe back to see them.";
    }
    scroller.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    update();
  }

  site.ready(function () {
    document.querySelectorAll("[data-checklist]").forEach(setUp);
  });
})();
