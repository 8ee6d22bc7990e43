"""The review workflow's admin pages: a revision's review page (what would change, field by field
and per language, a preview of the public page in each language, the buttons of the user's step),
its actions, and withdrawal. URLs: coop_portal/urls.py (``workflow_*``)."""

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, resolve, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import workflow
from core.i18n import languages
from core.models.workflow import AuditEntry, Revision
from core.workflow import snapshot


def _model_admin(request, model, change=False):
    model_admin = admin.site._registry.get(model)
    if model_admin is None or not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    return model_admin


def _revision(request, pk):
    revision = get_object_or_404(Revision.objects.select_related("content_type", "submitted_by", "created_by"), pk=pk)
    if revision.model is None:
        raise Http404
    _model_admin(request, revision.model)
    return revision


def edit_url(revision):
    opts = revision.model._meta
    if revision.object_id:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[revision.object_id])
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_add") + f"?revision={revision.pk}"


def review(request, pk):
    """待审核: what the revision changes, and the buttons of the user's step."""
    revision = _revision(request, pk)
    obj = workflow.live(revision)
    before = workflow.live_data(revision, obj)
    rows = [
        dict(zip(("label", "before", "after"), (label, *snapshot.inline_diff(old, new)), strict=True))
        for label, old, new in snapshot.changes(revision.model, before, revision.data)
    ]
    has_page = bool(getattr(revision.model, "url_name", None))
    item = str(workflow.preview(revision, obj)) or revision.object_repr  # in the reader's language
    context = {
        **admin.site.each_context(request),
        "item": item,
        "title": _("Review: %(item)s") % {"item": item},
        "revision": revision,
        "opts": revision.model._meta,
        "rows": rows,
        "is_new": not before,
        "actions": workflow.may_act(request.user, revision),
        "edit_url": edit_url(revision),
        "previews": [
            (languages.ADMIN_NAMES[code], reverse("workflow_preview", args=[revision.pk, code]))
            for code in languages.codes()
        ]
        if has_page
        else [],
        "entries": AuditEntry.objects.filter(revision=revision).order_by("-time", "-pk"),
    }
    return TemplateResponse(request, "admin/workflow/review.html", context)


ACTIONS = {
    "submit": (workflow.submit, _("Submitted for review.")),
    "cancel": (workflow.cancel, _("Submission cancelled: it is a draft again.")),
    "approve": (workflow.approve, _("Approved: it now waits for sign-off.")),
    "reject": (workflow.reject, _("Rejected: the writer sees your comment.")),
    "sign_off": (workflow.sign_off, _("Signed off and published.")),
}


@require_POST
def act(request, pk, action):
    revision = _revision(request, pk)
    if action not in ACTIONS:
        raise Http404
    function, done = ACTIONS[action]
    version = request.POST.get("version")
    if version is not None and not version.isdigit():
        version = -1  # never the current one: refused as changed
    comment = request.POST.get("comment", "")
    try:
        if action == "reject":
            function(revision, request.user, comment, version=version)
        elif action in ("approve", "sign_off"):
            function(revision, request.user, version=version, comment=comment)
        else:
            function(revision, request.user, version=version)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return HttpResponseRedirect(reverse("workflow_review", args=[revision.pk]))
    messages.success(request, str(done))
    if action in ("cancel", "submit"):
        return HttpResponseRedirect(edit_url(revision))
    if action == "sign_off":
        revision.refresh_from_db()
        return HttpResponseRedirect(edit_url(revision))
    return HttpResponseRedirect(reverse("admin:index"))


@require_POST
def withdraw(request, content_type_id, object_id):
    model = get_object_or_404(ContentType, pk=content_type_id).model_class()
    if model is None or not workflow.covers(model):
        raise Http404
    _model_admin(request, model)
    obj = get_object_or_404(model._default_manager, pk=object_id)
    try:
        workflow.withdraw(obj, request.user, request.POST.get("reason", ""))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Withdrawn: its address now tells visitors it is gone."))
    opts = model._meta
    return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[object_id]))


def preview(request, pk, language):
    """The revision rendered as its public page in ``language``, never cached."""
    revision = _revision(request, pk)
    if language not in languages.codes():
        raise Http404
    obj = workflow.preview(revision)
    if obj.pk is None:
        obj.pk = 0  # a new item: its page reads its links from the revision, not by key
    with translation.override(language):
        try:
            match = resolve(obj.get_absolute_url())
        except (NoReverseMatch, NotImplementedError, Http404) as error:
            raise Http404(_("This item has no page of its own.")) from error
        view = match.func.view_class()
        view.setup(request, *match.args, **match.kwargs)
        view.object = obj
        context = view.get_context_data(object=obj)
        context["preview"] = None
        context["revision_preview"] = {"revision": revision, "review_url": reverse("workflow_review", args=[pk])}
        response = view.render_to_response(context)
        response.render()
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response
