"""The admin for figures, milestones and assessment results, as an editor uses it."""

import pytest

from facts.models import AssessmentResult, KeyFigure, Milestone


@pytest.mark.parametrize(
    ("model", "slug_field", "fields"),
    [
        (KeyFigure, "slug", ["label_en", "label_zh_hans"]),
        (Milestone, "slug", ["title_en", "title_zh_hans", "description_en", "description_zh_hans"]),
    ],
)
def test_change_forms_have_both_languages(staff_client, content, model, slug_field, fields):
    obj = model.objects.first()
    html = staff_client.get(f"/admin/facts/{model._meta.model_name}/{obj.pk}/change/").content.decode()
    for field in fields:
        assert f'name="{field}"' in html
    assert "/static/vendor/jquery-ui/jquery-ui-1.13.3.min.js" in html


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/admin/facts/keyfigure/", "转移项目带来的投资", "Investment brought by the transferred projects"),
        ("/admin/facts/keyfigure/", "transferred projects", "219.8 billion yuan"),
        ("/admin/facts/milestone/", "尼吉康", "Nichicon relocates"),
        ("/admin/facts/assessmentresult/", "吴江泗阳", "Wujiang Siyang Industrial Park"),
    ],
)
def test_admin_search_finds_either_language(staff_client, content, path, query, expected):
    response = staff_client.get(path, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html


def test_assessment_list_shows_each_result(staff_client, content):
    html = staff_client.get("/admin/facts/assessmentresult/").content.decode()
    assert f"{AssessmentResult.objects.count()} assessment results" in html
