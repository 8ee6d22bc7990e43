// The rich-text editor's buttons in the admin's language. django-prose-editor translates its
// dialogs through Django's JavaScript catalogue (window.gettext) but names its buttons and heading
// choices in English; this passes those names through the same catalogue
// (locale/zh_Hans/LC_MESSAGES/djangojs.po). Menus are built when an editor starts, so menus that
// appear later are translated as they appear.
const translate = window.gettext || ((text) => text);

function translateMenus() {
  for (const el of document.querySelectorAll(".prose-menubar [title]:not([data-translated])")) {
    el.dataset.translated = "";
    el.title = translate(el.title);
    if (el.hasAttribute("aria-label")) el.setAttribute("aria-label", translate(el.getAttribute("aria-label")));
  }
  for (const el of document.querySelectorAll(".prose-menubar__option > :not([data-translated])")) {
    el.dataset.translated = "";
    el.textContent = translate(el.textContent);
  }
}

translateMenus();
new MutationObserver(translateMenus).observe(document.body, { childList: true, subtree: true });
