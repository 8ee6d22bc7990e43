from django.utils.functional import SimpleLazyObject

from about.models import SiteSettings


def site_settings(request):
    """``site`` for the footer, the About and the contact page. Lazy: the footer is a cached
    fragment, so a warm cache costs no query."""
    return {"site": SimpleLazyObject(SiteSettings.load)}
