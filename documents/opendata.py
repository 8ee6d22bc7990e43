"""Open data: the published documents as CSV and JSON in the page's language (as facts.opendata:
stable English column names, ISO dates, every CSV cell through core.csv_export)."""

DOCUMENT_FIELDS = [
    "slug",
    "title",
    "description",
    "number",
    "issuing_body",
    "published_at",
    "file_type",
    "file_size_bytes",
    "file_name",
    "parks",
    "sources",
    "page",
    "download",
]


def document_record(document, absolute):
    from django.urls import reverse

    return {
        "slug": document.slug,
        "title": document.title,
        "description": document.description or None,
        "number": document.number or None,
        "issuing_body": document.issuing_body or None,
        "published_at": document.published_at.isoformat(),
        "file_type": document.kind.label if document.kind else None,
        "file_size_bytes": document.file_size,
        "file_name": document.file_name or None,
        "parks": " ".join(park.slug for park in document.parks.all()) or None,
        "sources": " ".join(absolute(source.get_absolute_url()) for source in document.sources.all()) or None,
        "page": absolute(document.get_absolute_url()),
        "download": absolute(reverse("document_file", kwargs={"slug": document.slug})),
    }
