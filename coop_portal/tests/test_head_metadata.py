"""What search engines and link previews read in every page's <head>."""

import json
import re

import pytest

from news.tests.factories import ArticleFactory
from parks.models import Park

SEED = "/news/suzhou-suqian-strengthen-cooperation-2023/"
PAGES = ["/", "/parks/", "/parks/ssip/", "/news/", SEED, "/search/"]


def meta(html, prop):
    return re.findall(rf'<meta property="{prop}" content="([^"]*)">', html)


def head(html):
    return html[html.index("<head>") : html.index("</head>")]


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize(
    ("prefix", "locale", "other"),
    [
        ("/en", "en_US", ["zh_CN", "zh_TW"]),
        ("/zh-hans", "zh_CN", ["en_US", "zh_TW"]),
        ("/zh-hant", "zh_TW", ["en_US", "zh_CN"]),
    ],
)
def test_every_page_has_canonical_and_opengraph(client, content, path, prefix, locale, other):
    html = head(client.get(prefix + path).content.decode())
    url = f"http://testserver{prefix}{path}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "og:url") == [url]
    assert meta(html, "og:locale") == [locale]
    assert meta(html, "og:locale:alternate") == other
    assert meta(html, "og:title")[0].strip()
    assert meta(html, "og:description")[0].strip()
    assert re.search(r'<meta name="description" content="[^"]+">', html)
    # The news feeds of the page's language.
    assert 'type="application/rss+xml" title="' in html and f'href="{prefix}/news/feed/rss/"' in html
    assert f'href="{prefix}/news/feed/atom/"' in html


@pytest.mark.parametrize(
    ("url", "title", "description"),
    [
        (
            f"/en{SEED}",
            "Suzhou, Suqian strengthen cooperation for shared development",
            "Twenty-two years after Suzhou and Suqian were paired",
        ),
        (f"/zh-hans{SEED}", "苏州、宿迁加强合作，实现共同发展", "苏州与宿迁结对22年来"),
        ("/zh-hans/parks/ssip/", "苏州宿迁工业园区", "六个共建园区中的旗舰园区"),
    ],
)
def test_detail_pages_describe_themselves_in_their_language(client, content, url, title, description):
    html = head(client.get(url).content.decode())
    assert meta(html, "og:title") == [title]
    assert meta(html, "og:description")[0].startswith(description)
    assert re.search(rf'<meta name="description" content="{re.escape(meta(html, "og:description")[0])}">', html)


def test_article_is_an_opengraph_article(client, content):
    assert meta(client.get(f"/en{SEED}").content.decode(), "og:type") == ["article"]
    assert meta(client.get("/en/parks/").content.decode(), "og:type") == ["website"]


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/en/news/?utm_source=wechat", "http://testserver/en/news/"),
        ("/en/news/?page=1", "http://testserver/en/news/"),
        ("/en/news/?page=2&utm_medium=x", "http://testserver/en/news/?page=2"),
        ("/zh-hans/news/?year=2023&park=ssip", "http://testserver/zh-hans/news/?park=ssip&year=2023"),
        ("/en/search/?q=苏宿", "http://testserver/en/search/?q=%E8%8B%8F%E5%AE%BF"),
    ],
)
def test_canonical_keeps_what_chooses_the_content_and_drops_the_rest(client, content, url, canonical):
    for n in range(13):
        ArticleFactory(slug=f"story-{n}")
    html = client.get(url).content.decode()
    assert f'<link rel="canonical" href="{canonical.replace("&", "&amp;")}">' in html
    # The other language's version of this very page, with the same parameters.
    other = canonical.replace("/en/", "/zh-hans/") if "/en/" in canonical else canonical.replace("/zh-hans/", "/en/")
    other_tag = "zh-Hans" if "/en/" in canonical else "en"
    assert f'hreflang="{other_tag}" href="{other.replace("&", "&amp;")}"' in html


def test_error_pages_have_no_canonical(client, db):
    response = client.get("/en/news/no-such-story/")
    assert response.status_code == 404
    assert 'rel="canonical"' not in response.content.decode()


