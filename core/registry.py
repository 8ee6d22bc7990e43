"""The content types, each declared once by its own app.

A content app describes each model visitors read in one ``ContentType`` and registers it from its
``AppConfig.ready()``::

    class NewsConfig(AppConfig):
        name = "news"

        def ready(self):
            from core import registry
            from news import structured_data
            from news.models import Article

            registry.register(
                registry.ContentType(
                    Article,
                    key="article",
                    label=_("News"),
                    list_url="news:list",
                    fixtures=["news"],
                    history_m2m=["parks"],
                    ...
                )
            )

Shared code reads these declarations instead of naming apps: the sitemap (``core.sitemaps``,
``coop_portal.sitemaps``), search (``search.sources``), the editors' lists of missing translations
and missing sources (``core.admin_views``), the editorial history (``register`` registers it), the
JSON-LD of detail pages (``core.structured_data.StructuredDataMixin``), the page cache (``own_page``)
and the fixtures that ``make load``, the tests and the benchmarks load (``manage.py load_content``).
Django's own registries stay where they fit (``admin.site``, checks, URLconfs).

Content types are listed in the order their apps are installed (``settings.CONTENT_APPS``), then the
order each app registers them: the order of search results of equal rank, of the sitemap's sections
and list pages, and of loading the fixtures.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Model, QuerySet
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.history import register_history


@dataclass(frozen=True, eq=False)
class ContentType:
    model: type[Model]
    # A stable ASCII name: the search result's CSS class.
    key: str
    # What visitors call it (search results); the model's verbose name when not given.
    label: str | Promise | None = None
    # The URL name of its public list page, if it has one (the sitemap's list pages).
    list_url: str | None = None
    # The fixtures that ship its content (names in fixtures/), in load order. Each file is declared
    # once, by the type it is about, even when it also holds rows of other types (its sources).
    fixtures: list[str] = field(default_factory=list)
    # Many-to-many links whose changes are history too (an article's parks).
    history_m2m: list[str] = field(default_factory=list)
    # Shown with each search result, when the model has a date visitors know it by.
    date_field: str | None = None
    # When an object's page last changed: the latest of these fields (the sitemap's lastmod, and
    # its list page's).
    modified: tuple[str, ...] = ("updated_at",)
    # The /sitemap.xml section of its pages (when it has pages); the key when not given.
    sitemap_section: str | None = None
    # JSON-LD for its detail page: structured_data(obj, request) -> dict.
    structured_data: Callable[[Any, Any], dict] | None = None
    # Its objects have pages that show no other object of the type (an article's page): saving one
    # renews that object's pages and the lists, not every page of the type (the page cache).
    own_page: bool = False
    # (object, [what is missing]) for /admin/sources-missing/, from a queryset of public objects.
    gaps: Callable[[QuerySet], Iterable[tuple[Any, list]]] | None = None
    # Editors' saves go through review before they reach visitors (core/workflow/). Off only for
    # what visitors see solely through reviewed items (the picture library).
    reviewed: bool = True

    def __post_init__(self):
        if self.label is None:
            object.__setattr__(self, "label", capfirst(self.model._meta.verbose_name))
        if self.sitemap_section is None:
            object.__setattr__(self, "sitemap_section", self.key)

    def public(self) -> QuerySet:
        """What visitors may see: the model's ``published()`` where it has drafts, else every row."""
        manager = self.model._default_manager
        return manager.published() if hasattr(manager.get_queryset(), "published") else manager.all()

    def last_modified(self, obj):
        """When ``obj``'s page last changed (``modified``)."""
        return max(filter(None, (getattr(obj, name) for name in self.modified)), default=None)

    @property
    def has_page(self) -> bool:
        return bool(getattr(self.model, "url_name", None))

    @property
    def searchable(self) -> bool:
        return bool(getattr(self.model, "search_weights", None))


_registry: dict[type[Model], ContentType] = {}


def register(content_type: ContentType) -> ContentType:
    """Declares a content type, and gives it its editorial history (core/history.py)."""
    if content_type.model in _registry:
        raise ValueError(f"{content_type.model._meta.label} is registered twice.")
    _registry[content_type.model] = content_type
    register_history(content_type.model, m2m_fields=content_type.history_m2m)
    return content_type


def content_types() -> list[ContentType]:
    """Every declared content type, in the order the apps registered them."""
    return list(_registry.values())


def get(model) -> ContentType | None:
    return _registry.get(model)


def fixtures() -> list[str]:
    """The portal's content: every declared fixture, in the order to load them (``load_content``)."""
    return [name for content_type in content_types() for name in content_type.fixtures]


def without_sources(queryset):
    """``gaps`` for a type whose objects cite their ``sources`` (many-to-many): those that cite none."""
    for obj in queryset.annotate(n=Count("sources")).filter(n=0):
        yield obj, [_("sources")]
