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
import dataclasses
from collections import defaultdict

import simple_history
from django.db import models
from django.db.models.signals import post_save, pre_save
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.template_utils import HistoricalRecordContextHelper, ObjDiffDisplay

from core import translation_status
from core.i18n import languages

FIXTURE_REASON = "loaddata"
# Set on every load, so not a change of content.
UNTRACKED_FOR_FIXTURES = {"created_at", "updated_at"}


def register_history(model, m2m_fields=()):
    """``m2m_fields``: many-to-many links whose changes are history too (an article's parks)."""
    opts = model._meta
    simple_history.register(
        model,
        excluded_fields=translation_status.translated_fields(model),
        m2m_fields=list(m2m_fields),
        # simple-history writes "historical {}" untranslated: "Historical 企业" in a Chinese admin.
        # In English (migrations' state) the name stays what simple-history makes it.
        verbose_name=format_lazy(gettext_lazy("historical {}"), opts.verbose_name),
        verbose_name_plural=format_lazy(gettext_lazy("historical {}"), opts.verbose_name_plural),
    )
    pre_save.connect(normalise_line_endings, sender=model, dispatch_uid=f"line-endings-{opts.label}")
    post_save.connect(record_fixture_load, sender=model, dispatch_uid=f"fixture-history-{opts.label}")


def normalise_line_endings(sender, instance, **kwargs):
    """Text is stored with LF only. A browser sends a textarea's lines with CRLF, a fixture has LF:
    without this, saving a form unchanged, or importing a file written on Windows, would be a change
    in history and in the audit trail. A pre_save handler, because loaddata's raw saves skip
    ``Model.save()`` but not the signal."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and "\r" in value:
                setattr(instance, field.attname, normalised(value))


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def record_fixture_load(sender, instance, raw=False, created=False, **kwargs):
    """django-simple-history records nothing for ``loaddata`` (raw saves). Record
    a version when a fixture creates or changes an object, so that content
    imported by ``make run`` has a first version to restore; loading an
    unchanged fixture again adds nothing."""
    if not raw:
        return
    # The loader sets many-to-many links after this save; simple-history would record each as a
    # further version of the same load. The version recorded here stands for the load.
    instance.skip_history_when_saving = True
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
    record_imports([instance for instances in pending.values() for instance in instances])


def record_imports(instances):
    """The audit trail's "imported" entry (issue 25, point 15) for each object a fixture created or
    changed, of the types the review workflow covers: the content came in approved, without anyone's
    review. Written with the versions, so only by the portal's loaddata: a test database restoring
    its rows (also raw saves) imports nothing."""
    from django.contrib.contenttypes.models import ContentType

    from core.models import now
    from core.models.workflow import AuditEntry
    from core.workflow import covers

    time = now()
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                content_type=ContentType.objects.get_for_model(type(instance)),
                object_id=instance.pk,
                object_repr=str(instance)[:200],
                action=AuditEntry.Action.IMPORTED,
                time=time,
            )
            for instance in instances
            if covers(type(instance))
        ],
        batch_size=500,
    )


def localized_label(verbose_name, code) -> str:
    """A translation column's label: "标题 [中文]", "Title [English]"."""
    return f"{capfirst(verbose_name)} [{languages.ADMIN_NAMES.get(code, code)}]"


class TranslatedDiffDisplay(ObjDiffDisplay):
    """A long value is shortened around what changed, "[184 chars]" standing for the rest."""

    def shortened_str(self, prefix: str, num_skipped_chars: int, suffix: str) -> str:
        skipped = _("%(count)d chars") % {"count": num_skipped_chars}
        return f"{prefix}[{skipped}]{suffix}"


class TranslatedHistoryContextHelper(HistoricalRecordContextHelper):
    """The History page's list of changes in the reader's language: field names
    as the form labels them ("标题 [中文]"), choices by their label (草稿 → 已发布),
    an empty value as "—" rather than "None", and what a shortened value leaves out."""

    def get_obj_diff_display(self):
        return TranslatedDiffDisplay(max_length=self.max_displayed_delta_change_chars)

    def format_delta_change(self, change):
        formatted = super().format_delta_change(change)
        field = self.model._meta.get_field(change.field)
        language = getattr(field, "language", None)
        if language:
            formatted = dataclasses.replace(
                formatted, field=localized_label(field.translated_field.verbose_name, language)
            )
        return formatted

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value in (None, ""):
            return "—"
        if getattr(field, "flatchoices", None):
            return dict(field.flatchoices).get(value, value)
        return super().prepare_delta_change_value(change, value)


def change_reason_label(reason):
    return {FIXTURE_REASON: _("Imported from a fixture")}.get(reason, reason)
