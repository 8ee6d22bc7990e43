"""The contact form as a visitor uses it, in both languages."""

import re

import pytest

from inquiries.models import Inquiry
from inquiries.views import SESSION_KEY
from parks.models import Park


def checked_parks(html):
    """The values (park ids) of the ticked park checkboxes."""
    return set(re.findall(r'<input type="checkbox" name="parks" value="(\d+)"[^>]* checked', html))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/contact/", ['<html lang="en">', "<h1>Contact us</h1>", "How we use your details", "Send inquiry"]),
        (
            "/zh-hans/contact/",
            ['<html lang="zh-Hans">', "<h1>联系我们</h1>", "我们如何使用您的信息", "发送咨询", "苏州宿迁工业园区"],
        ),
    ],
)
def test_contact_page_speaks_the_page_language(client, content, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'<a href="{url}" aria-current="page">' in html  # the header's Contact link


def test_privacy_notice_states_the_retention_period(client, content, settings):
    settings.INQUIRY_RETENTION_DAYS = 180
    assert "180 days after your inquiry is closed" in client.get("/en/contact/").content.decode()
    assert "咨询结案180天后" in client.get("/zh-hans/contact/").content.decode()


def test_park_parameter_ticks_that_park(client, ssip):
    html = client.get("/en/contact/", {"park": "ssip"}).content.decode()
    assert checked_parks(html) == {str(ssip.pk)}


@pytest.mark.parametrize("slug", ["no-such-park", "<script>", ""])
def test_unknown_park_parameter_is_ignored(client, content, slug):
    response = client.get("/en/contact/", {"park": slug})
    assert response.status_code == 200
    assert checked_parks(response.content.decode()) == set()


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_every_park_page_has_the_form_with_its_park_ticked(client, content, lang):
    for park in Park.objects.all():
        html = client.get(f"/{lang}/parks/{park.slug}/").content.decode()
        # First step: the review page (no token here, so the park page stays cacheable).
        assert f'action="/{lang}/contact/review/"' in html
        assert checked_parks(html) == {str(park.pk)}


def test_contact_link_in_the_header(client, content):
    html = client.get("/zh-hans/parks/").content.decode()
    assert '<a href="/zh-hans/contact/">联系我们</a>' in html


def test_valid_inquiry_is_stored_and_confirmed_with_its_reference(client, form_data, ssip):
    response = client.post("/en/contact/", form_data)
    assert response.status_code == 302
    assert response["Location"] == "/en/contact/thanks/"
    inquiry = Inquiry.objects.get()
    assert re.fullmatch(r"INQ-\d{4}-[0-9A-HJKMNP-TV-Z]{6}", inquiry.reference)
    assert inquiry.name == "Anna Schmidt"
    assert list(inquiry.parks.all()) == [ssip]
    assert inquiry.language == "en"
    assert inquiry.consented_at is not None
    assert inquiry.status == "new"

    html = client.get(response["Location"]).content.decode()
    assert inquiry.reference in html
    assert "We will reply to anna.schmidt@example.com." in html
    assert "Suzhou Suqian Industrial Park" in html


def test_chinese_submission_round_trips_intact(client, ssip, django_capture_on_commit_callbacks):
    data = {
        "name": "张伟",
        "organisation": "苏州精密机械有限公司（𠮷野家分部）",
        "email": "zhang.wei@example.cn",
        "phone": "+86 527 8888 6666",
        "country": "中国",
        "parks": [str(ssip.pk)],
        "sector": "machinery",
        "message": "您好！我们计划在宿迁投资建厂，需要约五十亩工业用地。\n请问园区的土地价格和税收优惠政策是什么？",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/zh-hans/contact/", data)
    assert response["Location"] == "/zh-hans/contact/thanks/"
    inquiry = Inquiry.objects.get()
    for field in ("name", "organisation", "country", "message"):
        assert getattr(inquiry, field) == data[field]
    assert inquiry.language == "zh-hans"

    thanks = client.get(response["Location"]).content.decode()
    assert "感谢您的咨询" in thanks
    assert inquiry.reference in thanks

    from django.core import mail

    (email,) = mail.outbox
    assert "苏州精密机械有限公司（𠮷野家分部）" in email.subject
    assert data["message"] in email.body


def test_errors_are_in_chinese_and_keep_the_input(client, ssip):
    data = {
        "name": "张伟",
        "organisation": "",
        "email": "不是邮箱",
        "phone": "call me maybe",
        "country": "中国",
        "parks": [str(ssip.pk)],
        "sector": "machinery",
        "message": "我们想了解<园区>的用地情况。",
    }
    response = client.post("/zh-hans/contact/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "请更正下面标出的字段" in html
    assert "这个字段是必填项。" in html  # organisation (Django's own catalogue)
    assert "输入一个有效的 Email 地址。" in html
    assert "电话号码只能包含数字、空格和 + ( ) -。" in html
    assert "您必须同意，我们才能答复您。" in html
    # Everything typed is still there, escaped.
    assert 'value="张伟"' in html
    assert 'value="不是邮箱"' in html
    assert "我们想了解&lt;园区&gt;的用地情况。</textarea>" in html
    assert checked_parks(html) == {str(ssip.pk)}
    assert Inquiry.objects.count() == 0


def test_tampered_park_choice_is_an_error_not_a_crash(client, form_data):
    form_data["parks"] = ["not-a-number", "999999"]
    response = client.post("/en/contact/", form_data)
    assert response.status_code == 200
    assert "“not-a-number” is not a valid value." in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_inquiry_without_a_park_is_accepted(client, form_data):
    del form_data["parks"]
    assert client.post("/en/contact/", form_data).status_code == 302
    assert Inquiry.objects.get().parks.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "x" * 201),
        ("organisation", "x" * 201),
        ("email", "a" * 250 + "@example.com"),
        ("phone", "1" * 41),
        ("country", "x" * 101),
        ("message", "x" * 5001),
        ("sector", "arms"),
        ("name", "Anna\r\nBcc: victim@example.com"),
    ],
)
def test_every_field_has_limits(client, form_data, field, value):
    form_data[field] = value
    response = client.post("/en/contact/", form_data)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_limits_are_on_the_model_too(db):
    from django.core.exceptions import ValidationError

    from inquiries.tests.factories import InquiryFactory

    inquiry = InquiryFactory.build(name="x" * 201, message="x" * 5001, phone="abc")
    with pytest.raises(ValidationError) as excinfo:
        inquiry.full_clean()
    assert set(excinfo.value.message_dict) == {"name", "message", "phone"}


