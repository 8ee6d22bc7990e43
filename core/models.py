"""Building blocks shared by the content models of every app.

Not a place for content: each content type lives in its own app (parks, news,
facts) and inherits from these.
"""

import contextlib
import contextvars

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.search import SearchQuerySet


def now():
    """The current time to the second: what fixtures and backups (JSON, which
    keeps milliseconds at most) can carry exactly, and all an editor needs."""
    return timezone.now().replace(microsecond=0)


class SlugQuerySet(SearchQuerySet):
    """Natural keys by slug, so fixtures name objects (``["ssip"]``) instead of
    database ids and loading the same fixture twice updates rather than duplicates.
    Also ``search(query)`` (core/search.py) for models that declare ``search_weights``."""

    def get_by_natural_key(self, slug):
        found = _natural_keys.get()
        if found is None:
            return self.get(slug=slug)
        key = (self.model, self.db, slug)
        if key not in found:
            # The loader reads only the key (.pk), so only the key is kept: re-loading 10,000
            # articles does not hold 10,000 bodies in memory.
            found[key] = self.only("pk", "slug").get(slug=slug)
        return found[key]


# Objects found by natural key during one `loaddata` (see remembered_natural_keys).
_natural_keys = contextvars.ContextVar("natural_keys", default=None)


@contextlib.contextmanager
def remembered_natural_keys():
    """Within this block, each object found by natural key is looked up once.

    A fixture of 10,000 articles names the same six parks 20,000 times; Django's loader asks
    the database each time (``get_by_natural_key(...).pk``). Only objects that exist are
    remembered, and a slug never changes within a load (it is the key), so the answer stays
    right while objects are saved."""
    token = _natural_keys.set({})
    try:
        yield
    finally:
        _natural_keys.reset(token)


class ContentModel(models.Model):
    """A public content object: one ASCII slug (never translated) that is its URL
    and its natural key, plus created/updated times.

    A model with a page of its own names it in ``url_name`` (``"parks:detail"``); its
    ``get_absolute_url()`` is that page in the active language.

    The times use ``default=now`` rather than ``auto_now``: ``loaddata``
    saves in raw mode, which skips ``auto_now`` and would leave them NULL.
    """

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("ASCII, used in the URL of both languages; not translated."),
    )
    created_at = models.DateTimeField(_("created"), default=now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=now, editable=False)

    objects = SlugQuerySet.as_manager()
    url_name = None  # the URL pattern of the object's page, taking its slug

    class Meta:
        abstract = True

    def __str__(self):
        return self.slug

    def save(self, *args, **kwargs):
        self.updated_at = now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.url_name is None:
            raise NotImplementedError(f"{type(self).__name__} has no page of its own (url_name)")
        return reverse(self.url_name, kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


def english_required(model_name: str, *fields: str) -> list[models.CheckConstraint]:
    """Database constraints that the English text of ``fields`` is present.

    modeltranslation makes every translation column nullable; English is the
    default language and must never be missing, including for rows that arrive
    through ``loaddata`` (which skips form validation). A violating fixture then
    fails as a whole inside loaddata's transaction.
    """
    return [
        models.CheckConstraint(
            condition=Q(**{f"{field}_en__isnull": False}) & ~Q(**{f"{field}_en": ""}),
            name=f"{model_name}_{field}_en_required",
        )
        for field in fields
    ]


class DatePrecision(models.TextChoices):
    """How much of a stored date is known: a fact dated "July 2008" is stored as
    2008-07-01 with MONTH precision and shown as "July 2008", never as a day."""

    YEAR = "year", _("Year")
    MONTH = "month", _("Month")
    DAY = "day", _("Day")

    @classmethod
    def truncate(cls, value, precision):
        """The canonical stored form: the first day of the known year or month,
        so that sorting and comparing dates of mixed precision stays honest."""
        if value is None:
            return None
        if precision == cls.YEAR:
            return value.replace(month=1, day=1)
        if precision == cls.MONTH:
            return value.replace(day=1)
        return value

    @classmethod
    def isoformat(cls, value, precision):
        """ISO 8601 at the known precision: ``2008``, ``2008-07`` or ``2008-07-01``
        (also HTML's year, month and date strings for ``<time datetime>``)."""
        if value is None:
            return None
        return value.isoformat()[: {cls.YEAR: 4, cls.MONTH: 7}.get(precision, 10)]


def exported_models():
    """The models whose rows are the portal's content, as backups export them: those of
    ``settings.CONTENT_APPS`` that have a natural key. Editorial history tables
    (no natural key) are left out; they live in the database backup."""
    from django.apps import apps
    from django.conf import settings

    return [
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if hasattr(model, "natural_key")
    ]
