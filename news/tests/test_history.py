"""Earlier versions of articles and parks: what changed, and restoring one."""

import json

import pytest
from django.core.management import call_command

from news.models import Article
from news.tests.test_roles import change_form_data
from parks.models import Park

SEED = "suzhou-suqian-strengthen-cooperation-2023"


def test_history_keeps_both_languages():
    columns = {f.name for f in Article.history.model._meta.fields}
    assert {"title_en", "title_zh_hans", "body_en", "body_zh_hans"} <= columns
    assert "title" not in columns  # modeltranslation's shadow column is left out
    assert {"name_en", "name_zh_hans", "description_zh_hans"} <= {f.name for f in Park.history.model._meta.fields}


@pytest.mark.django_db
def test_loading_fixtures_records_a_first_version_once():
    call_command("loaddata", "parks", "news", verbosity=0)
    article = Article.objects.get(slug=SEED)
    assert article.history.count() == 1
    assert Park.history.count() == 6
    call_command("loaddata", "parks", "news", verbosity=0)  # unchanged: no new version
    assert article.history.count() == 1
    assert Park.history.count() == 6


@pytest.mark.django_db
def test_a_changed_fixture_records_a_version_and_a_failed_one_records_none(tmp_path):
    from django.core.management.base import CommandError

    from coop_portal.tests.test_import import article

    call_command("loaddata", "parks", "news", verbosity=0)
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps([article(slug=SEED, title_en="Retitled by an import")]), encoding="utf-8")
    call_command("loaddata", str(changed), verbosity=0)
    versions = Article.objects.get(slug=SEED).history.all()
    assert [(v.history_type, v.title_en) for v in versions][:1] == [("~", "Retitled by an import")]
    assert versions.count() == 2

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([article(slug="fine"), article(slug="broken", title_en="")]), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("loaddata", str(bad), verbosity=0)
    assert not Article.history.filter(slug__in=["fine", "broken"]).exists()
    assert Article.objects.get(slug=SEED).history.count() == 2


def test_editor_sees_what_changed_and_restores_a_version(editor_client, content, signed_off):
    article = Article.objects.get(slug=SEED)
    original_title = article.title_zh_hans
    first_version = article.history.get()
    response = editor_client.post(
        f"/admin/news/article/{article.pk}/change/",
        change_form_data(article, title_zh_hans="改错的标题"),
    )
    assert response.status_code == 302
    signed_off(article)  # a version in history is what was published: after review
    assert article.title_zh_hans == "改错的标题"
    assert article.history.count() == 2
    assert article.history.first().history_user.username == "approver-fixture"

    # The history page lists both versions and what changed between them.
    html = editor_client.get(f"/admin/news/article/{article.pk}/history/").content.decode()
    assert html.count("<strong>Title [中文]:</strong>") == 1  # the one field that changed
    assert "Source name" not in html
    assert original_title in html
    assert "改错的标题" in html

    # Restoring the first version: its form, saved.
    revert_url = f"/admin/news/article/{article.pk}/history/{first_version.history_id}/"
    form = editor_client.get(revert_url)
    assert form.status_code == 200
    assert original_title in form.content.decode()
    restored = change_form_data(first_version.instance)
    response = editor_client.post(revert_url, restored)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_zh_hans == "改错的标题"  # restoring is a change too: it waits for review
    signed_off(article)
    assert article.title_zh_hans == original_title
    assert article.history.count() == 3


def test_park_history_restores_a_description(editor_client, content):
    park = Park.objects.get(slug="ssip")
    before = park.description_en
    park.description_en = "<p>Overwritten by mistake.</p>"
    park.save()
    version = park.history.order_by("history_date")[0]
    html = editor_client.get(f"/admin/parks/park/{park.pk}/history/").content.decode()
    assert "Overwritten by mistake." in html
    version.instance.save()  # what the revert form does, without the form
    park.refresh_from_db()
    assert park.description_en == before


def test_translators_see_history_but_cannot_restore(translator_client, content):
    article = Article.objects.get(slug=SEED)
    version = article.history.get()
    assert translator_client.get(f"/admin/news/article/{article.pk}/history/").status_code == 200
    revert_url = f"/admin/news/article/{article.pk}/history/{version.history_id}/"
    assert translator_client.post(revert_url, change_form_data(article, status="draft")).status_code == 403
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


@pytest.mark.django_db
def test_every_translated_type_has_history_and_article_parks_are_in_it():
    """Issue 15 point 6: history for every translated content type and for the article↔park links."""
    from modeltranslation.translator import translator

    from news.tests.factories import ArticleFactory
    from parks.tests.factories import ParkFactory

    for model in translator.get_registered_models(abstract=False):
        assert hasattr(model, "history"), model
    park = ParkFactory()
    article = ArticleFactory()
    article.parks.add(park)
    article.save()
    assert [p.park_id for p in article.history.first().parks.all()] == [park.pk]
