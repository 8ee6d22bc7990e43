"""An article's JSON-LD (schema.org NewsArticle), declared in news/apps.py."""

from django.utils.timezone import localtime
from django.utils.translation import override

from core.i18n import languages
from core.structured_data import CONTEXT, absolute_url, publisher


def news_article(article, request) -> dict:
    """An article in the page's language. The same article in the other
    language is its ``translationOfWork`` when this version is the translation,
    its ``workTranslation`` when this version is the original."""
    url = absolute_url(request, article.get_absolute_url())
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": article.title,
        "description": article.summary,
        # In the site's time zone (+08:00), as the page shows them.
        "datePublished": localtime(article.published_at),
        "dateModified": localtime(max(article.published_at, article.updated_at)),
        "inLanguage": languages.bcp47(),
        "publisher": publisher(request),
        "about": [
            {"@type": "Place", "name": park.name, "url": absolute_url(request, park.get_absolute_url())}
            for park in article.parks.all()
        ],
    }
    if article.source_name:
        source = {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": article.source_name}}
        if article.source_url:
            source["url"] = article.source_url
        data["isBasedOn"] = source
    if article.is_translation:
        data["translationOfWork"] = _version(article, article.original_language, request)
    else:
        data["workTranslation"] = [
            _version(article, code, request) for code in languages.page_codes() if code != languages.current()
        ]
    return data


def _version(article, code: str, request) -> dict:
    """A reference to the article's page in language ``code``."""
    with override(code):
        url = absolute_url(request, article.get_absolute_url())
    return {"@type": "NewsArticle", "@id": url, "url": url, "inLanguage": languages.bcp47(code)}
