"""What is public, in one place: every view, feed, sitemap and search that
shows articles to visitors starts from ``Article.objects.published()``; what was public and
no longer is (withdrawn or expired: a 410 at its address) is ``gone()``."""

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, Value
from django.utils import timezone

from core.i18n import languages
from core.querysets import SlugQuerySet
from search.query import SearchQuerySet


class ArticleQuerySet(SearchQuerySet, SlugQuerySet):
    def public_condition(self, now=None) -> Q:
        """The rule itself: status is published, the publication time has come and the expiry
        time (if any) has not."""
        now = now or timezone.now()
        return Q(status=self.model.Status.PUBLISHED, published_at__lte=now) & (
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )

    def published(self, now=None):
        """Published, due and not expired. A scheduled article appears by itself at its time,
        and one with an expiry time leaves by itself at that time, with no job to run."""
        return self.filter(self.public_condition(now))

    def gone(self, now=None):
        """What visitors could once see and no longer can: withdrawn, or published and expired.
        Its address answers 410 Gone rather than 404 (core/gone.py)."""
        now = now or timezone.now()
        return self.filter(
            Q(status=self.model.Status.WITHDRAWN)
            | Q(status=self.model.Status.PUBLISHED, published_at__lte=now, expires_at__lte=now)
        )

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
        """When what is public changes next by itself (None if nothing is due): the next scheduled
        article becomes public, or the next expiry time comes, whichever is first. The page cache
        keeps no page past this time (core/pagecache/). One query, each half read from an index."""
        now = now or timezone.now()
        published = self.filter(status=self.model.Status.PUBLISHED).order_by()  # no ORDER BY in a UNION's parts
        due = published.filter(published_at__gt=now).values_list("published_at", flat=True)
        ending = published.filter(expires_at__gt=now).values_list("expires_at", flat=True)
        return due.union(ending).order_by("published_at").first()

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
