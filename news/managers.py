"""What is public, in one place: every view, feed, sitemap and search that
shows articles to visitors starts from ``Article.objects.published()``."""

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, Value
from django.utils import timezone

from core.i18n import languages
from core.querysets import SlugQuerySet
from search.query import SearchQuerySet


class ArticleQuerySet(SearchQuerySet, SlugQuerySet):
    def public_condition(self, now=None) -> Q:
        """The rule itself: status is published and the publication time has come."""
        return Q(status=self.model.Status.PUBLISHED, published_at__lte=now or timezone.now())

    def published(self, now=None):
        """Published and due: status is published and the publication time has
        come. A scheduled article appears by itself at its time, with no job to run."""
        return self.filter(self.public_condition(now))

    def visible_to(self, user, now=None):
        """What ``user`` may open at an article's public URL, each row annotated
        with ``is_public`` (the rule above). Visitors get ``published()``; staff
        who may change articles also get drafts and scheduled articles, which
        the page then shows as a preview (core.preview.PreviewMixin)."""
        if user.is_staff and user.has_perm("news.change_article"):
            return self.annotate(is_public=ExpressionWrapper(self.public_condition(now), output_field=BooleanField()))
        return self.published(now).annotate(is_public=Value(True))

    def years(self):
        """The years (in the site's time zone) that have articles, newest first."""
        return [day.year for day in self.dates("published_at", "year", order="DESC")]

    def next_publication(self, now=None):
        """When the next scheduled article becomes public (None if none is scheduled). The page
        cache keeps no page past this time (core/pagecache/)."""
        return (
            self.filter(status=self.model.Status.PUBLISHED, published_at__gt=now or timezone.now())
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )

    def for_listing(self):
        """What a list of article teasers shows in the page's language: the articles written
        or translated into it (``in_language()``); their title, summary and date (not the
        bodies, the largest columns by far), and the parks each one concerns, fetched in one
        query for the whole page with only what a teaser links to."""
        from parks.models import Park

        return (
            self.in_language()
            .defer(*languages.columns("body"))
            .prefetch_related(Prefetch("parks", queryset=Park.objects.only("slug", *languages.columns("short_name"))))
        )
