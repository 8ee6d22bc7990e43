"""Test runs: fast hashing, no debug, a database from DATABASE_URL (SQLite by default)."""

import os
import uuid

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# Hashing cost is irrelevant to what the tests check, and slow.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# REDIS_URL runs the suite against Redis, as production does (CI's PostgreSQL run). The prefix,
# new for every run, keeps runs that share a Redis database apart.
if os.environ.get("REDIS_URL", "").strip():
    CACHES = {
        "default": {
            "BACKEND": "core.pagecache.backend.RedisCache",
            "LOCATION": os.environ["REDIS_URL"].strip(),
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:12]}",
        },
    }
# Off, so that query-count tests measure the views; the page-cache tests turn it on (fixture
# `page_cache` in conftest.py).
PAGE_CACHE = False
# Serve static files from the app/static folders without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
