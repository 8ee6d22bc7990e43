"""How content is searched: ``Article.objects.published().search("苏宿 industrial")``.

A model becomes searchable by naming its searched fields and their weights::

    class Article(ContentModel):
        search_weights = {"title": 3, "summary": 2, "body": 1}

(not ``search_fields``: that is the admin's list of columns). Its QuerySet then
has ``search(query)`` by mixing in ``search.query.SearchQuerySet``
(``class ArticleQuerySet(SearchQuerySet, SlugQuerySet)``; a test says when one
is missing). Step by step:

1. The query is split into terms at whitespace; a "quoted phrase" stays one term.
2. Every term must occur in one of the searched fields, in either language
   column (``title_en`` or ``title_zh_hans``: modeltranslation's fallback does
   not apply to queries), ignoring case. Chinese is written without spaces and
   neither database's full-text parser segments it, so Chinese is matched by
   characters, never by words: 苏宿 is found inside 苏宿工业园区.
3. Rank: for each term, the weight of the best field it occurs in (title before
   summary before body), summed over the terms; ties keep the model's ordering.
4. An index answers step 2 and 3 on each database (docs/search.md says why):
   - PostgreSQL: one search document per weight tier and row, a ``tsvector``
     in a hidden column (``search_document_3`` for titles …) with a GIN index,
     filled by a trigger on every insert and update, whatever writes the row
     (admin, ``loaddata``, ``bulk_create``, ``update()``, raw SQL). Its
     lexemes are the Chinese characters and pairs of adjacent characters
     (``search_lexemes()``), and the English words. A Chinese term of one or
     two characters is one lexeme; a longer one is the AND of its pairs
     (尼吉康 = 尼吉 & 吉康); an English term matches words that begin with it
     (park: parks, parking; not spark). A term with other characters (9.7%,
     snake_case, a quoted phrase) is narrowed by the index and checked
     against the text (``icontains``) of at most ``MOST_TEXT_CHECKS`` rows;
     a term without a letter or digit (%) is dropped (``has_word``).
   - SQLite: FTS5 tables with the trigram tokenizer, one per weight tier
     (``<table>_search_3`` for titles …), kept in step by triggers, answer
     steps 2 and 3 for terms of two or more characters without reading the
     texts; one-character terms (and SQLite builds without FTS5) use LIKE.
     Matches are substrings, so an English term is also found inside a word.
   ``sync_search_indexes`` (re)creates both after every ``migrate`` from the
   models' ``search_weights``, and rebuilds an index whose definition changed:
   SQLite loses a table's triggers whenever Django rebuilds it for a schema
   change, and a changed declaration needs no hand-written migration.
5. "Did you mean …?": ``nearest_words(term)`` finds words and names of the
   searched titles close to a term that found nothing: pg_trgm's distance over
   the ``search_vocabulary`` table on PostgreSQL (filled by the same triggers),
   an edit distance over the titles on SQLite.

The modules: ``terms`` (a query as terms, a term as lexemes), ``fields`` (which columns a model's
search reads), ``query`` (``SearchQuerySet``), ``index`` (both databases' indexes, kept in step
after every ``migrate``) and ``suggestions`` ("Did you mean …?"); ``sources``, ``views`` and
``forms`` make the page.
"""
