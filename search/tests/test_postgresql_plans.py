"""On PostgreSQL, every query shape is answered from an index, read from
EXPLAIN over a couple of thousand articles: a rare term from the search
documents' GIN indexes, a term in most articles by walking the date index until
enough matches are found (search/query.py, search_best).
The timings are bench/search_bench.py's (docs/performance.md, ## Search)."""

import itertools
import re
from datetime import timedelta

import pytest
from django.db import connection

from news.models import Article
from news.tests.factories import ArticleFactory
from search.query import index_scans
from search.sources import MOST_MATCHES
from search.terms import parse_query

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query plans")

ARTICLES = 2000
# Every shape of issue 14, with terms as common as in the real news: 宿 and 工业园区 are in
# every article, industrial park in most, Nichicon / 尼吉康 in one in 50.
SHAPES = {
    "1-character Chinese": "宿",
    "2-character Chinese": "苏宿",
    "4-character Chinese": "工业园区",
    "one English word": "Nichicon",
    "two English words": "industrial park",
    "mixed": "尼吉康 capacitors",
    "typo": "Suqain",
    "no hit": "量子计算",
}
PARKS = [("Suqian", "宿迁"), ("Sucheng", "宿城"), ("Shuyang", "沭阳"), ("Sihong", "泗洪")]
TOPICS = [("opens a factory", "新厂房投产"), ("signs projects", "签约项目"), ("trains workers", "培训技工")]


@pytest.fixture(scope="module")
def articles(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        template = ArticleFactory.build()
        rows = []
        for n, ((en, zh), (topic_en, topic_zh)) in enumerate(
            itertools.islice(itertools.cycle(itertools.product(PARKS, TOPICS)), ARTICLES)
        ):
            rare = n % 50 == 0
            rows.append(
                Article(
                    slug=f"plan-{n}",
                    title_en=f"{en} industrial park {topic_en}",
                    title_zh_hans=f"苏宿{zh}工业园区{topic_zh}",
                    summary_en=f"The {en} park news number {n}." + (" Nichicon capacitors." if rare else ""),
                    summary_zh_hans=f"{zh}园区第{n}条消息。" + ("尼吉康电容器。" if rare else ""),
                    body_en=f"<p>{en} and Suzhou work together in the park, story {n}.</p>",
                    body_zh_hans=f"<p>苏州与{zh}共建园区，第{n}篇。</p>",
                    status=Article.Status.PUBLISHED,
                    published_at=template.published_at - timedelta(minutes=n),  # one a minute, newest first
                )
            )
        Article.objects.bulk_create(rows, batch_size=500)
        with connection.cursor() as cursor:
            # What autovacuum does soon after a bulk load: the GIN indexes' pending entries
            # merged into the index proper, and the planner's statistics.
            for weight in (1, 2, 3):
                index = f"news_article_search_document_{weight}"
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
            cursor.execute("ANALYZE news_article")
        yield
        Article.objects.filter(slug__startswith="plan-").delete()
        # Deleting records a version of each (committed, like the rows): without this, a later test's
        # articles take the freed ids and find these versions in their history.
        Article.history.filter(slug__startswith="plan-").delete()


def plan(query: str) -> str:
    """EXPLAIN ANALYZE of the articles' search as the search page runs it
    (search.sources.SearchResults: ``search_best`` among the newest matches)."""
    sql, params = Article.objects.published().search_best_sql(parse_query(query), limit=100, among=AMONG)
    with index_scans(), connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN ANALYZE {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


AMONG = MOST_MATCHES + 1  # as SearchResults asks
# In every article: the newest first, by the date index, up to the AMONG-th match. A rare term:
# the search documents' GIN indexes. English words are prefixes (park:*), which PostgreSQL's
# statistics estimate only roughly over this test's small vocabulary: either plan may answer them.
COMMON = {"1-character Chinese", "2-character Chinese", "4-character Chinese"}
RARE = {"mixed", "typo", "no hit"}


@pytest.mark.django_db
@pytest.mark.parametrize(("shape", "query"), SHAPES.items(), ids=SHAPES.keys())
def test_every_query_shape_is_answered_from_an_index_and_stops_early(articles, shape, query):
    explained = plan(query)
    assert "Seq Scan on news_article" not in explained, explained
    # A term can be in the title, the summary or the body: all three documents are consulted.
    searched = set(re.findall(r"Bitmap Index Scan on (news_article_search_document_\d)", explained)) == {
        f"news_article_search_document_{weight}" for weight in (1, 2, 3)
    }
    walked = re.search(
        r"Index Scan Backward using news_article_published_at\w* on news_article .*rows=(\d+) ", explained
    )
    # The walk stops at the AMONG-th match (and one more row, which tells the sort of equal dates
    # that its group is complete), long before the end of the table.
    stopped = walked is not None and int(walked.group(1)) <= AMONG + 1 < ARTICLES
    if shape in COMMON:
        assert stopped, explained
    elif shape in RARE:
        assert searched, explained
    else:
        assert stopped or searched, explained


@pytest.mark.django_db
def test_the_shapes_find_what_the_articles_hold(articles):
    published = Article.objects.published()
    assert published.search("宿").count() == ARTICLES
    assert published.search("尼吉康 capacitors").count() == ARTICLES // 50
    assert published.search("量子计算").count() == 0


@pytest.mark.django_db
def test_did_you_mean_looks_up_the_vocabulary_by_its_trigram_index(articles):
    with index_scans(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN SELECT word FROM search_vocabulary ORDER BY word <-> %s LIMIT 10", ["suqain"])
        explained = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Scan using search_vocabulary_trgm" in explained, explained


@pytest.mark.django_db
def test_a_plan_that_needs_a_table_scan_is_not_jit_compiled():
    # Issue 23: with enable_seqscan off, PostgreSQL prices a plan it can only make with a
    # sequential scan at 10^10, far above jit_above_cost, and spent 300 ms compiling each
    # (a search for % took 0.7 s on the 16 shipped articles). index_scans() turns JIT off too.
    with index_scans(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM parks_park WHERE name_en LIKE '%%x%%'")
        explained = str(cursor.fetchone()[0])
    assert "Seq Scan" in explained and "JIT" not in explained, explained


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["%a%", "宿%", "100%", "park_s"])
def test_a_term_with_punctuation_reads_the_texts_of_a_bounded_number_of_rows(articles, query):
    # Issue 23: its words are in every article, its exact text in none. The texts are read
    # only for the newest MOST_TEXT_CHECKS rows holding its words, fetched by primary key.
    from search.query import MOST_TEXT_CHECKS

    explained = plan(query)
    fetched = re.search(r"Index Scan using news_article_pkey on news_article .*rows=(\d+) loops", explained)
    removed = re.search(r"Index Cond: \(id = ANY \(\$\d\)\)\n.*\n\s+Rows Removed by Filter: (\d+)", explained)
    assert fetched and removed, explained
    assert int(fetched.group(1)) + int(removed.group(1)) <= MOST_TEXT_CHECKS < ARTICLES
    assert "Seq Scan on news_article" not in explained, explained
