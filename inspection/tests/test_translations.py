"""Notices: published content without its translation, images without alt text where shown."""

from images.tests.factories import ImageFactory
from inspection.findings import Severity
from inspection.runner import inspect
from news.models import Article
from news.tests.factories import ArticleFactory


def findings(check):
    return [f for f in inspect() if f.check == check]


def test_published_content_missing_a_translation(tidy_site):
    english = ArticleFactory(slug="english-only", title_zh_hans=None, summary_zh_hans=None, body_zh_hans=None)
    ArticleFactory(slug="draft", status=Article.Status.DRAFT, title_zh_hans=None)
    found = findings("translation")
    assert [(f.severity, f.language, f.url) for f in found] == [(Severity.NOTICE, "zh-hans", "/en/news/english-only/")]
    assert found[0].admin_url == f"/admin/news/article/{english.pk}/change/"
    assert "简体中文" in found[0].message


def test_an_image_without_alt_text_in_a_language_it_is_shown_in(tidy_site, media_root):
    image = ImageFactory(alt_zh_hans=None)  # alt text in English only
    ArticleFactory(slug="pictured", image=image)  # shown in both languages
    found = findings("alt")
    assert [(f.severity, f.language, f.url) for f in found] == [(Severity.NOTICE, "zh-hans", "/zh-hans/news/pictured/")]
    assert found[0].admin_url == f"/admin/images/image/{image.pk}/change/"


def test_an_image_on_english_pages_only_needs_no_chinese_alt_text(tidy_site, media_root):
    image = ImageFactory(alt_zh_hans=None)
    ArticleFactory(slug="pictured", image=image, title_zh_hans=None, summary_zh_hans=None, body_zh_hans=None)
    assert findings("alt") == []
