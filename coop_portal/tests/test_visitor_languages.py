"""Language remembered: "/" follows the language cookie that the switch sets
(static/js/site.js, checked in e2e/test_visitors.py), and the Chinese codes visitors type
lead to /zh-hans/."""

import pytest


def test_root_sends_a_returning_visitor_to_the_language_they_chose(client, db):
    client.cookies["django_language"] = "zh-hans"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == "/zh-hans/"
    client.cookies["django_language"] = "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN")["Location"] == "/en/"


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/zh/", "/zh-hans/"),
        ("/zh-cn/", "/zh-hans/"),
        ("/cn/", "/zh-hans/"),
        ("/zh-cn/parks/ssip/", "/zh-hans/parks/ssip/"),
    ],
)
def test_chinese_codes_lead_to_the_chinese_site(client, db, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target
