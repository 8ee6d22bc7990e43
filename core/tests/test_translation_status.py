"""Which languages each object is complete in, for every translated model."""

import pytest
from django.contrib import admin
from modeltranslation.translator import translator

from core.editorial.admin import EditorialAdminMixin
from core.editorial.translations import TranslationStatusAdminMixin
from core.translation_status import missing_languages
from news.models import Article
from news.tests.factories import ArticleFactory
from parks.tests.factories import ParkFactory


def test_every_translated_model_in_the_admin_shows_its_translation_status():
    """A model added later (with a translation.py and an admin) must use both mixins too: the
    site details' admin lacked the roles' one, and Translators changed its filing numbers (issue 23)."""
    for model in translator.get_registered_models(abstract=False):
        model_admin = admin.site._registry.get(model)
        if model_admin is not None:
            assert isinstance(model_admin, TranslationStatusAdminMixin), model
            assert isinstance(model_admin, EditorialAdminMixin), model


@pytest.mark.django_db
def test_missing_means_text_in_one_language_only():
    complete = ArticleFactory()
    no_chinese = ArticleFactory(title_zh_hans=None, summary_zh_hans="", body_zh_hans=None)
    half_chinese = ArticleFactory(body_zh_hans=None)
    no_english_source = ArticleFactory(source_name_en=None, source_name_zh_hans="新华社")
    assert missing_languages(complete) == []
    assert missing_languages(no_chinese) == ["zh-hans"]
    assert missing_languages(half_chinese) == ["zh-hans"]
    assert missing_languages(no_english_source) == ["en"]
    # An optional field empty in both languages is not a missing translation.
    park = ParkFactory(description_en="", description_zh_hans="", leading_industries_en="")
    assert missing_languages(park) == []


def test_change_list_shows_languages_and_filters_missing_ones(staff_client):
    ArticleFactory(title_en="Fully translated")
    ArticleFactory(title_en="English only", title_zh_hans=None, summary_zh_hans=None, body_zh_hans=None)
    ArticleFactory(title_en="Chinese source only", source_name_en=None, source_name_zh_hans="新华社")
    html = staff_client.get("/admin/news/article/").content.decode()
    assert "EN ✓" in html and "中文 ✗" in html
    assert "Missing Simplified Chinese" in html  # the filter
    missing_zh = staff_client.get("/admin/news/article/", {"translation": "zh-hans"}).content.decode()
    assert "English only" in missing_zh
    assert "Fully translated" not in missing_zh
    assert "Chinese source only" not in missing_zh
    missing_en = staff_client.get("/admin/news/article/", {"translation": "en"}).content.decode()
    assert "Chinese source only" in missing_en
    assert "English only" not in missing_en
    complete = staff_client.get("/admin/news/article/", {"translation": "complete"}).content.decode()
    assert "Fully translated" in complete
    assert "English only" not in complete


@pytest.mark.parametrize("url", ["/admin/parks/park/", "/admin/facts/source/", "/admin/images/image/"])
def test_other_translated_models_have_the_column_and_filter(staff_client, content, url):
    html = staff_client.get(url).content.decode()
    assert "EN ✓" in html
    assert "?translation=zh-hans" in html


def test_missing_translations_page_lists_public_objects_linked_to_their_form(staff_client, content):
    from django.utils import timezone

    public = ArticleFactory(title_en="Needs Chinese", title_zh_hans=None)
    ArticleFactory(title_en="Draft needing Chinese", title_zh_hans=None, status=Article.Status.DRAFT)
    ArticleFactory(
        title_en="Scheduled needing Chinese", title_zh_hans=None, published_at=timezone.now() + timezone.timedelta(1)
    )
    park = ParkFactory(name_en="Half-done Park", summary_zh_hans=None)
    response = staff_client.get("/admin/translations/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<a href="/admin/news/article/{public.pk}/change/?side_by_side=1">Needs Chinese</a>' in html
    assert f'<a href="/admin/parks/park/{park.pk}/change/?side_by_side=1">Half-done Park</a>' in html
    assert "Draft needing Chinese" not in html  # not public yet
    assert "Scheduled needing Chinese" not in html
    assert "Suzhou, Suqian strengthen cooperation" not in html  # complete
    # Linked from the admin's home page.
    assert 'href="/admin/translations/"' in staff_client.get("/admin/").content.decode()


def test_missing_translations_page_is_for_staff_only(client, db):
    response = client.get("/admin/translations/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
