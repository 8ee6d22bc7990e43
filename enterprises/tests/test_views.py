"""The enterprise directory and pages, as a visitor sees them."""

import pytest

from enterprises.models import Enterprise
from enterprises.tests.factories import EnterpriseFactory
from facts.tests.factories import SourceFactory
from parks.models import Park


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/en/enterprises/",
            [
                "<h1>Enterprises in the joint parks</h1>",
                "Nichicon (Electronics) Suqian Co., Ltd.",
                "Catcher",
                "JCET",
                "Hengli",
            ],
        ),
        ("/zh-hans/enterprises/", ["<h1>共建园区企业</h1>", "尼吉康电子(宿迁)有限公司", "可成科技", "长电科技"]),
        (
            "/en/enterprises/nichicon-suqian/",
            [
                "<h1>Nichicon (Electronics) Suqian Co., Ltd.</h1>",
                "Japan",
                "Relocated from Suzhou Industrial Park",
                "2011",
                "Minamide",
            ],
        ),
        (
            "/zh-hans/enterprises/nichicon-suqian/",
            ["<h1>尼吉康电子(宿迁)有限公司</h1>", "日本", "从苏州工业园区迁入", "南出智嗣"],
        ),
        # No verified Chinese name: nothing invented, and no half-translated page either: the
        # one notice every content type gives in a language it has no text in (issue 15).
        ("/zh-hans/enterprises/hengli/", ["此企业仅有English版本。", 'href="/en/enterprises/hengli/"']),
    ],
)
def test_enterprise_pages_in_both_languages(client, content, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html, text


def test_enterprise_page_cites_its_source(client, content):
    html = client.get("/en/enterprises/nichicon-suqian/").content.decode()
    assert 'href="/en/sources/ourjiangsu-2023-10-11/"' in html
    assert 'href="/en/parks/ssip/"' in html


def test_list_filters_by_park(client, content):
    EnterpriseFactory(name_en="Siyang Textiles", park=Park.objects.get(slug="wujiang-siyang"))
    html = client.get("/en/enterprises/", {"park": "wujiang-siyang"}).content.decode()
    assert "<h1>Enterprises in Wujiang Siyang Industrial Park</h1>" in html
    assert "Siyang Textiles" in html
    assert "Nichicon" not in html
    assert 'href="/en/enterprises/?park=wujiang-siyang" aria-current="page"' in html
    everyone = client.get("/en/enterprises/").content.decode()
    assert "Siyang Textiles" in everyone and "Nichicon" in everyone


def test_a_park_without_enterprises_is_a_clean_empty_page(client, content):
    response = client.get("/zh-hans/enterprises/", {"park": "changshu-sihong"})
    assert response.status_code == 200
    assert "暂无该园区的企业信息。" in response.content.decode()


@pytest.mark.parametrize("bad", ["no-such-park", "a\x00b", "../../etc", "x" * 500, "<script>"])
def test_a_bad_park_filter_is_a_404_never_a_500(client, content, bad):
    response = client.get("/en/enterprises/", {"park": bad})
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_unknown_enterprise_is_a_404_in_the_page_language(client, db):
    response = client.get("/zh-hans/enterprises/no-such-company/")
    assert response.status_code == 404
    assert "页面未找到" in response.content.decode()


def test_paging_keeps_the_park_filter(client, content):
    park = Park.objects.get(slug="kunshan-shuyang")
    for _ in range(30):
        EnterpriseFactory(park=park)
    html = client.get("/en/enterprises/", {"park": "kunshan-shuyang"}).content.decode()
    assert 'href="?park=kunshan-shuyang&amp;page=2" rel="next">Next</a>' in html
    second = client.get("/en/enterprises/", {"park": "kunshan-shuyang", "page": 2})
    assert second.status_code == 200
    assert client.get("/en/enterprises/", {"park": "kunshan-shuyang", "page": 9}).status_code == 404


def test_park_page_lists_its_enterprises_and_links_the_rest(client, content):
    park = Park.objects.get(slug="ssip")
    for i in range(20):
        EnterpriseFactory(park=park, display_order=100 + i, name_en=f"Later Company {i:02d}")
    html = client.get("/en/parks/ssip/").content.decode()
    assert "Nichicon (Electronics) Suqian Co., Ltd." in html
    assert "Later Company 19" not in html  # beyond the first dozen: one click away
    assert 'href="/en/enterprises/?park=ssip"' in html


@pytest.mark.parametrize("count", [2, 40])
def test_enterprise_pages_run_a_bounded_number_of_queries(client, content, count, django_assert_max_num_queries):
    parks = list(Park.objects.all())
    sources = [SourceFactory(), SourceFactory()]
    for i in range(count):
        EnterpriseFactory(park=parks[i % len(parks)], sources=sources)
    enterprise = Enterprise.objects.get(slug="nichicon-suqian")
    with django_assert_max_num_queries(3):  # count, page, parks for the filter
        assert client.get("/en/enterprises/").status_code == 200
    with django_assert_max_num_queries(4):  # and the park filtered by
        assert client.get("/en/enterprises/?park=ssip").status_code == 200
    with django_assert_max_num_queries(2):  # the enterprise with its park, its sources
        assert client.get(enterprise.get_absolute_url()).status_code == 200
