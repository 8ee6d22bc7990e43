"""Production: every secret and host comes from the environment, with no default.

Start-up fails loudly (ImproperlyConfigured) when a required variable is
missing, rather than running with an invented key or an open host list.
"""

import ipaddress
import json
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def require_env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"The environment variable {name} must be true or false, not {value!r}.")


def env_str(name: str) -> str | None:
    return os.environ.get(name, "").strip() or None


DEBUG = False
SECRET_KEY = require_env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must be set in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Persistent connections: one per worker thread, re-used across requests.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# A database that accepts connections but does not answer (a frozen primary, a partition) costs a
# request a few seconds at most, and then nothing for DATABASE_RETRY_SECONDS (core/postgresql/base.py;
# the values and what a visitor sees: docs/operations.md, "When the database hangs").
if DATABASES["default"]["ENGINE"] == "core.postgresql":  # noqa: F405
    _connect_timeout = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "2"))  # libpq's minimum is 2
    _statement_timeout = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "5"))  # 0: none
    # The client waits a second longer than the server's own limit, which cancels cleanly.
    _client_timeout = _statement_timeout + 1 if _statement_timeout else None
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        "connect_timeout": _connect_timeout,
        "options": f"-c statement_timeout={int(_statement_timeout * 1000)}",
        # A peer whose kernel no longer answers (a partition): found by keepalives when idle, by
        # tcp_user_timeout (ms) when a sent query stays unacknowledged.
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 2,
        "keepalives_count": 3,
        "tcp_user_timeout": int((_client_timeout or 0) * 1000),
        # A server frozen behind a live kernel: only the client's own deadline ends the wait.
        "client_timeout": _client_timeout,
        "health_check_timeout": _connect_timeout if _client_timeout else None,
        "retry_seconds": float(os.environ.get("DATABASE_RETRY_SECONDS", "5")),
        **DATABASES["default"].get("OPTIONS", {}),  # noqa: F405 - what DATABASE_URL's query string sets wins
    }

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# One cache shared by every worker, so that the page cache (core/pagecache/) holds for the whole
# site (the inquiry rate limit is in the database): Redis when REDIS_URL is set (required with more
# than one machine), else files in CACHE_DIR, shared by the workers of this machine.
_redis_url = os.environ.get("REDIS_URL", "").strip()
if _redis_url:
    CACHES = {
        "default": {
            "BACKEND": "core.pagecache.backend.RedisCache",
            "LOCATION": _redis_url,
            # A Redis that accepts connections but does not answer costs a request one of these,
            # then the cache is skipped for CACHE_RETRY_SECONDS (redis-py retries nothing by default).
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": Path(os.environ.get("CACHE_DIR", "").strip() or BASE_DIR / "cache"),  # noqa: F405
            # Pages of both languages and the archive's articles, with room to spare.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }
CACHE_RETRY_SECONDS = int(os.environ.get("CACHE_RETRY_SECONDS", "30"))

# --- Reverse proxy: whose X-Forwarded-For names the client (core/network.py) ---
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as exc:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is not an address or network ({exc}).") from exc

# --- HTTPS ---
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (nginx, a load
# balancer): trust it to say the request was HTTPS. The proxy must strip the
# header from clients.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Set SECURE_SSL_REDIRECT=0 only for a local production-like run over plain HTTP.
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") != "0"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# --- E-mail: SMTP from the environment (staff notifications of inquiries and of the review workflow) ----
# Optional: without EMAIL_HOST inquiries are still stored and listed in the
# admin as "not notified"; `manage.py retry_inquiry_notifications` sends them later.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
# Implicit TLS (port 465) or STARTTLS (port 587, the default); never both.
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "false").lower() in ("1", "true", "yes")
EMAIL_USE_TLS = not EMAIL_USE_SSL and os.environ.get("EMAIL_USE_TLS", "true").lower() in ("1", "true", "yes")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "465" if EMAIL_USE_SSL else "587"))
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# The review workflow's e-mails link to the admin at this address (without it: paths only).
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
INQUIRY_NOTIFY_EMAILS = env_list("INQUIRY_NOTIFY_EMAILS")
# JSON, by park slug: {"ssip": ["invest@example.org"], "wujiang-siyang": ["…"]}
try:
    INQUIRY_PARK_NOTIFY_EMAILS = json.loads(os.environ.get("INQUIRY_PARK_NOTIFY_EMAILS", "") or "{}")
except json.JSONDecodeError as exc:
    raise ImproperlyConfigured(f"INQUIRY_PARK_NOTIFY_EMAILS is not valid JSON: {exc}") from exc

# Whole public pages are cached (core/pagecache/) in the shared cache above.
PAGE_CACHE = env_bool("PAGE_CACHE", default=True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
SHARED_CACHE_SECONDS = int(os.environ.get("SHARED_CACHE_SECONDS", "5"))

# --- Media (uploaded files) ------------------------------------------------
# Local files under MEDIA_ROOT by default; S3-compatible object storage (django-storages) when a
# bucket is named, so app servers keep no state of their own. Keys come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (read by boto3), or from the machine's role.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "").strip() or MEDIA_ROOT)  # noqa: F405
if env_str("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),  # unset for AWS itself
            "region_name": env_str("AWS_S3_REGION_NAME"),
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN"),  # e.g. a self-hosted media host name
            "addressing_style": env_str("AWS_S3_ADDRESSING_STYLE"),  # "path" for most self-hosted servers
            "location": os.environ.get("AWS_LOCATION", "media").strip(),
            # Public pages are cached and shared: plain URLs, not signed ones that would expire
            # inside a cached page. The bucket (or its media/ prefix) must be publicly readable.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", default=False),
            # "public-read" where the bucket has no public policy of its own; unset: the bucket decides.
            "default_acl": env_str("AWS_DEFAULT_ACL"),
            # An upload never replaces another file of the same name.
            "file_overwrite": False,
        },
    }
# Uploaded documents (documents/validation.py): the largest file accepted; the documents admin's
# request limit follows it (and nginx's client_max_body_size must too: deploy/nginx/portal.conf).
DOCUMENT_MAX_BYTES = int(os.environ.get("DOCUMENT_MAX_BYTES", "") or 20 * 1024 * 1024)
REQUEST_MAX_BYTES_ADMIN_PATHS = {"/admin/documents/": DOCUMENT_MAX_BYTES + 1024 * 1024}
# Without a web server in front (a single machine, `make serve`), Django serves local media.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=False)
