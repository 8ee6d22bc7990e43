"""Bots are refused with a clear message and nothing stored; messages stay plain text."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db.models import F
from django.test import Client

from inquiries.models import Inquiry, SubmissionWindow
from inquiries.tests.factories import InquiryFactory


def test_post_without_csrf_token_is_refused(form_data):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/en/contact/", form_data)
    assert response.status_code == 403
    assert Inquiry.objects.count() == 0


def test_post_with_the_forms_csrf_token_is_accepted(form_data):
    browser = Client(enforce_csrf_checks=True)
    html = browser.get("/en/contact/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = browser.post("/en/contact/", {**form_data, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Inquiry.objects.count() == 1


def test_honeypot_is_hidden_from_people(client, content):
    html = client.get("/en/contact/").content.decode()
    wrapper = re.search(r'<div class="hp" aria-hidden="true">(.*?)</div>', html, re.S).group(1)
    assert 'name="website"' in wrapper
    assert 'tabindex="-1"' in wrapper
    assert 'autocomplete="off"' in wrapper
    css = client.get("/static/css/site.css")
    assert ".hp { position: absolute; left: -10000px;" in b"".join(css.streaming_content).decode()


@pytest.mark.parametrize(("lang", "text"), [("en", "a field meant to stay empty"), ("zh-hans", "本应留空的字段")])
def test_filled_honeypot_is_refused_with_a_clear_message(
    client, form_data, lang, text, django_capture_on_commit_callbacks
):
    form_data["website"] = "http://cheap-pills.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/{lang}/contact/", form_data)
    assert response.status_code == 400
    html = response.content.decode()
    assert text in html
    assert "cheap-pills" not in html  # not rendered back, so a person can simply resend
    assert 'value="Anna Schmidt"' in html  # the rest of the input is kept
    assert Inquiry.objects.count() == 0
    assert mail.outbox == []


def post_from(address, data, lang="en"):
    return Client(REMOTE_ADDR=address).post(f"/{lang}/contact/", data)


def end_the_window():
    """As if INQUIRY_RATE_PERIOD had passed since every window started."""
    SubmissionWindow.objects.update(started_at=F("started_at") - datetime.timedelta(seconds=3600))


def test_rate_limit_refuses_the_sixth_inquiry_in_an_hour(form_data, settings):
    assert settings.INQUIRY_RATE_LIMIT == 5
    for _ in range(5):
        assert post_from("203.0.113.7", form_data).status_code == 302
    form_data["message"] = "Sixth <b>message</b>"
    response = post_from("203.0.113.7", form_data, lang="zh-hans")
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "您的咨询未能发送" in html
    assert "Sixth &lt;b&gt;message&lt;/b&gt;</textarea>" in html  # what they typed, to copy
    assert Inquiry.objects.count() == 5

    # Another address is not affected; the same one is welcome again once the window has passed.
    assert post_from("198.51.100.20", form_data).status_code == 302
    end_the_window()
    assert post_from("203.0.113.7", form_data).status_code == 302
    assert post_from("203.0.113.7", form_data).status_code == 302  # a new window of 5


def test_no_address_is_stored_by_the_limit(form_data):
    post_from("203.0.113.7", form_data)
    assert SubmissionWindow.objects.count() == 1
    assert "203.0.113.7" not in SubmissionWindow.objects.get().client
    end_the_window()
    call_command("purge_inquiries", verbosity=0)
    assert not SubmissionWindow.objects.exists()


def test_corrections_do_not_count_against_the_limit(form_data):
    for _ in range(10):
        assert post_from("203.0.113.7", {**form_data, "email": "typo"}).status_code == 200
    assert post_from("203.0.113.7", form_data).status_code == 302


def test_honeypot_hits_count_against_the_limit(form_data):
    for _ in range(5):
        assert post_from("203.0.113.7", {**form_data, "website": "spam"}).status_code == 400
    assert post_from("203.0.113.7", form_data).status_code == 429
    assert Inquiry.objects.count() == 0


def test_ipv6_addresses_share_the_limit_of_their_64(form_data):
    for host in range(1, 6):
        assert post_from(f"2001:db8:1:2::{host}", form_data).status_code == 302
    assert post_from("2001:db8:1:2:ffff::1", form_data).status_code == 429
    assert post_from("2001:db8:1:3::1", form_data).status_code == 302


def test_message_is_stored_as_typed_and_shown_as_plain_text(client, form_data, staff_client):
    form_data["message"] = '<script>alert("x")</script>\n<a href="http://spam.example">win</a>'
    client.post("/en/contact/", form_data)
    inquiry = Inquiry.objects.get()
    assert inquiry.message == form_data["message"]
    html = staff_client.get(f"/admin/inquiries/inquiry/{inquiry.pk}/change/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>&lt;a href=" in html
    assert "<script>alert" not in html
    assert '<a href="http://spam.example">' not in html


def test_names_cannot_inject_mail_headers(db, django_capture_on_commit_callbacks):
    # A row written past the form (e.g. by a script) still cannot break the e-mail.
    inquiry = InquiryFactory(organisation="ACME\r\nBcc: everyone@example.org")
    from inquiries.notifications import notify_staff

    assert notify_staff(inquiry.pk) is False
    inquiry.refresh_from_db()
    assert "BadHeaderError" in inquiry.notification_error
    assert mail.outbox == []
