"""Files leave storage with their Image row: the original and every rendition."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from images.models import Image, delete_files


@receiver(post_delete, sender=Image)
def delete_image_files(sender, instance, **kwargs):
    storage, name, rendition_list = instance.file.storage, instance.file.name, list(instance.renditions)
    # After commit, so that a rolled-back delete keeps its files.
    transaction.on_commit(lambda: delete_files(storage, name, rendition_list))
