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
    var position = Math.min(Number(stored(slug + ":position")) || 0, cards.length - 1);

    root.classList.add("follow--js");
    root.querySelector("[data-follow-bar]").hidden = false;
    document.body.classList.add("following");

    var speech = readAloud(root, status);
    var timer = stepTimer(root, function () {
      go(position + 1);
    });

    function stepBody(card) {
      return root.querySelector('[data-follow-step="' + card.dataset.step + '"]');
    }

    function show(index) {
      cards.forEach(function (card, at) {
        card.hidden = at !== index;
      });
      var card = cards[index];
      if (card.dataset.kind === "step") {
        card.querySelector("[data-follow-slot]").appendChild(stepBody(card));
      }
      previous.disabled = index === 0;
      next.disabled = index === cards.length - 1;
      speech.say(card, stepBody(card));
      timer.start(card.dataset.kind === "step");
    }

    function go(index) {
      if (index < 0 || index >= cards.length || index === position) {
        return;
      }
      position = index;
      store(slug + ":position", position);
      show(position);
      window.scrollTo(0, 0);
    }

    previous.addEventListener("click", function () {
      go(position - 1);
    });
    next.addEventListener("click", function () {
      go(position + 1);
    });

    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      var target = event.target;
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
      if (step === 0 || typing) {
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
        if (!start || event.changedTouches.length !== 1) {
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

    show(position);
  }

  /* Read aloud: speaks each card as it appears, in the page's language, a local voice first. */
  function readAloud(root, status) {
    var button = root.querySelector("[data-read-aloud]");
    var synth = window.speechSynthesis;
    var on = false;
    var lang = (document.documentElement.lang || "en").toLowerCase();
    var current = null;

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

    function show() {
      site.showSwitch(button, on, on ? "On" : "Off");
    }

    function stop() {
      if (synth) {
        synth.cancel();
      }
    }

    function say(card, body) {
      current = [card, body];
      stop();
      if (!on) {
        return;
      }
      var chosen = voice();
      if (!chosen) {
        status.textContent = "This device has no voice for this page's language to read aloud.";
        return;
      }
      status.textContent = "";
      texts(card, body).forEach(function (text) {
        var utterance = new window.SpeechSynthesisUtterance(text);
        utterance.lang = chosen.lang || lang;
        utterance.voice = chosen;
        synth.speak(utterance);
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
      store("read-aloud", on ? "on" : "off");
      show();
      if (on && current) {
        say(current[0], current[1]);
      } else {
        stop();
        status.textContent = "";
      }
    });
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
      row.hidden = !(seconds > 0 && onStep);
      if (row.hidden) {
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
