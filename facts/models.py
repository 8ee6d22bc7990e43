"""Where the portal's facts come from, and the facts themselves: key figures,
dated milestones and the provincial assessment results. Every stated fact on
a public page should be traceable to a Source."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import ContentModel, DatePrecision, original_required
from facts import formatting
from facts.managers import AssessmentResultQuerySet, KeyFigureQuerySet, MilestoneQuerySet, SourceQuerySet


class Source(ContentModel):
    """A publication a fact was stated in: a news article, a government page.

    Not for the portal's own news (those are ``news.Article``; an article that
    is itself cited gets a Source row pointing at its original URL).
    """

    url_name = "facts:source"

    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)

    objects = SourceQuerySet.as_manager()
    # What search looks at, in both languages, and how much a match there counts (search/query.py).
    search_weights = {"title": 3, "publisher": 2}
    required_text = ("title", "publisher")  # in the original language
    slug_source = "title"

    class Meta:
        ordering = ["-published_on", "slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = original_required("source", "title", "publisher")

    def __str__(self):
        return self.title


class KeyFigure(ContentModel):
    """One number as a source stated it: "219.8 billion yuan of investment",
    "nearly 530,000 people employed", "9.7% of Suqian's industrial added value".

    The value is stored exactly, in base units (yuan, people, percent points);
    ``facts.formatting`` writes it the way each language does. ``park`` is the
    scope: empty for the cooperation as a whole, else the one park it is about.
    Not for a park's standing attributes (area, founding date: ``parks.Park``)
    nor for assessment ranks (``AssessmentResult``).
    """

    class Unit(models.TextChoices):
        COUNT = "count", _("number")
        PERCENT = "percent", _("percent")
        YUAN = "yuan", _("yuan")
        PEOPLE = "people", _("people")
        PROJECTS = "projects", _("projects")
        YEARS = "years", _("years (a duration)")
        YEAR = "year", _("calendar year")
        KM2 = "km2", _("square kilometres")

    class Qualifier(models.TextChoices):
        OVER = "over", _("over")
        NEARLY = "nearly", _("nearly")
        ABOUT = "about", _("about")

    label = models.CharField(_("label"), max_length=300, help_text=_("What is counted, e.g. “People employed”."))
    value = models.DecimalField(
        _("value"), max_digits=20, decimal_places=4, help_text=_("In base units: 219.8 billion yuan is 219800000000.")
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.COUNT)
    qualifier = models.CharField(
        _("qualifier"),
        max_length=10,
        choices=Qualifier.choices,
        blank=True,
        help_text=_("As the source words it; empty for an exact figure."),
    )
    as_of = models.DateField(_("as of"), null=True, blank=True)
    as_of_precision = models.CharField(
        _("as of: precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    park = models.ForeignKey(
        "parks.Park",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="key_figures",
        verbose_name=_("park"),
        help_text=_("Empty: the cooperation as a whole."),
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="key_figures", verbose_name=_("source"))
    headline = models.BooleanField(_("headline"), default=False, help_text=_("Shown on the home page."))
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)

    objects = KeyFigureQuerySet.as_manager()
    # What search looks at (search/query.py): the label; the value is shown with it.
    search_weights = {"label": 3}

    required_text = ("label",)  # in the original language
    slug_source = "label"

    class Meta:
        ordering = ["display_order", "slug"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        constraints = original_required("keyfigure", "label")

    def __str__(self):
        return f"{self.label}: {self.formatted}"

    def get_absolute_url(self):
        return f"{reverse('facts:figures')}#figure-{self.slug}"

    @property
    def formatted(self):
        """The value as the page's language writes it (``facts.formatting``)."""
        return formatting.format_figure(self)

    def save(self, *args, **kwargs):
        self.as_of = DatePrecision.truncate(self.as_of, self.as_of_precision)
        super().save(*args, **kwargs)


class Milestone(ContentModel):
    """A dated event of the cooperation for the timeline: a pairing, a park's
    founding, a relocation, an assessment result. ``date`` is stored as the
    first day of what is known (``date_precision``) and shown only that precisely.
    ``source`` may be empty when no source is recorded yet; the page says so."""

    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date: precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("Plain text."))
    park = models.ForeignKey(
        "parks.Park",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("park"),
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("source"),
    )

    objects = MilestoneQuerySet.as_manager()

    required_text = ("title",)  # in the original language
    slug_source = "title"

    class Meta:
        ordering = ["date", "slug"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = original_required("milestone", "title")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('facts:timeline')}#{self.slug}"

    def save(self, *args, **kwargs):
        self.date = DatePrecision.truncate(self.date, self.date_precision)
        super().save(*args, **kwargs)


class AssessmentResult(models.Model):
    """A park's place in one year of Jiangsu's annual assessment of its joint
    (North–South) parks, as a source reported it.

    ``rank`` when the exact place is known; ``top`` when the source only says
    "in the top ten". ``consecutive`` is the source's "for the Nth year running".
    Identified by park and year (the natural key), so fixtures need no id.
    """

    park = models.ForeignKey(
        "parks.Park", on_delete=models.CASCADE, related_name="assessment_results", verbose_name=_("park")
    )
    year = models.PositiveSmallIntegerField(_("assessment year"))
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    top = models.PositiveSmallIntegerField(
        _("in the top"), null=True, blank=True, help_text=_("When only “in the top N” is known.")
    )
    out_of = models.PositiveSmallIntegerField(_("out of"), null=True, blank=True, help_text=_("Parks assessed."))
    consecutive = models.PositiveSmallIntegerField(
        _("consecutive years"),
        null=True,
        blank=True,
        help_text=_("When the source says this is the park's Nth year running at this place."),
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="assessment_results", verbose_name=_("source")
    )

    objects = AssessmentResultQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "park__display_order"]
        verbose_name = _("assessment result")
        verbose_name_plural = _("assessment results")
        constraints = [
            models.UniqueConstraint(fields=["park", "year"], name="assessment_one_result_per_park_and_year"),
            models.CheckConstraint(
                condition=Q(rank__isnull=False) | Q(top__isnull=False), name="assessment_rank_or_top"
            ),
            models.CheckConstraint(
                condition=Q(out_of__isnull=True) | Q(rank__isnull=True) | Q(rank__lte=F("out_of")),
                name="assessment_rank_within_out_of",
            ),
        ]

    def __str__(self):
        return f"{self.park} {self.year}: {self.formatted}"

    def natural_key(self):
        return (*self.park.natural_key(), self.year)

    natural_key.dependencies = ["parks.park"]

    @property
    def formatted(self):
        return formatting.format_rank(self.rank, self.top, self.out_of, self.consecutive)