def test_news_article_json_ld_in_the_original_language(client, content):
    (data,) = json_ld(client.get(f"/en{SEED}").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Suzhou, Suqian strengthen cooperation for shared development"
    assert data["datePublished"] == "2023-10-11T15:07:39+08:00"
    assert data["dateModified"] >= data["datePublished"]
    assert data["inLanguage"] == "en"
    assert data["publisher"]["@type"] == "Organization"
    assert data["url"] == f"http://testserver/en{SEED}"
    assert "translationOfWork" not in data
    assert data["workTranslation"] == [
        {
            "@type": "NewsArticle",
            "@id": f"http://testserver/{code}{SEED}",
            "url": f"http://testserver/{code}{SEED}",
            "inLanguage": tag,
        }
        for code, tag in (("zh-hans", "zh-Hans"), ("zh-hant", "zh-Hant"))  # Traditional: the Chinese converted
    ]
    assert {place["name"] for place in data["about"]} >= {"Suzhou Suqian Industrial Park"}


def test_news_article_json_ld_of_the_translation_points_at_the_original(client, content):
    (data,) = json_ld(client.get(f"/zh-hans{SEED}").content.decode())
    assert data["headline"] == "苏州、宿迁加强合作，实现共同发展"
    assert data["inLanguage"] == "zh-Hans"
    assert data["translationOfWork"]["@id"] == f"http://testserver/en{SEED}"
    assert data["translationOfWork"]["inLanguage"] == "en"
    assert data["publisher"]["name"] == "苏宿合作门户网站"


def test_article_written_in_chinese_is_the_original_in_chinese(client, db):
    ArticleFactory(slug="zh-original", original_language="zh-hans")
    (data,) = json_ld(client.get("/en/news/zh-original/").content.decode())
    assert data["translationOfWork"]["@id"] == "http://testserver/zh-hans/news/zh-original/"
    (data,) = json_ld(client.get("/zh-hans/news/zh-original/").content.decode())
    assert "translationOfWork" not in data


@pytest.mark.parametrize(
    ("lang", "name", "locality"), [("en", "Wujiang Siyang", "Siyang"), ("zh-hans", "吴江泗阳", "泗阳")]
)
def test_park_json_ld_is_a_place_and_an_organization(client, content, lang, name, locality):
    (data,) = json_ld(client.get(f"/{lang}/parks/wujiang-siyang/").content.decode())
    assert data["@type"] == ["Place", "Organization"]
    assert name in data["name"]
    assert locality in data["address"]["addressLocality"]
    assert data["address"]["addressCountry"] == "CN"
    assert data["geo"]["latitude"] == pytest.approx(33.721, abs=0.01)
    assert data["foundingDate"] == "2008-07"  # known only to the month


def test_home_page_json_ld_names_the_site_and_its_search(client, content):
    (data,) = json_ld(client.get("/zh-hans/").content.decode())
    assert data["@type"] == "WebSite"
    target = data["potentialAction"]["target"]["urlTemplate"]
    assert target == "http://testserver/zh-hans/search/?q={search_term_string}"


def test_json_ld_cannot_be_closed_by_a_title(client, db):
    attack = "</script><script>alert(1)</script><!--"
    ArticleFactory(slug="attack", title_en=attack, summary_en=f"Summary {attack}")
    html = client.get("/en/news/attack/").content.decode()
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "<" not in block and ">" not in block
    (data,) = json_ld(html)
    assert data["headline"] == attack
    assert data["description"] == f"Summary {attack}"
    assert "<script>alert(1)" not in html
    # Only the JSON-LD itself and the site-wide script files (the reader's tools; easy reading's early one).
    assert html.count("<script") == 3
    assert html.count('<script src="/static/js/site.js" defer></script>') == 1
    assert html.count('<script src="/static/js/easy-reading-early.js"></script>') == 1


def test_og_image_is_the_articles_picture(client, content):
    # Until issue 27 no page had one; coop_portal/tests/test_og_image.py covers every page.
    assert meta(client.get(f"/en{SEED}").content.decode(), "og:image")[0].startswith("http://testserver/media/")


def test_park_json_ld_needs_no_more_queries(client, content, django_assert_max_num_queries):
    url = Park.objects.get(slug="ssip").get_absolute_url()
    with django_assert_max_num_queries(12):  # the park page's bound (parks/tests/test_views.py)
        assert client.get(url).status_code == 200


def test_organization_json_ld_for_any_model_with_a_name_and_a_page(rf):
    from types import SimpleNamespace

    from core.structured_data import to_script
    from enterprises.structured_data import organization

    company = SimpleNamespace(
        name="Nichicon (Electronics) Suqian",
        description="<p>Capacitors &amp; more.</p>",
        get_absolute_url=lambda: "/x/",
    )
    data = organization(company, rf.get("/"))
    assert data == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": "http://testserver/x/",
        "url": "http://testserver/x/",
        "name": "Nichicon (Electronics) Suqian",
        "description": "Capacitors & more.",
    }
    assert "\\u0026" in to_script(data) and "&amp;" not in to_script(data)
