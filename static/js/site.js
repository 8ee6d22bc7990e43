/* Suzhou–Suqian Cooperation Portal: the reader's text-size tool.
   Loaded with `defer`; no inline script anywhere (Content-Security-Policy).
   The chosen size is remembered in localStorage and applies on every page. */
(function () {
  "use strict";
  var KEY = "coop-portal-text-size";
  var SIZES = [87.5, 100, 112.5, 125, 150]; // percent of the browser's own size
  var DEFAULT = 1;
  var root = document.documentElement;

  function stored() {
    try {
      var value = parseInt(window.localStorage.getItem(KEY), 10);
      return isNaN(value) ? DEFAULT : Math.min(Math.max(value, 0), SIZES.length - 1);
    } catch (error) {
      return DEFAULT; // storage blocked: the tool still works for this page
    }
  }

  function apply(step, tool) {
    root.style.fontSize = SIZES[step] + "%";
    root.setAttribute("data-text-size", String(step));
    if (!tool) return;
    tool.querySelector("[data-step='-1']").disabled = step === 0;
    tool.querySelector("[data-step='1']").disabled = step === SIZES.length - 1;
    var status = tool.querySelector("[data-text-size-status]");
    if (status) status.textContent = SIZES[step] + "%";
  }

  var current = stored();
  apply(current, null);

  var tool = document.querySelector("[data-text-size-tool]");
  if (!tool) return;
  tool.hidden = false; // shown only when the script runs
  apply(current, tool);
  tool.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-step]");
    if (!button) return;
    current = Math.min(Math.max(current + parseInt(button.getAttribute("data-step"), 10), 0), SIZES.length - 1);
    apply(current, tool);
    try {
      window.localStorage.setItem(KEY, String(current));
    } catch (error) {
      /* not remembered, still applied */
    }
  });
})();

/* Languages: remember the one read, and carry a half-filled form across the switch.
   - Sets Django's language cookie to the language of every page read (<html lang>:
     en, zh-Hans, zh-Hant), so that "/" sends a returning visitor to the language
     they last read in, however they got there (coop_portal.views.root_redirect). Set
     here rather than by the server, so that cached pages carry no Set-Cookie.
   - What the visitor typed into a form of this page is kept in sessionStorage and
     filled in again on the same form in the other language, so nothing is lost. */
(function () {
  "use strict";
  var COOKIE = "django_language";
  var KEY = "coop-portal-form-draft";

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "hidden" && el.type !== "submit" && el.type !== "button";
    });
  }

  function draft(form) {
    var values = {};
    var changed = false;
    fields(form).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        values[el.name + "=" + el.value] = el.checked;
        if (el.checked !== el.defaultChecked) changed = true;
      } else {
        values[el.name] = el.value;
        if (el.tagName === "SELECT" ? !el.options[el.selectedIndex] || !el.options[el.selectedIndex].defaultSelected : el.value !== el.defaultValue) changed = true;
      }
    });
    return changed ? values : null;
  }

  var reading = (document.documentElement.getAttribute("lang") || "").toLowerCase();
  if (reading && document.cookie.split("; ").indexOf(COOKIE + "=" + reading) < 0) {
    document.cookie = COOKIE + "=" + reading + "; path=/; max-age=31536000; samesite=lax";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest(".lang-switch a[hreflang]");
    if (!link) return;
    var form = document.querySelector("form.inquiry-form");
    var values = form && draft(form);
    try {
      if (values) window.sessionStorage.setItem(KEY, JSON.stringify(values));
    } catch (error) {
      /* storage blocked: the browser's own warning is all that is left */
    }
  });

  var saved = null;
  try {
    saved = JSON.parse(window.sessionStorage.getItem(KEY) || "null");
    window.sessionStorage.removeItem(KEY);
  } catch (error) {
    saved = null;
  }
  var form = saved && document.querySelector("form.inquiry-form");
  if (!form) return;
  fields(form).forEach(function (el) {
    if (el.type === "checkbox" || el.type === "radio") {
      var key = el.name + "=" + el.value;
      if (key in saved) el.checked = saved[key];
    } else if (el.name in saved) {
      el.value = saved[el.name];
    }
  });
})();

/* Easy reading (长者模式): the switch. easy-reading-early.js has already set the class on <html>
   before the first paint; this keeps the switch's aria-pressed and localStorage in step. */
