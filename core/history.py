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

import simple_history
from django.db.models.signals import post_save

from core import translation_status

FIXTURE_REASON = "loaddata"
# Set on every load, so not a change of content.
UNTRACKED_FOR_FIXTURES = {"created_at", "updated_at"}


def register_history(model):
    simple_history.register(model, excluded_fields=translation_status.translated_fields(model))
    post_save.connect(record_fixture_load, sender=model, dispatch_uid=f"fixture-history-{model._meta.label}")


def record_fixture_load(sender, instance, raw=False, **kwargs):
    """django-simple-history records nothing for ``loaddata`` (raw saves). Record
    a version when a fixture creates or changes an object, so that content
    imported by ``make run`` has a first version to restore; loading an
    unchanged fixture again adds nothing."""
    if not raw:
        return
    history = sender.history
    latest = history.filter(**{sender._meta.pk.attname: instance.pk}).order_by("-history_date", "-history_id").first()
    if latest is not None:
        names = [f.attname for f in history.model.tracked_fields if f.attname not in UNTRACKED_FOR_FIXTURES]
        if all(getattr(latest, name) == getattr(instance, name) for name in names):
            return
    history.bulk_history_create([instance], update=latest is not None, default_change_reason=FIXTURE_REASON)
