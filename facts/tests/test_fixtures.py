"""The facts content as an operator loads it: `manage.py load_content` (every declared fixture)."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from core import registry
from enterprises.models import Enterprise
from facts.models import AssessmentResult, KeyFigure, Milestone, Source
from parks.models import Park

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
ALL = registry.fixtures()
SEED_SOURCE = "ourjiangsu-2023-10-11"

# facts.md, "Figures stated by the seed article": (value, unit, qualifier).
SEED_FIGURES = [
    ("2001", "year", ""),
    ("22", "years", ""),
    ("6", "count", ""),
    ("0.82", "percent", ""),
    ("9", "percent", ""),
    ("9.7", "percent", ""),
    ("980", "projects", ""),
    ("219800000000", "yuan", ""),
    ("530000", "people", "nearly"),
    ("300", "people", "over"),
    ("112", "projects", ""),
    ("4", "count", ""),  # Nichicon's capital increases since its 2011 relocation
]


def snapshot():
    rows = {
        model.__name__: [
            {k: v for k, v in row.items() if k not in ("id", "created_at", "updated_at")}
            for row in model.objects.order_by("pk").values()
        ]
        for model in (Source, Park, KeyFigure, Milestone, AssessmentResult, Enterprise)
    }
    rows["enterprise_sources"] = sorted(
        Enterprise.sources.through.objects.values_list("enterprise__slug", "source__slug")
    )
    return rows


@pytest.mark.django_db
def test_all_fixtures_load_twice_without_duplicates():
    call_command("loaddata", *ALL, verbosity=0)
    first = snapshot()
    counts = {name: len(rows) for name, rows in first.items()}
    call_command("loaddata", *ALL, verbosity=0)
    assert snapshot() == first
    assert counts["KeyFigure"] >= len(SEED_FIGURES)
    assert counts["AssessmentResult"] == 13
    assert counts["Enterprise"] == 4
    assert counts["Milestone"] >= 10


def test_fixtures_use_natural_keys_and_suffixed_fields():
    for name in ("figures.json", "enterprises.json", "timeline.json"):
        for obj in json.loads((FIXTURES / name).read_text(encoding="utf-8")):
            assert "pk" not in obj, f"{name}: natural keys only"
            fields = obj["fields"]
            for base in ("label", "title", "name", "description", "origin", "sector", "came_from"):
                assert base not in fields, f"{name}: give {base}_en and {base}_zh_hans, never the bare {base}"
            for key, value in fields.items():
                if key in ("park", "source"):
                    assert value is None or (isinstance(value, list) and len(value) == 1), (name, key, value)


@pytest.mark.django_db
def test_every_figure_of_the_seed_article_is_loaded_with_the_article_as_source(content):
    from_article = KeyFigure.objects.filter(source__slug=SEED_SOURCE)
    loaded = {(figure.value.normalize(), figure.unit, figure.qualifier) for figure in from_article}
    for value, unit, qualifier in SEED_FIGURES:
        assert (Decimal(value).normalize(), unit, qualifier) in loaded, (value, unit, qualifier)
    # The seed article is itself a source, dated as published.
    assert Source.objects.get(slug=SEED_SOURCE).published_on.isoformat() == "2023-10-11"


@pytest.mark.django_db
def test_every_figure_is_complete_in_both_languages(content):
    for figure in KeyFigure.objects.all():
        assert figure.label_en and figure.label_zh_hans, figure.slug
        assert figure.source_id, figure.slug


@pytest.mark.django_db
def test_the_ssip_assessment_record_is_stated_as_its_sources_state_it(content):
    ssip = Park.objects.get(slug="ssip")
    streak = KeyFigure.objects.get(park=ssip, slug="ssip-assessment-first-place-streak")
    assert (streak.value, streak.unit, streak.source.slug) == (13, "years", "suzhou-daily-2023-08-20")
    results = {r.year: r for r in AssessmentResult.objects.filter(park=ssip)}
    assert (results[2019].rank, results[2019].out_of, results[2019].source.slug) == (1, 45, "suzhou-daily-2021-01-08")
    assert (results[2016].rank, results[2016].consecutive, results[2016].source.slug) == (
        1,
        8,
        "ourjiangsu-2017-06-13",
    )
    ranks_2019 = dict(AssessmentResult.objects.filter(year=2019).values_list("park__slug", "rank"))
    assert ranks_2019 == {
        "ssip": 1,
        "wujiang-siyang": 3,
        "changshu-sihong": 4,
        "kunshan-shuyang": 5,
        "wuzhong-sucheng": 6,
        "zhangjiagang-suyu": 8,
    }


@pytest.mark.django_db
def test_the_seed_article_keeps_its_own_wording(content):
    """The article's understated "top ten ... thirteen consecutive years" stays verbatim."""
    from news.models import Article

    assert "top ten in the comprehensive evaluation list of jointly-sponsored parks in Jiangsu for thirteen" in (
        Article.objects.get(slug="suzhou-suqian-strengthen-cooperation-2023").body_en
    )


