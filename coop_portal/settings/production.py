"""Production: every secret and host comes from the environment, with no default.

Start-up fails loudly (ImproperlyConfigured) when a required variable is
missing, rather than running with an invented key or an open host list.
"""

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

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

_redis_url = os.environ.get("REDIS_URL", "").strip()
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis_url}
        if _redis_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Whole public pages are cached (core/cache.py) when every worker and instance shares the cache:
# with per-process memory, one worker could not see another's invalidation after an edit.
PAGE_CACHE = env_bool("PAGE_CACHE", default=bool(_redis_url))
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

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
# Without a web server in front (a single machine, `make serve`), Django serves local media.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=False)
