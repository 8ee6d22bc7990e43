"""Is the site kept up to date? The newest item the home page shows, and every column (a list page, per
language; the news also per park): news columns within 14 days, notice and policy columns (documents)
within 6 months. A list page with no public item in a language is a blank column. The checklist
vetoes a site with 5 or more blank or stale columns; fewer cost points."""

from datetime import timedelta

from django.db.models import Max
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core import registry
from core.i18n import languages
from inspection.checks.common import language_name, list_url
from inspection.findings import Finding, Severity

HOME_STALE_AFTER = timedelta(days=14)
# Content type key -> how long its column may go without a new item (the checklist: news columns
# two weeks, notice and policy columns six months).
COLUMN_RULES = {"article": timedelta(days=14), "document": timedelta(days=183)}
# The types whose items the home page shows (coop_portal.views.HomeView: the latest news). Documents
# are not among them: the shipped ones, dated November 2026, would make a page whose newest news is
# from 2024 look fresh. Add a key here when the home page lists another type.
HOME_KEYS = ("article",)
# The types whose list is a column per park too (the issue: "each news column, per park"). The
# documents list filtered by park is a filter of the one policy column, not a column of its own.
PER_PARK_KEYS = ("article",)
# This many stale or blank columns is the checklist's veto.
COLUMNS_VETO = 5


def date_field(content_type) -> str:
    """The date visitors know an item by: its publication time where it has one."""
    names = {f.name for f in content_type.model._meta.fields}
    for name in (content_type.date_field, "published_at", "updated_at"):
        if name and name in names:
            return name
    raise LookupError(f"{content_type.model._meta.label} has no date")


def _add_url(model) -> str:
    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    except NoReverseMatch:  # a type without an admin add page: no link
        return ""


def _age(newest, now) -> str:
    if newest is None:
        return _("it has never had an item")
    return _("its newest item is from %(date)s, %(days)d days ago") % {
        "date": date_format(newest, "DATE_FORMAT"),
        "days": (now - newest).days,
    }


def home(run):
    types = [ct for ct in registry.content_types() if ct.key in HOME_KEYS]
    if not types:
        return
    for code in languages.codes():
        dates = [ct.public().in_language(code).aggregate(newest=Max(date_field(ct)))["newest"] for ct in types]
        newest = max((d for d in dates if d), default=None)
        if newest is not None and run.now - newest <= HOME_STALE_AFTER:
            continue
        with translation.override(code):
            url = reverse("core:home")
        yield Finding(
            "home",
            Severity.VETO,
            code,
            url,
            _add_url(types[0].model),
            _("The home page (%(language)s) has not been updated for more than 14 days: %(age)s. Publish a new item.")
            % {"language": language_name(code), "age": _age(newest, run.now)},
            _("Home page"),
        )


def _stale_columns(run):
    """(content type, language, park or None, newest date) of every column past its rule."""
    for ct in registry.content_types():
        limit = COLUMN_RULES.get(ct.key)
        if limit is None or not ct.list_url:
            continue
        field = date_field(ct)
        parks = []
        if ct.key in PER_PARK_KEYS and any(f.name == "parks" for f in ct.model._meta.many_to_many):
            parks = list(ct.model._meta.get_field("parks").related_model._default_manager.order_by("pk"))
        for code in languages.codes():
            public = ct.public().in_language(code).order_by()
            newest = public.aggregate(newest=Max(field))["newest"]
            if newest is None or run.now - newest > limit:
                yield ct, code, None, newest, limit
            by_park = dict(public.values_list("parks").annotate(newest=Max(field)))
            for park in parks:
                newest = by_park.get(park.pk)
                if newest is None or run.now - newest > limit:
                    yield ct, code, park, newest, limit


def _blank_columns():
    """List pages, of the types without a freshness rule, that have no public item in a language."""
    for ct in registry.content_types():
        if not ct.list_url or ct.key in COLUMN_RULES:
            continue
        for code in languages.codes():
            if not ct.public().in_language(code).exists():
                yield ct, code


def columns(run):
    stale = list(_stale_columns(run))
    blank = list(_blank_columns())
    severity = Severity.VETO if len(stale) + len(blank) >= COLUMNS_VETO else Severity.DEDUCT
    total = len(stale) + len(blank)
    for ct, code, park, newest, limit in stale:
        where = str(ct.label) + (f" · {park}" if park else "")
        yield Finding(
            "column",
            severity,
            code,
            list_url(ct, code, **({"park": park.slug} if park else {})),
            _add_url(ct.model),
            _(
                "Column “%(column)s” (%(language)s) has not been updated within %(limit)d days: %(age)s. "
                "Publish an item in it, or take the column off the site (%(total)d columns need this)."
            )
            % {
                "column": where,
                "language": language_name(code),
                "limit": limit.days,
                "age": _age(newest, run.now),
                "total": total,
            },
            where,
        )
    for ct, code in blank:
        yield Finding(
            "blank",
            severity,
            code,
            list_url(ct, code),
            _add_url(ct.model),
            _(
                "Column “%(column)s” (%(language)s) is blank: it has no public item in this language. "
                "Publish one or translate one."
            )
            % {"column": ct.label, "language": language_name(code)},
            str(ct.label),
        )
