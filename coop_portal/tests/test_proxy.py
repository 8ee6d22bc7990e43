"""Behind the reverse proxy: each visitor has their own inquiry budget and sign-in lockout,
and a client cannot choose its address by sending X-Forwarded-For itself."""

import pytest
from django.test import Client, RequestFactory

from core.network import client_ip
from inquiries.models import Inquiry
from inquiries.tests.factories import form_submission
from parks.tests.factories import ParkFactory

PROXY = "10.0.0.5"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "fd00::/8"]


def address(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_ip(RequestFactory().get("/", REMOTE_ADDR=remote, **extra))


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    assert settings.TRUSTED_PROXIES == []
    assert address("203.0.113.7", "198.51.100.1") == "203.0.113.7"


def test_the_client_is_the_rightmost_address_that_is_not_a_proxy(behind_proxy):
    assert address(PROXY, "203.0.113.7") == "203.0.113.7"
    # What the client wrote itself comes first; our proxy appends what it saw.
    assert address(PROXY, "1.2.3.4, 203.0.113.7") == "203.0.113.7"
    # Two proxies of ours in a row (a load balancer, then nginx).
    assert address(PROXY, "203.0.113.7, 10.0.0.9") == "203.0.113.7"
    assert address("fd00::1", "2001:db8::7") == "2001:db8::7"


def test_a_forged_header_from_an_untrusted_peer_is_ignored(behind_proxy):
    assert address("203.0.113.7", "10.0.0.1") == "203.0.113.7"
    assert address("203.0.113.7", "198.51.100.1") == "203.0.113.7"


def test_garbage_in_the_header_is_not_an_address(behind_proxy):
    assert address(PROXY, "") == PROXY
    assert address(PROXY, "not-an-address") == PROXY
    assert address(PROXY, "203.0.113.7, <script>") == PROXY


def post_through_proxy(data, forwarded, remote=PROXY):
    return Client(REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded).post("/en/contact/", data)


def test_visitors_behind_the_proxy_have_their_own_inquiry_budget(db, behind_proxy):
    data = form_submission(ParkFactory())
    for _ in range(5):
        assert post_through_proxy(data, "203.0.113.7").status_code == 302
    assert post_through_proxy(data, "203.0.113.7").status_code == 429
    # Another visitor through the same proxy is not affected …
    assert post_through_proxy(data, "198.51.100.20").status_code == 302
    # … and the limited one cannot escape by writing another address in front.
    assert post_through_proxy(data, "198.51.100.99, 203.0.113.7").status_code == 429
    assert Inquiry.objects.count() == 6


def test_a_client_cannot_escape_the_limit_with_a_forged_header(db, behind_proxy):
    data = form_submission(ParkFactory())
    statuses = [post_through_proxy(data, f"198.51.100.{n}", remote="203.0.113.7").status_code for n in range(7)]
    assert statuses == [302] * 5 + [429] * 2


def test_five_bad_passwords_lock_out_only_the_guesser(db, behind_proxy, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.org", "right-password")
    attacker = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66")
    for _ in range(5):
        attacker.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert attacker.post("/admin/login/", {"username": "editor", "password": "right-password"}).status_code == 429
    # The editor, behind the same proxy from another address, still signs in.
    editor = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert editor.post("/admin/login/", {"username": "editor", "password": "right-password"}).status_code == 302
