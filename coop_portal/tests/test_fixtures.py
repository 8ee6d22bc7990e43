"""The real content, as an operator loads it with `manage.py loaddata parks news`."""

import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import models

from facts.models import Source
from news.models import Article
from parks.models import Park

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
# A copy of ../shared/seed/, the source page the news fixture was made from.
SEED = FIXTURES / "seed" / "article-2023-10-11-suzhou-suqian.txt"
PARK_CODES = ["ssip", "wujiang-siyang", "kunshan-shuyang", "changshu-sihong", "zhangjiagang-suyu", "wuzhong-sucheng"]


def snapshot():
    """Every row of every content table, as plain values."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in (Source, Park, Article)} | {
        "article_parks": sorted(Article.parks.through.objects.values_list("article_id", "park_id")),
        "park_sources": sorted(Park.sources.through.objects.values_list("park_id", "source_id")),
    }


def without_times(snap):
    return {
        key: [{k: v for k, v in row.items() if k not in ("created_at", "updated_at")} for row in rows]
        if rows and isinstance(rows[0], dict)
        else rows
        for key, rows in snap.items()
    }


@pytest.mark.django_db
def test_fixtures_load_twice_without_duplicates():
    call_command("loaddata", "parks", "news", verbosity=0)
    first = snapshot()
    call_command("loaddata", "parks", "news", verbosity=0)
    assert without_times(snapshot()) == without_times(first)
    assert list(Park.objects.values_list("slug", flat=True)) == PARK_CODES
    # The seed article and one news item per dated event of content.md (news/tests/test_news_content.py).
    assert Article.objects.count() == 17


def test_fixtures_use_suffixed_fields_and_natural_keys():
    for name in ("parks.json", "news.json"):
        for obj in json.loads((FIXTURES / name).read_text(encoding="utf-8")):
            assert "pk" not in obj, "natural keys only: a pk would clash between databases"
            fields = obj["fields"]
            for base in ("title", "name", "summary", "body", "description", "publisher"):
                assert base not in fields, f"{name}: give {base}_en and {base}_zh_hans, never the bare {base}"


@pytest.mark.django_db
def test_every_park_is_complete_in_both_languages(content):
    translated = ["name", "short_name", "summary", "description", "host_name", "partner_name"]
    for park in Park.objects.all():
        for field in translated:
            assert getattr(park, f"{field}_en"), (park.slug, field)
            assert getattr(park, f"{field}_zh_hans"), (park.slug, field)
        assert park.sources.exists(), f"{park.slug} cites no source"
    assert Park.objects.get(slug="ssip").name_zh_hans == "苏州宿迁工业园区"


@pytest.mark.django_db
def test_seed_article_is_verbatim_without_page_chrome(content):
    article = Article.objects.get(slug="suzhou-suqian-strengthen-cooperation-2023")
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = lines[lines.index("字号变大| 字号变小") + 1 : lines.index("layer")]
    assert article.title_en == lines[0]
    assert article.body_en == "\n".join(f"<p>{p}</p>" for p in paragraphs)
    for chrome in ("字号变大", "字号变小", "layer", "快乐分享"):
        assert chrome not in article.body_en
        assert chrome not in article.body_zh_hans
    assert article.body_zh_hans.count("<p>") == len(paragraphs)
    assert "尼吉康电子（宿迁）有限公司" in article.body_zh_hans  # our translation: full-width brackets
    assert article.published_at == datetime.datetime(2023, 10, 11, 7, 7, 39, tzinfo=datetime.UTC)
    assert article.original_language == "en"
    assert article.status == Article.Status.PUBLISHED
    assert sorted(article.parks.values_list("slug", flat=True)) == sorted(PARK_CODES)


def test_content_models_require_english_in_the_database():
    """modeltranslation makes every language column nullable; our constraints put English back."""
    for model in (Source, Park, Article):
        names = [c.name for c in model._meta.constraints if isinstance(c, models.CheckConstraint)]
        assert names, model
