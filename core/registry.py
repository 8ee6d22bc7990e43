"""The content types, each declared once by its own app.

A content app describes each model visitors read in one ``ContentType`` and registers it from its
``AppConfig.ready()``::

    class NewsConfig(AppConfig):
        name = "news"

        def ready(self):
            from core import registry
            from news.models import Article

            registry.register(
                registry.ContentType(
                    Article,
                    key="article",
                    label=_("News"),
                    list_url="news:list",
                    fixtures=["news"],
                    history_m2m=["parks"],
                )
            )

Shared code reads these declarations instead of naming apps: the sitemap, search, the lists of
translations and gaps for editors, history, the page cache, the fixtures that ``make run`` and the
tests load. Django's own registries stay where they fit (``admin.site``, checks, URLconfs).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.functional import Promise


@dataclass(frozen=True, eq=False)
class ContentType:
    model: type[Model]
    # A stable ASCII name: the sitemap section, the search result's CSS class.
    key: str
    # What visitors call it (search results, the site map).
    label: str | Promise
    # The URL name of its public list page, if it has one (the sitemap's list pages).
    list_url: str | None = None
    # The fixtures that ship its content (names in fixtures/), in load order.
    fixtures: list[str] = field(default_factory=list)
    # Many-to-many links whose changes are history too (an article's parks).
    history_m2m: list[str] = field(default_factory=list)
    # Shown with each search result, when the model has a date visitors know it by.
    date_field: str | None = None
    # JSON-LD for its detail page: structured_data(obj, request) -> dict.
    structured_data: Callable[[Any, Any], dict] | None = None
    # Its objects have pages that show no other object of the type (an article's page): saving one
    # renews that object's pages and the lists, not every page of the type (the page cache).
    own_page: bool = False
    # (object, [what is missing]) for /admin/sources-missing/, from a queryset of public objects.
    gaps: Callable[[QuerySet], Iterable[tuple[Any, list]]] | None = None

    def public(self) -> QuerySet:
        """What visitors may see: the model's ``published()`` where it has drafts, else every row."""
        manager = self.model._default_manager
        return manager.published() if hasattr(manager.get_queryset(), "published") else manager.all()

    @property
    def has_page(self) -> bool:
        return bool(getattr(self.model, "url_name", None))

    @property
    def searchable(self) -> bool:
        return bool(getattr(self.model, "search_weights", None))


_registry: dict[type[Model], ContentType] = {}


def register(content_type: ContentType) -> ContentType:
    if content_type.model in _registry:
        raise ValueError(f"{content_type.model._meta.label} is registered twice.")
    _registry[content_type.model] = content_type
    return content_type


def content_types() -> list[ContentType]:
    """Every declared content type, in the order the apps registered them."""
    return list(_registry.values())


def get(model) -> ContentType | None:
    return _registry.get(model)
