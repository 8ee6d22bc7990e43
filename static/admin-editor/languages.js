// One language switch per form, and a side-by-side translation view (issue 15, point 4).
//
// modeltranslation gives each translated field its own tabs (labelled with codes: en,
// zh-hans) and one switch in the form's heading. Here the switch becomes the only one:
// the per-field tabs are hidden (languages.css), the switch is labelled and named
// "English / 中文", it starts in the admin's language (or in a language that has errors),
// and a button shows both languages side by side: the original read-only, the
// translation editable. Strings and the original language come from the page
// (templates/admin/change_form.html, #mt-strings). Runs after modeltranslation's tabs exist.
(function () {
  "use strict";
  var NAMES = { en: "English", "zh-hans": "中文" };

  function code(text) {
    return text.trim().toLowerCase().replace("_", "-");
  }

  function rename() {
    document.querySelectorAll(".ui-tabs-nav a, #modeltranslation-main-switch option").forEach(function (el) {
      var c = code(el.textContent);
      if (NAMES[c]) {
        el.dataset.code = c;
        el.textContent = NAMES[c];
      }
    });
  }

  function choose(select, index) {
    select.value = String(index);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function originalLanguage(strings) {
    var field = document.getElementById("id_original_language");
    return field ? field.value : strings.dataset.originalLanguage;
  }

  function sideBySide(on, strings, codes) {
    var original = originalLanguage(strings);
    document.body.classList.toggle("mt-side-by-side", on);
    document.querySelectorAll(".ui-tabs").forEach(function (tabs) {
      tabs.querySelectorAll(":scope > .ui-tabs-panel").forEach(function (panel, index) {
        var isOriginal = codes[index] === original;
        if (!panel.querySelector(".mt-panel-language")) {
          var heading = document.createElement("p");
          heading.className = "mt-panel-language";
          panel.prepend(heading);
        }
        panel.querySelector(".mt-panel-language").textContent =
          NAMES[codes[index]] + " · " + (isOriginal ? strings.dataset.original : strings.dataset.translation);
        panel.style.order = isOriginal ? "-1" : "0";
        // The rich-text editor (core/editorial/widgets.py) of the original is read-only too.
        panel.querySelectorAll(".ProseMirror[contenteditable]").forEach(function (area) {
          area.setAttribute("contenteditable", on && isOriginal ? "false" : "true");
          area.closest(".prose-editor").classList.toggle("mt-read-only", on && isOriginal);
        });
        panel.querySelectorAll("input, textarea").forEach(function (field) {
          if (on && isOriginal) {
            field.dataset.mtWasReadOnly = field.readOnly ? "1" : "";
            field.readOnly = true;
          } else if (field.dataset.mtWasReadOnly !== undefined) {
            field.readOnly = field.dataset.mtWasReadOnly === "1";
            delete field.dataset.mtWasReadOnly;
          }
        });
      });
    });
  }

  function init() {
    var select = document.getElementById("modeltranslation-main-switch");
    var strings = document.getElementById("mt-strings");
    var codes = select ? Array.from(select.options).map(function (o) { return code(o.textContent); }) : [];
    rename();
    if (!select || !strings) {
      return;
    }
    document.body.classList.add("mt-one-switch");

    var label = document.createElement("label");
    label.htmlFor = select.id;
    label.className = "mt-switch-label";
    label.textContent = strings.dataset.switch;
    select.before(label);

    // A language with errors is marked and shown first; else the admin's own language.
    var start = codes.indexOf(strings.dataset.userLanguage);
    document.querySelectorAll(".ui-tabs-nav").forEach(function (nav) {
      nav.querySelectorAll("li").forEach(function (li, index) {
        if (li.classList.contains("ui-tab-has-errors")) {
          var option = select.options[index];
          if (option && option.textContent.indexOf("⚠") < 0) {
            option.textContent += " ⚠";
          }
          if (start < 0 || !nav.dataset.errorSeen) {
            start = index;
            nav.dataset.errorSeen = "1";
          }
        }
      });
    });
    if (start >= 0) {
      choose(select, start);
    }

    var button = document.createElement("button");
    button.type = "button";
    button.className = "mt-side-by-side-toggle";
    button.textContent = strings.dataset.side;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", on ? "true" : "false");
      sideBySide(on, strings, codes);
    });
    select.after(button);
    if (strings.dataset.sideBySide === "1") {
      button.click();
    }
  }

  // After modeltranslation's own ready handler (it uses the same jQuery, and ready handlers run
  // in order), which builds the tabs and the switch.
  var jq = window.jQuery || (window.django && window.django.jQuery);
  if (jq) {
    jq(function () { window.setTimeout(init, 0); });
  } else {
    window.addEventListener("load", init);
  }
})();
