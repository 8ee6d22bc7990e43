"""The review workflow in every content admin (part of ``core.editorial.admin.EditorialAdminMixin``).

For a user who is not a superuser, saving a content item writes a revision, never the live row:
the change form shows the item as its open revision has it, and "Submit for review" sends it on.
While it waits, the form is read-only but for the current step's reviewers. The workflow's own
field, ``status``, is read-only for everyone but superusers; it changes only by sign-off and
withdrawal. A superuser's save is written at once and recorded as published without review.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.forms.models import model_to_dict
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core import workflow
from core.models.workflow import AuditEntry, Revision
from core.workflow import snapshot

SUBMIT = "_submit_for_review"


class WorkflowAdminMixin:
    def workflow_applies(self, request) -> bool:
        return workflow.covers(self.model) and not request.user.is_superuser

    def writes_whole_items(self, request) -> bool:
        """A writer sets everything an item has (slug, parks, publication time), and so may its
        reviewers; a Translator, text only (``may_change_locked_fields``)."""
        user = request.user
        opts = self.model._meta
        return workflow.covers(self.model) and (
            user.has_perm(f"{opts.app_label}.add_{opts.model_name}")
            or user.has_perm(workflow.REVIEW)
            or user.has_perm(workflow.SIGN_OFF)
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self.workflow_applies(request) and workflow.has_status(self.model) and "status" not in fields:
            fields.append("status")  # sign-off and withdrawal set it
        return fields

    # The item as its open revision has it.

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and workflow.covers(self.model):
            obj._revision = workflow.open_revision(obj)
            if obj._revision is not None:
                snapshot.put(obj, obj._revision.data)
        return obj

    def new_item_revision(self, request) -> Revision | None:
        """A new item's revision, edited on the add form (``?revision=<id>``)."""
        pk = request.GET.get("revision")
        if not workflow.covers(self.model):
            return None
        if not pk:
            # One row only (the site details): its add form edits the one new-item revision there is.
            return workflow.new_item_revision(self.model) if self.singleton else None
        # (Not found: an empty add form. The parameter is also in the URL when this admin is asked
        # about a related model's add permission.)
        return workflow.new_item_revision(self.model, pk)

    def get_changeform_initial_data(self, request):
        revision = self.new_item_revision(request)
        if revision is None:
            return super().get_changeform_initial_data(request)
        obj = snapshot.put(self.model(), revision.data)
        initial = model_to_dict(obj)
        initial.update({f.name: revision.data.get(f.name, []) for f in snapshot.m2m_fields(self.model)})
        return initial

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        revision = getattr(obj, "_revision", None)
        return allowed and workflow.may_edit(request.user, revision)

    def has_add_permission(self, request):
        allowed = super().has_add_permission(request)
        if allowed and request.GET.get("revision") and workflow.covers(self.model):
            return workflow.may_edit(request.user, self.new_item_revision(request))
        return allowed

    # Saving.

    def save_model(self, request, obj, form, change):
        if not self.workflow_applies(request):
            stored = type(obj)._default_manager.filter(pk=obj.pk).first() if change else None
            request._workflow_before = snapshot.take(stored) if stored is not None else {}
            return super().save_model(request, obj, form, change)
        # Nothing below writes the live item, its links included: not even django-simple-history's
        # restore form, which saves them itself.
        if form is not None:
            form.save_m2m = lambda: None
        revision = getattr(obj, "_revision", None) or self.new_item_revision(request)
        submitting = SUBMIT in request.POST
        if change and revision is None and not submitting and form is not None and not form.has_changed():
            obj._workflow = "unchanged"  # saved as shown: no revision ("No fields changed." in the log)
            return
        cleaned = form.cleaned_data if form is not None else {}
        links = {f.name: cleaned[f.name] for f in snapshot.m2m_fields(self.model) if f.name in cleaned}
        revision = workflow.save_revision(obj, request.user, links, revision=revision)
        if submitting:
            revision = workflow.submit(revision, request.user)
        obj._workflow, obj._workflow_revision = ("submitted" if submitting else "saved"), revision

    def save_related(self, request, form, formsets, change):
        if getattr(form.instance, "_workflow", None) is not None:
            return  # the links are in the revision
        super().save_related(request, form, formsets, change)
        if workflow.covers(self.model) and hasattr(request, "_workflow_before"):
            workflow.publish_directly(form.instance, request.user, request._workflow_before)
            if (revision := getattr(form.instance, "_revision", None)) is not None:
                # Published over a pending revision: what it proposed is either in this save or dropped.
                Revision.objects.filter(pk=revision.pk).update(state=Revision.State.PUBLISHED)

    def delete_model(self, request, obj):
        if workflow.covers(self.model):
            workflow.deleted(obj, request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        if workflow.covers(self.model):
            for obj in queryset:
                workflow.deleted(obj, request.user)
        super().delete_queryset(request, queryset)

    def log_addition(self, request, obj, message):
        if getattr(obj, "_workflow_revision", None) is None:
            return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        if getattr(obj, "_workflow_revision", None) is None:
            return super().log_change(request, obj, message)

    def _after_revision(self, request, obj):
        opts = self.model._meta
        if obj._workflow == "unchanged":
            messages.info(request, _("Nothing was changed."))
            return HttpResponseRedirect(request.path)
        revision = obj._workflow_revision
        if obj._workflow == "submitted":
            messages.success(
                request,
                _("Submitted for review. Visitors see nothing of it until it is signed off."),
            )
        elif revision.is_waiting:
            messages.success(request, _("Saved. It is still waiting for review; visitors see nothing of it yet."))
        elif revision.object_id:
            messages.success(
                request,
                _("Saved as a draft revision. Visitors still see the published version until it is signed off."),
            )
        else:
            messages.success(request, _("Saved as a draft. Submit it for review when it is ready."))
        if revision.object_id:
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[revision.object_id])
            )
        if revision.is_waiting:  # a new item waiting for review: its review page (the form is locked)
            return HttpResponseRedirect(reverse("workflow_review", args=[revision.pk]))
        return HttpResponseRedirect(f"{request.path}?revision={revision.pk}")

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(obj, "_workflow", None) is not None:
            return self._after_revision(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(obj, "_workflow", None) is not None:
            return self._after_revision(request, obj)
        return super().response_change(request, obj)

    # What the form shows.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if workflow.covers(self.model):
            revision = getattr(obj, "_revision", None) if obj is not None else self.new_item_revision(request)
            entries = (
                AuditEntry.objects.filter(
                    content_type=ContentType.objects.get_for_model(self.model), object_id=obj.pk
                ).order_by("-time", "-pk")[:20]
                if obj is not None and obj.pk
                else AuditEntry.objects.filter(revision=revision)[:20]
                if revision is not None
                else []
            )
            context["workflow"] = {
                "applies": self.workflow_applies(request),
                "revision": revision,
                "actions": workflow.may_act(request.user, revision) if revision is not None else {},
                "entries": list(entries),
                "submit": SUBMIT,
                "live": obj is not None and workflow.is_live(obj),
                "may_withdraw": (
                    obj is not None
                    and workflow.may_withdraw(self.model)
                    and obj.pk
                    and obj.status != self.model.Status.WITHDRAWN
                    and request.user.has_perm(workflow.SIGN_OFF)
                ),
                "content_type_id": ContentType.objects.get_for_model(self.model).pk,
            }
        return super().render_change_form(request, context, add, change, form_url, obj)
