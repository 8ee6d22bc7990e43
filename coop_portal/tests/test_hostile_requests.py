"""Hostile and malformed requests: property-based tests over every public URL
pattern (found by walking the URLconf, so new views are covered automatically)
and the query parameters the views read. Nothing may answer 500."""

import string
from urllib.parse import quote, urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

OK_STATUSES = {200, 301, 302, 400, 404, 405, 429}


def public_patterns(patterns=None, prefix=""):
    """Route templates of every public URL, e.g. '<lang>/parks/<slug:slug>/'."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    routes = []
    for entry in patterns:
        route = str(entry.pattern)
        if route.startswith("admin/"):
            continue
        if isinstance(entry, URLResolver):
            if entry.pattern.__class__.__name__ == "LocalePrefixPattern":
                route = "<lang>/"
            routes += public_patterns(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            routes.append(prefix + route)
    return routes


ROUTES = public_patterns()
HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["%", "_", "'", '"', "<script>alert(1)</script>", "../../etc/passwd", "\x00", "😀", "0", "-1", "1e9", "9" * 40]
    ),
    st.text(alphabet=string.printable, min_size=1000, max_size=11000),
)
LANG = st.one_of(st.sampled_from(["en", "zh-hans", "zh-Hans", "ZH-HANS", "fr", "", "en-us"]), st.text(max_size=8))
PARAMS = st.dictionaries(
    st.one_of(st.sampled_from(["page", "q", "park", "year", "lang", "format"]), st.text(max_size=10)),
    HOSTILE_TEXT,
    max_size=4,
)


def fill(route, lang, values):
    """Replace <lang> and every <converter:name> with hostile (URL-quoted) text."""
    path = route.replace("<lang>", quote(lang, safe=""))
    while "<" in path and ">" in path:
        start, end = path.index("<"), path.index(">")
        path = path[:start] + quote(values.pop() if values else "x", safe="") + path[end + 1 :]
    return "/" + path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    route=st.sampled_from(ROUTES),
    lang=LANG,
    values=st.lists(
        st.one_of(st.text(max_size=30), st.sampled_from(["ssip", "suzhou-suqian-strengthen-cooperation-2023"])),
        max_size=3,
    ),
    params=PARAMS,
)
def test_no_public_url_answers_500(client, content, route, lang, values, params):
    url = fill(route, lang, list(values))
    if params:
        url += "?" + urlencode(params)
    response = client.get(url)
    assert response.status_code in OK_STATUSES, (url[:300], response.status_code)


def test_routes_were_found():
    assert "<lang>/parks/<slug:slug>/" in ROUTES
    assert "<lang>/news/" in ROUTES


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "extra", "status"),
    [
        ("/en/", {"HTTP_HOST": "evil.example.com"}, 400),
        ("/en/news/%00/", {}, 400),  # NUL: core.middleware.RequestGuardMiddleware
        ("/en/news/" + "a" * 5000 + "/", {}, 404),
        ("/en/parks/%FF%FE/", {}, 404),
    ],
)
def test_malformed_requests_are_refused_cleanly(client, path, extra, status):
    assert client.get(path, **extra).status_code == status


@pytest.mark.django_db
def test_too_many_form_fields_is_400(client):
    data = "&".join(f"f{i}=x" for i in range(2000))
    response = client.post("/admin/login/", data, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
