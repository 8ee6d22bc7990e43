"""Editors publish; Translators edit the text but cannot publish, delete, or change slugs."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from core import workflow
from core.editorial.roles import EDITOR, TRANSLATOR
from news.models import Article
from news.tests.factories import ArticleFactory


def change_form_data(article, **changes):
    """What the admin change form posts, with ``changes`` on top (a crafted POST may add anything)."""
    data = {
        "slug": article.slug,
        "title_en": article.title_en,
        "title_zh_hans": article.title_zh_hans or "",
        "summary_en": article.summary_en,
        "summary_zh_hans": article.summary_zh_hans or "",
        "body_en": article.body_en,
        "body_zh_hans": article.body_zh_hans or "",
        "source_name_en": article.source_name_en or "",
        "source_name_zh_hans": article.source_name_zh_hans or "",
        "source_url": article.source_url,
        "original_language": article.original_language,
        "published_at_0": timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
        "published_at_1": timezone.localtime(article.published_at).strftime("%H:%M:%S"),
        "status": article.status,
        "image": article.image_id or "",
        "parks": [park.pk for park in article.parks.all()] if article.pk else [],
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_groups_are_created_by_the_migration():
    editor = set(Group.objects.get(name=EDITOR).permissions.values_list("codename", flat=True))
    translator = set(Group.objects.get(name=TRANSLATOR).permissions.values_list("codename", flat=True))
    assert {"publish_article", "add_article", "change_article", "delete_article", "change_park"} <= editor
    assert {"change_article", "change_park", "change_source", "change_image"} <= translator
    assert not {c for c in translator if c.startswith(("publish_", "delete_", "add_"))}


def test_translator_saving_an_article_cannot_publish_it_or_change_its_slug(translator_client, signed_off):
    article = ArticleFactory(status=Article.Status.DRAFT, slug="draft-story", title_zh_hans=None)
    url = f"/admin/news/article/{article.pk}/change/"
    form = translator_client.get(url).content.decode()
    assert 'name="title_zh_hans"' in form
    assert 'name="status"' not in form  # read-only for translators
    assert 'name="slug"' not in form
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    response = translator_client.post(
        url,
        change_form_data(
            article,
            title_zh_hans="译好的标题",
            status="published",
            slug="hijacked",
            published_at_0=tomorrow.strftime("%Y-%m-%d"),
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_zh_hans is None  # waiting for review (core/workflow/)
    proposed = workflow.preview(workflow.open_revision(article))
    assert proposed.title_zh_hans == "译好的标题"  # the translation is saved in the revision
    assert proposed.slug == "draft-story"  # but nothing else
    assert proposed.published_at == article.published_at
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_save_model_keeps_stored_status_even_if_the_form_carried_one(translator_client, django_user_model, rf):
    """Second line of defence, below the read-only form fields: the revision a Translator's save
    makes keeps the stored status and slug."""
    from django.contrib import admin

    article = ArticleFactory(status=Article.Status.DRAFT)
    request = rf.post("/")
    request.user = django_user_model.objects.get(username="translator-tina")
    article.status = Article.Status.PUBLISHED
    article.slug = "changed"
    admin.site._registry[Article].save_model(request, article, form=None, change=True)
    proposed = workflow.open_revision(article).data
    article.refresh_from_db()
    assert (proposed["status"], proposed["slug"]) == (Article.Status.DRAFT, article.slug)
    assert article.slug != "changed"


def test_translator_cannot_delete_or_add(translator_client):
    article = ArticleFactory()
    assert translator_client.get(f"/admin/news/article/{article.pk}/delete/").status_code == 403
    assert translator_client.get("/admin/news/article/add/").status_code == 403
    assert translator_client.get("/admin/parks/park/").status_code == 200


def test_translator_cannot_change_a_park_slug(translator_client):
    from parks.tests.factories import ParkFactory

    park = ParkFactory(slug="the-park")
    form = translator_client.get(f"/admin/parks/park/{park.pk}/change/").content.decode()
    assert 'name="name_zh_hans"' in form
    assert 'name="slug"' not in form


def test_editor_publishes_through_review(editor_client, signed_off):
    """Editors keep their rights but publish, as everyone, through the workflow: ticking the status
    is gone (it is read-only), submitting and signing off publishes."""
    article = ArticleFactory(status=Article.Status.DRAFT)
    response = editor_client.post(
        f"/admin/news/article/{article.pk}/change/",
        change_form_data(article, status="published", _submit_for_review="1"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    signed_off(article)
    assert Article.objects.published().filter(pk=article.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["facts.keyfigure", "facts.milestone", "enterprises.enterprise"])
def test_roles_cover_facts_and_enterprises(model):
    """Editors may do everything with figures, milestones and enterprises;
    translators may only change their text."""
    from django.contrib.auth.models import Group

    app_label, name = model.split(".")

    def codenames(group):
        return set(
            Group.objects.get(name=group)
            .permissions.filter(content_type__app_label=app_label, content_type__model=name)
            .values_list("codename", flat=True)
        )

    assert codenames("Editor") == {f"{action}_{name}" for action in ("add", "change", "delete", "view")}
    assert codenames("Translator") == {f"change_{name}", f"view_{name}"}


def test_translator_cannot_change_an_articles_parks_image_source_or_original_language(translator_client, signed_off):
    """Translators change text only (issue 13 point 13, issue 15 point 6): even a crafted POST."""
    from parks.tests.factories import ParkFactory

    park, other_park = ParkFactory(), ParkFactory()
    article = ArticleFactory(parks=[park], source_url="https://example.org/a")
    url = f"/admin/news/article/{article.pk}/change/"
    form = translator_client.get(url).content.decode()
    for name in ("parks", "image", "source_url", "original_language"):
        assert f'name="{name}"' not in form
    response = translator_client.post(
        url,
        change_form_data(
            article,
            title_zh_hans="新标题",
            parks=[other_park.pk],
            source_url="https://evil.example/",
            original_language="zh-hans",
        ),
    )
    assert response.status_code == 302
    signed_off(article)
    assert article.title_zh_hans == "新标题"
    assert list(article.parks.all()) == [park]
    assert article.source_url == "https://example.org/a"
    assert article.original_language == "en"


def test_translator_cannot_change_a_key_figure_value_or_park_coordinates(translator_client, signed_off):
    from facts.tests.factories import KeyFigureFactory
    from parks.tests.factories import ParkFactory

    figure = KeyFigureFactory(value="980", headline=False)
    response = translator_client.post(
        f"/admin/facts/keyfigure/{figure.pk}/change/",
        {"value": "1", "label_en": figure.label_en, "label_zh_hans": "改过的标签", "headline": "on"},
    )
    assert response.status_code == 302
    signed_off(figure)
    assert (figure.value, figure.headline, figure.label_zh_hans) == (980, False, "改过的标签")

    park = ParkFactory()
    data = {f: getattr(park, f) or "" for f in ("name_en", "short_name_en", "summary_en", "host_name_en")}
    data |= {"partner_name_en": park.partner_name_en, "latitude": "1.0", "longitude": "2.0"}
    data["name_zh_hans"] = "改过的园区名"
    assert translator_client.post(f"/admin/parks/park/{park.pk}/change/", data).status_code == 302
    signed_off(park)
    assert (str(park.latitude), str(park.longitude)) == ("33.96300", "118.27500")


def test_translator_gets_no_editable_columns_in_a_list(translator_client):
    from facts.tests.factories import KeyFigureFactory

    KeyFigureFactory()
    page = translator_client.get("/admin/facts/keyfigure/").content.decode()
    assert 'name="form-0-headline"' not in page


def test_translator_sees_assessment_results_read_only(translator_client):
    """Nothing in an assessment result is text: a Translator can read it, not change it."""
    from facts.tests.factories import AssessmentResultFactory

    result = AssessmentResultFactory()
    page = translator_client.get(f"/admin/facts/assessmentresult/{result.pk}/change/").content.decode()
    assert 'name="rank"' not in page


def test_editors_publish_and_unpublish_in_bulk(editor_client):
    drafts = [ArticleFactory(status=Article.Status.DRAFT) for _ in range(2)]
    response = editor_client.post(
        "/admin/news/article/", {"action": "publish", "_selected_action": [a.pk for a in drafts]}
    )
    assert response.status_code == 302
    assert Article.objects.published().count() == 2
    editor_client.post("/admin/news/article/", {"action": "unpublish", "_selected_action": [drafts[0].pk]})
    assert list(Article.objects.published()) == [drafts[1]]
    assert drafts[0].history.first().status == Article.Status.DRAFT  # recorded in History


def test_translators_get_no_publishing_actions(translator_client):
    ArticleFactory()
    page = translator_client.get("/admin/news/article/").content.decode()
    assert 'value="publish"' not in page
    draft = ArticleFactory(status=Article.Status.DRAFT)
    translator_client.post("/admin/news/article/", {"action": "publish", "_selected_action": [draft.pk]})
    assert not Article.objects.published().filter(pk=draft.pk).exists()


def test_add_forms_do_not_show_times_as_if_set(editor_client):
    page = editor_client.get("/admin/news/article/add/").content.decode()
    assert "field-created_at" not in page and "field-updated_at" not in page
