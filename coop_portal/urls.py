"""Root URLconf. Public pages live under a language prefix (/en/, /zh-hans/, /zh-hant/);
the admin and machine endpoints do not."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from coop_portal.sitemaps import PageSitemap
from coop_portal.views import HomeView, chinese_alias_redirect, favicon, healthz, root_redirect
from core.admin_views import MissingSourcesView, MissingTranslationsView
from core.editorial import admin_language
from core.i18n import languages
from core.sitemaps import content_sitemaps
from core.workflow import views as workflow_views
from documents.download import download as document_download
from inspection.admin_views import InspectionView

# The sections of /sitemap.xml, each listing its pages in every language: the list pages, then one
# per content type with pages (their declarations, core/registry.py).
SITEMAPS = {"pages": PageSitemap, **content_sitemaps()}

urlpatterns = [
    path("", root_redirect, name="root"),
    re_path(rf"^(?P<alias>{'|'.join(map(re.escape, languages.ALIASES))})/(?P<rest>.*)$", chinese_alias_redirect),
    # Editorial pages spanning several models; before admin/ so the admin's catch-all does not take them.
    path(
        "admin/translations/",
        admin.site.admin_view(MissingTranslationsView.as_view()),
        name="missing_translations",
    ),
    path("admin/sources-missing/", admin.site.admin_view(MissingSourcesView.as_view()), name="missing_sources"),
    # The review workflow (core/workflow/views.py): a revision's review page, its actions, its preview.
    path("admin/review/<int:pk>/", admin.site.admin_view(workflow_views.review), name="workflow_review"),
    path(
        "admin/review/<int:pk>/preview/<str:language>/",
        admin.site.admin_view(workflow_views.preview),
        name="workflow_preview",
    ),
    path("admin/review/<int:pk>/<str:action>/", admin.site.admin_view(workflow_views.act), name="workflow_act"),
    path(
        "admin/withdraw/<int:content_type_id>/<int:object_id>/",
        admin.site.admin_view(workflow_views.withdraw),
        name="workflow_withdraw",
    ),
    path("admin/site-inspection/", admin.site.admin_view(InspectionView.as_view()), name="site_inspection"),
    # Each staff member's admin language, chosen in the admin header (core/editorial/admin_language.py).
    path("admin/language/", admin.site.admin_view(admin_language.choose), name="admin_language"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # A document's file, in no language (the same link in both languages' text); drafts are 404.
    path("documents/<slug:slug>/file", document_download, name="document_file"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
]

# The home page keeps the URL name "core:home" that the templates link to.
home_patterns = ([path("", HomeView.as_view(), name="home")], "core")

urlpatterns += i18n_patterns(
    path("", include(home_patterns)),
    path("parks/", include("parks.urls")),
    path("news/", include("news.urls")),
    # Policies and documents (documents/) and their open data (data/documents.*).
    path("", include("documents.urls")),
    path("enterprises/", include("enterprises.urls")),
    # Figures, timeline, sources and open data (figures/, timeline/, sources/, data/).
    path("", include("facts.urls")),
    path("contact/", include("inquiries.urls")),
    path("search/", include("search.urls")),
    path("about/", include("about.urls")),
)

if settings.DEBUG or settings.SERVE_MEDIA:
    # Local media: in development, or on a single machine without a web server in front
    # (production settings). Never documents/: their files go through document_download.
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?!documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
