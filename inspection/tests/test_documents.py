"""Attachments that cannot be downloaded: the file check, on any stored file."""

from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage

from images.tests.factories import ImageFactory
from inspection.checks.documents import _problem


def test_a_missing_or_empty_file_is_a_problem(db, media_root):
    image = ImageFactory()
    assert _problem(image.file) is None
    default_storage.delete(image.file.name)
    assert "missing" in _problem(image.file)
    image.file.name = ""
    assert "no file" in _problem(image.file)


class _Unreadable(FileSystemStorage):
    """A storage that lists the file but cannot read it (permissions, a broken S3 object)."""

    def open(self, name, mode="rb"):
        raise PermissionError("Permission denied")


def test_an_unreadable_file_is_a_problem(db, media_root):
    name = default_storage.save("documents/locked.pdf", ContentFile(b"%PDF-1.7"))
    file = SimpleNamespace(name=name, storage=_Unreadable(location=media_root))
    assert "cannot be read (Permission denied)" in _problem(file)
