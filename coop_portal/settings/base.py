"""Settings shared by every environment. Nothing secret lives here."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
ALLOWED_HOSTS: list[str] = []

# Apps whose rows are the portal's content (installed below): exported together by
# `manage.py export_content` (backups), restored with `loaddata`, and any change to them is new
# content for the page cache (core/pagecache/). A new content app is added here, and only here; it
# declares its content types in its AppConfig.ready() (core/registry.py), in this order: the order
# of search results of equal rank, of the sitemap's sections and of loading the fixtures
# (`manage.py load_content`).
CONTENT_APPS = ["images", "parks", "news", "documents", "enterprises", "facts", "about"]

INSTALLED_APPS = [
    # Listed first so that its `loaddata` (validating, all-or-nothing) takes
    # precedence over modeltranslation's and Django's commands of that name.
    "core.apps.CoreConfig",
    # modeltranslation must come before django.contrib.admin so that its
    # admin patches apply (its documentation says so).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # /sitemap.xml (its template); the domain comes from the request, as
    # django.contrib.sites is not installed.
    "django.contrib.sitemaps",
    "coop_portal.apps.AxesConfig",  # django-axes, its name translated
    "csp",
    # The rich-text editor (ProseMirror) for article bodies and park descriptions; assets in its wheel.
    "django_prose_editor",
    # Editorial history of every content type (registered with it, core/registry.py).
    "simple_history",
    *CONTENT_APPS,
    "inquiries",
    "search",
    # Self-inspection against the checklist for government websites (manage.py inspect_site).
    "inspection",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # django-csp's, allowing inline styles only where they cannot be avoided.
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    # Before anything reads the body (CSRF reads the form): too large a body is a 413, a NUL in
    # the address or a cookie a 400, with the headers above.
    "core.middleware.RequestGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers If-None-Match with 304 from the ETag of the (cached) page.
    "django.middleware.http.ConditionalGetMiddleware",
    # Whole public pages for visitors (core/pagecache/). Before sessions and CSRF, so it sees their
    # cookies and headers in the response it stores, and a hit skips them. A middleware that must
    # act on every response (a per-request header) goes above this line.
    "core.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix.
    "django.middleware.locale.LocaleMiddleware",
    # /zh-hant/: the page converted to Traditional Chinese (core/i18n/traditional.py); inside the page
    # cache, so that the converted page is what is stored.
    "core.middleware.DerivedLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # A 404 whose address a renamed page had answers 301 to its new one (core/redirects.py). Inside the
    # page cache, which stores only 200s: no stored 404 can hide the redirect.
    "core.redirects.RedirectFallbackMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Under /admin/, the language the staff member chose there (core/editorial/admin_language.py).
    "core.editorial.admin_language.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Tells an editor when their change could not clear the page cache (core/pagecache/).
    "core.pagecache.middleware.InvalidationNoticeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out address or user is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "coop_portal.urls"
WSGI_APPLICATION = "coop_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.languages_context",
                "about.context_processors.site_settings",
            ],
        },
    },
]

# SQLite is the embedded default so that `make run` needs no server;
# DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/coop_portal) overrides it.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # Django iterates a form's model choices (the park filters) with .iterator(), which on
    # PostgreSQL opens a server-side cursor: three round trips for six rows. Client-side cursors
    # also keep working behind a transaction-pooling proxy (pgbouncer).
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    # Django's backend, plus a client-side bound on waits for a server that does not answer and
    # a circuit breaker (core/postgresql/base.py); both off unless OPTIONS ask (production.py).
    DATABASES["default"]["ENGINE"] = "core.postgresql"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------
# The language rules of the site live in core/i18n/languages.py; these are the
# settings Django and modeltranslation read. LANGUAGE_CODE stays "en": loaddata
# runs in it, and modeltranslation's default language must match.
LANGUAGE_CODE = "en"
# English dates day first ("1 November 2006"), the style of the English text (coop_portal/formats/).
FORMAT_MODULE_PATH = ["coop_portal.formats"]
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
    # Derived: every page converted from the Simplified one, nothing written in it and no column
    # of its own (MODELTRANSLATION_LANGUAGES below); core/i18n/languages.py.
    ("zh-hant", _("Traditional Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "zh-hans")
# A missing Chinese text shows the English one (and vice versa) rather than a
# blank; templates mark such text with its real language (core/i18n/languages.py).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en",), "en": ("zh-hans",)}
# TabbedTranslationAdmin would load jQuery UI from a Google CDN, unreachable for
# many readers in mainland China: serve our vendored copy instead.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui-1.13.3.min.js"

# --- Static and media files ------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
# Django serves MEDIA_ROOT itself only in DEBUG, or when production sets SERVE_MEDIA.
SERVE_MEDIA = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploaded images (images/): refused above these limits, resized to these widths.
IMAGES_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Below Pillow's own decompression-bomb threshold (about 89 megapixels).
IMAGES_MAX_PIXELS = 40_000_000
IMAGES_RENDITION_WIDTHS = (480, 960, 1600)
# Uploaded documents (documents/validation.py): the largest file, and the most a zip-based one
# (DOCX, XLSX, ODT, ODS, OFD) may unpack to; above it, it is refused as a zip bomb.
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
DOCUMENT_MAX_UNPACKED_BYTES = 200 * 1024 * 1024

# Request bodies above these sizes are refused with 413 before they are read
# (core.middleware.RequestGuardMiddleware). The public forms: the largest inquiry a person can
# write (5,000 Chinese characters, 9 bytes each once form-encoded) is about 50 KB. The admin:
# one image upload and its form.
REQUEST_MAX_BYTES_PUBLIC = 64 * 1024
REQUEST_MAX_BYTES_ADMIN = IMAGES_MAX_UPLOAD_BYTES + 1024 * 1024
# Admin paths that take larger uploads (path prefix -> limit): one document and its form.
REQUEST_MAX_BYTES_ADMIN_PATHS = {"/admin/documents/": DOCUMENT_MAX_BYTES + 1024 * 1024}

# Real content lives in the top-level fixtures/ folder, which Django does not
# search unless told to.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

LOGIN_URL = "admin:login"

# --- Page cache (core/pagecache/) --------------------------------------------
# Off by default (`make run`: templates change under the developer); production turns it on.
PAGE_CACHE = False
# Longest life of a cached page; edits and scheduled publications end it earlier.
PAGE_CACHE_SECONDS = 600
# How long a shared cache in front (nginx, a CDN) may keep a public page (s-maxage): the delay
# before an edit shows through it (docs/operations.md).
SHARED_CACHE_SECONDS = 5
# After the cache (Redis) fails, each process skips it for this long (core.pagecache.backend.RedisCache).
CACHE_RETRY_SECONDS = 30

# --- Caches ------------------------------------------------------------------
# Per-process memory for `make run` and the tests; production shares one cache between its
# workers (files on one machine, or Redis).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --- Security headers (every environment; production.py adds HTTPS-only ones) ---
# No inline script and nothing from another host: scripts come from our own
# static files only. Styles likewise; the error pages' own <style> is allowed by hash, and
# only the admin forms with the rich-text editor get 'unsafe-inline' for styles
# (core.middleware.ContentSecurityPolicyMiddleware, docs/operations.md).
# Nonces are available as request.csp_nonce where an inline script is unavoidable: the
# rich-text editor's import map (core/editorial/widgets.py). NONCE is left out of the header of every
# response that did not use one, so public pages stay at script-src 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Features the portal never uses, switched off for every page and any frame.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True

# --- Admin login throttling (django-axes) ---
# After 5 failed logins for one user from one address, that login is locked
# for 15 minutes; the lockout page says so (templates/axes/lockout.html).
# An address that fails for LOCKOUT_ADDRESS_ACCOUNTS different usernames in
# those 15 minutes (password spraying) is locked itself (core/lockout.py).
AXES_HANDLER = "core.lockout.AddressLockoutHandler"
LOCKOUT_ADDRESS_ACCOUNTS = 10
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_RESET_ON_SUCCESS = True
# The same client address as the inquiry limit: X-Forwarded-For only from a trusted proxy.
AXES_CLIENT_IP_CALLABLE = "core.network.client_ip"

# --- Reverse proxy ---
# Addresses or networks of the reverse proxies in front of the app servers (production reads
# TRUSTED_PROXIES, comma-separated). Only a request from one of them may say, in X-Forwarded-For,
# which client it forwards (core/network.py); empty: nobody is trusted, REMOTE_ADDR is the client.
TRUSTED_PROXIES: list[str] = []

# --- Investor inquiries (inquiries/) ---------------------------------------
# Who is e-mailed about a new inquiry: always INQUIRY_NOTIFY_EMAILS, plus the
# addresses listed for each park the visitor ticked ({"ssip": ["desk@…"]}).
INQUIRY_NOTIFY_EMAILS: list[str] = []
INQUIRY_PARK_NOTIFY_EMAILS: dict[str, list[str]] = {}
INQUIRY_NOTIFY_LANGUAGE = "en"  # language of the staff e-mail
INQUIRY_OVERDUE_DAYS = 3  # the admin flags open inquiries older than this
INQUIRY_RETENTION_DAYS = 365  # purge_inquiries anonymises closed inquiries after this
INQUIRY_RATE_LIMIT = 5  # accepted submissions per address …
INQUIRY_RATE_PERIOD = 60 * 60  # … per this many seconds
# The site's address as staff open it (https://portal.example.org), for the links in e-mails sent
# outside a request: the review workflow's (core/workflow/notifications.py). Empty: paths only.
SITE_URL = ""
# A hung mail server must not hold a visitor's request (the staff e-mail is
# sent after the inquiry is stored) for longer than this.
EMAIL_TIMEOUT = 10
