"""Root URLconf. Public pages live under a language prefix (/en/, /zh-hans/);
the admin and machine endpoints do not."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from core.views import root_redirect

urlpatterns = [
    path("", root_redirect, name="root"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("core.urls")),
    path("parks/", include("parks.urls")),
    path("news/", include("news.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    # Local media on a single machine without a web server in front (production settings).
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]
