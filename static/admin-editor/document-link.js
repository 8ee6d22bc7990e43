// "Link to a document" under each rich-text editor: type to search the documents (the admin's
// JSON list, documents/chooser.py), pick one, insert. The link is the document's file address in
// no language (/documents/<slug>/file), so the same link serves both languages' text; the public
// page adds "PDF, 1.2 MB" after it. Selected text becomes the link's text; otherwise the title.
// The chooser's address comes from the server (documents/apps.py puts it on this script's tag),
// so the admin may live under any path.
const t = window.gettext || ((text) => text);
const ENDPOINT = document.querySelector("script[data-document-chooser]")?.dataset.documentChooser;
const started = new WeakSet();

function addChooser({ editor, textarea }) {
  if (!ENDPOINT || started.has(textarea)) return;
  started.add(textarea);
  const box = document.createElement("div");
  box.className = "document-chooser";
  const id = `${textarea.id}-document`;
  // Named by aria-labelledby, not a <label>: modeltranslation's tabs copy the field's label over
  // every <label> in the field's row.
  box.innerHTML = `<span id="${id}-label" class="document-chooser-label"></span>
    <input id="${id}" type="search" list="${id}-list" autocomplete="off" aria-labelledby="${id}-label">
    <datalist id="${id}-list"></datalist> <button type="button" class="button"></button> <span role="status"></span>`;
  const [label, input, list, button, status] = box.querySelectorAll("span, input, datalist, button");
  label.textContent = t("Link to a document");
  button.textContent = t("Insert link");
  let found = new Map();
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    // Picking a suggestion from the list is an input too: searching for it would find nothing
    // (the text is title, label and slug) and forget the documents just found.
    if (found.has(input.value)) return;
    timer = setTimeout(async () => {
      const response = await fetch(`${ENDPOINT}?q=${encodeURIComponent(input.value)}`, { credentials: "same-origin" });
      if (!response.ok) return;
      const { results } = await response.json();
      found = new Map(results.map((doc) => [`${doc.title} (${doc.label}) – ${doc.slug}`, doc]));
      list.replaceChildren(...[...found.keys()].map((key) => Object.assign(document.createElement("option"), { value: key })));
    }, 200);
  });
  button.addEventListener("click", () => {
    const doc = found.get(input.value);
    if (!doc) {
      status.textContent = t("Choose a document from the list first.");
      return;
    }
    const { from, to } = editor.state.selection;
    const chain = editor.chain().focus();
    if (from === to) {
      chain.insertContent({ type: "text", text: doc.title, marks: [{ type: "link", attrs: { href: doc.href } }] }).run();
    } else {
      chain.setLink({ href: doc.href }).run();
    }
    status.textContent = "";
    input.value = "";
  });
  (textarea.closest(".prose-editor") || textarea).after(box);
}

document.addEventListener("prose-editor:ready", (event) => addChooser(event.detail));
// Editors that started before this module ran have sent their "ready" already: Tiptap keeps each
// editor on its editing area.
for (const area of document.querySelectorAll(".prose-editor .ProseMirror")) {
  const textarea = area.closest(".prose-editor").querySelector("textarea");
  if (area.editor && textarea) addChooser({ editor: area.editor, textarea });
}
