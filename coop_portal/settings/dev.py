"""Local development: DEBUG on, a fixed throwaway key, SQLite by default."""

from .base import *  # noqa: F403

DEBUG = True
# A development-only key; production.py refuses to start without a real one.
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The console backend prints the staff e-mail about each new inquiry.
INQUIRY_NOTIFY_EMAILS = ["inquiries@localhost"]
# The review workflow's e-mails, printed too, link to the admin of `make run`.
SITE_URL = "http://127.0.0.1:8000"
