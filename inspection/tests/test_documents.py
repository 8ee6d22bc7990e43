"""Attachments that cannot be downloaded: the file check, on any stored file."""

from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage

from images.tests.factories import ImageFactory
from inspection.checks.documents import _problem
from inspection.findings import Severity
from news.tests.factories import ArticleFactory


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


@pytest.mark.skipif(not apps.is_installed("documents"), reason="the documents app is on its own branch until merged")
def test_a_published_document_whose_file_is_gone(tidy_site):
    from documents.tests.factories import make_document
    from inspection.runner import inspect

    lost = make_document(slug="lost")
    lost.file.storage.delete(lost.file.name)
    draft = make_document(slug="draft", status="draft")
    draft.file.storage.delete(draft.file.name)  # not public: not the checklist's concern
    ArticleFactory(slug="citing", body_en='<p><a href="/documents/draft/file">the draft</a></p>')
    findings = inspect()
    gone = [f for f in findings if f.check == "document"]
    assert [(f.label, f.severity) for f in gone] == [(str(lost), Severity.DEDUCT)]
    assert gone[0].admin_url == f"/admin/documents/document/{lost.pk}/change/"
    links = [f for f in findings if f.check == "link"]
    assert len(links) == 1 and "it is not published" in links[0].message
