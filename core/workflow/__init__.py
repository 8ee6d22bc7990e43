"""Review before publishing (信息发布审核, 三审): writer, reviewer, approver.

Nothing an editor saves in the admin reaches the public site by itself. The save is a
``Revision`` (core/models/workflow.py) of the item; the writer submits it; a Reviewer approves it
(or rejects it with a reason); an Approver signs it off, which writes it to the live row. The live
row, and so every cache, is untouched until then. Site details choose one step (sign-off only) or
two (review, then sign-off). Superusers may publish directly: the trail says so.

Every transition is a function here, taking the user and the ``version`` of the revision the user
saw: an action on a page opened before someone else's change is refused (``WorkflowError``),
as is any action the user may not take (four eyes, the wrong step, a missing reason). Each writes
an ``AuditEntry`` and, after the commit, e-mails the people it concerns
(core/workflow/notifications.py).

Which content the workflow covers: every registered content type (core/registry.py) whose
declaration keeps ``reviewed=True``.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core import registry
from core.models import now
from core.models.workflow import AuditEntry, Revision
from core.workflow import snapshot

State = Revision.State
Action = AuditEntry.Action
REVIEW = "core.review_revision"
SIGN_OFF = "core.sign_off_revision"


class WorkflowError(ValidationError):
    """An action refused, with the reason to show the user."""


# How many steps: 2 (review, sign-off) unless the site details say 1 (about/apps.py sets this).
_steps = {"source": lambda: 2}


def steps_from(source):
    """``source()`` gives the number of steps (1 or 2) the site details choose."""
    _steps["source"] = source


def steps() -> int:
    return 1 if _steps["source"]() == 1 else 2


def covers(model) -> bool:
    declared = registry.get(model)
    return declared is not None and declared.reviewed


def has_status(model) -> bool:
    """Items of this model are public only once published (they have a ``status``)."""
    return hasattr(model, "Status") and any(f.name == "status" for f in model._meta.concrete_fields)


def may_withdraw(model) -> bool:
    return has_status(model) and hasattr(model.Status, "WITHDRAWN")


def is_live(obj) -> bool:
    """Whether visitors may see ``obj`` now, or will at its publication time (a published row)."""
    return obj.pk is not None and (not has_status(type(obj)) or obj.status == obj.Status.PUBLISHED)


def open_revision(obj) -> Revision | None:
    if obj.pk is None:
        return None
    return (
        Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, state__in=Revision.OPEN
        )
        .order_by("-pk")
        .first()
    )


def new_item_revision(model, pk=None) -> Revision | None:
    """An open revision of a new item of ``model``: revision ``pk`` (None when it is no such
    revision), else the latest (for a singleton, the one there is)."""
    revisions = Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=None, state__in=Revision.OPEN
    )
    if pk is not None:
        return revisions.filter(pk=pk).first() if str(pk).isdigit() else None
    return revisions.order_by("-pk").first()


def user_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def record(obj, action, user, comment="", changes=(), revision=None):
    """Writes one audit entry about ``obj`` (an item, or for a step of the workflow its revision:
    the entry is then about the revision's item); its e-mail goes after the commit."""
    from core.workflow import notifications

    if isinstance(obj, Revision):
        revision, model, object_id = obj, obj.model, obj.object_id
    else:
        model, object_id = type(obj), obj.pk
    entry = AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=object_id,  # empty for a new item until it is signed off
        object_repr=str(obj)[:200],
        revision=revision,
        action=action,
        user=user,
        user_name=user_name(user),
        comment=comment,
        changes=list(changes),
    )
    if notifications.concerns(entry):
        transaction.on_commit(lambda: notifications.send(entry.pk))
    return entry


# Who may do what.


def may_edit(user, revision: Revision | None) -> bool:
    """While an item waits, only the current step's reviewers may change it."""
    if revision is None or user.is_superuser:
        return True
    if revision.state == State.IN_REVIEW:
        return user.has_perm(REVIEW)
    if revision.state == State.AWAITING_SIGN_OFF:
        return user.has_perm(SIGN_OFF)
    return True


def involved_ids(revision) -> set:
    """Who wrote, edited or submitted it (user ids): four eyes keep them from approving it."""
    return {revision.created_by_id, revision.submitted_by_id, *revision.editors.values_list("pk", flat=True)} - {None}


def involved(user, revision) -> bool:
    return user.pk in involved_ids(revision)


