"""Search as a QuerySet method (search/query.py), on SQLite and PostgreSQL alike."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from news.models import Article
from news.tests.factories import ArticleFactory
from parks.models import Park
from search.fields import document_column, fts_tables, search_tiers, searchable_models
from search.index import sync_postgresql_search_index, sync_sqlite_search_index
from search.terms import parse_query

SEED = "suzhou-suqian-strengthen-cooperation-2023"
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search documents")


def slugs(queryset):
    return [obj.slug for obj in queryset]


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("", []),
        ("   ", []),
        ("苏宿  industrial", ["苏宿", "industrial"]),
        ('"industrial park" Suqian', ["industrial park", "Suqian"]),
        ('"unbalanced', ["unbalanced"]),
        ('""', []),
        ("Park park PARK", ["Park"]),
        (" ".join(f"w{i}" for i in range(20)), [f"w{i}" for i in range(8)]),
    ],
)
def test_parse_query(query, terms):
    assert parse_query(query) == terms


@pytest.mark.parametrize(
    "query", ["尼吉康", "Nichicon", "NICHICON", "strengthen cooperation", "尼吉康 Nichicon", "尼吉康电子"]
)
def test_seed_article_is_found_in_either_language(content, query):
    assert slugs(Article.objects.published().search(query)) == [SEED]


def test_a_common_two_character_word_finds_every_article_that_has_it(content):
    # 苏宿 (Suzhou–Suqian) is in the seed article and in most of the news written from content.md.
    found = slugs(Article.objects.published().search("苏宿"))
    assert SEED in found
    expected = [
        a.slug
        for a in Article.objects.published()
        if "苏宿" in (a.title_zh_hans or "") + (a.summary_zh_hans or "") + (a.body_zh_hans or "")
    ]
    assert sorted(found) == sorted(expected)


def test_every_term_must_occur(content):
    assert slugs(Article.objects.published().search("Nichicon nosuchword")) == []


def test_parks_are_found_by_chinese_and_english_names(content):
    assert slugs(Park.objects.search("宿城区")) == ["ssip", "wuzhong-sucheng"]
    assert slugs(Park.objects.search("张家港")) == ["zhangjiagang-suyu"]
    assert "zhangjiagang-suyu" in slugs(Park.objects.search("Zhangjiagang"))


@pytest.mark.django_db
def test_drafts_and_scheduled_articles_are_never_found():
    ArticleFactory(title_en="Quokka draft", status=Article.Status.DRAFT)
    ArticleFactory(title_en="Quokka scheduled", published_at=timezone.now() + datetime.timedelta(hours=1))
    public = ArticleFactory(title_en="Quokka public")
    assert list(Article.objects.published().search("Quokka")) == [public]


@pytest.mark.django_db
def test_title_ranks_before_summary_before_body():
    now = timezone.now()
    # Newest first would be body, summary, title: the rank must win over the date.
    in_title = ArticleFactory(title_en="Quokka news", published_at=now - datetime.timedelta(days=3))
    in_summary = ArticleFactory(summary_en="About a quokka.", published_at=now - datetime.timedelta(days=2))
    in_body = ArticleFactory(body_zh_hans="<p>短尾矮袋鼠 quokka</p>", published_at=now - datetime.timedelta(days=1))
    ArticleFactory(title_en="Something else")
    found = list(Article.objects.published().search("quokka"))
    assert found == [in_title, in_summary, in_body]
    assert [a.search_rank for a in found] == [3, 2, 1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("9.7%", ["percent"]),  # a literal percent sign, not LIKE's wildcard
        ("snake_case", ["underscore"]),
        ("Suqian's", ["quote"]),
        ('"', []),
        ("<b>", ["markup"]),
        ("Party 😀", ["emoji"]),
        # No letter or digit: not searched at all (issue 23), not even the literal character.
        ("%", []),
        ("_", []),
        ("'", []),
        ("😀", []),
        ("\\", []),
        ("*", []),
        ("NEAR(a b)", []),  # FTS5 syntax is only text
        ("a OR b", []),
    ],
)
def test_odd_characters_are_searched_as_text(query, expected):
    ArticleFactory(slug="percent", summary_en="Up 9.7% on the year.")
    ArticleFactory(slug="underscore", summary_en="Code snake_case here.")
    ArticleFactory(slug="quote", summary_en="Suqian's land.")
    ArticleFactory(slug="markup", summary_en="Tags like <b> are text in a summary.")
    ArticleFactory(slug="emoji", summary_en="Party 😀 time.")
    assert sorted(slugs(Article.objects.published().search(query))) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["宿迁", "迁", "宿", "X", "Xa"])
def test_short_terms_are_found_at_the_very_end_of_a_text(query):
    # The FTS5 index pads every text so that one- and two-character terms at
    # the end still start an indexed trigram.
    article = ArticleFactory(title_en="Ends with Xa", title_zh_hans="苏州宿迁")
    assert list(Article.objects.published().search(query)) == [article]


@pytest.mark.django_db
def test_index_follows_edits_and_deletions():
    article = ArticleFactory(title_en="Old headline", title_zh_hans="旧标题")
    article.title_en, article.title_zh_hans = "Fresh headline", "新标题"
    article.save()
    assert list(Article.objects.published().search("Fresh")) == [article]
    assert list(Article.objects.published().search("新标题")) == [article]
    assert list(Article.objects.published().search("Old headline")) == []
    assert list(Article.objects.published().search("旧标")) == []
    Article.objects.filter(pk=article.pk).update(summary_en="Changed by update()")
    assert list(Article.objects.published().search("by update")) == [article]
    article.delete()
    assert list(Article.objects.published().search("Fresh")) == []


@sqlite_only
@pytest.mark.django_db
def test_sqlite_index_is_rebuilt_when_its_triggers_went_missing():
    # Django rebuilds a SQLite table for some schema changes, which drops its
    # triggers; the post-migrate sync notices and rebuilds the index.
    assert sync_sqlite_search_index(connection, Article) is False  # in step after migrate
    with connection.cursor() as cursor:
        cursor.execute('DROP TRIGGER "news_article_search_insert"')
    missed = ArticleFactory(title_en="Written while the trigger was gone")
    assert list(Article.objects.published().search("trigger was gone")) == []
    assert sync_sqlite_search_index(connection, Article) is True
    assert list(Article.objects.published().search("trigger was gone")) == [missed]


@sqlite_only
@pytest.mark.django_db
@pytest.mark.parametrize("model", searchable_models(), ids=lambda m: m._meta.label)
def test_every_searchable_model_has_an_fts5_index_per_weight_on_sqlite(model):
    tables = fts_tables(model)
    for weight, columns in search_tiers(model):
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT * FROM "{tables[weight]}" LIMIT 0')  # noqa: S608 - a table name from _meta
            assert [column[0] for column in cursor.description] == columns


@postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize("model", searchable_models(), ids=lambda m: m._meta.label)
def test_every_searchable_model_has_an_indexed_document_per_weight_on_postgresql(model):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [model._meta.db_table])
        indexes = dict(cursor.fetchall())
    for weight, _columns in search_tiers(model):
        definition = indexes[f"{model._meta.db_table}_{document_column(weight)}"[:63]]
        assert "USING gin" in definition and document_column(weight) in definition
    assert sync_postgresql_search_index(connection, model) is False  # in step after migrate


@postgres_only
@pytest.mark.django_db
def test_postgresql_documents_are_rebuilt_when_the_trigger_went_missing():
    with connection.cursor() as cursor:
        cursor.execute('DROP TRIGGER "news_article_search" ON "news_article"')
    missed = ArticleFactory(title_en="Written while the trigger was gone")
    assert list(Article.objects.published().search("trigger")) == []
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # as after a migration, no check is pending
    assert sync_postgresql_search_index(connection, Article) is True
    assert list(Article.objects.published().search("trigger")) == [missed]


# Issue 23, point 3: % and _ are the text's own characters, never LIKE's wildcards.
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("100%", ["percent"]),  # not "100 companies": % is not "anything"
        ("%", []),  # no word: nothing is searched
        ("snake_case", ["underscore"]),
        ("snake_c", ["underscore"]),  # not snakeXcase: _ is not "any character"
        ("_", []),
        ("a\\b", ["backslash"]),
        ("%a%", []),
        ("100% 增长", ["percent"]),
    ],
)
def test_wildcards_in_a_term_are_matched_literally(db, query, found):
    ArticleFactory(slug="percent", title_en="Exports grew 100% in a year", title_zh_hans="出口增长100%")
    ArticleFactory(slug="hundred", title_en="100 companies and 1000 jobs", title_zh_hans="100家企业")
    ArticleFactory(slug="underscore", title_en="The snake_case name", title_zh_hans="下划线")
    ArticleFactory(slug="letters", title_en="The snakeXcase and snakecase names", title_zh_hans="字母")
    ArticleFactory(slug="backslash", title_en="Path a\\b here", title_zh_hans="反斜杠")
    assert sorted(slugs(Article.objects.published().search(query))) == found


def test_terms_without_a_word_are_dropped():
    assert parse_query("% 100% _ … 。， ％ 苏宿") == ["100%", "苏宿"]
    assert parse_query('%_% "%" \\\\ ！') == []


@postgres_only
def test_a_term_its_words_do_not_decide_is_checked_in_the_newest_rows_that_hold_them(db, monkeypatch):
    # Issue 23: the text check of "100%" (the word 100, then the text) reads at most
    # MOST_TEXT_CHECKS rows, the newest holding the word; an older one is not found.
    import search.query

    monkeypatch.setattr(search.query, "MOST_TEXT_CHECKS", 2)
    now = timezone.now()
    ArticleFactory(slug="new", title_en="Up 100% this year", published_at=now)
    ArticleFactory(slug="middle", title_en="100 firms", published_at=now - datetime.timedelta(days=1))
    ArticleFactory(slug="old", title_en="Up 100% long ago", published_at=now - datetime.timedelta(days=2))
    assert slugs(Article.objects.published().search("100%")) == ["new"]
    assert slugs(Article.objects.published().search("100")) == ["new", "middle", "old"]  # exact: no bound
    monkeypatch.setattr(search.query, "MOST_TEXT_CHECKS", 3)
    assert slugs(Article.objects.published().search("100%")) == ["new", "old"]
