"""Traditional Chinese (issue 27, points 1-4 and 9): every public page under /zh-hant/, converted
from the Simplified text when it is rendered, with nothing more for editors to write."""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.utils import translation

from core.i18n import languages, traditional
from core.management.commands.traditional_catalogue import convert_catalogue
from news.models import Article
from news.tests.factories import ArticleFactory
from parks.models import Park

SEED = "/news/suzhou-suqian-strengthen-cooperation-2023/"

# The six parks as a reader in Traditional expects them (../shared/facts.md). OpenCC alone writes
# 崑山沭陽工業園區 beside 昆沭高新技術產業園: the project dictionary keeps the city's own 昆山.
PARK_NAMES = {
    "ssip": "蘇州宿遷工業園區",
    "wujiang-siyang": "吳江泗陽工業園",
    "kunshan-shuyang": "昆山沭陽工業園區",
    "changshu-sihong": "常熟泗洪工業園",
    "zhangjiagang-suyu": "張家港宿豫工業園區",
    "wuzhong-sucheng": "吳中宿城工業園",
}


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


# --- 1. Every public page, in Traditional --------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/parks/", "/parks/ssip/", "/news/", SEED, "/figures/", "/contact/"])
def test_every_page_exists_in_traditional_with_its_links(client, content, path):
    """(Its lang and alternates: coop_portal/tests/test_languages.py, for every language.)"""
    html = page(client, f"/zh-hant{path}")
    assert '<html lang="zh-Hant">' in html
    # Links stay on the Traditional pages: reversed under the active language, not rewritten.
    assert 'href="/zh-hant/parks/"' in html and 'href="/zh-hans/parks/"' not in html.replace(
        f'href="/zh-hans{path}"', ""
    )


def test_the_page_is_the_simplified_page_converted(client, content):
    simplified = page(client, "/zh-hans/parks/ssip/")
    traditional = page(client, "/zh-hant/parks/ssip/")
    assert "<h1>苏州宿迁工业园区</h1>" in simplified
    assert "<h1>蘇州宿遷工業園區</h1>" in traditional
    assert "苏州" not in traditional.split("<body>")[1].replace('lang="zh-Hans" translate="no">简体', "")
    assert "<title>蘇州宿遷工業園區 · 蘇宿合作門戶網站</title>" in traditional  # interface strings too
    assert '"name": "蘇州宿遷工業園區"' in traditional  # and the structured data


@pytest.mark.parametrize(("slug", "name"), PARK_NAMES.items())
def test_the_six_park_names(client, content, slug, name):
    assert f"<h1>{name}</h1>" in page(client, f"/zh-hant/parks/{slug}/")


def test_the_project_dictionary_fixes_names_opencc_gets_wrong():
    import opencc

    plain = opencc.OpenCC(traditional.CONVERSION)
    assert plain.convert("昆山沭阳工业园区") == "崑山沭陽工業園區"  # what the dictionary is for
    assert traditional.convert("昆山沭阳工业园区") == "昆山沭陽工業園區"
    assert plain.convert("宿迁市广播电视总台") == "宿遷市廣播電視總檯"
    assert traditional.convert("宿迁市广播电视总台") == "宿遷市廣播電視總台"
    # A person named in the content, pinned against OpenCC upgrades.
    assert traditional.convert("董事长兼总经理南出智嗣介绍") == "董事長兼總經理南出智嗣介紹"


def test_a_persons_name_added_to_the_dictionary_is_written_as_listed(tmp_path):
    """余 is a surname as well as 'surplus' (餘): OpenCC cannot tell, an editor can."""
    import opencc

    dictionary = tmp_path / "names.tsv"
    dictionary.write_text("# people\n余承东\t余承東\n", "utf-8")
    assert opencc.OpenCC(traditional.CONVERSION).convert("华为的余承东说") == "華為的餘承東說"
    converter = traditional._opencc(traditional.CONVERSION, traditional.read_dictionary(dictionary))
    assert converter.convert("华为的余承东说") == "華為的余承東說"
    assert converter.convert("300余人") == "300餘人"  # the word is still converted elsewhere


def test_a_malformed_dictionary_line_is_a_clear_error(tmp_path):
    dictionary = tmp_path / "names.tsv"
    dictionary.write_text("苏州 蘇州\n", "utf-8")
    with pytest.raises(ValueError, match="line 1"):
        traditional.read_dictionary(dictionary)


def test_what_visitors_typed_and_the_switch_are_left_as_written(client, db):
    html = page(client, "/zh-hant/search/?q=" + quote("苏州 园区"))
    assert 'value="苏州 园区"' in html  # the search box keeps what was typed
    assert '<a href="/zh-hans/search/?q=%E8%8B%8F%E5%B7%9E+%E5%9B%AD%E5%8C%BA"' in html  # URLs unchanged
    switch = re.search(r'<nav class="lang-switch".*?</nav>', html, re.S).group(0)
    assert ">English<" in switch and ">简体<" in switch and ">繁體<" in switch
    assert 'aria-current="true" lang="zh-Hant"' in switch


