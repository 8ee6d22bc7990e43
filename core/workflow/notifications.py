"""The review workflow's e-mails (issue 25, point 10).

Who is told what:

- *Submitted*: the members of the step the item now waits for (Reviewers, or Approvers when the
  site has one step), so they know something waits for them.
- *Approved* (two steps): the Approvers, for the sign-off.
- *Rejected*: the writer (who wrote and who submitted the revision), with the reason.
- *Signed off and published*: the writer.

A step's members are the active staff with an e-mail address who hold the step's permission
(``core.review_revision``, ``core.sign_off_revision``) through a group or by themselves. A
superuser holds every permission, but being told about every item of every step is noise: the
superusers are e-mailed only when nobody else holds the step's permission, so that an item never
waits unseen. Nobody is told about an action they took, nor asked to act on a revision they
wrote, edited or submitted (four eyes: they could not).

Each recipient reads the e-mail in their admin language (``core.editorial.admin_language``), with
a link to the revision's review page. The e-mail goes after the action is committed
(``core.workflow.record``) and never undoes or blocks it: a failure is recorded on the audit entry
(``notification_error``, ``notified_at`` left empty), and ``manage.py retry_workflow_notifications``
sends it again. A request for action that was answered meanwhile (another action on the same
revision followed it) is no longer owed. An action with nobody to e-mail (a writer without an
address) is settled with the reason in ``notification_error``: retrying would not change it.

The links are absolute when ``SITE_URL`` is set (the address staff open the admin at), else paths.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core import workflow
from core.editorial.admin_language import by_language
from core.models import now
from core.models.workflow import AuditEntry, Revision

logger = logging.getLogger(__name__)

Action = AuditEntry.Action
NOTIFIED = (Action.SUBMITTED, Action.APPROVED, Action.REJECTED, Action.PUBLISHED)
# Asks someone to act: owed only while nothing else has happened to the revision.
REQUESTS = (Action.SUBMITTED, Action.APPROVED)
STEP_PERMISSION = {Revision.State.IN_REVIEW: "review_revision", Revision.State.AWAITING_SIGN_OFF: "sign_off_revision"}


def concerns(entry) -> bool:
    """Whether this action e-mails anyone."""
    return entry.action in NOTIFIED and entry.revision_id is not None


def owed():
    """The entries whose e-mail has not gone and is still worth sending."""
    later = AuditEntry.objects.filter(revision=OuterRef("revision"), pk__gt=OuterRef("pk"))
    return (
        AuditEntry.objects.filter(action__in=NOTIFIED, revision__isnull=False, notified_at__isnull=True)
        .exclude(Q(action__in=REQUESTS) & Exists(later))
        .order_by("time", "pk")
    )


def due_for_retry(grace=datetime.timedelta(minutes=5)):
    """Owed e-mails that failed, and those older than ``grace`` that never ran (the worker died
    before the commit's callback); younger ones may still be on their way."""
    return owed().filter(~Q(notification_error="") | Q(time__lte=now() - grace))


def step(entry) -> str | None:
    """The permission codename of the step a request waits for."""
    if entry.action == Action.APPROVED:
        return STEP_PERMISSION[Revision.State.AWAITING_SIGN_OFF]
    if entry.action == Action.SUBMITTED:
        return STEP_PERMISSION.get(entry.revision.state)
    return None


def recipients(entry) -> list:
    """The users to e-mail about ``entry`` (see the module's docstring)."""
    revision = entry.revision
    reachable = get_user_model().objects.filter(is_active=True).exclude(email="").exclude(pk=entry.user_id)
    if entry.action in (Action.REJECTED, Action.PUBLISHED):
        writers = {revision.created_by_id, revision.submitted_by_id} - {None}
        return list(reachable.filter(pk__in=writers).order_by("pk"))
    codename = step(entry)
    if codename is None:
        return []
    permission = Permission.objects.get(content_type__app_label="core", codename=codename)
    members = reachable.filter(is_staff=True).exclude(pk__in=workflow.involved_ids(revision)).order_by("pk")
    holders = members.filter(Q(groups__permissions=permission) | Q(user_permissions=permission)).distinct()
    return list(holders) or list(members.filter(is_superuser=True))


def review_path(entry) -> str:
    return reverse("workflow_review", args=[entry.revision_id])


def subject(entry) -> str:
    item = entry.object_repr
    if entry.action == Action.REJECTED:
        return _("Returned to you: %(item)s") % {"item": item}
    if entry.action == Action.PUBLISHED:
        return _("Published: %(item)s") % {"item": item}
    if step(entry) == STEP_PERMISSION[Revision.State.IN_REVIEW]:
        return _("Waiting for your review: %(item)s") % {"item": item}
    return _("Waiting for your sign-off: %(item)s") % {"item": item}


def build_message(entry, language, to, base_url="") -> EmailMessage:
    with translation.override(language):
        model = entry.content_type.model_class()
        body = render_to_string(
            "core/email/workflow_notification.txt",
            {
                "entry": entry,
                "kind": model._meta.verbose_name if model else entry.content_type.model,
                "step": step(entry),
                "url": f"{base_url.rstrip('/')}{review_path(entry)}",
            },
        )
        return EmailMessage(subject=subject(entry), body=body, to=to)


def build_messages(entry, base_url="") -> list[EmailMessage]:
    """One message per language among the recipients."""
    addresses = [user.email for user in recipients(entry)]
    return [build_message(entry, language, to, base_url) for language, to in by_language(addresses).items()]


def send(entry_id, base_url=None) -> bool:
    """E-mails the people ``entry_id`` concerns, if still owed, and records the outcome. Never
    raises. Returns False when the e-mail failed (and is left to retry)."""
    base_url = settings.SITE_URL if base_url is None else base_url
    entry = owed().select_related("revision", "content_type").filter(pk=entry_id).first()
    if entry is None:
        return True
    try:
        messages = build_messages(entry, base_url)
        for message in messages:
            message.send()
    except Exception as exc:  # noqa: BLE001 - any failure is recorded; the action itself is committed
        logger.exception("Review workflow e-mail for audit entry %s failed", entry.pk)
        error = f"{now():%Y-%m-%d %H:%M} {type(exc).__name__}: {exc}"[:1000]
        AuditEntry.objects.filter(pk=entry.pk).update(notification_error=error)
        return False
    note = "" if messages else "Nobody to e-mail: no active user with an e-mail address concerned."
    if note:
        logger.warning("Review workflow e-mail for audit entry %s: %s", entry.pk, note)
    AuditEntry.objects.filter(pk=entry.pk).update(notified_at=now(), notification_error=note)
    return True
