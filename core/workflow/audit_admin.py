"""The audit trail in the admin (issue 25, point 9): what happened to every item, by whom, when,
with the comment and what changed.

Read by staff holding ``core.view_auditentry`` (Editors and the workflow's groups); changed by
nobody, superusers included: no add, change or delete permission, so Django's admin refuses the
forms, a crafted POST and the delete action alike. ``export/`` writes a date range as CSV (the
site's yearly report), through ``core.csv_export`` (formulas defused), headed in the reader's admin
language.
"""

import datetime

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.csv_export import csv_response
from core.models.workflow import AuditEntry
from core.workflow import notifications

# Column headings of the list and of the CSV file.
TIME = _("Time")
ITEM = pgettext_lazy("audit trail", "Item")
KIND = pgettext_lazy("audit trail", "Content type")
OBJECT_ID = pgettext_lazy("audit trail", "ID")
ACTION = _("Action")
USER = _("User")
COMMENT = _("Comment")
CHANGES = _("Changes")
EMAIL = pgettext_lazy("audit trail", "E-mail")


def kind(content_type) -> str:
    """A content type as editors call it ("Article"), from ContentType's cache."""
    model = content_type.model_class()
    return capfirst(model._meta.verbose_name) if model else content_type.model


def changes_as_text(changes) -> str:
    return "\n".join(f"{label}: {before or '—'} → {after or '—'}" for label, before, after in changes)


class ContentTypeFilter(admin.SimpleListFilter):
    """The content types the trail mentions, by the name editors know them by."""

    title = KIND
    parameter_name = "type"

    def lookups(self, request, model_admin):
        ids = AuditEntry.objects.order_by().values_list("content_type", flat=True).distinct()
        kinds = [(str(pk), kind(ContentType.objects.get_for_id(pk))) for pk in ids]
        return sorted(kinds, key=lambda pair: str(pair[1]))

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        return queryset.filter(content_type_id=value) if value.isdigit() else queryset.none()


class ExportForm(forms.Form):
    """The dates of the export, both included, in the site's time zone."""

    start = forms.DateField(label=pgettext_lazy("audit trail export", "From"), input_formats=["%Y-%m-%d"])
    end = forms.DateField(label=pgettext_lazy("audit trail export", "To"), input_formats=["%Y-%m-%d"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            field.help_text = _("Year-month-day, e.g. 2025-12-31.")

    @classmethod
    def this_year(cls):
        today = timezone.localdate()
        return cls(initial={"start": today.replace(month=1, day=1), "end": today})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("The first date is after the last one."))
        return cleaned

    def entries(self):
        start, end = self.cleaned_data["start"], self.cleaned_data["end"]
        since = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
        until = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min))
        return AuditEntry.objects.filter(time__gte=since, time__lt=until).select_related("content_type")


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["when", "item", "content_kind", "what", "who", "short_comment", "email"]
    list_display_links = ["when", "item"]
    list_filter = ["action", ContentTypeFilter]
    list_select_related = ["content_type"]
    date_hierarchy = "time"
    search_fields = ["object_repr", "user_name", "user__username"]
    list_per_page = 50
    empty_value_display = "—"
    fields = ["when", "item_link", "content_kind", "what", "who", "comment", "changes_table", "revision", "email"]
    readonly_fields = fields

    # Nobody writes the trail here, superusers included: the workflow writes it (core/workflow).
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=TIME, ordering="time")
    def when(self, entry):
        return f"{timezone.localtime(entry.time):%Y-%m-%d %H:%M}"

    @admin.display(description=ITEM, ordering="object_repr")
    def item(self, entry):
        return entry.object_repr

    @admin.display(description=ITEM)
    def item_link(self, entry):
        """The item, linked to its admin page while it exists."""
        try:
            url = reverse(
                f"admin:{entry.content_type.app_label}_{entry.content_type.model}_change", args=[entry.object_id]
            )
        except NoReverseMatch:  # a new item never signed off, or a type without an admin
            return entry.object_repr
        return format_html('<a href="{}">{}</a>', url, entry.object_repr)

    @admin.display(description=KIND)
    def content_kind(self, entry):
        return kind(entry.content_type)

    @admin.display(description=ACTION, ordering="action")
    def what(self, entry):
        return entry.get_action_display()

    @admin.display(description=USER, ordering="user_name")
    def who(self, entry):
        return entry.user_name or "—"

    @admin.display(description=COMMENT)
    def short_comment(self, entry):
        return Truncator(entry.comment).chars(80)

    @admin.display(description=CHANGES)
    def changes_table(self, entry):
        """What the action changed, one row per field: before and after."""
        if not entry.changes:
            return "—"
        rows = format_html_join(
            "", "<tr><th>{}</th><td>{}</td><td>{}</td></tr>", ((a, b or "—", c or "—") for a, b, c in entry.changes)
        )
        return format_html(
            '<table class="audit-changes"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            _("Field"),
            pgettext_lazy("audit trail", "Before"),
            pgettext_lazy("audit trail", "After"),
            rows,
        )

    @admin.display(description=EMAIL)
    def email(self, entry):
        """Whether the action's e-mail went (core/workflow/notifications.py)."""
        if not notifications.concerns(entry):
            return "—"
        if entry.notified_at and entry.notification_error:
            return pgettext_lazy("audit trail", "Nobody to e-mail")
        if entry.notified_at:
            return _("Sent")
        return _("Failed") if entry.notification_error else _("Not sent")

    def get_urls(self):
        export = path(
            "export/",
            self.admin_site.admin_view(self.export_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_export",
        )
        return [export, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {"export_form": ExportForm.this_year(), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def export_view(self, request):
        """GET export/?start=YYYY-MM-DD&end=YYYY-MM-DD: the entries of those days as CSV; without
        dates, or with a wrong one, the form again saying what is wrong."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = ExportForm(request.GET) if request.GET else ExportForm.this_year()
        if form.is_bound and form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            header = [TIME, KIND, ITEM, OBJECT_ID, ACTION, USER, COMMENT, CHANGES]
            rows = (
                [
                    f"{timezone.localtime(entry.time):%Y-%m-%d %H:%M}",
                    kind(entry.content_type),
                    entry.object_repr,
                    entry.object_id,
                    entry.get_action_display(),
                    entry.user_name,
                    entry.comment,
                    changes_as_text(entry.changes),
                ]
                for entry in form.entries().order_by("time", "pk")
            )
            return csv_response(f"audit-trail-{start:%Y-%m-%d}-{end:%Y-%m-%d}.csv", header, rows)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": pgettext_lazy("audit trail", "Export the audit trail as CSV"),
            "form": form,
        }
        return TemplateResponse(
            request, "admin/core/auditentry/export.html", context, status=400 if form.is_bound else 200
        )
