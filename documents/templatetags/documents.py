"""How a link to a document says what it leads to: "PDF, 1.2 MB" / "PDF，1.2 MB"."""

import re

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.html import escape
from django.utils.translation import pgettext

register = template.Library()


@register.filter
def file_label(document) -> str:
    """Type and size in the page's language; the separator is the language's list comma."""
    kind = document.kind
    if kind is None:
        return ""
    separator = pgettext("file type and size", ", ")
    return f"{kind.label}{separator}{filesizeformat(document.file_size)}"


# A link written by the chooser (href="/documents/<slug>/file") or to a document's page.
DOCUMENT_LINK = re.compile(
    r'(<a\b[^>]*\bhref="(?:/(?:en|zh-hans|zh-hant))?/documents/(?P<slug>[-a-zA-Z0-9_]+)/(?:file)?"[^>]*>)(?P<text>.*?)(</a>)',
    re.S,
)


def label_document_links(html: str) -> str:
    """Rich text with every link to a published document followed by its type and size, in one
    query for all of them. Links to documents that are not public are left as written (the
    inspection reports them)."""
    slugs = {match["slug"] for match in DOCUMENT_LINK.finditer(html)}
    if not slugs:
        return html
    from documents.models import Document

    found = {
        d.slug: d for d in Document.objects.published().filter(slug__in=slugs).only("slug", "file_kind", "file_size")
    }

    def add_label(match):
        document = found.get(match["slug"])
        if document is None:
            return match[0]
        label = escape(file_label(document))
        return f'{match[1]}{match["text"]}{match[4]} <span class="file-label">({label})</span>'

    return DOCUMENT_LINK.sub(add_label, html)
