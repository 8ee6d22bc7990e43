/* Rich-text editing in the admin: a toolbar that wraps the selection of an
 * HTML textarea in the tags the site's sanitizer allows, and a preview that the
 * server renders through that same sanitizer (core/admin.py). No dependencies. */
(function () {
  "use strict";

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function escapeAttr(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  function lines(text) {
    return text.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean);
  }

  var actions = {
    p: function (sel) {
      return sel.split(/\r?\n\s*\r?\n/).map(function (block) { return block.trim(); }).filter(Boolean)
        .map(function (block) { return "<p>" + block + "</p>"; }).join("\n");
    },
    h2: function (sel) { return "<h2>" + sel + "</h2>"; },
    h3: function (sel) { return "<h3>" + sel + "</h3>"; },
    strong: function (sel) { return "<strong>" + sel + "</strong>"; },
    em: function (sel) { return "<em>" + sel + "</em>"; },
    blockquote: function (sel) { return "<blockquote><p>" + sel + "</p></blockquote>"; },
    ul: function (sel) { return "<ul>\n" + lines(sel).map(function (l) { return "  <li>" + l + "</li>"; }).join("\n") + "\n</ul>"; },
    ol: function (sel) { return "<ol>\n" + lines(sel).map(function (l) { return "  <li>" + l + "</li>"; }).join("\n") + "\n</ol>"; },
    a: function (sel, editor) {
      var url = window.prompt(editor.dataset.linkPrompt, "https://");
      if (!url || url === "https://") { return null; }
      return '<a href="' + escapeAttr(url.trim()) + '">' + (sel || url) + "</a>";
    }
  };

  function apply(editor, textarea, action) {
    var start = textarea.selectionStart, end = textarea.selectionEnd;
    var selected = textarea.value.slice(start, end);
    var replacement = actions[action](selected, editor);
    if (replacement === null) { return; }
    textarea.focus();
    textarea.setRangeText(replacement, start, end, "select");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function setUpEditor(editor) {
    var textarea = editor.querySelector("textarea");
    var preview = editor.querySelector(".richtext-preview");
    var toggle = editor.querySelector("[data-action=preview]");
    var timer = null;

    function refresh() {
      var body = new FormData();
      body.append("html", textarea.value);
      fetch(editor.dataset.previewUrl, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken() }
      }).then(function (response) {
        return response.ok ? response.json() : Promise.reject(response.status);
      }).then(function (data) {
        // Sanitized by the server with the public pages' sanitizer.
        preview.innerHTML = data.html;
      }).catch(function () { preview.textContent = "…"; });
    }

    editor.querySelector(".richtext-toolbar").addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) { return; }
      var action = button.dataset.action;
      if (action === "preview") {
        var show = preview.hidden;
        preview.hidden = !show;
        button.setAttribute("aria-pressed", String(show));
        if (show) { refresh(); }
      } else {
        apply(editor, textarea, action);
      }
    });
    textarea.addEventListener("input", function () {
      if (preview.hidden) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 400);
    });
  }

  function init() {
    document.querySelectorAll(".richtext").forEach(function (editor) {
      if (!editor.dataset.ready) { editor.dataset.ready = "1"; setUpEditor(editor); }
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
