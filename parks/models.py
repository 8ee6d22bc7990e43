"""The six Suzhou–Suqian joint industrial parks."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import ContentModel, DatePrecision, original_required
from core.sanitize import clean_html
from images.fields import image_field
from parks.managers import ParkQuerySet


class Park(ContentModel):
    """A joint industrial park: hosted by a Suqian county or district, built with a
    Suzhou city or district as partner. Parks are permanent and always public."""

    url_name = "parks:detail"

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=100)
    summary = models.TextField(_("summary"), max_length=600, help_text=_("One or two sentences, plain text."))
    description = models.TextField(_("description"), blank=True, help_text=_("HTML; sanitized on save."))
    host_name = models.CharField(_("Suqian host"), max_length=100, help_text=_("County or district in Suqian."))
    partner_name = models.CharField(_("Suzhou partner"), max_length=100, help_text=_("City or district in Suzhou."))
    established = models.DateField(_("established"), null=True, blank=True)
    established_precision = models.CharField(
        _("established: precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    planned_area_km2 = models.DecimalField(
        _("planned area (km²)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    leading_industries = models.CharField(_("leading industries"), max_length=300, blank=True)
    # Host county/district seat, not the park gate: good for a schematic map.
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    partner_latitude = models.DecimalField(_("partner latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    partner_longitude = models.DecimalField(
        _("partner longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)
    sources = models.ManyToManyField("facts.Source", blank=True, related_name="parks", verbose_name=_("sources"))
    image = image_field(_("Shown on the park's page and card."))

    objects = ParkQuerySet.as_manager()
    # What search looks at, in both languages, and how much a match there counts
    # (search/query.py): Park.objects.search(q).
    search_weights = {
        "name": 3,
        "short_name": 3,
        "summary": 2,
        "description": 1,
        "host_name": 1,
        "partner_name": 1,
        "leading_industries": 1,
    }

    required_text = ("name", "short_name", "summary", "host_name", "partner_name")  # in the original language
    slug_source = "name"

    class Meta:
        ordering = ["display_order", "slug"]
        verbose_name = _("park")
        verbose_name_plural = _("parks")
        constraints = original_required("park", "name", "short_name", "summary", "host_name", "partner_name")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.description_en = clean_html(self.description_en) or None
        self.description_zh_hans = clean_html(self.description_zh_hans) or None
        super().save(*args, **kwargs)
