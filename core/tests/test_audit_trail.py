"""The audit trail in the admin (issue 25, points 9 and 15): everyone with the permission reads it,
nobody changes it, superusers included; it exports as CSV for a date range; and a fixture's content
comes in with an "imported" entry."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from core import workflow
from core.models import StaffLanguage
from core.models.workflow import AuditEntry
from facts.models import Source
from facts.tests.factories import SourceFactory

Action = AuditEntry.Action
CHANGELIST = "/admin/core/auditentry/"
EXPORT = "/admin/core/auditentry/export/"


@pytest.fixture(autouse=True)
def _english_after():
    """Requests in Chinese leave the thread's language active; the next test expects the default."""
    yield
    from django.utils import translation

    translation.activate("en")


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw")


@pytest.fixture
def entry(superuser):
    source = SourceFactory(title_en="Annual report 2024")
    changes = [["Title [English]", "Annual report", "Annual report 2024"], ["Publisher [中文]", "", "示例日报"]]
    return workflow.record(source, Action.WITHDRAWN, superuser, "Out of date.", changes)


def at(entry, year, month, day, hour=12):
    """The entry as if written then (local time)."""
    when = timezone.make_aware(datetime.datetime(year, month, day, hour))
    AuditEntry.objects.filter(pk=entry.pk).update(time=when)
    return entry


def rows(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_nobody_changes_the_trail_not_even_a_superuser(client, superuser, entry):
    client.force_login(superuser)
    listing = client.get(CHANGELIST)
    assert listing.status_code == 200
    assert "Annual report 2024" in listing.content.decode()
    assert reverse("admin:core_auditentry_add") not in listing.content.decode()  # no "Add" button
    assert "delete_selected" not in listing.content.decode()  # no delete action

    change = reverse("admin:core_auditentry_change", args=[entry.pk])
    assert client.get(change).status_code == 200  # shown, read-only
    assert client.post(change, {"comment": "Rewritten.", "action": "imported"}).status_code == 403
    assert client.get(reverse("admin:core_auditentry_add")).status_code == 403
    assert client.post(reverse("admin:core_auditentry_add"), {"comment": "Forged."}).status_code == 403
    delete = reverse("admin:core_auditentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.post(CHANGELIST, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"})

    entry.refresh_from_db()
    assert (entry.comment, entry.action) == ("Out of date.", Action.WITHDRAWN)
    assert AuditEntry.objects.count() == 1


def test_the_changes_are_shown_field_by_field(client, superuser, entry):
    client.force_login(superuser)
    page = client.get(reverse("admin:core_auditentry_change", args=[entry.pk])).content.decode()
    assert "<tr><th>Title [English]</th><td>Annual report</td><td>Annual report 2024</td></tr>" in page
    assert "<tr><th>Publisher [中文]</th><td>—</td><td>示例日报</td></tr>" in page


