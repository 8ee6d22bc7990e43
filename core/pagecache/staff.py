"""Signed-in staff, told apart without a query: a signed marker cookie set at sign-in and removed
at sign-out. They always get a freshly rendered page; any other cookie gets the cached one."""

from django.conf import settings

STAFF_COOKIE = "staff"
# Unchanged since the page cache was one module (core/cache.py): a new salt would sign every
# editor out of their fresh pages until they sign in again.
STAFF_COOKIE_SALT = "core.cache"


def is_staff(request) -> bool:
    """Signed in to the admin, by the marker cookie: no session lookup, no query."""
    max_age = settings.SESSION_COOKIE_AGE
    return request.get_signed_cookie(STAFF_COOKIE, None, salt=STAFF_COOKIE_SALT, max_age=max_age) == "1"


def mark(request, response):
    """Set the marker on the response of a sign-in, remove it on that of a sign-out."""
    signed_in = getattr(request, "staff_signed_in", None)  # set by the signals below
    if signed_in:
        response.set_signed_cookie(
            STAFF_COOKIE,
            "1",
            salt=STAFF_COOKIE_SALT,
            max_age=settings.SESSION_COOKIE_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    elif signed_in is False:
        response.delete_cookie(STAFF_COOKIE, samesite="Lax")


def staff_signed_in(sender, request, user, **kwargs):
    if request is not None:
        request.staff_signed_in = user.is_staff


def staff_signed_out(sender, request, **kwargs):
    if request is not None:
        request.staff_signed_in = False
