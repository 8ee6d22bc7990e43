"""The editor for rich text (article bodies, park descriptions): the HTML
source in a textarea, a toolbar that inserts the tags the sanitizer allows, and
a preview rendered by the server through the same sanitizer as the public page,
so what the editor previews is exactly what visitors will see. Self-hosted,
no framework; without JavaScript it is a plain textarea."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

# (action, label, title): what each toolbar button inserts is in richtext.js.
TOOLBAR = [
    ("p", _("Paragraphs"), _("Make each block of lines separated by a blank line a paragraph")),
    ("h2", _("Heading"), _("Heading")),
    ("h3", _("Subheading"), _("Subheading")),
    ("strong", _("Bold"), _("Bold")),
    ("em", _("Italic"), _("Italic")),
    ("a", _("Link"), _("Link")),
    ("ul", _("List"), _("Bulleted list: one item per line")),
    ("ol", _("Numbered list"), _("Numbered list: one item per line")),
    ("blockquote", _("Quote"), _("Quote")),
]


class RichTextarea(forms.Textarea):
    def __init__(self, preview_url, attrs=None):
        self.preview_url = preview_url
        super().__init__(attrs={"rows": 18, "class": "richtext-source", **(attrs or {})})

    class Media:
        css = {"all": ["admin-editor/richtext.css"]}
        js = ["admin-editor/richtext.js"]

    def render(self, name, value, attrs=None, renderer=None):
        textarea = super().render(name, value, attrs, renderer)
        buttons = format_html_join(
            "",
            '<button type="button" data-action="{}" title="{}">{}</button>',
            ((action, title, label) for action, label, title in TOOLBAR),
        )
        return format_html(
            '<div class="richtext" data-preview-url="{}" data-link-prompt="{}">'
            '<div class="richtext-toolbar" role="toolbar" aria-label="{}">{}'
            '<button type="button" data-action="preview" aria-pressed="false">{}</button></div>'
            "{}"
            '<div class="richtext-preview prose" hidden aria-live="polite" data-label="{}"></div>'
            "</div>",
            self.preview_url,
            _("Address of the link (https://…)"),
            _("Formatting"),
            buttons,
            _("Preview"),
            textarea,
            _("Preview: as visitors will see it"),
        )
