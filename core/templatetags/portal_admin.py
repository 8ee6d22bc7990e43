"""Template helpers for the admin's own templates."""

from django import template

from core.history import change_reason_label

register = template.Library()


@register.filter
def change_reason(reason):
    """A history row's reason in the reader's language ("loaddata" → 从数据文件导入)."""
    return change_reason_label(reason) if reason else reason
