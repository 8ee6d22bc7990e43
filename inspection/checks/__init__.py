"""The checks, in the order they run and are listed. Each takes the run (``common.Run``) and yields
``Finding``s; links runs before external (it collects the external addresses)."""

from inspection.checks import documents, external, freshness, inquiries, links, terms, translations

CHECKS = [
    freshness.home,
    freshness.columns,
    terms.terms,
    inquiries.inquiries,
    links.internal,
    external.external,
    documents.documents,
    translations.missing_translations,
    translations.alt_texts,
]
