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
