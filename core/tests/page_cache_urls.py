"""A URLconf for the page cache tests: public pages whose responses the cache must not share."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache

from coop_portal.urls import urlpatterns as site_urlpatterns

CALLS = []


def counted(view):
    def wrapper(request):
        CALLS.append(request.path)
        return view(request)

    return wrapper


def preview(request):
    # What a staff preview of a draft sends (editorial workflow).
    return HttpResponse("draft preview", headers={"Cache-Control": "private, no-store"})


def with_cookie(request):
    response = HttpResponse("sets a cookie")
    response.set_cookie("choice", "1")
    return response


def with_form(request):
    return HttpResponse(f"<form method=post><input name=csrfmiddlewaretoken value={get_token(request)}></form>")


def fragment_or_page(request):
    response = HttpResponse("fragment" if request.headers.get("HX-Request") else "full page")
    patch_vary_headers(response, ["HX-Request"])
    return response


def plain(request):
    return HttpResponse("plain public page")


# How the slow page renders: tests change it, as an edit would change a page.
SLOW = {"seconds": 0.5, "content": "first"}


def slow(request):
    """A page that takes a while to render, so that concurrent requests overlap its render."""
    import time

    time.sleep(SLOW["seconds"])
    return HttpResponse(SLOW["content"])


urlpatterns = [
    *site_urlpatterns,
    *i18n_patterns(
        path("t/preview/", counted(preview)),
        path("t/never/", counted(never_cache(plain))),
        path("t/cookie/", counted(with_cookie)),
        path("t/form/", counted(with_form)),
        path("t/vary/", counted(fragment_or_page)),
        path("t/plain/", counted(plain)),
        path("t/slow/", counted(slow)),
        prefix_default_language=True,
    ),
]