def test_a_form_shown_again_keeps_what_the_visitor_wrote(client, db):
    data = {"name": "张三", "email": "not-an-address", "message": "我想了解苏州宿迁工业园区。"}
    html = client.post("/zh-hant/contact/", data).content.decode()
    assert 'value="张三"' in html
    assert "我想了解苏州宿迁工业园区。</textarea>" in html
    assert "<h1>聯繫我們</h1>" in html or "聯繫" in html  # the page around it is converted


def test_html_conversion_keeps_urls_attributes_and_kept_parts():
    html = (
        '<p lang="zh-Hans" title="苏州">发展</p><a href="/zh-hant/search/?q=苏州">苏州</a>'
        '<input name="q" value="苏州"><textarea>苏州</textarea><span translate="no">简体</span>'
    )
    assert traditional.convert_html(html) == (
        '<p lang="zh-Hant" title="蘇州">發展</p><a href="/zh-hant/search/?q=蘇州">蘇州</a>'
        '<input name="q" value="苏州"><textarea>苏州</textarea><span translate="no">简体</span>'
    )
    assert traditional.convert_html(html, "zh-hans") == html


def test_an_object_exists_in_traditional_when_it_exists_in_simplified(client, db):
    ArticleFactory(slug="zh-only", original_language="zh-hans", title_zh_hans="宿迁新闻", title_en=None)
    ArticleFactory(slug="en-only", title_en="Only English", title_zh_hans=None, summary_zh_hans=None)
    listing = page(client, "/zh-hant/news/")
    assert "宿遷新聞" in listing and "en-only" not in listing
    assert "<h1>宿遷新聞</h1>" in page(client, "/zh-hant/news/zh-only/")
    notice = page(client, "/zh-hant/news/en-only/")  # the one-language notice, once, converted
    assert notice.count('hreflang="en" lang="en">Only English</a>') == 1
    assert 'name="robots" content="noindex"' in notice
    assert "/zh-hant/news/zh-only/" in page(client, "/zh-hant/news/feed/rss/")
    english_notice = page(client, "/en/news/zh-only/")  # one line for Chinese, not one per script
    assert english_notice.count("is available in") == 1


def test_a_traditional_page_reads_the_chinese_text_of_the_models(content):
    park = Park.objects.get(slug="ssip")
    with translation.override("zh-hant"):
        assert park.name == park.name_zh_hans
        assert Park.objects.filter(name=park.name_zh_hans).exists()  # modeltranslation's lookups too
        assert languages.current() == "zh-hant" and languages.written() == "zh-hans"


def test_no_traditional_column_is_made():
    assert not [field.name for field in Article._meta.fields if field.name.endswith("_zh_hant")]


def test_the_sitemap_lists_traditional_pages_with_their_alternates(client, content):
    sitemap = page(client, "/sitemap.xml")
    assert "<loc>http://testserver/zh-hant/parks/ssip/</loc>" in sitemap
    assert 'hreflang="zh-Hant" href="http://testserver/zh-hant/parks/ssip/"' in sitemap


@pytest.mark.parametrize("path", ["data/figures.csv", "data/parks.json", "news/feed/atom/"])
def test_open_data_and_feeds_are_converted(client, content, path):
    text = page(client, f"/zh-hant/{path}")
    assert "蘇州" in text and "苏州" not in text


def test_not_found_is_in_traditional(client, db):
    response = client.get("/zh-hant/no-such-page/")
    assert response.status_code == 404
    assert "<h1>頁面未找到</h1>" in response.content.decode()


def test_the_server_error_page_has_a_traditional_block():
    from django.template.loader import get_template

    html = get_template("500.html").render()
    simplified = re.search(r'<div lang="zh-Hans">(.*?)</div>', html).group(1)
    assert f'<div lang="zh-Hant">{traditional.convert(simplified)}</div>' in html


@pytest.mark.parametrize(
    ("alias", "target"),
    [("/zh-tw/parks/", "/zh-hant/parks/"), ("/zh-HK/", "/zh-hant/"), ("/zh-Hant/news/", "/zh-hant/news/")],
)
def test_traditional_aliases_redirect(client, db, alias, target):
    response = client.get(alias)
    assert response.status_code == 301 and response["Location"] == target


def test_the_admin_stays_simplified_for_a_traditional_reader(staff_client):
    staff_client.cookies["django_language"] = "zh-hant"
    html = staff_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="zh-TW").content.decode()
    assert '<html lang="zh-hans"' in html
    assert "站点管理" in html or "苏宿合作门户网站" in html


