"""RSS and Atom feeds of the latest published articles, one per language:
/<lang>/news/feed/rss/ and /<lang>/news/feed/atom/ (linked from every page's head)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.i18n import languages
from news.models import Article


class LatestArticlesFeed(Feed):
    title = _("Suzhou–Suqian Cooperation: news")
    description = _("The latest news about the Suzhou–Suqian joint industrial parks.")
    subtitle = description  # Atom's name for it
    size = 20

    @property
    def language(self):
        return languages.bcp47()  # en / zh-Hans, the language of the URL prefix

    def link(self):
        return reverse("news:list")

    def items(self):
        return Article.objects.published().in_language()[: self.size]  # this feed's language

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers take the description as HTML; the summary is plain text.
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.published_at, item.updated_at)


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
