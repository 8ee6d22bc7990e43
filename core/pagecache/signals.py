"""The receivers of the page cache, connected once from ``CoreConfig.ready``."""

from core.pagecache import staff, versions


def connect_signals(app_config):
    from django.contrib.auth.signals import user_logged_in, user_logged_out
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

    post_save.connect(versions.content_changed, dispatch_uid="page_cache_post_save")
    post_delete.connect(versions.content_changed, dispatch_uid="page_cache_post_delete")
    m2m_changed.connect(versions.content_changed, dispatch_uid="page_cache_m2m_changed")
    post_migrate.connect(versions.migrated, sender=app_config, dispatch_uid="page_cache_post_migrate")
    user_logged_in.connect(staff.staff_signed_in, dispatch_uid="page_cache_signed_in")
    user_logged_out.connect(staff.staff_signed_out, dispatch_uid="page_cache_signed_out")