def may_act(user, revision) -> dict[str, bool]:
    """The buttons this user may press on this revision now."""
    mine = involved(user, revision)
    waiting_for_me = (revision.state == State.IN_REVIEW and user.has_perm(REVIEW)) or (
        revision.state == State.AWAITING_SIGN_OFF and user.has_perm(SIGN_OFF)
    )
    return {
        # Its writer, or someone who edited it, sends it on; not anyone who may only look at it.
        "submit": revision.state in (State.DRAFT, State.REJECTED) and (user.is_superuser or mine),
        "cancel": revision.is_waiting and (user.pk in (revision.submitted_by_id, revision.created_by_id)),
        "approve": revision.state == State.IN_REVIEW and waiting_for_me and not mine,
        "sign_off": revision.state == State.AWAITING_SIGN_OFF and waiting_for_me and not mine,
        "reject": waiting_for_me and not mine,
    }


# The revision an editor's save makes.


def save_revision(obj, user, links=None, revision=None) -> Revision:
    """Stores ``obj`` as the form left it (``links``: its many-to-many fields from the form) in the
    item's open revision, or a new one; the live row stays as it is."""
    snapshot.commit_files(obj)
    data = snapshot.take(obj, links)
    with transaction.atomic():
        if revision is None and obj.pk is not None:
            revision = open_revision(obj)
        if revision is None:
            revision = Revision(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, created_by=user)
        else:
            revision = Revision.objects.select_for_update().get(pk=revision.pk)
            if not may_edit(user, revision):
                raise WorkflowError(_("This item is waiting for review: only its reviewers may change it now."))
            revision.version += 1
        revision.data = data
        revision.updated_by = user
        revision.object_repr = str(obj)[:200] or str(type(obj)._meta.verbose_name)
        revision.updated_at = now()
        revision.save()
        revision.editors.add(user)
    return revision


def live(revision):
    """The item as visitors see it now; None for a new item."""
    return revision.model._default_manager.filter(pk=revision.object_id).first() if revision.object_id else None


def preview(revision, obj=None):
    """The item as the revision would publish it, in memory (nothing is written). ``obj``: the
    live item, when it is loaded already (it is changed in memory)."""
    model = revision.model
    if obj is None:
        obj = live(revision) or model()
    snapshot.put(obj, revision.data)
    if has_status(model):
        obj.status = model.Status.PUBLISHED
    return obj


def live_data(revision, obj=None) -> dict:
    """The live item's fields as a revision stores them (``obj``: the live item, when loaded)."""
    obj = obj if obj is not None else live(revision)
    return snapshot.take(obj) if obj is not None else {}


def pending_changes(revision) -> list:
    """What signing the revision off would change on the live item, field by field."""
    return snapshot.changes(revision.model, live_data(revision), revision.data)


# Transitions.


def _locked(revision, version):
    current = Revision.objects.select_for_update().select_related("content_type").get(pk=revision.pk)
    if version is not None and int(version) != current.version:
        raise WorkflowError(
            _(
                "This item changed after you opened it (someone saved or acted on it). Nothing was done: "
                "open it again to see the current version."
            )
        )
    return current


def _step_after_submit():
    return State.IN_REVIEW if steps() == 2 else State.AWAITING_SIGN_OFF


@transaction.atomic
def submit(revision, user, version=None):
    revision = _locked(revision, version)
    if revision.state not in (State.DRAFT, State.REJECTED):
        raise WorkflowError(_("This item has already been submitted."))
    if not may_act(user, revision)["submit"]:
        raise WorkflowError(_("Only its writer, or someone who edited it, may submit it."))
    revision.state = _step_after_submit()
    revision.submitted_by, revision.submitted_at = user, now()
    revision.reviewed_by = None
    revision.version += 1
    revision.save()
    record(revision, Action.SUBMITTED, user, changes=pending_changes(revision))
    return revision


@transaction.atomic
def cancel(revision, user, version=None):
    revision = _locked(revision, version)
    if not may_act(user, revision)["cancel"]:
        raise WorkflowError(_("Only its writer may take back a submission that is waiting."))
    revision.state = State.DRAFT
    revision.version += 1
    revision.save()
    record(revision, Action.CANCELLED, user)
    return revision


def _refuse_unless(allowed, user, revision):
    if allowed:
        return
    if involved(user, revision) and revision.is_waiting:
        raise WorkflowError(_("You wrote or edited this revision: someone else must approve it (four eyes)."))
    raise WorkflowError(_("This item is not waiting for you."))


