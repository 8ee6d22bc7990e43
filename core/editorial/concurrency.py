"""Optimistic concurrency for the content admin: no silent lost updates.

Two editors open the same article; A saves a new title; B then saves a summary
from the form A's change never reached. Without a check B's save writes back
the old title. Every change form therefore carries a fingerprint of the object
as it was shown (a hash of its stored fields and many-to-many links, so no
version column is needed and a change made by any route, the shell or a
fixture too, is noticed). On save the fingerprint is compared with the row as
it is now; if they differ the save is refused with who changed it and when,
and the form is shown again with everything the editor typed.
"""

import hashlib
import json

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from core.translation_status import translated_fields

FIELD = "concurrency_fingerprint"


def fingerprint(obj) -> str:
    """A hash of what is stored for ``obj``: its columns and many-to-many links. modeltranslation's
    untranslated base columns (``title``) are left out: they read the active language."""
    if (revision := getattr(obj, "_revision", None)) is not None:
        # Shown as its open revision has it (core/workflow/admin.py): that revision's version.
        return hashlib.sha256(f"revision:{revision.pk}:{revision.version}".encode()).hexdigest()[:40]
    shadows = set(translated_fields(type(obj)))
    values = [
        (field.attname, field.value_to_string(obj))
        for field in obj._meta.concrete_fields
        if field.attname not in shadows
    ]
    for field in obj._meta.many_to_many:
        values.append((field.name, sorted(getattr(obj, field.name).values_list("pk", flat=True))))
    return hashlib.sha256(json.dumps(values, default=str).encode()).hexdigest()[:40]


def last_change(obj) -> tuple[str | None, object]:
    """Who last changed ``obj`` in the admin, and when: its open revision's last editor (the review
    workflow), else the admin's own log; the object's ``updated_at`` when neither knows (a change
    from a fixture or the shell)."""
    from core import workflow

    revision = getattr(obj, "_revision", None)
    if revision is None and workflow.covers(type(obj)):
        revision = workflow.open_revision(obj)
    if revision is not None and revision.updated_by is not None:
        return workflow.user_name(revision.updated_by), revision.updated_at
    entry = (
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    if entry is not None:
        return entry.user.get_full_name() or entry.user.get_username(), entry.action_time
    return None, getattr(obj, "updated_at", None)


def conflict_message(obj) -> str:
    who, when = last_change(obj)
    when = formats.date_format(timezone.localtime(when), "DATETIME_FORMAT") if when else ""
    if who:
        said = _("%(user)s changed this %(object)s at %(time)s, after you opened it.") % {
            "user": who,
            "object": obj._meta.verbose_name,
            "time": when,
        }
    else:
        said = _("This %(object)s was changed at %(time)s, after you opened it.") % {
            "object": obj._meta.verbose_name,
            "time": when,
        }
    return " ".join(
        [
            said,
            _(
                "Your changes have not been saved, so that theirs are not overwritten. What you typed is kept "
                "below: copy it, open the page again to see the current version, and make your change there."
            ),
        ]
    )


class ConcurrencyGuard:
    """Mixed into an admin change form (see guarded_form)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # A new item's form (a singleton's add form) is compared with what is stored for it.
            shown = self.stored() if self.instance.pk is None else self.instance
            self.fields[FIELD].initial = fingerprint(shown)

    @cached_property
    def changed_data(self):
        # The fingerprint is how the form was shown, not a change: without this, every save was one
        # (the admin's log and history's no-change rule read changed_data).
        return [name for name in super().changed_data if name != FIELD]

    def clean(self):
        cleaned = super().clean()
        seen = self.data.get(FIELD)
        stored = self.stored()
        if seen and seen != fingerprint(stored):
            raise ValidationError(conflict_message(stored), code="stale")
        return cleaned

    def stored(self):
        """The row as committed now (the instance will get the form's data in _post_clean).

        Inside the admin's transaction (changeform_view is atomic) the row is locked until
        this save commits: a save sent at the same instant waits for it, then sees it and is
        refused. Without the lock both would pass the check before either wrote. PostgreSQL;
        SQLite writes one transaction at a time and has no row locks."""
        from core import workflow

        instance = self.instance
        if instance.pk is None:
            # Nothing stored yet, but perhaps a new item's revision (a singleton's: the site details).
            if workflow.covers(type(instance)) and (pending := workflow.new_item_revision(type(instance))):
                shown = type(instance)()
                shown._revision = pending
                return shown
            return instance
        rows = type(instance)._default_manager.filter(pk=instance.pk)
        if transaction.get_connection(rows.db).in_atomic_block:
            rows = rows.select_for_update(of=("self",))
        stored = rows.first()
        if stored is None:
            return instance
        if workflow.covers(type(stored)):
            stored._revision = workflow.open_revision(stored)
        return stored


def guarded_form(form_class):
    """``form_class`` with the fingerprint as a hidden field (templates/admin/change_form.html renders it)."""
    return type(
        form_class.__name__,
        (ConcurrencyGuard, form_class),
        {FIELD: forms.CharField(widget=forms.HiddenInput, required=False)},
    )
