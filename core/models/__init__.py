"""Building blocks shared by the content models of every app.

Not a place for content: each content type lives in its own app (parks, news,
facts) and inherits from these.
"""

from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import languages
from core.querysets import SlugQuerySet


def now():
    """The current time to the second: what fixtures and backups (JSON, which
    keeps milliseconds at most) can carry exactly, and all an editor needs."""
    return timezone.now().replace(microsecond=0)


class Language(models.TextChoices):
    """The languages content can be written in (settings.LANGUAGES)."""

    EN = "en", _("English")
    ZH_HANS = "zh-hans", _("Simplified Chinese")


class OriginalLanguageModel(models.Model):
    """Content written first in either language. ``original_language`` says
    which; the fields named in ``required_text`` (base names of translated
    fields) must have text in that language and may be empty in the other,
    which is then a translation still to be made. ``original_required()`` is
    the same rule as database constraints, so a fixture cannot break it either.

    modeltranslation's ``required_languages`` stays empty in every
    translation.py: which language is required depends on the row.
    """

    Language = Language

    original_language = models.CharField(
        _("original language"),
        max_length=10,
        choices=Language.choices,
        default=Language.EN,
        help_text=_(
            "The language this was written in: its text is required. The other language may follow later; "
            "visitors see it marked as a translation."
        ),
    )

    required_text: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # A translation not written is NULL, whatever the form sent: as in fixtures, and what
        # "missing" means everywhere (core/translation_status.py).
        from modeltranslation.utils import build_localized_fieldname

        from core.translation_status import translated_fields

        for field in translated_fields(type(self)):
            for code in languages.codes():
                column = build_localized_fieldname(field, code)
                if getattr(self, column, None) == "":
                    setattr(self, column, None)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        from modeltranslation.utils import build_localized_fieldname

        errors = {}
        for field in self.required_text:
            column = build_localized_fieldname(field, self.original_language)
            if not (getattr(self, column, None) or "").strip():
                errors[column] = ValidationError(
                    _("Required: %(language)s is the original language.")
                    % {"language": self.get_original_language_display()},
                    code="required",
                )
        if errors:
            raise ValidationError(errors)

    @classmethod
    def text_in(cls, code: str) -> Q:
        """The rule of what exists in language ``code``: its required text is there (for a
        derived language, Traditional: the text it is converted from, ``languages.written``)."""
        from modeltranslation.utils import build_localized_fieldname

        code = languages.written(code)
        return reduce(and_, (_filled(build_localized_fieldname(f, code)) for f in cls.required_text), Q())

    def has_text_in(self, code: str) -> bool:
        """``text_in`` for a loaded object: from ``with_languages()``'s annotation where the
        queryset made one, else from its loaded values."""
        from modeltranslation.utils import build_localized_fieldname

        code = languages.written(code)
        annotated = f"_text_in_{code.replace('-', '_')}"
        if annotated in self.__dict__:
            return bool(self.__dict__[annotated])
        return all(getattr(self, build_localized_fieldname(field, code), None) for field in self.required_text)

    def languages_with_text(self) -> list[str]:
        """Every page language the object exists in (Traditional with Simplified)."""
        return [code for code in languages.page_codes() if self.has_text_in(code)]


class ContentModel(OriginalLanguageModel):
    """A public content object: one ASCII slug (never translated) that is its URL
    and its natural key, plus created/updated times.

    A model with a page of its own names it in ``url_name`` (``"parks:detail"``); its
    ``get_absolute_url()`` is that page in the active language.

    A slug left empty is made from ``slug_source`` (a translated field's base
    name) in the original language: pinyin for Chinese (core.i18n.languages.slug_from),
    numbered when taken.

    The times use ``default=now`` rather than ``auto_now``: ``loaddata``
    saves in raw mode, which skips ``auto_now`` and would leave them NULL.
    """

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_(
            "ASCII, used in the URL of both languages; not translated. Left empty, it is made from the title "
            "in the original language (pinyin for Chinese)."
        ),
    )
    created_at = models.DateTimeField(_("created"), default=now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=now, editable=False)

    objects = SlugQuerySet.as_manager()
    url_name = None  # the URL pattern of the object's page, taking its slug
    slug_source = None  # the translated field a missing slug is made from ("title")

    class Meta:
        abstract = True

    def __str__(self):
        return self.slug

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.make_slug()
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

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The address its cached page was stored under, if a save changes the slug (core/pagecache/).
        instance._loaded_slug = instance.__dict__.get("slug")
        return instance

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = self.make_slug()

    def make_slug(self) -> str:
        """A free slug from the original-language text of ``slug_source``."""
        from modeltranslation.utils import build_localized_fieldname

        text = ""
        if self.slug_source:
            text = getattr(self, build_localized_fieldname(self.slug_source, self.original_language), "") or ""
        base = languages.slug_from(text, self.original_language)[:70].strip("-") or self._meta.model_name
        slug, n = base, 2
        while type(self)._default_manager.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


def _filled(column: str) -> Q:
    return Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})


def original_required(model_name: str, *fields: str) -> list[models.CheckConstraint]:
    """Database constraints that the text of ``fields`` is present in the row's
    original language (``OriginalLanguageModel``).

    modeltranslation makes every translation column nullable; the original
    text must never be missing, including for rows that arrive through
    ``loaddata`` (which skips form validation). A violating fixture then
    fails as a whole inside loaddata's transaction.
    """
    from modeltranslation.utils import build_localized_fieldname

    return [
        models.CheckConstraint(
            condition=reduce(
                or_,
                (
                    Q(original_language=code) & _filled(build_localized_fieldname(field, code))
                    for code, _name in Language.choices
                ),
            ),
            name=f"{model_name}_{field}_original_required",
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

    return [
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if hasattr(model, "natural_key")
    ]


# The site tools' own models (each staff member's admin language, redirects), in their module.
from core.models.tools import Redirect, StaffLanguage  # noqa: E402, F401
from core.models.workflow import AuditEntry, Revision  # noqa: E402, F401