def test_staff_read_it_with_the_view_permission_only(client, django_user_model, entry):
    user = django_user_model.objects.create_user("ed", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(EXPORT).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_auditentry"))
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(EXPORT).status_code == 200


def test_the_list_filters_and_searches(client, superuser, entry, django_assert_max_num_queries):
    other = workflow.record(SourceFactory(title_en="Another source"), Action.DIRECT, superuser)
    for _ in range(30):
        workflow.record(SourceFactory(), Action.DIRECT, superuser)
    client.force_login(superuser)
    with django_assert_max_num_queries(9):
        assert client.get(CHANGELIST).status_code == 200
    found = client.get(CHANGELIST, {"action": "withdrawn"}).content.decode()
    assert "Annual report 2024" in found and "Another source" not in found
    found = client.get(CHANGELIST, {"q": "Another"}).content.decode()
    assert "Another source" in found and "Annual report 2024" not in found
    assert client.get(CHANGELIST, {"type": str(other.content_type_id)}).context["cl"].result_count == 32
    assert client.get(CHANGELIST, {"type": "article"}).context["cl"].result_count == 0


def test_the_csv_export_gives_the_dates_asked_for(client, superuser, entry):
    source = Source.objects.get()
    at(entry, 2025, 3, 1)
    at(workflow.record(source, Action.DIRECT, superuser, '=HYPERLINK("http://evil.example/","x")'), 2025, 12, 31, 23)
    at(workflow.record(source, Action.DIRECT, superuser, "Next year."), 2026, 1, 1, 0)
    client.force_login(superuser)
    assert 'action="/admin/core/auditentry/export/"' in client.get(CHANGELIST).content.decode()

    response = client.get(EXPORT, {"start": "2025-01-01", "end": "2025-12-31"})
    assert 'filename="audit-trail-2025-01-01-2025-12-31.csv"' in response["Content-Disposition"]
    header, first, second = rows(response)
    assert header == ["Time", "Content type", "Item", "ID", "Action", "User", "Comment", "Changes"]
    assert first == [
        "2025-03-01 12:00",
        "Source",
        "Annual report 2024",
        str(source.pk),
        "Withdrawn",
        "root",
        "Out of date.",
        "Title [English]: Annual report → Annual report 2024\nPublisher [中文]: — → 示例日报",
    ]
    assert second[0] == "2025-12-31 23:00"
    assert second[6] == '\'=HYPERLINK("http://evil.example/","x")'  # the formula guard


def test_a_chinese_admin_gets_chinese_headers(client, superuser, entry):
    StaffLanguage.objects.create(user=superuser, language="zh-hans")
    client.force_login(superuser)
    today = f"{timezone.localdate():%Y-%m-%d}"
    header, row = rows(client.get(EXPORT, {"start": today, "end": today}))
    assert header == ["时间", "内容类型", "条目", "编号", "操作", "用户", "意见", "变更内容"]
    assert row[1] == "来源"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2025-13-01", "end": "2025-12-31"}, "Enter a valid date."),
        ({"start": "2025-01-01", "end": "last year"}, "Enter a valid date."),
        ({"start": "2025-01-01"}, "This field is required."),
        ({"start": "2025-12-31", "end": "2025-01-01"}, "The first date is after the last one."),
    ],
)
def test_a_bad_date_is_explained(client, superuser, entry, query, message):
    client.force_login(superuser)
    response = client.get(EXPORT, query)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "The export needs two dates, the first no later than the last." in page
    assert 'type="date"' in page  # the form again, to correct


def test_a_bad_date_is_explained_in_chinese(client, superuser, entry):
    StaffLanguage.objects.create(user=superuser, language="zh-hans")
    client.force_login(superuser)
    page = client.get(EXPORT, {"start": "2025-12-31", "end": "2025-01-01"}).content.decode()
    assert "起始日期晚于截止日期。" in page


# --- "Imported" (point 15) ----------------------------------------------------------------------


def fixture(tmp_path, title="Annual report 2024", publisher="Statistics Bureau"):
    path = tmp_path / "sources.json"
    objects = [
        {
            "model": "facts.source",
            "fields": {"slug": "annual-report", "title_en": title, "publisher_en": "Example Daily", "url": ""},
        },
        {
            "model": "facts.source",
            "fields": {"slug": "statistics", "title_en": "Statistics", "publisher_en": publisher, "url": ""},
        },
    ]
    path.write_text(json.dumps(objects))
    return str(path)


def test_loaded_content_is_imported_once(db, tmp_path):
    call_command("loaddata", fixture(tmp_path), verbosity=0)
    entries = AuditEntry.objects.order_by("object_repr")
    assert [(e.object_repr, e.action, e.user, e.user_name) for e in entries] == [
        ("Annual report 2024", Action.IMPORTED, None, ""),
        ("Statistics", Action.IMPORTED, None, ""),
    ]
    assert {e.object_id for e in entries} == set(Source.objects.values_list("pk", flat=True))

    call_command("loaddata", fixture(tmp_path), verbosity=0)  # unchanged: nothing new
    assert AuditEntry.objects.count() == 2

    call_command("loaddata", fixture(tmp_path, title="Annual report 2025"), verbosity=0)
    assert AuditEntry.objects.count() == 3
    assert AuditEntry.objects.latest("pk").object_repr == "Annual report 2025"


def test_a_failed_load_imports_nothing(db, tmp_path):
    with pytest.raises(CommandError):
        # The first source is stored, the second is refused (too long): the whole load is undone.
        call_command("loaddata", fixture(tmp_path, publisher="x" * 201), verbosity=0)
    assert not Source.objects.exists()
    assert not AuditEntry.objects.exists()


def test_the_real_content_loads_with_an_entry_per_item(db):
    call_command("loaddata", "parks", verbosity=0)
    imported = AuditEntry.objects.filter(action=Action.IMPORTED)
    assert imported.count() > 0
    assert set(imported.values_list("content_type__model", flat=True)) == {"park", "source"}
