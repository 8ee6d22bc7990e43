"""Open data a journalist downloads: figures with their sources, and the parks,
as CSV (opens in Excel with its Chinese intact) and JSON, in each language."""

import csv
import io
import json

import pytest

from facts.models import KeyFigure


def csv_rows(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff"), "UTF-8 byte-order mark, so spreadsheets read the Chinese correctly"
    return list(csv.DictReader(io.StringIO(body[1:])))


@pytest.mark.parametrize(
    ("lang", "label", "formatted", "publisher"),
    [
        (
            "en",
            "Investment brought by the transferred projects",
            "219.8 billion yuan",
            "ourjiangsu.com (China Jiangsu Net)",
        ),
        ("zh-hans", "转移项目带来的投资", "2198亿元", "中国江苏网"),
    ],
)
def test_figures_csv_in_each_language(client, content, lang, label, formatted, publisher):
    response = client.get(f"/{lang}/data/figures.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="suzhou-suqian-key-figures-{lang}.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert len(rows) == KeyFigure.objects.count()
    row = next(r for r in rows if r["slug"] == "investment-from-transferred-projects")
    assert row["label"] == label
    assert row["value"] == "219800000000"  # exact, machine-readable
    assert row["formatted"] == formatted
    assert row["source_publisher"] == publisher
    assert row["source_published_on"] == "2023-10-11"
    assert row["source_page"] == f"http://testserver/{lang}/sources/ourjiangsu-2023-10-11/"
    assert all(r["source_title"] and r["source_page"] for r in rows), "every figure carries its source"


def test_figures_json_keeps_numbers_as_numbers_and_nulls_as_null(client, content):
    response = client.get("/zh-hans/data/figures.json")
    assert response["Content-Type"] == "application/json"
    document = json.loads(response.content)
    assert document["language"] == "zh-Hans"
    assert document["dataset"] == "key-figures"
    records = {r["slug"]: r for r in document["records"]}
    assert records["jobs-from-transferred-projects"]["value"] == 530000
    assert records["jobs-from-transferred-projects"]["qualifier"] == "nearly"
    assert records["jobs-from-transferred-projects"]["formatted"] == "近53万人"
    assert records["share-of-industrial-added-value"]["value"] == 9.7
    assert records["pairing-year"]["as_of"] is None
    assert records["ssip-business-revenue-2016"]["as_of"] == "2016"  # known to the year only
    assert records["ssip-officials-sent"]["park"] == "ssip"
    assert records["ssip-officials-sent"]["park_name"] == "苏州宿迁工业园区"
    assert records["investment-from-transferred-projects"]["source_url"] is None  # none known
    assert "苏州" in response.content.decode("utf-8")  # not \u-escaped


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_parks_data_in_both_formats(client, content, lang):
    rows = csv_rows(client.get(f"/{lang}/data/parks.csv"))
    assert [r["slug"] for r in rows][:2] == ["ssip", "wujiang-siyang"]
    assert len(rows) == 6
    wujiang = rows[1]
    assert wujiang["latitude"] == "33.721"
    assert wujiang["established"] == "2008-07"  # month precision, no invented day
    assert wujiang["planned_area_km2"] == "12.8"
    assert rows[2]["established"] == "" and rows[2]["planned_area_km2"] == ""  # Kunshan-Shuyang: not known
    document = json.loads(client.get(f"/{lang}/data/parks.json").content)
    ssip = document["records"][0]
    assert ssip["name"] == ("Suzhou Suqian Industrial Park" if lang == "en" else "苏州宿迁工业园区")
    assert (ssip["latitude"], ssip["partner_longitude"]) == (33.963, 120.723)
    assert document["records"][2]["planned_area_km2"] is None


def test_downloads_are_linked_from_the_figures_and_the_parks(client, content):
    figures = client.get("/zh-hans/figures/").content.decode()
    assert 'href="/zh-hans/data/figures.csv"' in figures
    assert 'href="/zh-hans/data/figures.json"' in figures
    parks = client.get("/en/parks/").content.decode()
    assert 'href="/en/data/parks.csv"' in parks
    assert 'href="/en/data/parks.json"' in parks


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_csv_cells_cannot_become_spreadsheet_formulas(client, db, lang):
    """A Translator can set these texts; in a journalist's spreadsheet they must stay text."""
    from facts.tests.factories import KeyFigureFactory
    from parks.tests.factories import ParkFactory

    link = '=HYPERLINK("http://evil.example/","Source")'
    command = "=cmd|' /C calc'!A0"
    park = ParkFactory(slug="evil", name_en=command, name_zh_hans=command, leading_industries_en="@SUM(A1)")
    KeyFigureFactory(slug="negative", label_en=link, label_zh_hans=link, value="-12.5", park=park)

    figure = csv_rows(client.get(f"/{lang}/data/figures.csv"))[0]
    assert figure["label"] == "'" + link
    assert figure["park_name"] == "'" + command
    assert figure["value"] == "-12.5"  # a number stays a number
    row = csv_rows(client.get(f"/{lang}/data/parks.csv"))[0]
    assert row["name"] == "'" + command
    if lang == "en":
        assert row["leading_industries"] == "'@SUM(A1)"
