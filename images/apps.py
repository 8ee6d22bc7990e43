from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "images"
    verbose_name = _("Images")

    def ready(self):
        from core.history import register_history
        from images import signals  # noqa: F401 - connects the file clean-up on delete
        from images.models import Image

        register_history(Image)
