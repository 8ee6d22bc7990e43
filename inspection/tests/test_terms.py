"""The term list: wrong forms in published text, with the right one; serious ones are a veto."""

import pytest

from inspection.findings import Severity
from inspection.models import Term
from inspection.runner import inspect
from news.models import Article
from news.tests.factories import ArticleFactory


def term_findings():
    return [f for f in inspect() if f.check == "term"]


@pytest.mark.parametrize(
    ("wrong", "right", "text", "found"),
    [
        ("苏宿工业园", "苏宿工业园区", "苏宿工业园区成立", False),  # only inside the right form
        ("苏宿工业园", "苏宿工业园区", "苏宿工业园区与苏宿工业园", True),
        ("吴江泗阳工业园区", "吴江泗阳工业园", "吴江泗阳工业园区", True),  # the right form is inside the wrong one
        ("吴江泗阳工业园区", "吴江泗阳工业园", "吴江泗阳工业园", False),
    ],
)
def test_a_wrong_form_counts_only_outside_the_right_one(wrong, right, text, found):
    assert Term(wrong=wrong, right=right).found_in(text) is found


def test_the_list_ships_the_parks_official_names(db):
    serious = dict(Term.objects.filter(serious=True).values_list("wrong", "right"))
    assert serious["昆山沭阳工业园"] == "昆山沭阳工业园区"
    assert serious["吴中宿城工业园区"] == "吴中宿城工业园"
    assert {"苏州宿迁工业园区", "张家港宿豫工业园区", "吴江泗阳工业园"} <= set(serious.values())


def test_a_wrong_park_name_in_published_text_is_a_veto(tidy_site):
    article = ArticleFactory(slug="misnamed", body_zh_hans="<p>昆山沭阳工业园和苏宿工业园区</p>")
    ArticleFactory(slug="draft", status=Article.Status.DRAFT, body_zh_hans="<p>昆山沭阳工业园</p>")
    found = term_findings()
    assert len(found) == 1
    assert found[0].severity == Severity.VETO and found[0].language == "zh-hans"
    assert found[0].url == "/zh-hans/news/misnamed/"
    assert found[0].admin_url == f"/admin/news/article/{article.pk}/change/"
    assert "“昆山沭阳工业园”" in found[0].message and "“昆山沭阳工业园区”" in found[0].message


def test_a_term_not_marked_serious_costs_points(tidy_site):
    Term.objects.create(wrong="Suqain", right="Suqian")
    ArticleFactory(slug="typo", title_en="Suqain news")
    assert [(f.severity, f.language) for f in term_findings()] == [(Severity.DEDUCT, "en")]


def test_the_shipped_content_writes_every_park_name_as_the_list_does(content):
    assert term_findings() == []
