"""Each staff member's admin language, chosen in the admin header and remembered per user.

Stored in ``StaffLanguage`` and copied into the session at sign-in, so that the middleware
that applies it reads the session only (no query per request). Without a choice the admin
follows the browser (LocaleMiddleware), as before. Staff e-mails use the same choice
(``by_language``).
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.functions import Lower
from django.dispatch import receiver
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from core.i18n import languages
from core.models import StaffLanguage

SESSION_KEY = "admin_language"


class AdminLanguageMiddleware:
    """Under /admin/, the signed-in staff member's chosen language (after LocaleMiddleware,
    which chose from the browser)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/admin/"):
            # Public pages never touch the session: reading it would add "Vary: Cookie".
            return self.get_response(request)
        code = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if code not in languages.codes():
            # No choice: the browser's language, but never a derived one. The admin is where text is
            # written, so it stays in the written language (a 繁體 reader's cookie gives 简体).
            code = translation.get_language()
            if not languages.is_derived(code):
                return self.get_response(request)
            code = languages.written(code)
        request.LANGUAGE_CODE = code
        with translation.override(code):  # for this request only, not the thread's next one
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", code)
        return response


@receiver(user_logged_in, dispatch_uid="core_admin_language")
def remember_on_sign_in(sender, request, user, **kwargs):
    chosen = StaffLanguage.objects.filter(user=user).values_list("language", flat=True).first()
    if chosen and request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = chosen


def choose(request):
    """POST /admin/language/ (language, next): remember the choice and go back."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    code = request.POST.get("language")
    if code in languages.codes():
        StaffLanguage.objects.update_or_create(user=request.user, defaults={"language": code})
        request.session[SESSION_KEY] = code
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = "/admin/"
    return redirect(target)


def by_language(addresses) -> dict[str, list[str]]:
    """Staff e-mail ``addresses`` grouped by the language to write to them in: each staff member's
    admin language, else the site's setting (``INQUIRY_NOTIFY_LANGUAGE``). One query; the inquiry
    and review-workflow e-mails both send one message per language."""
    addresses = list(dict.fromkeys(addresses))
    chosen = dict(
        StaffLanguage.objects.annotate(address=Lower("user__email"))
        .filter(address__in=[address.lower() for address in addresses], user__is_active=True)
        .values_list("address", "language")
    )
    groups = {}
    for address in addresses:
        groups.setdefault(chosen.get(address.lower()) or settings.INQUIRY_NOTIFY_LANGUAGE, []).append(address)
    return groups
