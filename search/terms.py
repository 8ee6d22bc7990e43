"""A query as terms, and a term as the lexemes an index holds (see the package's docstring)."""

import re

from core.canonical import MAX_PARAM_LENGTH
from core.i18n import traditional

# Longer queries are cut by the search form (a page's parameter is never longer); more terms are ignored.
MAX_QUERY_LENGTH = MAX_PARAM_LENGTH
MAX_TERMS = 8

_TERM = re.compile(r'"([^"]+)"|(\S+)')


def has_word(term: str) -> bool:
    """Whether ``term`` holds something searchable: a letter or a digit of any
    script (a Chinese character is a letter). A term of punctuation alone
    (``%``, ``_``, ``…``, ``。，``) is no word: no index holds it, so it could
    only be looked for by reading every text (issue 23), and nobody means it."""
    return any(character.isalnum() for character in term)


def parse_query(query: str) -> list[str]:
    """``'苏宿  "industrial park" Park'`` -> ``["苏宿", "industrial park", "Park"]``:
    whitespace separates terms, double quotes keep a phrase, stray quotes are
    dropped, terms without a letter or digit (``%``, ``…``) are dropped, and repeats (ignoring
    case) count once; ``[]``: nothing to search for. Chinese typed in Traditional is searched in
    Simplified, as the text is written (``蘇州`` -> ``苏州``; core/i18n/languages.py), so a query finds
    the same from any of the three page languages."""
    terms: list[str] = []
    seen: set[str] = set()
    for phrase, word in _TERM.findall(traditional.to_written(query or "")):
        term = " ".join(phrase.split()) if phrase else word.strip('"')
        if has_word(term) and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return terms[:MAX_TERMS]


# --- Terms as lexemes (PostgreSQL's documents; the vocabulary) ---------------
# The same rules as search_lexemes() and search_words() in SQL (search/index.py): CJK
# ideographs (the unified block, extension A, compatibility ideographs) are
# indexed one by one and in pairs; a word is a run of ASCII letters and digits,
# lower-cased. Anything else separates words.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN = re.compile(f"[{CJK}]+")
_WORD = re.compile(r"[0-9a-z]+")


def term_lexemes(term: str) -> tuple[list[str], list[str], bool]:
    """The Chinese lexemes and English word prefixes a document must hold to
    contain ``term``, and whether holding them is exactly containing it (else
    the text is checked too): ``"尼吉康"`` -> ``(["尼吉", "吉康"], [], True)``."""
    grams: list[str] = []
    for run in CJK_RUN.findall(term):
        grams += [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
    words = _WORD.findall(term.lower())
    exact = bool(CJK_RUN.fullmatch(term)) or (len(words) == 1 and term.lower() == words[0])
    return list(dict.fromkeys(grams)), list(dict.fromkeys(words)), exact


def tsquery(term: str) -> tuple[str | None, bool]:
    """``term`` as a PostgreSQL tsquery (None when nothing in it is indexed),
    and whether it is exact (see ``term_lexemes``)."""
    grams, words, exact = term_lexemes(term)
    if not grams and not words:
        return None, False
    # Lexemes are CJK characters or [0-9a-z]+: nothing to escape inside the quotes.
    return " & ".join([f"'{gram}'" for gram in grams] + [f"'{word}':*" for word in words]), exact


_TITLE_WORD = re.compile(f"[a-z][0-9a-z]{{3,}}|(?<![{CJK}])[{CJK}]{{2,8}}(?![{CJK}])")


def title_words(text: str) -> list[str]:
    """The words of a title that "Did you mean …?" may offer: English words of
    four letters or more (lower-cased), Chinese runs of two to eight characters."""
    return _TITLE_WORD.findall((text or "").lower())
