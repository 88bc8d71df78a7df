/*
 * Follow-along mode (<guide>/follow/, hooks/follow.py): one card of the routine at a time.
 * Previous/Next, the keyboard (arrows, Space, PageDown/PageUp: what page turners send) and a
 * swipe move between cards; the position is kept for this browser session. A step card
 * borrows its step's drawing and full text. Read-aloud (Web Speech API) and a timer are the
 * reader's choice, both off by default. Without this script the page is the whole routine.
 * Page bundle `follow`, after the site's scripts: uses the core units `massageGuides.store`,
 * `.showSwitch` and `.ready` (javascripts/core/).
 */
(function () {
  "use strict";

  var site = window.massageGuides;
  var session = site.store("sessionStorage");
  // The place in a routine and larger text stay on the device (tomorrow's tab knows them).
  var device = site.store("localStorage", true);
  var PREFIX = "follow:";
  var SWIPE_PX = 50;

  function stored(key) {
    return session.get(PREFIX + key);
  }

  function store(key, value) {
    session.set(PREFIX + key, value);
  }

  function minutes(seconds) {
    var whole = Math.max(0, Math.ceil(seconds));
    var rest = whole % 60;
    return Math.floor(whole / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function setUp(root) {
    var slug = root.dataset.follow;
    var cards = Array.prototype.slice.call(root.querySelectorAll(".follow-card"));
    var previous = root.querySelector("[data-follow-previous]");
    var next = root.querySelector("[data-follow-next]");
    var status = root.querySelector("[data-follow-status]");
    var progress = root.querySelector("[data-follow-progress]");
    var count = root.querySelector("[data-follow-count]");
    var resume = root.querySelector("[data-follow-resume]");
    var menus = Array.prototype.slice.call(root.querySelectorAll(".follow__menu"));
    var jumps = Array.prototype.slice.call(root.querySelectorAll("[data-follow-go]"));
    var position = -1;
    var finished = false;

    root.classList.add("follow--js");
    root.querySelector("[data-follow-top]").hidden = false;
    root.querySelector("[data-follow-bar]").hidden = false;
    document.body.classList.add("following");

    var speech = readAloud(root, status);
    var timer = stepTimer(root, function () {
      go(position + 1);
    });
    largeText(root);

    /* The stored place: a card's words (`data-key`), or -1 for none or one the guide lost. */
    function storedIndex() {
      var key = device.get(PREFIX + slug + ":place");
      if (typeof key !== "string") {
        return -1;
      }
      for (var at = 0; at < cards.length; at += 1) {
        if (cards[at].dataset.key === key) {
          return at;
        }
      }
      return -1;
    }

    function stepBody(card) {
      return root.querySelector('[data-follow-step="' + card.dataset.step + '"]');
    }

    function heading(card) {
      return card.querySelector("h2");
    }

    function words(element) {
      return element.textContent.replace(/\s+/g, " ").trim();
    }

    function show(index) {
      resume.hidden = true;
      cards.forEach(function (card, at) {
        card.hidden = at !== index;
      });
      var card = cards[index];
      var body = card.dataset.kind === "step" ? stepBody(card) : null;
      if (body) {
        // The drawing sits in the card's first screen, the step's full text below it.
        var figure =
          root.querySelector('[data-follow-figure-of="' + card.dataset.step + '"]') ||
          body.querySelector("figure");
        if (figure) {
          figure.dataset.followFigureOf = card.dataset.step;
          card.querySelector("[data-follow-figure]").appendChild(figure);
        }
        card.querySelector("[data-follow-slot]").appendChild(body);
      }
      previous.disabled = index === 0;
      next.disabled = index === cards.length - 1;
      var where = "Card " + (index + 1) + " of " + cards.length;
      progress.value = index;
      progress.setAttribute("aria-valuetext", where);
      count.textContent = index + 1 + "/" + cards.length;
      jumps.forEach(function (link, at) {
        if (at === index) {
          link.setAttribute("aria-current", "step");
        } else {
          link.removeAttribute("aria-current");
        }
      });
      // One announcement per card, in the one live region.
      status.textContent = where + ": " + words(heading(card));
      speech.say(card, body);
      timer.start(card.dataset.kind === "step");
      var last = card.dataset.kind === "finish";
      if (site.wakeLock && last !== finished) {
        if (last) {
          if (document.body.classList.contains("keep-screen-on")) {
            status.textContent += ". The screen may turn off now.";
          }
          site.wakeLock.pause();
        } else {
          site.wakeLock.resume();
        }
      }
      finished = last;
    }

    function go(index, keepFocus) {
      if (index < 0 || index >= cards.length || index === position) {
        return;
      }
      var pressed = document.activeElement;
      position = index;
      device.set(PREFIX + slug + ":place", cards[index].dataset.key);
      show(position);
      window.scrollTo(0, 0);
      // Focus stays on the control pressed, unless that control can no longer be used.
      if (!keepFocus && (!pressed || pressed === document.body || pressed.disabled || !pressed.offsetParent)) {
        heading(cards[position]).focus();
      }
    }

    function offerResume(index) {
      cards.forEach(function (card) {
        card.hidden = true;
      });
      previous.disabled = true;
      next.disabled = true;
      resume.hidden = false;
      var choice = resume.querySelector("[data-follow-resume-go]");
      choice.textContent = "Resume: " + cards[index].dataset.where;
      choice.onclick = function () {
        go(index);
        choice.blur();
        heading(cards[index]).focus();
      };
      resume.querySelector("[data-follow-start-over]").onclick = function () {
        go(0);
        heading(cards[0]).focus();
      };
      resume.querySelector("h2").focus();
    }

    function closeMenus(except) {
      menus.forEach(function (menu) {
        if (menu !== except) {
          menu.open = false;
        }
      });
    }

    previous.addEventListener("click", function () {
      go(position - 1);
    });
    next.addEventListener("click", function () {
      go(position + 1);
    });
    root.querySelectorAll("[data-follow-again]").forEach(function (again) {
      again.addEventListener("click", function (event) {
        event.preventDefault();
        go(0);
      });
    });
    jumps.forEach(function (link, at) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        closeMenus();
        go(at, true);
        heading(cards[at]).focus();
      });
    });
    menus.forEach(function (menu) {
      menu.addEventListener("toggle", function () {
        if (menu.open) {
          closeMenus(menu);
        }
      });
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest(".follow__menu")) {
        closeMenus();
      }
    });

    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      var target = event.target;
      var open = target.closest && target.closest(".follow__menu[open]");
      if (event.key === "Escape") {
        var menu = open || menus.filter(function (candidate) {
          return candidate.open;
        })[0];
        if (menu) {
          event.preventDefault();
          menu.open = false;
          menu.querySelector("summary").focus();
        }
        return;
      }
      var typing = target.closest && target.closest("input, select, textarea, [contenteditable]");
      // Space on a focused button presses that button: let it.
      var pressing = target.closest && target.closest("button, a, summary, label");
      var step = 0;
      if (event.key === "ArrowRight" || event.key === "PageDown") {
        step = 1;
      } else if (event.key === "ArrowLeft" || event.key === "PageUp") {
        step = -1;
      } else if (event.key === " " && !pressing) {
        step = event.shiftKey ? -1 : 1;
      }
      if (step === 0 || typing || open || !resume.hidden) {
        return;
      }
      event.preventDefault();
      go(position + step);
    });

    var start = null;
    root.addEventListener(
      "touchstart",
      function (event) {
        start = event.touches.length === 1 ? event.touches[0] : null;
      },
      { passive: true }
    );
    root.addEventListener(
      "touchend",
      function (event) {
        if (!start || event.changedTouches.length !== 1 || !resume.hidden) {
          return;
        }
        var dx = event.changedTouches[0].clientX - start.clientX;
        var dy = event.changedTouches[0].clientY - start.clientY;
        start = null;
        if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > 2 * Math.abs(dy)) {
          go(position + (dx < 0 ? 1 : -1));
        }
      },
      { passive: true }
    );

    window.addEventListener("pagehide", function () {
      speech.stop();
    });

    // Where to open: a card named in the address; from a Start link, the beginning, or the
    // choice to resume; otherwise (a reload, back, a new tab) the card the reader was on.
    var kept = storedIndex();
    var named = /^#card-(\d+)$/.exec(window.location.hash);
    var fromStart = window.location.hash === "#start";
    if (fromStart) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    var ended = kept >= 0 && cards[kept].dataset.kind === "finish";
    if (named && Number(named[1]) >= 1 && Number(named[1]) <= cards.length) {
      go(Number(named[1]) - 1, true);
    } else if (fromStart && kept > 0 && !ended) {
      offerResume(kept);
    } else {
      go(fromStart || ended ? 0 : Math.max(kept, 0), true);
    }
  }

  /* Larger text: the reader's choice, kept on the device; the card still fits one screen. */
  function largeText(root) {
    var button = root.querySelector("[data-large-text]");
    var on = device.get(PREFIX + "large-text") === true;
    function apply() {
      root.classList.toggle("follow--large", on);
      site.showSwitch(button, on, on ? "On" : "Off");
    }
    button.addEventListener("click", function () {
      on = !on;
      device.set(PREFIX + "large-text", on);
      apply();
    });
    apply();
  }

  /* Read aloud: speaks each card as it appears, in the page's language, a local voice first.
     "Read again" repeats the card; with no voice for the language the switch says so. */
  function readAloud(root, status) {
    var button = root.querySelector("[data-read-aloud]");
    var again = root.querySelector("[data-read-again]");
    var note = root.querySelector("[data-read-aloud-note]");
    var synth = window.speechSynthesis;
    var on = false;
    var lang = (document.documentElement.lang || "en").toLowerCase();
    var current = null;
    var waiting = false;
    var broken = false;

    /* A speech engine that throws (in getVoices, cancel or speak) loses read-aloud, never the
       walk or the timer: the switch goes, the rest works on. */
    function contained(act) {
      if (broken) {
        return null;
      }
      try {
        return act();
      } catch (error) {
        broken = true;
        on = false;
        button.hidden = true;
        again.hidden = true;
        note.hidden = true;
        window.console.warn("Read aloud is off: this browser's speech failed.", error);
        return null;
      }
    }

    function voice() {
      var voices = synth.getVoices().filter(function (candidate) {
        return (candidate.lang || "").toLowerCase().split("-")[0] === lang.split("-")[0];
      });
      var local = voices.filter(function (candidate) {
        return candidate.localService;
      });
      return local[0] || voices[0] || null;
    }

    function texts(card, body) {
      var parts = Array.prototype.map.call(card.querySelectorAll("[data-speak]"), function (el) {
        return el.textContent;
      });
      if (body) {
        body.querySelectorAll("p, li").forEach(function (el) {
          if (!el.closest("figure")) {
            parts.push(el.textContent);
          }
        });
      }
      return parts
        .map(function (text) {
          return text.replace(/\s+/g, " ").trim();
        })
        .filter(Boolean);
    }

    function show(words) {
      site.showSwitch(button, on, words || (on ? "On" : "Off"));
      again.hidden = !on;
    }

    function stop() {
      if (synth) {
        contained(function () {
          synth.cancel();
        });
      }
    }

    function say(card, body) {
      current = [card, body];
      stop();
      if (!on || broken) {
        return;
      }
      var chosen = contained(voice);
      if (broken) {
        return;
      }
      if (!chosen) {
        // Cannot work here: off, and saying why, where the switch is (until a voice comes).
        on = false;
        waiting = true;
        show("No voice");
        note.hidden = false;
        note.textContent = "This device has no voice for this page's language to read aloud.";
        status.textContent = note.textContent;
        return;
      }
      note.hidden = true;
      contained(function () {
        texts(card, body).forEach(function (text) {
          var utterance = new window.SpeechSynthesisUtterance(text);
          utterance.lang = chosen.lang || lang;
          utterance.voice = chosen;
          synth.speak(utterance);
        });
      });
    }

    if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
      return { say: function () {}, stop: function () {} };
    }
    button.hidden = false;
    on = stored("read-aloud") === "on";
    show();
    button.addEventListener("click", function () {
      on = !on;
      waiting = false;
      store("read-aloud", on ? "on" : "off");
      show();
      if (on && current) {
        say(current[0], current[1]);
      } else {
        stop();
        note.hidden = true;
      }
    });
    again.addEventListener("click", function () {
      if (current) {
        say(current[0], current[1]);
      }
    });
    // Chrome lists its voices only after load: a card said before then is said once they come.
    if (typeof synth.addEventListener === "function") {
      synth.addEventListener("voiceschanged", function () {
        if (waiting && current && contained(voice)) {
          waiting = false;
          on = true;
          show();
          say(current[0], current[1]);
        }
      });
    }
    return { say: say, stop: stop };
  }

  /* The timer: a time per step the reader picks, off by default; moves on only if asked to. */
  function stepTimer(root, moveOn) {
    var choice = root.querySelector("[data-timer]");
    var auto = root.querySelector("[data-timer-auto]");
    var row = root.querySelector("[data-timer-row]");
    var left = root.querySelector("[data-timer-left]");
    var pause = root.querySelector("[data-timer-pause]");
    var seconds = 0;
    var remaining = 0;
    var deadline = 0;
    var ticking = null;
    var onStep = false;
    var audio = null;

    function chime() {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (Context) {
        try {
          audio = audio || new Context();
          var tone = audio.createOscillator();
          var volume = audio.createGain();
          tone.frequency.value = 660;
          volume.gain.setValueAtTime(0.15, audio.currentTime);
          volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
          tone.connect(volume);
          volume.connect(audio.destination);
          tone.start();
          tone.stop(audio.currentTime + 0.6);
        } catch {
          /* No sound on this device: the countdown still says the time is up. */
        }
      }
      if (typeof navigator.vibrate === "function") {
        navigator.vibrate(200);
      }
    }

    function halt() {
      window.clearInterval(ticking);
      ticking = null;
    }

    function draw() {
      left.textContent = remaining > 0 ? minutes(remaining) : "Time is up";
      pause.textContent = ticking ? "Pause" : "Resume";
      pause.disabled = remaining <= 0;
    }

    function tick() {
      remaining = (deadline - Date.now()) / 1000;
      if (remaining <= 0) {
        remaining = 0;
        halt();
        draw();
        chime();
        if (auto.checked) {
          moveOn();
        }
        return;
      }
      draw();
    }

    function run() {
      deadline = Date.now() + remaining * 1000;
      halt();
      ticking = window.setInterval(tick, 250);
      draw();
    }

    function start(step) {
      onStep = step;
      halt();
      // Once a timer is chosen its place in the bar stays (hidden off the step cards), so
      // Previous and Next never move under the reader's finger.
      row.hidden = seconds === 0;
      row.classList.toggle("follow__timer--idle", !onStep);
      if (row.hidden || !onStep) {
        return;
      }
      remaining = seconds;
      run();
    }

    function choose(value) {
      seconds = Number(value) || 0;
      auto.disabled = seconds === 0;
      store("timer", seconds);
      start(onStep);
    }

    pause.addEventListener("click", function () {
      if (ticking) {
        remaining = (deadline - Date.now()) / 1000;
        halt();
        draw();
      } else if (remaining > 0) {
        run();
      }
    });
    choice.addEventListener("change", function () {
      choose(choice.value);
    });
    auto.addEventListener("change", function () {
      store("timer-auto", auto.checked ? "on" : "off");
    });
    var saved = stored("timer");
    if (saved && choice.querySelector('option[value="' + saved + '"]')) {
      choice.value = saved;
    }
    auto.checked = stored("timer-auto") === "on";
    seconds = Number(choice.value) || 0;
    // Shown from the start, usable once there is a timer: nothing moves when one is chosen.
    auto.disabled = seconds === 0;
    return { start: start };
  }

  site.ready(function () {
    document.querySelectorAll("[data-follow]").forEach(setUp);
  });
})();
