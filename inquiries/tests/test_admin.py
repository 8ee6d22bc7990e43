"""The follow-up queue in the admin, and who may see it."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from inquiries.models import Inquiry
from inquiries.tests.factories import InquiryFactory

CHANGELIST = "/admin/inquiries/inquiry/"


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


# --- who may see inquiries --------------------------------------------------


def test_migration_creates_the_inquiry_handler_group(db):
    group = Group.objects.get(name="Inquiry handler")
    assert {(p.content_type.app_label, p.codename) for p in group.permissions.all()} == {
        ("inquiries", "view_inquiry"),
        ("inquiries", "change_inquiry"),
        ("inquiries", "delete_inquiry"),
        ("inquiries", "export_inquiry"),
    }


@pytest.fixture
def editor_client(client, django_user_model):
    """Staff who edit news and parks, but are not inquiry handlers."""
    user = django_user_model.objects.create_user("news-editor", "ed@example.org", "pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label__in=["news", "parks"]))
    client.force_login(user)
    return client


def test_staff_without_the_permission_see_no_inquiry(editor_client):
    inquiry = InquiryFactory(name="Secret Person", organisation="Hidden Ltd")
    index = editor_client.get("/admin/").content.decode()
    assert "Articles" in index  # they do see their own part of the admin
    assert "/admin/inquiries/" not in index
    assert "Investor inquiries" not in index
    for url in (
        CHANGELIST,
        f"{CHANGELIST}{inquiry.pk}/change/",
        f"{CHANGELIST}{inquiry.pk}/history/",
        f"{CHANGELIST}{inquiry.pk}/delete/",
        "/admin/inquiries/",
    ):
        response = editor_client.get(url)
        assert response.status_code in (403, 404), url
        assert "Secret Person" not in response.content.decode()
    response = editor_client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [inquiry.pk]})
    assert response.status_code == 403
    assert "Hidden Ltd" not in response.content.decode()


def test_visitors_are_sent_to_the_login_page(client, db):
    InquiryFactory()
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_inquiry_handlers_see_the_queue(handler_client):
    InquiryFactory(organisation="Visible GmbH")
    index = handler_client.get("/admin/").content.decode()
    assert "Investor inquiries" in index
    response = handler_client.get(CHANGELIST)
    assert response.status_code == 200
    assert "Visible GmbH" in response.content.decode()


def test_inquiries_cannot_be_added_by_hand(staff_client):
    assert staff_client.get(f"{CHANGELIST}add/").status_code == 403


# --- the queue ----------------------------------------------------------------


def test_queue_shows_status_assignee_parks_date_and_waiting_time(handler_client, ssip, django_user_model):
    user = django_user_model.objects.get(username="handler")
    InquiryFactory(
        organisation="Old Open Ltd", created_at=days_ago(3) - datetime.timedelta(hours=2), assignee=user, parks=[ssip]
    )
    html = handler_client.get(CHANGELIST).content.decode()
    assert "Old Open Ltd" in html
    assert "Assigned" in html  # an assignee makes a new inquiry "assigned"
    assert ">handler<" in html
    assert f'<td class="field-park_list">{ssip.short_name}</td>' in html
    assert "<strong>3\xa0days</strong>" in html  # overdue (INQUIRY_OVERDUE_DAYS = 3): bold


def test_queue_speaks_chinese_to_chinese_staff(handler_client, db):
    InquiryFactory(created_at=days_ago(5))
    html = handler_client.get(CHANGELIST, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "投资咨询" in html
    assert "新咨询" in html
    assert "5\xa0日" in html  # Django's own wording for the time since arrival


def test_overdue_filter_lists_unanswered_inquiries_older_than_n_days(handler_client, settings):
    settings.INQUIRY_OVERDUE_DAYS = 3
    InquiryFactory(organisation="Forgotten Ltd", created_at=days_ago(4))
    InquiryFactory(organisation="Assigned Slow Ltd", created_at=days_ago(10), status="assigned")
    InquiryFactory(organisation="Answered Ltd", created_at=days_ago(10), status="answered")
    InquiryFactory(organisation="Closed Ltd", created_at=days_ago(10), status="closed")
    InquiryFactory(organisation="Fresh Ltd", created_at=days_ago(1))
    html = handler_client.get(CHANGELIST, {"waiting": "overdue"}).content.decode()
    assert "Unanswered after 3 days" in html
    assert "Forgotten Ltd" in html
    assert "Assigned Slow Ltd" in html
    for other in ("Answered Ltd", "Closed Ltd", "Fresh Ltd"):
        assert other not in html
    assert "2 results" in html


def test_unnotified_inquiries_can_be_listed(handler_client):
    InquiryFactory(organisation="Mail Failed Ltd", notification_error="SMTPServerDisconnected")
    InquiryFactory(organisation="Mailed Ltd", notified_at=timezone.now())
    html = handler_client.get(CHANGELIST, {"notified": "failed"}).content.decode()
    assert "Mail Failed Ltd" in html
    assert "Mailed Ltd" not in html


@pytest.mark.parametrize("query", ["苏州精密", "INQ-", "zhang.wei@example.cn", "宿迁投资"])
def test_search_finds_by_chinese_text_reference_or_email(handler_client, query):
    target = InquiryFactory(
        organisation="苏州精密机械有限公司", email="zhang.wei@example.cn", message="我们计划在宿迁投资建厂。"
    )
    InquiryFactory(organisation="Other GmbH", email="other@example.com", message="Hello")
    if query == "INQ-":
        query = target.reference
    html = handler_client.get(CHANGELIST, {"q": query}).content.decode()
    assert "苏州精密机械有限公司" in html
    assert "Other GmbH" not in html


def test_filters_by_status_park_and_assignee(handler_client, ssip, django_user_model):
    handler = django_user_model.objects.get(username="handler")
    InquiryFactory(organisation="About SSIP", parks=[ssip], assignee=handler)
    InquiryFactory(organisation="About nothing")
    html = handler_client.get(CHANGELIST, {"parks__id__exact": ssip.pk}).content.decode()
    assert "About SSIP" in html
    assert "About nothing" not in html
    html = handler_client.get(CHANGELIST, {"assignee__id__exact": handler.pk}).content.decode()
    assert "About SSIP" in html
    assert "About nothing" not in html
    html = handler_client.get(CHANGELIST, {"status__exact": "new"}).content.decode()
    assert "About nothing" in html
    assert "About SSIP" not in html  # assigned


def test_queue_runs_a_bounded_number_of_queries(handler_client, content, django_assert_max_num_queries):
    from parks.models import Park

    parks = list(Park.objects.all())
    for n in range(30):
        InquiryFactory(parks=parks[: n % 4])
    with django_assert_max_num_queries(14):
        assert handler_client.get(CHANGELIST).status_code == 200


# --- follow-up ------------------------------------------------------------------


def test_change_form_keeps_what_the_visitor_wrote_read_only(handler_client):
    inquiry = InquiryFactory(name="Anna Schmidt", message="Original text")
    url = f"{CHANGELIST}{inquiry.pk}/change/"
    html = handler_client.get(url).content.decode()
    assert 'name="status"' in html
    assert 'name="assignee"' in html
    assert 'name="notes"' in html
    assert 'name="message"' not in html
    assert 'name="name"' not in html
    response = handler_client.post(
        url, {"status": "answered", "assignee": "", "notes": "Called back.", "message": "Forged", "name": "X"}
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == "answered"
    assert inquiry.answered_at is not None
    assert inquiry.message == "Original text"
    assert inquiry.name == "Anna Schmidt"


def test_status_actions_record_when(handler_client, django_user_model):
    a, b = InquiryFactory(), InquiryFactory()
    handler_client.post(CHANGELIST, {"action": "assign_to_me", "_selected_action": [a.pk, b.pk]})
    a.refresh_from_db()
    assert a.status == "assigned"
    assert a.assignee.username == "handler"
    handler_client.post(CHANGELIST, {"action": "mark_answered", "_selected_action": [a.pk]})
    handler_client.post(CHANGELIST, {"action": "mark_closed", "_selected_action": [a.pk, b.pk]})
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.answered_at is not None
    assert a.closed_at is not None
    assert b.status == "closed"
    assert b.answered_at is None  # closed without an answer (e.g. spam)


def test_retry_action_resends_the_staff_email(handler_client):
    from django.core import mail

    inquiry = InquiryFactory(notification_error="SMTPServerDisconnected")
    handler_client.post(CHANGELIST, {"action": "retry_notification", "_selected_action": [inquiry.pk]})
    assert len(mail.outbox) == 1
    inquiry.refresh_from_db()
    assert inquiry.notified_at is not None


def test_anonymised_inquiries_are_read_only(handler_client):
    inquiry = InquiryFactory()
    Inquiry.objects.filter(pk=inquiry.pk).anonymise()
    html = handler_client.get(f"{CHANGELIST}{inquiry.pk}/change/").content.decode()
    assert 'name="status"' not in html