@pytest.mark.django_db
def test_enterprises_hold_only_what_facts_md_verifies(content):
    nichicon = Enterprise.objects.get(slug="nichicon-suqian")
    assert nichicon.name_en == "Nichicon (Electronics) Suqian Co., Ltd."
    assert nichicon.name_zh_hans == "尼吉康电子（宿迁）有限公司"  # full-width brackets in Chinese
    assert nichicon.arrived_year == 2011
    assert nichicon.came_from_en == "Relocated from Suzhou Industrial Park"
    assert "南出智嗣" in nichicon.description_zh_hans
    assert list(nichicon.sources.values_list("slug", flat=True)) == [SEED_SOURCE]
    names = dict(Enterprise.objects.values_list("slug", "name_zh_hans"))
    assert names["catcher"] == "可成科技"
    assert names["jcet"] == "长电科技"
    # facts.md: ourjiangsu.com (2017-06-13) names 恒力 among the joint parks' large projects.
    assert names["hengli"] == "恒力"
    hengli = Enterprise.objects.get(slug="hengli")
    # content.md S5 (SIPAC, 2007-08-26) reports Hengli's investment in the park.
    assert sorted(hengli.sources.values_list("slug", flat=True)) == ["ourjiangsu-2017-06-13", "sipac-2007-08-26"]


@pytest.mark.django_db
def test_timeline_runs_from_the_pairing_to_the_2023_article(content):
    milestones = list(Milestone.objects.all())
    assert (milestones[0].date.year, milestones[0].date_precision, milestones[0].source.slug) == (
        2001,
        "year",
        SEED_SOURCE,
    )
    assert milestones[-1].date.isoformat() == "2023-10-11"
    slugs = {m.slug for m in milestones}
    for expected in ("2011-nichicon-relocation", "2020-06-29-wujiang-siyang-relaunch", "2019-provincial-assessment"):
        assert expected in slugs


@pytest.mark.django_db
def test_a_figure_citing_an_unknown_source_loads_nothing(tmp_path):
    call_command("loaddata", "parks", verbosity=0)
    bad = [
        {
            "model": "facts.keyfigure",
            "fields": {
                "slug": "fine",
                "label_en": "Fine",
                "label_zh_hans": None,
                "value": "1",
                "source": [SEED_SOURCE],
            },
        },
        {
            "model": "facts.keyfigure",
            "fields": {"slug": "bad", "label_en": "Bad", "label_zh_hans": None, "value": "2", "source": ["no-such"]},
        },
    ]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(Exception, match="source"):
        call_command("loaddata", str(path), verbosity=0)
    assert not KeyFigure.objects.exists()


@pytest.mark.django_db
def test_an_assessment_without_rank_or_top_is_refused(tmp_path):
    call_command("loaddata", "parks", verbosity=0)
    bad = [{"model": "facts.assessmentresult", "fields": {"park": ["ssip"], "year": 2020, "source": [SEED_SOURCE]}}]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(Exception, match="assessment_rank_or_top"):
        call_command("loaddata", str(path), verbosity=0)
    assert not AssessmentResult.objects.exists()
