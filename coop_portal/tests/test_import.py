"""Importing content with loaddata: bad files load nothing and say why;
a dump restores exactly."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from coop_portal.tests.test_fixtures import snapshot

PARK = {
    "model": "parks.park",
    "fields": {
        "slug": "new-park",
        "name_en": "New Park",
        "name_zh_hans": "新园区",
        "short_name_en": "New",
        "short_name_zh_hans": None,
        "summary_en": "A new park.",
        "summary_zh_hans": None,
        "host_name_en": "Siyang County",
        "host_name_zh_hans": "泗阳县",
        "partner_name_en": "Wujiang District",
        "partner_name_zh_hans": "吴江区",
        "latitude": "33.7",
        "longitude": "118.7",
    },
}


def park(**changes):
    return {"model": "parks.park", "fields": {**PARK["fields"], **changes}}


def article(**changes):
    fields = {
        "slug": "new-article",
        "title_en": "New article",
        "title_zh_hans": None,
        "summary_en": "Summary.",
        "summary_zh_hans": None,
        "body_en": "<p>Body.</p>",
        "body_zh_hans": None,
        "published_at": "2024-01-02T10:00:00+08:00",
        "status": "published",
        "parks": [["ssip"]],
    }
    return {"model": "news.article", "fields": {**fields, **changes}}


BAD_FIXTURES = {
    "malformed JSON": (
        '[{"model": "parks.park",\n "fields": {"slug": "x"',
        "bad.json': Expecting ',' delimiter: line 2",
    ),
    "malformed JSON, an editor's typo": (
        '[{"model": "parks.park", "fields": {"slug": "x",}}]',
        "Expecting property name enclosed in double quotes: line 1 column 49",
    ),
    "unknown field": ([park(colour="red")], "colour"),
    "wrong type": ([park(latitude="north")], "field_value was 'north'"),
    "bad date": ([article(published_at="2024-13-45T10:00:00+08:00")], "invalid date/time"),
    "bad choice": ([article(status="bogus")], "status"),
    "too long": ([park(name_en="x" * 500)], "name_en"),
    "duplicate slug": ([park(), park(name_en="Another")], "appears twice"),
    "missing park": ([article(parks=[["no-such-park"]])], "does not exist"),
    "missing English": ([park(name_en=None)], "name_en"),
    "blank English": ([article(title_en="")], "title_en"),
    "valid until the last object": (
        [park(), article(parks=[["new-park"]]), article(slug="bad", title_en=None)],
        "title_en",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FIXTURES))
def test_bad_fixture_loads_nothing_and_says_why(content, tmp_path, case):
    data, expected_message = BAD_FIXTURES[case]
    path = tmp_path / "bad.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError) as raised:
        call_command("loaddata", str(path), verbosity=0)
    assert expected_message in str(raised.value)
    assert snapshot() == before


def test_good_fixture_with_forward_reference_loads(content, tmp_path):
    # The article names a park defined later in the same file.
    path = tmp_path / "good.json"
    path.write_text(json.dumps([article(parks=[["new-park"]]), park()]), encoding="utf-8")
    call_command("loaddata", str(path), verbosity=0)
    from news.models import Article

    assert list(Article.objects.get(slug="new-article").parks.values_list("slug", flat=True)) == ["new-park"]


def test_a_large_import_looks_up_each_named_park_once(content, tmp_path):
    """An import of many articles names the same six parks again and again; each is looked up
    once per load (core.querysets.remembered_natural_keys), not once per mention."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from news.models import Article

    path = tmp_path / "many.json"
    articles = [article(slug=f"import-{n}", parks=[["ssip"], ["wujiang-siyang"]]) for n in range(30)]
    path.write_text(json.dumps(articles), encoding="utf-8")
    with CaptureQueriesContext(connection) as queries:
        call_command("loaddata", str(path), verbosity=0)
    park_lookups = [q["sql"] for q in queries if 'FROM "parks_park"' in q["sql"] and '"slug" =' in q["sql"]]
    assert len(park_lookups) == 2
    assert Article.objects.filter(slug__startswith="import-", parks__slug="wujiang-siyang").count() == 30
