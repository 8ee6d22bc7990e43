// "Link to a document" under each rich-text editor: type to search the documents (the admin's
// JSON list, documents/chooser.py), pick one, insert. The link is the document's file address in
// no language (/documents/<slug>/file), so the same link serves both languages' text; the public
// page adds "PDF, 1.2 MB" after it. Selected text becomes the link's text; otherwise the title.
const t = window.gettext || ((text) => text);
const ENDPOINT = "/admin/documents/document/choose/";

function addChooser({ editor, textarea }) {
  const box = document.createElement("div");
  box.className = "document-chooser";
  const id = `${textarea.id}-document`;
  box.innerHTML = `<label for="${id}"></label> <input id="${id}" type="search" list="${id}-list" autocomplete="off">
    <datalist id="${id}-list"></datalist> <button type="button" class="button"></button> <span role="status"></span>`;
  const [label, input, list, button, status] = box.querySelectorAll("label, input, datalist, button, span");
  label.textContent = t("Link to a document");
  button.textContent = t("Insert link");
  let found = new Map();
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
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
