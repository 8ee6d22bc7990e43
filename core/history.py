"""Editorial history (django-simple-history) for translated content models.

History is registered here, from each app's ``ready()``, rather than with a
``history = HistoricalRecords()`` attribute on the model: that attribute builds
the history table when the model class is created, before modeltranslation has
added the ``title_en`` / ``title_zh_hans`` columns, and the history would miss
every translation. ``modeltranslation`` comes first in INSTALLED_APPS, so by
the time another app's ``ready()`` runs the columns exist.

The untranslated base columns (``title``) are left out: modeltranslation keeps
them only as a shadow of the active language, and they would show each change
twice.
"""

import contextlib
import contextvars
from collections import defaultdict

import simple_history
from django.db.models.signals import post_save

from core import translation_status

FIXTURE_REASON = "loaddata"
# Set on every load, so not a change of content.
UNTRACKED_FOR_FIXTURES = {"created_at", "updated_at"}


def register_history(model):
    simple_history.register(model, excluded_fields=translation_status.translated_fields(model))
    post_save.connect(record_fixture_load, sender=model, dispatch_uid=f"fixture-history-{model._meta.label}")


def record_fixture_load(sender, instance, raw=False, created=False, **kwargs):
    """django-simple-history records nothing for ``loaddata`` (raw saves). Record
    a version when a fixture creates or changes an object, so that content
    imported by ``make run`` has a first version to restore; loading an
    unchanged fixture again adds nothing."""
    if not raw:
        return
    history = sender.history
    latest = None
    if not created:  # a new object has no history to compare with
        latest = (
            history.filter(**{sender._meta.pk.attname: instance.pk}).order_by("-history_date", "-history_id").first()
        )
    if latest is not None:
        names = [f.attname for f in history.model.tracked_fields if f.attname not in UNTRACKED_FOR_FIXTURES]
        if all(getattr(latest, name) == getattr(instance, name) for name in names):
            return
    pending = _pending_versions.get()
    if pending is None:
        history.bulk_history_create([instance], update=latest is not None, default_change_reason=FIXTURE_REASON)
    else:
        pending[sender, latest is not None].append(instance)


# Versions recorded during one `loaddata`, written together at its end (see batched_versions).
_pending_versions = contextvars.ContextVar("pending_versions", default=None)


@contextlib.contextmanager
def batched_versions():
    """Within this block, the versions of loaded objects are written in one INSERT per model at
    the end rather than one per object: an import of 10,000 articles writes them in seconds.
    Used inside loaddata's transaction, so a failed load writes none."""
    pending = defaultdict(list)
    token = _pending_versions.set(pending)
    try:
        yield
    finally:
        _pending_versions.reset(token)
    for (model, update), instances in pending.items():
        model.history.bulk_history_create(
            instances, update=update, default_change_reason=FIXTURE_REASON, batch_size=500
        )
