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
