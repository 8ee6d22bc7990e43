"""Either language may be the original (issue 15, point 1): the text is required only in the
language the content was written in, for a draft and for publishing, in the admin form, the
model and the database; the slug is made from the original-language title (pinyin for Chinese)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from core.editorial.roles import EDITOR
from core.i18n.languages import slug_from
from core.translation_status import translated_fields
from enterprises.tests.factories import EnterpriseFactory
from news.models import Article
from news.tests.factories import ArticleFactory
from parks.tests.factories import ParkFactory


def test_chinese_slugs_are_readable_pinyin():
    assert slug_from("苏宿工业园区2024年签约", "zh-hans") == "su-su-gong-ye-yuan-qu-2024-nian-qian-yue"
    assert slug_from("Suzhou–Suqian: a new park", "en") == "suzhousuqian-a-new-park"


def chinese_draft(**changes):
    """What an editor posts for a Chinese-only draft, slug left empty."""
    return {
        "slug": "",
        "original_language": "zh-hans",
        "title_en": "",
        "title_zh_hans": "宿迁新建产业园",
        "summary_en": "",
        "summary_zh_hans": "一句话摘要。",
        "body_en": "",
        "body_zh_hans": "<p>正文。</p>",
        "source_name_en": "",
        "source_name_zh_hans": "",
        "source_url": "",
        "published_at_0": "2024-05-01",
        "published_at_1": "09:00:00",
        "status": "draft",
        "image": "",
        **changes,
    }


@pytest.fixture
def editor(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor-ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(user)
    return client


def new_item():
    """The revision an editor's add form made (core/workflow/): the item exists once signed off."""
    from core.models.workflow import Revision

    return Revision.objects.filter(object_id=None).latest("pk")


def test_an_editor_saves_a_chinese_only_draft_with_a_pinyin_slug(editor, signed_off):
    response = editor.post("/admin/news/article/add/", chinese_draft())
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = signed_off(new_item())
    assert article.slug == "su-qian-xin-jian-chan-ye-yuan"
    assert article.title_en is None and article.summary_en is None and article.body_en is None
    # A second article with the same title gets a free slug.
    editor.post("/admin/news/article/add/", chinese_draft())
    assert signed_off(new_item()).slug == "su-qian-xin-jian-chan-ye-yuan-2"


def test_an_editor_publishes_a_chinese_only_article(editor, signed_off):
    editor.post("/admin/news/article/add/", chinese_draft(published_at_0="2020-01-01"))
    signed_off(new_item())
    assert Article.objects.published().get().title_zh_hans == "宿迁新建产业园"


def test_the_original_language_text_is_required_and_said_where(editor):
    response = editor.post("/admin/news/article/add/", chinese_draft(title_zh_hans="", title_en="Only English"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "title_zh_hans" in errors and "title_en" not in errors
    assert not Article.objects.exists()


def test_an_editor_may_choose_the_slug(editor, signed_off):
    editor.post("/admin/news/article/add/", chinese_draft(slug="new-park-suqian"))
    assert signed_off(new_item()).slug == "new-park-suqian"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory,original_only",
    [
        (
            ParkFactory,
            {"name_en": None, "short_name_en": None, "summary_en": None, "host_name_en": None, "partner_name_en": None},
        ),
        (EnterpriseFactory, {"name_en": None}),
    ],
)
def test_every_content_type_may_be_written_in_chinese_only(factory, original_only):
    obj = factory(original_language="zh-hans", **original_only)
    obj.full_clean()
    with pytest.raises(IntegrityError):
        factory(original_language="en", **original_only)


@pytest.mark.django_db
def test_model_validation_names_the_missing_original_field():
    article = ArticleFactory.build(original_language="zh-hans", title_zh_hans="", slug="x")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert set(error.value.message_dict) == {"title_zh_hans"}


def test_required_text_and_the_constraints_agree():
    """The Python check (forms, loaddata) and the database constraint are one rule."""
    from django.apps import apps

    from core.models import OriginalLanguageModel

    for model in apps.get_models():
        if not issubclass(model, OriginalLanguageModel) or model._meta.abstract:
            continue
        constrained = {
            c.name.removeprefix(f"{model._meta.model_name}_").removesuffix("_original_required")
            for c in model._meta.constraints
            if c.name.endswith("_original_required")
        }
        assert constrained == set(model.required_text), model
        assert constrained <= set(translated_fields(model)), model