@transaction.atomic
def approve(revision, user, version=None, comment=""):
    revision = _locked(revision, version)
    _refuse_unless(may_act(user, revision)["approve"], user, revision)
    revision.state = State.AWAITING_SIGN_OFF
    revision.reviewed_by = user
    revision.version += 1
    revision.save()
    record(revision, Action.APPROVED, user, comment)
    return revision


@transaction.atomic
def reject(revision, user, comment, version=None):
    if not (comment or "").strip():
        raise WorkflowError(_("Say why: a rejection needs a comment for the writer."))
    revision = _locked(revision, version)
    _refuse_unless(may_act(user, revision)["reject"], user, revision)
    revision.state = State.REJECTED
    revision.comment = comment.strip()
    revision.version += 1
    revision.save()
    record(revision, Action.REJECTED, user, revision.comment)
    return revision


@transaction.atomic
def sign_off(revision, user, version=None, comment=""):
    """Approve and publish: the revision becomes the live item (with a future publication time, it
    appears by itself at that time)."""
    revision = _locked(revision, version)
    _refuse_unless(may_act(user, revision)["sign_off"], user, revision)
    model = revision.model
    obj = live(revision)
    before = live_data(revision, obj)
    obj = preview(revision, obj)
    # A new item's slug was free when it was written; another item may have taken it since.
    if (
        revision.object_id is None
        and hasattr(obj, "make_slug")
        and model._default_manager.filter(slug=obj.slug).exists()
    ):
        obj.slug = obj.make_slug()
    obj.full_clean(validate_unique=True, validate_constraints=True)
    obj._history_user = user  # the history's version is the approver's (django-simple-history)
    obj.save()
    snapshot.write_links(obj, revision.data)
    if revision.object_id is None:  # a new item: its trail so far is now the item's
        AuditEntry.objects.filter(revision=revision, object_id=None).update(object_id=obj.pk)
    revision.object_id = obj.pk
    revision.object_repr = str(obj)[:200]
    revision.state = State.PUBLISHED
    revision.version += 1
    revision.save()
    record(obj, Action.PUBLISHED, user, comment, snapshot.changes(model, before, revision.data), revision=revision)
    return obj


def deleted(obj, user):
    """An item deleted in the admin (by Editors, who keep that right): the trail keeps it; a revision
    of it still open goes with it (signed off, it would make the item again)."""
    live = type(obj)._default_manager.filter(pk=obj.pk).first() or obj  # (the form showed its revision)
    record(live, Action.DELETED, user)
    Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, state__in=Revision.OPEN
    ).delete()


def publish_directly(obj, user, before: dict, links=None):
    """A superuser's save, already written: recorded as published without review when visitors can
    see the result."""
    if is_live(obj):
        record(obj, Action.DIRECT, user, changes=snapshot.changes(type(obj), before, snapshot.take(obj, links)))


@transaction.atomic
def withdraw(obj, user, reason):
    """撤稿: the item leaves the public site (its address answers 410 Gone)."""
    model = type(obj)
    if not user.has_perm(SIGN_OFF):
        raise WorkflowError(_("Only an Approver may withdraw an item."))
    if not may_withdraw(model):
        raise WorkflowError(_("Items of this kind cannot be withdrawn."))
    if not (reason or "").strip():
        raise WorkflowError(_("Give the reason for the withdrawal."))
    obj = model._default_manager.select_for_update().get(pk=obj.pk)
    if obj.status == model.Status.WITHDRAWN:
        raise WorkflowError(_("This item has already been withdrawn."))
    old = obj.get_status_display()
    obj.status = model.Status.WITHDRAWN
    obj._history_user = user
    obj.save()
    label = str(snapshot.label(model._meta.get_field("status")))
    record(obj, Action.WITHDRAWN, user, reason.strip(), [[label, str(old), str(obj.get_status_display())]])
    return obj


def awaiting(user):
    """The revisions waiting for this user's steps, which they may act on (not their own)."""
    states = [s for s, perm in ((State.IN_REVIEW, REVIEW), (State.AWAITING_SIGN_OFF, SIGN_OFF)) if user.has_perm(perm)]
    if not states:
        return Revision.objects.none()
    return (
        Revision.objects.filter(state__in=states)
        .exclude(submitted_by=user)
        .exclude(created_by=user)
        .exclude(editors=user)
        .select_related("content_type", "submitted_by")
        .order_by("submitted_at", "pk")
    )
