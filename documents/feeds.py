"""RSS and Atom feeds of the latest published documents, one per language:
/<lang>/documents/feed/rss/ and /<lang>/documents/feed/atom/."""

import copy

from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from documents.templatetags.documents import file_label
from news.feeds import LatestArticlesAtomFeed, LatestArticlesFeed


class LatestDocumentsFeed(LatestArticlesFeed):
    title = _("Suzhou–Suqian Cooperation: policies and documents")
    description = _("The latest policies and documents about the Suzhou–Suqian joint industrial parks.")
    subtitle = description

    def link(self):
        return reverse("documents:list")

    def items(self):
        return Document.objects.published().in_language()[: self.size]

    def item_description(self, item):
        parts = [item.number, item.issuing_body, item.description, file_label(item)]
        return escape(" · ".join(part for part in parts if part))

    def get_feed(self, obj, request):
        # Django leaves enclosure URLs as given, and they must be absolute: this request's copy
        # of the feed knows its host (the instance in the URLconf is shared by every request).
        feed = copy.copy(self)
        feed.absolute = request.build_absolute_uri
        return super(LatestDocumentsFeed, feed).get_feed(obj, request)

    def item_enclosure_url(self, item):
        return self.absolute(reverse("document_file", kwargs={"slug": item.slug}))

    def item_enclosure_length(self, item):
        return item.file_size

    def item_enclosure_mime_type(self, item):
        return item.kind.content_type if item.kind else "application/octet-stream"


class LatestDocumentsAtomFeed(LatestDocumentsFeed):
    feed_type = LatestArticlesAtomFeed.feed_type
