"""Password spraying (issue 23, point 8): one address trying one password against many
accounts is locked out, the accounts are not (core/lockout.py)."""

import pytest
from django.test import Client

PROXY = "10.0.0.5"
SPRAYER = "203.0.113.66"


@pytest.fixture(autouse=True)
def _behind_proxy(settings):
    """As in production behind nginx: the address is the visitor's (core.network.client_ip)."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]


@pytest.fixture(autouse=True)
def _english_after():
    yield
    from django.utils import translation

    translation.activate("en")


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("editor", "e@example.org", "right-password")


def from_address(address, **headers):
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address, **headers)


SPRAYED = "Spring2026!"  # the one password a sprayer tries everywhere


def sign_in(client, username, password=SPRAYED):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_an_address_failing_against_many_accounts_is_locked_not_the_accounts(
    editor, settings, django_assert_max_num_queries
):
    assert settings.LOCKOUT_ADDRESS_ACCOUNTS == 10
    sprayer = from_address(SPRAYER)
    usernames = ["editor", *(f"user{n}" for n in range(19))]  # 20 accounts, one password each
    statuses = [sign_in(sprayer, username).status_code for username in usernames]
    assert statuses == [200] * 9 + [429] * 11  # locked at the 10th account

    with django_assert_max_num_queries(13):  # as many as for the first failure: one COUNT per attempt
        locked = sign_in(sprayer, "editor", "right-password")  # even the right password, from there
    assert locked.status_code == 429
    assert "failed for many different accounts" in locked.content.decode()
    assert "_auth_user_id" not in sprayer.session

    # The editor, whose name was sprayed too, signs in from their own address.
    elsewhere = from_address("198.51.100.20")
    assert sign_in(elsewhere, "editor", "right-password").status_code == 302


def test_a_few_mistakes_at_a_shared_address_lock_nobody_out(editor):
    """An office behind one address: nine colleagues mistyping once each stay below the rule."""
    office = from_address(SPRAYER)
    for n in range(9):
        assert sign_in(office, f"colleague{n}").status_code == 200
    assert sign_in(office, "editor", "right-password").status_code == 302


def test_one_account_is_still_locked_after_five_failures_from_one_address(editor):
    guesser = from_address(SPRAYER)
    assert [sign_in(guesser, "editor").status_code for _ in range(5)] == [200] * 4 + [429]
    locked = sign_in(guesser, "editor", "right-password")
    assert locked.status_code == 429
    assert "Sign-in for this account from your address is locked" in locked.content.decode()
    assert sign_in(from_address("198.51.100.20"), "editor", "right-password").status_code == 302


def test_the_address_lockout_page_speaks_chinese(editor):
    sprayer = from_address(SPRAYER, HTTP_ACCEPT_LANGUAGE="zh-hans")
    for n in range(10):
        response = sign_in(sprayer, f"user{n}")
    assert response.status_code == 429
    assert "您的网络地址对多个不同账户登录失败" in response.content.decode()
