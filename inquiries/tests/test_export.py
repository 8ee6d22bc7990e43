"""CSV export: opens in spreadsheet programs with Chinese intact, only for those allowed."""

import csv
import io

from django.contrib.auth.models import Group, Permission

from inquiries.tests.factories import InquiryFactory

CHANGELIST = "/admin/inquiries/inquiry/"


def export(client, *inquiries):
    return client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [i.pk for i in inquiries]})


def test_export_is_utf8_with_bom_and_chinese_round_trips(handler_client, ssip):
    chinese = InquiryFactory(
        name="张伟",
        organisation="苏州精密机械有限公司",
        country="中国",
        message="需要五十亩工业用地，\n请介绍税收政策。",
        parks=[ssip],
    )
    english = InquiryFactory(organisation="Schmidt Sensorik GmbH")
    InquiryFactory(organisation="Not Selected Ltd")

    response = export(handler_client, chinese, english)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="inquiries-')
    assert response.content.startswith(b"\xef\xbb\xbf")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, *records = rows
    assert header[:3] == ["reference", "received", "status"]
    assert len(records) == 2
    by_reference = {row[0]: dict(zip(header, row, strict=True)) for row in records}
    row = by_reference[chinese.reference]
    assert row["name"] == "张伟"
    assert row["organisation"] == "苏州精密机械有限公司"
    assert row["message"] == "需要五十亩工业用地，\n请介绍税收政策。"
    assert row["parks of interest"] == "Suzhou Suqian Industrial Park"
    assert row["status"] == "New"
    assert english.reference in by_reference
    assert "Not Selected Ltd" not in response.content.decode("utf-8-sig")


def test_export_headers_follow_the_staff_language(handler_client, db):
    inquiry = InquiryFactory()
    response = handler_client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [inquiry.pk]}, HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[:3] == ["编号", "收到时间", "状态"]


def test_cells_cannot_become_spreadsheet_formulas(handler_client, db):
    inquiry = InquiryFactory(organisation='=HYPERLINK("http://evil.example","Click")', name="@SUM(A1)")
    text = export(handler_client, inquiry).content.decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(text)))[1]
    assert '\'=HYPERLINK("http://evil.example","Click")' in row
    assert "'@SUM(A1)" in row


def test_export_needs_its_own_permission(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", "v@example.org", "pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["view_inquiry", "change_inquiry"]))
    client.force_login(user)
    inquiry = InquiryFactory(organisation="Private Ltd")
    assert "export_csv" not in client.get(CHANGELIST).content.decode()
    response = export(client, inquiry)
    assert "Private Ltd" not in response.content.decode()
    assert not response.content.startswith(b"\xef\xbb\xbf")
    # The handler group has it.
    assert Group.objects.get(name="Inquiry handler").permissions.filter(codename="export_inquiry").exists()


def test_export_runs_a_bounded_number_of_queries(handler_client, content, django_assert_max_num_queries):
    from parks.models import Park

    parks = list(Park.objects.all())
    inquiries = [InquiryFactory(parks=parks[: n % 4]) for n in range(20)]
    # Constant: session, user, permissions, the admin's filter choices, then one query for
    # the inquiries with their assignees and one for all their parks.
    with django_assert_max_num_queries(12):
        response = export(handler_client, *inquiries)
    assert len(response.content.decode("utf-8-sig").splitlines()) == 21
