// modeltranslation labels its tabs and its language switch with codes (en, zh-hans).
// Name them as editors do: English / 中文. Runs after modeltranslation has built the tabs.
(function () {
  "use strict";
  var NAMES = { en: "English", "zh-hans": "中文", zh_hans: "中文" };
  function rename() {
    document.querySelectorAll(".ui-tabs-nav a, #modeltranslation-main-switch option").forEach(function (el) {
      var code = el.textContent.trim().toLowerCase();
      if (NAMES[code]) {
        el.textContent = NAMES[code];
      }
    });
  }
  window.addEventListener("load", rename);
})();
