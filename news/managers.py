"""What is public, in one place: every view, feed, sitemap and search that
shows articles to visitors starts from ``Article.objects.published()``."""

from django.utils import timezone

from core.models import SlugQuerySet


class ArticleQuerySet(SlugQuerySet):
    def published(self, now=None):
        """Published and due: status is published and the publication time has
        come. A scheduled article appears by itself at its time, with no job to run."""
        return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=now or timezone.now())

    def next_publication(self, now=None):
        """When the next scheduled article becomes public (None if none is scheduled). The page
        cache keeps no page past this time (core/cache.py)."""
        return (
            self.filter(status=self.model.Status.PUBLISHED, published_at__gt=now or timezone.now())
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )

    def for_listing(self):
        """What a list of article teasers shows: the parks each one concerns,
        fetched in one query for the whole page."""
        return self.prefetch_related("parks")
