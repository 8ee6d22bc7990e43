"""Root URLconf. Public pages live under a language prefix (/en/, /zh-hans/);
the admin and machine endpoints do not."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from core.admin_views import MissingTranslationsView
from core.views import healthz, root_redirect

urlpatterns = [
    path("", root_redirect, name="root"),
    # Editorial pages spanning several models; before admin/ so the admin's catch-all does not take them.
    path(
        "admin/translations/",
        admin.site.admin_view(MissingTranslationsView.as_view()),
        name="missing_translations",
    ),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", include("core.urls")),
    path("parks/", include("parks.urls")),
    path("news/", include("news.urls")),
    path("enterprises/", include("enterprises.urls")),
    # Figures, timeline, sources and open data (figures/, timeline/, sources/, data/).
    path("", include("facts.urls")),
    path("contact/", include("inquiries.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
