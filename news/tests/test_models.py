import pytest
from django.db import IntegrityError

from news.models import Article
from news.tests.factories import ArticleFactory


@pytest.mark.django_db
def test_body_is_sanitized_on_save():
    article = ArticleFactory(body_en='<p onclick="x()">Hi<script>alert(1)</script></p>', body_zh_hans="<p>你好</p>")
    article.refresh_from_db()
    assert article.body_en == "<p>Hi</p>"


@pytest.mark.django_db
def test_the_original_language_title_is_required_by_the_database():
    with pytest.raises(IntegrityError):
        ArticleFactory(title_en="", title_zh_hans="只有中文", original_language=Article.Language.EN)


@pytest.mark.django_db
def test_a_chinese_original_needs_no_english_in_the_database():
    article = ArticleFactory(
        original_language=Article.Language.ZH_HANS, title_en=None, summary_en=None, body_en=None, slug=""
    )
    article.refresh_from_db()
    assert article.title_en is None and article.body_en is None  # a missing translation is NULL
    with pytest.raises(IntegrityError):
        ArticleFactory(original_language=Article.Language.ZH_HANS, title_zh_hans=None)


@pytest.mark.django_db
def test_translation_flag_follows_the_page_language(settings):
    from django.utils import translation

    article = ArticleFactory(original_language=Article.Language.EN)
    with translation.override("en"):
        assert not article.is_translation
    with translation.override("zh-hans"):
        assert article.is_translation