def test_confirmation_page_shows_only_this_visitors_inquiry(client, form_data):
    from django.test import Client

    client.post("/en/contact/", form_data)
    reference = Inquiry.objects.get().reference
    stranger = Client()
    response = stranger.get("/en/contact/thanks/")
    assert response.status_code == 302
    assert response["Location"] == "/en/contact/"
    assert reference not in response.content.decode()
    assert client.session[SESSION_KEY] == reference
    assert reference in client.get("/en/contact/thanks/").content.decode()


def test_confirmation_page_is_not_cached(client, form_data):
    client.post("/en/contact/", form_data)
    response = client.get("/en/contact/thanks/")
    assert "no-store" in response["Cache-Control"]


def test_contact_pages_run_a_bounded_number_of_queries(client, form_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # park by slug, parks for the checkboxes, site details
        assert client.get("/en/contact/", {"park": "ssip"}).status_code == 200
    with django_assert_max_num_queries(13):  # 12, and one for the rate limit (inquiries/ratelimit.py)
        assert client.post("/en/contact/", form_data).status_code == 302
    with django_assert_max_num_queries(5):  # session, inquiry, its parks, site details
        assert client.get("/en/contact/thanks/").status_code == 200


def test_park_page_form_sets_no_cookie_so_the_page_is_cached(client, content, page_cache):
    """The park page's form has no CSRF token (it would set a cookie and keep the
    page out of the shared cache); its first step goes to the review page."""
    first = client.get("/en/parks/ssip/")
    assert not first.cookies
    assert first["X-Cache"] == "MISS"
    assert 'action="/en/contact/review/"' in first.content.decode()
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert client.get("/en/parks/ssip/")["X-Cache"] == "HIT"


def test_review_step_stores_nothing_and_shows_the_form_ready_to_send(content):
    from django.test import Client

    from inquiries.models import Inquiry

    client = Client(enforce_csrf_checks=True)
    park = Park.objects.get(slug="ssip")
    data = {
        "name": "王小明",
        "organisation": "示例科技有限公司",
        "email": "wang@example.cn",
        "country": "中国",
        "sector": "electronics",
        "parks": [park.pk],
        "message": "我们想了解园区的厂房。",
        "consent": "on",
    }
    review = client.post("/zh-hans/contact/review/", data)  # no CSRF token, as from the park page
    assert review.status_code == 200
    html = review.content.decode()
    assert not Inquiry.objects.exists()
    assert "请核对" in html and "王小明" in html and "我们想了解园区的厂房。" in html
    assert 'action="/zh-hans/contact/"' in html and "csrfmiddlewaretoken" in html
    token = client.cookies["csrftoken"].value
    sent = client.post("/zh-hans/contact/", {**data, "csrfmiddlewaretoken": token})
    assert sent.status_code == 302
    assert Inquiry.objects.get().name == "王小明"


def test_review_step_shows_errors_in_the_page_language(client, content):
    html = client.post("/zh-hans/contact/review/", {"name": "王"}).content.decode()
    assert "这个字段是必填项" in html or "必填" in html
    assert 'value="王"' in html


def test_review_page_without_a_form_leads_to_the_contact_page(client, db):
    response = client.get("/zh-hans/contact/review/")
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/contact/"
