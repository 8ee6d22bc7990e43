"""A NUL character, or any other control character, in a query parameter is never a 500, on
any public or admin page. PostgreSQL refuses NUL in text (psycopg.DataError), so this matters
most there (CI runs the suite on PostgreSQL); on SQLite it checks the same promise."""

from urllib.parse import urlencode

import pytest
from django.contrib import admin
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coop_portal.tests.test_hostile_requests import ROUTES, fill

OK_STATUSES = {200, 301, 302, 400, 403, 404, 405, 429}
ADMIN_PAGES = ["/admin/", "/admin/translations/", "/admin/autocomplete/"] + [
    f"/admin/{model._meta.app_label}/{model._meta.model_name}/" for model in admin.site._registry
]
CONTROL = st.text(alphabet=st.characters(codec="utf-8", max_codepoint=0x9F, categories=["Cc"]), min_size=1, max_size=3)
VALUES = st.one_of(CONTROL, st.tuples(st.text(max_size=8), CONTROL, st.text(max_size=8)).map("".join))
NAMES = st.sampled_from(["q", "park", "year", "page", "status", "term", "o", "p", "e", "language", "app_label"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/en/contact/?park=%00",
        "/en/news/?park=%00",
        "/en/enterprises/?park=ssip%00",
        "/en/search/?q=%00",
        "/admin/news/article/?status=%00",
        "/admin/news/article/?q=%00",
        "/admin/autocomplete/?term=%00&app_label=news&model_name=article&field_name=image",
    ],
)
def test_nul_in_a_query_parameter_is_a_400(staff_client, url):
    response = staff_client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


@pytest.mark.django_db
def test_nul_in_the_session_cookie_is_a_400(client):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert client.get("/admin/").status_code == 400


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.one_of(st.sampled_from(ADMIN_PAGES), st.sampled_from(ROUTES).map(lambda route: fill(route, "en", []))),
    params=st.dictionaries(NAMES, VALUES, min_size=1, max_size=3),
)
def test_control_characters_in_query_parameters_are_never_a_500(staff_client, path, params):
    url = f"{path}?{urlencode(params)}"
    response = staff_client.get(url)
    assert response.status_code in OK_STATUSES, (url, response.status_code)