(function () {
  "use strict";
  var KEY = "coop-portal-easy-reading";
  var CLASS = "easy-reading";
  var root = document.documentElement;
  var button = document.querySelector("[data-easy-reading-switch]");
  if (!button) return;

  function sync() {
    button.setAttribute("aria-pressed", root.classList.contains(CLASS) ? "true" : "false");
  }

  button.hidden = false; // shown only when the script runs
  sync();
  button.addEventListener("click", function () {
    var on = root.classList.toggle(CLASS);
    sync();
    try {
      window.localStorage.setItem(KEY, on ? "on" : "off");
    } catch (error) {
      /* not remembered, still applied */
    }
  });

  // Arrived by a link to #easy-reading (the accessibility statement): the mode is on; show the
  // switch (on phones it sits in the folded menu) and put the focus on it, then drop the fragment
  // so that a reload does not turn the mode on again after the visitor turned it off.
  if (window.location.hash === "#" + button.id) {
    var menu = button.closest("details");
    if (menu) menu.open = true;
    button.focus();
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
})();

/* Read aloud (语音阅读), part of easy reading: the selected text, or else the page's <main>, spoken
   by the browser's own speechSynthesis in the page's language. Nothing is sent anywhere by the site.
   The messages (in the page's language) come from data- attributes of the toolbar. */
(function () {
  "use strict";
  var bar = document.querySelector("[data-read-aloud]");
  if (!bar) return;
  var start = bar.querySelector("[data-read-aloud-start]");
  var pause = bar.querySelector("[data-read-aloud-pause]");
  var stop = bar.querySelector("[data-read-aloud-stop]");
  var status = bar.querySelector("[data-read-aloud-status]");
  var synth = window.speechSynthesis;
  var lang = document.documentElement.lang || "en";
  var reading = "reading"; // what the status says while reading: the page, or the selection
  var run = 0; // which reading the utterance events belong to; a new start or a stop ends the old one

  function say(name) {
    status.textContent = bar.getAttribute("data-msg-" + name) || "";
  }

  function idle(message) {
    // The focus on Pause or Stop would be lost when they hide: it goes back to Start.
    var refocus = document.activeElement === pause || document.activeElement === stop;
    run += 1;
    pause.hidden = true;
    stop.hidden = true;
    pause.textContent = bar.getAttribute("data-msg-pause");
    if (refocus) start.focus();
    if (message) say(message);
  }

  // Voices whose language fits the page: zh-Hans wants mainland (or Singapore) Mandarin, zh-Hant
  // Taiwan, Hong Kong or Macao, then any Chinese voice; voices on the machine before network ones.
  function voiceFor(voices) {
    var page = lang.toLowerCase();
    var wanted = { "zh-hans": ["zh-cn", "zh-sg", "cmn-cn", "zh-hans"], "zh-hant": ["zh-tw", "zh-hk", "zh-mo", "zh-hant"] }[page] || [page];
    var base = page.split("-")[0];
    function tag(voice) {
      return String(voice.lang || "").replace(/_/g, "-").toLowerCase();
    }
    function score(voice) {
      var t = tag(voice);
      var exact = wanted.some(function (w) { return t === w || t.indexOf(w + "-") === 0; });
      var same = t === base || t.indexOf(base + "-") === 0 || (base === "zh" && t.indexOf("cmn") === 0);
      if (!exact && !same) return 0;
      return (exact ? 2 : 1) * 2 + (voice.localService ? 1 : 0);
    }
    var best = null;
    var bestScore = 0;
    voices.forEach(function (voice) {
      var s = score(voice);
      if (s > bestScore) {
        best = voice;
        bestScore = s;
      }
    });
    return best;
  }

  // Chrome loads its voices after the page: wait for them (briefly) before saying there is none.
  function withVoices(callback) {
    var voices = synth.getVoices();
    if (voices.length) return callback(voices);
    var done = false;
    function finish() {
      if (done) return;
      done = true;
      synth.removeEventListener("voiceschanged", finish);
      callback(synth.getVoices());
    }
    synth.addEventListener("voiceschanged", finish);
    window.setTimeout(finish, 1500);
  }

  // Short pieces, one per paragraph (long ones cut after a sentence): some engines stop in the
  // middle of a long utterance, and a piece is where a pause or stop takes effect at once.
  function pieces(text) {
    var out = [];
    text.split(/\n+/).forEach(function (paragraph) {
      paragraph = paragraph.replace(/\s+/g, " ").trim();
      while (paragraph.length > 300) {
        // After the last full stop that ends a sentence ("Co., Ltd." and "3.5" do not).
        var ends = /[。！？]|[.!?](?=\s)/g;
        var cut = 0;
        var found;
        while ((found = ends.exec(paragraph.slice(0, 300)))) cut = found.index + 1;
        if (cut < 50) cut = 300;
        out.push(paragraph.slice(0, cut).trim());
        paragraph = paragraph.slice(cut).trim();
      }
      if (paragraph) out.push(paragraph);
    });
    return out;
  }

  function read() {
    var selection = String(window.getSelection ? window.getSelection() : "").trim();
    var main = document.getElementById("main");
    var text = selection || (main ? main.innerText : "");
    synth.cancel();
    idle(null);
    var mine = run;
    withVoices(function (voices) {
      if (mine !== run) return;
      var voice = voiceFor(voices);
      if (!voice) {
        say("no-voice");
        return;
      }
      var parts = pieces(text);
      parts.forEach(function (part, index) {
        var utterance = new window.SpeechSynthesisUtterance(part);
        utterance.lang = lang;
        utterance.voice = voice;
        if (index === parts.length - 1) {
          utterance.addEventListener("end", function () {
            if (mine === run) idle("finished");
          });
        }
        synth.speak(utterance);
      });
      pause.hidden = false;
      stop.hidden = false;
      reading = selection ? "reading-selection" : "reading";
      say(reading);
    });
  }

  start.addEventListener("click", function () {
    if (!synth || !window.SpeechSynthesisUtterance) {
      say("unsupported");
      return;
    }
    read();
  });
  pause.addEventListener("click", function () {
    if (synth.paused) {
      synth.resume();
      pause.textContent = bar.getAttribute("data-msg-pause");
      say(reading);
    } else {
      synth.pause();
      pause.textContent = bar.getAttribute("data-msg-resume");
      say("paused");
    }
  });
  stop.addEventListener("click", function () {
    synth.cancel();
    idle("stopped");
  });
  // Leaving the page, or turning the mode off, ends the reading.
  window.addEventListener("pagehide", function () {
    if (synth) synth.cancel();
  });
  var wasOn = document.documentElement.classList.contains("easy-reading");
  new MutationObserver(function () {
    var on = document.documentElement.classList.contains("easy-reading");
    if (wasOn && !on && synth) {
      synth.cancel();
      idle(null);
      status.textContent = "";
    }
    wasOn = on;
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
})();
