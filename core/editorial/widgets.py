"""The editor for rich text (article bodies, park descriptions): django-prose-editor
(ProseMirror), self-hosted from its wheel's static files. It offers exactly what
``core.sanitize`` keeps (headings, bold, italic, links, lists, quotes, tables), so
what is pasted from Word, WPS or a web page is reduced to those tags in the
browser already; the model's ``save()`` runs the nh3 sanitizer regardless. The
editing area is styled like the public page (``admin-editor/prose.css``).
Without JavaScript it is a plain textarea."""

from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media, Script, Stylesheet

# Mirrors core.sanitize.ALLOWED_TAGS: whatever the editor can make survives saving.
EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "HardBreak": True,
    "Subscript": True,
    "Superscript": True,
    "History": True,
}


class RichTextEditor(AdminProseEditorWidget):
    # Scripts apps add to every rich-text editor from their ready() (documents: its chooser).
    plugin_scripts: list = []

    def __init__(self, nonce="", attrs=None):
        # The import map the editor's modules need is an inline script: it carries
        # the request's CSP nonce (script-src stays 'self' + nonce).
        self.nonce = nonce
        super().__init__(attrs=attrs, config={"extensions": EXTENSIONS}, preset="configurable")

    @property
    def media(self):
        own = Media(
            css={"all": [Stylesheet("admin-editor/prose.css")]},
            # Button tooltips in the admin's language (the library translates only its dialogs).
            js=[Script("admin-editor/prose-labels.js", type="module"), *self.plugin_scripts],
        )
        return (super().media + own).with_nonce(self.nonce)
