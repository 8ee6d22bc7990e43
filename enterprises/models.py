"""Companies in the joint parks: the directory a visitor or investor browses."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import ContentModel, original_required
from enterprises.managers import EnterpriseQuerySet
from images.fields import image_field


class Enterprise(ContentModel):
    """A company with operations in one joint park. Public once saved (like
    parks); what it says should be traceable to ``sources``. Only what a source
    states is filled in: an unknown origin, sector or website stays empty."""

    url_name = "enterprises:detail"

    name = models.CharField(_("name"), max_length=200)
    park = models.ForeignKey("parks.Park", on_delete=models.PROTECT, related_name="enterprises", verbose_name=_("park"))
    origin = models.CharField(
        _("origin"), max_length=100, blank=True, help_text=_("Country or region the investment comes from.")
    )
    sector = models.CharField(_("sector"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Plain text."))
    arrived_year = models.PositiveSmallIntegerField(
        _("year it arrived"), null=True, blank=True, help_text=_("The year it started in this park.")
    )
    came_from = models.CharField(
        _("came from"), max_length=200, blank=True, help_text=_("E.g. relocated from Suzhou Industrial Park.")
    )
    website = models.URLField(_("website"), max_length=300, blank=True)
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)
    sources = models.ManyToManyField("facts.Source", blank=True, related_name="enterprises", verbose_name=_("sources"))
    image = image_field(_("Shown on the enterprise's page."))

    objects = EnterpriseQuerySet.as_manager()

    # Enterprise.objects.search(q) (search/query.py): field -> weight.
    search_weights = {"name": 3, "sector": 2, "description": 1}
    required_text = ("name",)  # in the original language
    slug_source = "name"

    class Meta:
        # Not by name: names are translated and a missing Chinese name would sort
        # as NULL (fallback applies to reading, not to ORDER BY).
        ordering = ["display_order", "slug"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        constraints = original_required("enterprise", "name")

    def __str__(self):
        return self.name
