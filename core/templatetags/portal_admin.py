"""Template helpers for the admin's own templates."""

from django import template

from core.history import change_reason_label

register = template.Library()


@register.filter
def change_reason(reason):
    """A history row's reason in the reader's language ("loaddata" → 从数据文件导入)."""
    return change_reason_label(reason) if reason else reason


@register.inclusion_tag("admin/workflow/awaiting.html", takes_context=True)
def awaiting_review(context):
    """待我审核 on the admin index: the revisions waiting for each of the user's steps, with counts,
    and the user's own revisions that came back rejected."""
    from core import workflow
    from core.models.workflow import Revision

    request = context["request"]
    waiting = list(workflow.awaiting(request.user)[:50])
    steps = [
        {"state": state, "label": label, "items": [r for r in waiting if r.state == state]}
        for state, label in Revision.State.choices
        if state in Revision.WAITING
    ]
    mine = list(
        Revision.objects.filter(created_by=request.user, state__in=Revision.OPEN)
        .select_related("content_type")
        .order_by("-updated_at")[:20]
    )
    return {"steps": [s for s in steps if s["items"]], "mine": mine, "any": bool(waiting)}
