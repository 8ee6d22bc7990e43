"""The content version: random tokens that every stored page records, drawn anew when content
changes (at the commit of any save, delete or many-to-many change of a content model), so that
a page rendered from older data is never served again (core/pagecache/__init__.py)."""

import functools
import logging
import secrets
import threading

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from simple_history.models import HistoricalChanges

from core import registry

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"
SHARED_KEY = "page-cache:version:shared"
# Lives longer than any page; if it is lost (eviction, a Redis restart), a new token is drawn and
# every page is rendered again once: never an old page.
VERSION_SECONDS = 24 * 3600
# More own pages than this changed in one transaction (loaddata), and it invalidates everything.
MAX_OBJECTS = 20


@functools.cache
def content_models() -> frozenset:
    """Models whose changes can change a public page: every model of settings.CONTENT_APPS (the
    apps backups export), many-to-many tables included, but not their editorial history.
    Inquiries, accounts, sessions and the admin log are not content: saving them must not
    empty the cache."""
    return frozenset(
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not issubclass(model, HistoricalChanges)
    )


def has_own_pages(model) -> bool:
    """Whether an object's pages show no other object of its kind (an article's page): its
    content type says so (``ContentType.own_page``)."""
    return getattr(registry.get(model), "own_page", False)


def next_publication() -> float | None:
    """When the next scheduled item becomes public (a timestamp), from every content queryset
    that can tell (``ArticleQuerySet.next_publication``)."""
    times = []
    for model in content_models():
        queryset = model._default_manager.all()
        if hasattr(queryset, "next_publication") and (due := queryset.next_publication()):
            times.append(due.timestamp())
    return min(times, default=None)


def new_version(shared: bool = True, objects=()) -> dict:
    """Draw a new site version (every page but own pages is stale from now on), and a new shared
    version (every page) or new versions of some objects' own pages. Random tokens, not counters,
    so that concurrent edits never agree on one value and a lost key is never reused. Returns
    what it set."""
    values = {VERSION_KEY: (secrets.token_hex(8), next_publication())}
    values.update({key: secrets.token_hex(8) for key in [*([SHARED_KEY] if shared else []), *objects]})
    cache.set_many(values, VERSION_SECONDS)
    return values


def object_key(model, slug: str) -> str:
    """The version of one object's own pages (read by the middleware: ``own_page_key``): by slug,
    as its URL names it."""
    return f"page-cache:version:{model._meta.label_lower}:{slug}"


# Set when an invalidation failed during the current request (see InvalidationNoticeMiddleware).
_failed = threading.local()


class Invalidation:
    """Make stale, at once: every stored page (``objects`` empty), or the pages that list content
    and the own pages of these objects (``object_key``s). Equal when their objects are, so that a
    transaction registers each once. Never raises: an edit must not fail for the cache."""

    def __init__(self, objects=frozenset()):
        self.objects = frozenset(objects)
        self.ran = False  # tests' captured callbacks stay in run_on_commit after they ran

    def __eq__(self, other):
        return isinstance(other, Invalidation) and other.objects == self.objects

    def __hash__(self):
        return hash(self.objects)

    def __repr__(self):
        return f"Invalidation({sorted(self.objects) or 'every page'})"

    def __call__(self):
        self.ran = True
        try:
            new_version(shared=not self.objects, objects=self.objects)
        except Exception:
            logger.warning("Could not invalidate the page cache", exc_info=True)
            _failed.invalidation = True


invalidate = Invalidation()


def invalidate_on_commit(objects=frozenset(), using=DEFAULT_DB_ALIAS):
    """Invalidate when the current transaction commits (at once outside one), so that no page
    rendered from the data before the commit survives it; once per transaction and object,
    however many times it saves them (loaddata of 10,000 articles: once, everything)."""
    connection = transaction.get_connection(using)
    # One registered at this savepoint level (or an outer one) is dropped only with it, if rolled back.
    level = set(connection.savepoint_ids)
    pending = [
        callback
        for ids, callback, *_rest in connection.run_on_commit
        if ids <= level and isinstance(callback, Invalidation) and not callback.ran
    ]
    if invalidate in pending or objects and any(objects <= entry.objects for entry in pending):
        return
    if objects and len(pending) >= MAX_OBJECTS:
        objects = frozenset()
    transaction.on_commit(Invalidation(objects), using=using)


def changed_objects(instance, reverse) -> frozenset:
    """The own pages a change is confined to, or nothing when it may show on any page: the
    object's, for a save, delete or many-to-many change of one object of a model with own pages
    (an article's page shows no other article). A slug changed since the object was read leaves
    a page at the old address to make stale too."""
    model = type(instance)
    if reverse or not has_own_pages(model):  # reverse: a park's articles changed
        return frozenset()
    slugs = {instance.slug, getattr(instance, "_loaded_slug", instance.slug)}
    return frozenset(object_key(model, slug) for slug in slugs if slug)


def content_changed(sender, instance=None, using=DEFAULT_DB_ALIAS, action="post_", reverse=False, **kwargs):
    """post_save, post_delete and m2m_changed (whose ``action`` is pre_… or post_…)."""
    if action.startswith("post_") and sender in content_models():
        invalidate_on_commit(changed_objects(instance, reverse), using)


def migrated(**kwargs):
    # Data migrations use historical models, unknown to content_changed; and every deploy migrates.
    invalidate()
