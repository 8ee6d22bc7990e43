"""The files of the shipped documents reach storage with their rows: when ``loaddata`` saves a
document whose file is one of fixtures/documents/ and storage lacks it, the file is copied in
after the load commits. A load that fails copies nothing, so loaddata stays all-or-nothing."""

from pathlib import Path

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from documents.models import Document

SHIPPED_PREFIX = "documents/shipped/"


def shipped_dir() -> Path:
    return Path(settings.BASE_DIR) / "fixtures" / "documents"


def copy_shipped(name: str) -> bool:
    """Copy the shipped file stored as ``name`` into storage, unless it is there already."""
    source = shipped_dir() / name.removeprefix(SHIPPED_PREFIX)
    if not name.startswith(SHIPPED_PREFIX) or "/" in name.removeprefix(SHIPPED_PREFIX) or not source.is_file():
        return False
    if default_storage.exists(name):
        return False
    with source.open("rb") as handle:
        saved = default_storage.save(name, File(handle))
    if saved != name:  # a storage that renamed it would leave the row pointing nowhere
        default_storage.delete(saved)
        raise RuntimeError(f"Storage stored {name} as {saved}.")
    return True


@receiver(post_save, sender=Document, dispatch_uid="documents-shipped-files")
def shipped_file_to_storage(sender, instance, raw=False, **kwargs):
    if raw and instance.file and instance.file.name.startswith(SHIPPED_PREFIX):
        transaction.on_commit(lambda name=instance.file.name: copy_shipped(name))


def _delete_later(storage, name):
    # After commit, so that a rolled-back delete or replacement keeps its file.
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=Document, dispatch_uid="documents-delete-file")
def delete_document_file(sender, instance, **kwargs):
    _delete_later(instance.file.storage, instance.file.name)


@receiver(post_save, sender=Document, dispatch_uid="documents-replaced-file")
def delete_replaced_file(sender, instance, raw=False, **kwargs):
    previous = getattr(instance, "_stored_name", None)
    if not raw and previous and previous != instance.file.name:
        _delete_later(instance.file.storage, previous)
    instance._stored_name = instance.file.name
