"""The follow-up queue. Standard model permissions decide who sees it: only staff
holding ``inquiries.view_inquiry`` (e.g. the *Inquiry handler* group) — a staff
member without it gets no menu entry and a 403."""

from django.conf import settings
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from core.csv_export import csv_response
from inquiries.choices import Status
from inquiries.models import Inquiry
from inquiries.notifications import notify_staff


class WaitingFilter(admin.SimpleListFilter):
    """The inquiries nobody has answered after INQUIRY_OVERDUE_DAYS days."""

    title = _("waiting for an answer")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        days = settings.INQUIRY_OVERDUE_DAYS
        return [
            ("open", _("All unanswered")),
            (
                "overdue",
                ngettext("Unanswered after %(days)d day", "Unanswered after %(days)d days", days) % {"days": days},
            ),
        ]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.open()
        if self.value() == "overdue":
            return queryset.overdue()
        return queryset


class NotificationFilter(admin.SimpleListFilter):
    title = _("staff e-mail")
    parameter_name = "notified"

    def lookups(self, request, model_admin):
        return [("yes", _("Sent")), ("no", _("Not sent")), ("failed", _("Failed"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(notified_at__isnull=False)
        if self.value() == "no":
            return queryset.unnotified()
        if self.value() == "failed":
            return queryset.unnotified().exclude(notification_error="")
        return queryset


# What the visitor sent, and the inquiry's dated record: shown, never edited.
VISITOR_FIELDS = ["name", "organisation", "email", "phone", "country", "park_list", "sector", "language", "message"]
RECORD_FIELDS = ["consented_at", "answered_at", "closed_at", "notified_at", "notification_error", "anonymised_at"]


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "organisation",
        "name",
        "park_list",
        "sector",
        "status",
        "assignee",
        "created_at",
        "waiting",
        "notified",
    ]
    list_display_links = ["reference", "organisation"]
    list_filter = [
        WaitingFilter,
        "status",
        ("assignee", admin.RelatedOnlyFieldListFilter),
        "parks",
        "sector",
        NotificationFilter,
        "language",
        "created_at",
    ]
    search_fields = ["reference", "name", "organisation", "email", "country", "message"]
    list_select_related = ["assignee"]
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = ["assign_to_me", "mark_answered", "mark_closed", "retry_notification", "export_csv"]
    fieldsets = [
        (_("Follow-up"), {"fields": ["reference", "status", "assignee", "notes", "created_at", "waiting"]}),
        (_("From the visitor"), {"fields": VISITOR_FIELDS}),
        (_("Record"), {"classes": ["collapse"], "fields": RECORD_FIELDS}),
    ]
    # What the visitor sent is evidence of what they asked: staff read it, never edit it.
    # (Read-only text fields are shown escaped, line breaks kept: a message is plain text.)
    readonly_fields = ["reference", "created_at", "waiting", *VISITOR_FIELDS, *RECORD_FIELDS]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("parks")

    def has_add_permission(self, request):
        # Inquiries arrive through the public form only.
        return False

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_anonymised:
            return False
        return super().has_change_permission(request, obj)

    def has_export_permission(self, request):
        return request.user.has_perm("inquiries.export_inquiry")

    @admin.display(description=_("parks"))
    def park_list(self, obj):
        return ", ".join(park.short_name for park in obj.parks.all()) or "–"

    @admin.display(description=_("waiting"), ordering="created_at")
    def waiting(self, obj):
        """Time since arrival, e.g. "3 days"; bold while unanswered past the deadline."""
        age = timesince(obj.created_at, depth=1)
        return format_html("<strong>{}</strong>", age) if obj.is_overdue else age

    @admin.display(description=_("staff e-mailed"), boolean=True)
    def notified(self, obj):
        return obj.notified_at is not None

    # --- actions -------------------------------------------------------------
    def _save_each(self, request, queryset, **changes):
        done = 0
        for inquiry in queryset.filter(anonymised_at__isnull=True):
            for field, value in changes.items():
                setattr(inquiry, field, value)
            inquiry.save()  # save() keeps answered_at / closed_at in step
            done += 1
        return done

    @admin.action(description=_("Assign to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        done = self._save_each(request, queryset.filter(status=Status.NEW), assignee=request.user)
        self.message_user(request, ngettext("%d inquiry assigned.", "%d inquiries assigned.", done) % done)

    @admin.action(description=_("Mark as answered"), permissions=["change"])
    def mark_answered(self, request, queryset):
        done = self._save_each(request, queryset.open(), status=Status.ANSWERED)
        self.message_user(
            request, ngettext("%d inquiry marked answered.", "%d inquiries marked answered.", done) % done
        )

    @admin.action(description=pgettext_lazy("inquiry action", "Close"), permissions=["change"])
    def mark_closed(self, request, queryset):
        done = self._save_each(request, queryset.exclude(status=Status.CLOSED), status=Status.CLOSED)
        self.message_user(request, ngettext("%d inquiry closed.", "%d inquiries closed.", done) % done)

    @admin.action(description=_("Send the staff e-mail again"), permissions=["change"])
    def retry_notification(self, request, queryset):
        results = [
            notify_staff(pk, request.build_absolute_uri("/"))
            for pk in queryset.unnotified().values_list("pk", flat=True)
        ]
        sent, failed = results.count(True), results.count(False)
        self.message_user(request, ngettext("%d e-mail sent.", "%d e-mails sent.", sent) % sent)
        if failed:
            self.message_user(
                request,
                ngettext("%d e-mail failed again.", "%d e-mails failed again.", failed) % failed,
                level=messages.ERROR,
            )

    @admin.action(description=_("Export selected inquiries as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        """A CSV file (core.csv_export: UTF-8 with a byte-order mark, formulas defused)."""
        fields = [
            "reference",
            "created_at",
            "status",
            "assignee",
            "parks",
            "sector",
            "name",
            "organisation",
            "email",
            "phone",
            "country",
            "language",
            "message",
            "answered_at",
            "closed_at",
        ]
        header = [Inquiry._meta.get_field(name).verbose_name for name in fields]
        filename = f"inquiries-{timezone.localdate():%Y-%m-%d}.csv"
        inquiries = queryset.select_related("assignee").prefetch_related("parks").order_by("created_at")
        return csv_response(filename, header, map(self.csv_row, inquiries))

    def csv_row(self, inquiry):
        local = timezone.localtime
        return [
            inquiry.reference,
            f"{local(inquiry.created_at):%Y-%m-%d %H:%M}",
            inquiry.get_status_display(),
            inquiry.assignee.get_username() if inquiry.assignee else "",
            "; ".join(park.name for park in inquiry.parks.all()),
            inquiry.get_sector_display(),
            inquiry.name,
            inquiry.organisation,
            inquiry.email,
            inquiry.phone,
            inquiry.country,
            inquiry.get_language_display(),
            inquiry.message,
            f"{local(inquiry.answered_at):%Y-%m-%d %H:%M}" if inquiry.answered_at else "",
            f"{local(inquiry.closed_at):%Y-%m-%d %H:%M}" if inquiry.closed_at else "",
        ]
