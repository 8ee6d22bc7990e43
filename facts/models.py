"""Where the portal's facts come from. Every stated fact on a public page
should be traceable to a Source."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import ContentModel, english_required


class Source(ContentModel):
    """A publication a fact was stated in: a news article, a government page.

    Not for the portal's own news (those are ``news.Article``; an article that
    is itself cited gets a Source row pointing at its original URL).
    """

    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)

    class Meta:
        ordering = ["-published_on", "slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = english_required("source", "title", "publisher")

    def __str__(self):
        return self.title
