"""News about the cooperation, in English and Chinese."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.gone import ExpiryMixin, expiry_field
from core.i18n import languages
from core.models import ContentModel, now, original_required
from core.sanitize import clean_html
from images.fields import image_field
from news.managers import ArticleQuerySet


class Article(ExpiryMixin, ContentModel):
    """A news article. Visitors see it only once published and due
    (``Article.objects.published()``); drafts and scheduled articles are 404 for them."""

    url_name = "news:detail"

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        # Taken off the public site: its address answers 410 Gone (core/gone.py).
        WITHDRAWN = "withdrawn", _("Withdrawn")

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), max_length=600, help_text=_("One or two sentences, plain text."))
    body = models.TextField(_("body"), help_text=_("HTML; sanitized on save."))
    source_name = models.CharField(_("source name"), max_length=200, blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    published_at = models.DateTimeField(_("publication time"), default=now, db_index=True)
    expires_at = expiry_field()
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    parks = models.ManyToManyField("parks.Park", blank=True, related_name="articles", verbose_name=_("parks"))
    # The published reports the article is written from, cited on its page with title, outlet,
    # address and date (a Source row each; source_name/source_url name the outlet of a reprint).
    sources = models.ManyToManyField("facts.Source", blank=True, related_name="articles", verbose_name=_("sources"))
    image = image_field(_("Shown at the top of the article."))

    objects = ArticleQuerySet.as_manager()
    # What search looks at, in both languages, and how much a match there counts
    # (search/query.py). Start from published(): Article.objects.published().search(q).
    search_weights = {"title": 3, "summary": 2, "body": 1}
    required_text = ("title", "summary", "body")  # in the original language
    slug_source = "title"

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = original_required("article", "title", "summary", "body")
        indexes = [models.Index(fields=["status", "-published_at"], name="article_public_idx")]
        # Editors hold it; Translators edit the text but cannot publish (news/admin.py).
        permissions = [("publish_article", _("Can publish articles and change their publication time"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Publication times are to the second, as the admin shows them and as a
        # JSON backup (milliseconds at most) restores them exactly.
        self.published_at = self.published_at.replace(microsecond=0)
        # A missing translation is NULL, as in fixtures.
        self.body_en = clean_html(self.body_en) or None
        self.body_zh_hans = clean_html(self.body_zh_hans) or None
        super().save(*args, **kwargs)

    @property
    def is_translation(self):
        """True when the page's language is not the one the article was written in."""
        return languages.written() != self.original_language
