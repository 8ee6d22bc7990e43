from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "images"
    verbose_name = _("Images")

    def ready(self):
        from core import registry
        from images import signals  # noqa: F401 - connects the file clean-up on delete
        from images.models import Image

        # Pictures ship in the fixtures of what shows them (parks, news).
        registry.register(registry.ContentType(Image, key="image", reviewed=False))
