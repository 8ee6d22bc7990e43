from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    # The admin's heading over the redirects of renamed pages (core.models.Redirect).
    verbose_name = _("Site tools")

    def ready(self):
        # Content changes invalidate the page cache; staff sign-in marks the browser (core/pagecache/).
        from core.pagecache import signals

        signals.connect_signals(self)

        # A public page's old address answers 301 after its slug changes (core/redirects.py).
        from core import redirects

        redirects.connect_signals()

        # The review workflow's roles hold their permissions on every reviewed content type.
        from django.db.models.signals import post_migrate

        from core.editorial.roles import grant_workflow_permissions

        post_migrate.connect(grant_workflow_permissions, sender=self, dispatch_uid="workflow_permissions")

        # Remembers each user's admin language at sign-in.
        from core.editorial import admin_language  # noqa: F401
        from core.i18n import traditional

        # A derived language (Traditional) reads the written one's columns (core/i18n/traditional.py).
        traditional.install()
