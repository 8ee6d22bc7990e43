"""What is public, in one place: every view, feed, sitemap, search and download that shows
documents to visitors starts from ``Document.objects.published()``. The same rule as news
articles (published, the publication time has come, the expiry time has not; withdrawn or expired
is ``gone()``: a 410 at its address and its file's). The review workflow (core/workflow/) sets the
status: sign-off publishes, withdrawal withdraws."""

from django.db.models import Prefetch

from core.i18n import languages
from news.managers import ArticleQuerySet


class DocumentQuerySet(ArticleQuerySet):
    def visible_to(self, user, now=None):
        from django.db.models import BooleanField, ExpressionWrapper, Value

        if user.is_staff and user.has_perm("documents.change_document"):
            return self.annotate(is_public=ExpressionWrapper(self.public_condition(now), output_field=BooleanField()))
        return self.published(now).annotate(is_public=Value(True))

    def for_listing(self):
        """A list of documents in the page's language, with the parks each concerns (one query)."""
        from parks.models import Park

        return self.in_language().prefetch_related(
            Prefetch("parks", queryset=Park.objects.only("slug", *languages.columns("short_name")))
        )