def test_the_traditional_catalogue_is_generated_and_current():
    """`make messages` writes it; a Simplified string added since would show in English."""
    from django.conf import settings

    locale = settings.LOCALE_PATHS[0]
    source = (locale / "zh_Hans/LC_MESSAGES/django.po").read_text("utf-8")
    generated = (locale / "zh_Hant/LC_MESSAGES/django.po").read_text("utf-8")
    assert generated.endswith(convert_catalogue(source))
    with translation.override("zh-hant"):
        assert translation.gettext("Page not found") == "頁面未找到"


def test_catalogue_conversion_leaves_msgids_alone():
    po = 'msgid "苏州"\nmsgstr ""\n"苏州"\n\nmsgid "%(n)s 个"\nmsgstr[0] "%(n)s 个园区"\n'
    assert convert_catalogue(po) == 'msgid "苏州"\nmsgstr ""\n"蘇州"\n\nmsgid "%(n)s 个"\nmsgstr[0] "%(n)s 個園區"\n'


# --- 2. Search from any of the three ---------------------------------------------------------------


def result_links(html):
    return re.findall(r'<a href="/[a-z-]+/((?:parks|news|enterprises|sources|figures)/[^"]*)"', html)


@pytest.mark.parametrize("lang", ["en", "zh-hans", "zh-hant"])
def test_a_traditional_query_finds_what_its_simplified_form_finds(client, content, lang):
    simplified = page(client, f"/{lang}/search/?q=" + quote("苏州 工业园区"))
    traditional = page(client, f"/{lang}/search/?q=" + quote("蘇州 工業園區"))
    assert result_links(simplified) and result_links(traditional) == result_links(simplified)


def test_results_on_traditional_pages_are_traditional_and_marked(client, content):
    html = page(client, "/zh-hant/search/?q=" + quote("蘇州 工業園區"))
    assert "<mark>蘇州</mark>" in html and "<mark>工業園區</mark>" in html
    assert "<mark>苏州</mark>" not in html


# --- 3. Numbers and dates --------------------------------------------------------------------------


def test_numbers_and_dates_are_written_as_in_simplified(client, content):
    figures = page(client, "/zh-hant/figures/")
    for text in ["2198億元", "近53萬人", "300餘人"]:
        assert text in figures, text
    article = page(client, f"/zh-hant{SEED}")
    assert "2023年10月11日" in article


def test_formatting_per_language():
    from facts.formatting import format_amount

    assert format_amount("219800000000", "yuan", language="zh-hans") == "2198亿元"
    assert format_amount("219800000000", "yuan", language="zh-hant") == "2198億元"
    with translation.override("zh-hant"):
        from django.utils.formats import date_format

        assert date_format(__import__("datetime").date(2023, 10, 11)) == "2023年10月11日"


# --- 4. Cached like the others --------------------------------------------------------------------


def test_traditional_pages_are_cached_converted(page_cache, content, django_assert_num_queries, monkeypatch):
    anon = Client()
    first = anon.get("/zh-hant/parks/ssip/")
    assert first["X-Cache"] == "MISS"
    assert "<h1>蘇州宿遷工業園區</h1>" in first.content.decode()
    monkeypatch.setattr(traditional, "_converter", None)  # a hit converts nothing (it would fail here)
    with django_assert_num_queries(0):
        second = anon.get("/zh-hant/parks/ssip/")
    assert second["X-Cache"] == "HIT" and second.content == first.content
    assert not second.cookies and "Set-Cookie" not in second


# --- 9. "/" returns to the language last read --------------------------------------------------------


@pytest.mark.parametrize(
    ("cookie", "accept", "expected"),
    [
        ("zh-hant", "en", "/zh-hant/"),
        ("zh-hans", "zh-TW", "/zh-hans/"),
        (None, "zh-TW,zh;q=0.9", "/zh-hant/"),
        (None, "zh-HK", "/zh-hant/"),
        (None, "zh-CN,zh;q=0.9", "/zh-hans/"),
    ],
)
def test_root_sends_a_visitor_to_the_language_last_read(client, db, cookie, accept, expected):
    if cookie:
        client.cookies["django_language"] = cookie
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response["Location"] == expected
    assert "Cookie" in response["Vary"]


def test_every_page_reports_the_language_read_from_the_browser(settings):
    """The cookie is set by the page's own script from <html lang>, for every page read, so that
    the server never sets it on a (cached) page."""
    script = (settings.BASE_DIR / "static/js/site.js").read_text()
    assert 'document.documentElement.getAttribute("lang")' in script
    assert 'COOKIE + "=" + reading' in script


def test_side_by_side_names_and_tags_the_chinese_it_shows(client, content):
    html = page(client, f"/zh-hant{SEED}side-by-side/")
    assert '<div lang="zh-Hant" translate="no">繁體中文</div>' in html
    # Only the switch's 简体 link still says Simplified; the columns' text is Traditional and says so.
    assert re.findall(r'\slang="(zh-Han[st])"', html).count("zh-Hans") == 1
    assert '<div lang="zh-Hans" translate="no">简体中文</div>' in page(client, f"/zh-hans{SEED}side-by-side/")
