"""The documents the portal ships: small, true (made from its own content), checked like any
upload, referenced by the shipped content, and in storage once loaded, all or nothing."""

import json

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from core import registry
from documents import validation
from documents.models import Document
from documents.signals import shipped_dir

FIXTURE = settings.BASE_DIR / "fixtures" / "documents.json"


def rows():
    return [entry["fields"] for entry in json.loads(FIXTURE.read_text())]


def test_at_least_three_small_files_that_pass_the_upload_checks():
    files = [shipped_dir() / row["file"].removeprefix("documents/shipped/") for row in rows()]
    assert len(files) >= 3
    assert sum(path.stat().st_size for path in files) <= 500 * 1024
    for row, path in zip(rows(), files, strict=True):
        with path.open("rb") as handle:
            from django.core.files import File

            kind = validation.detect(File(handle, name=path.name), path.name)
        assert (kind.key, path.stat().st_size) == (row["file_kind"], row["file_size"]), path.name
        assert validation.KINDS[row["file_kind"]].extensions[0] == path.suffix
        assert row["sources"], f"{row['slug']} names no source"


def test_the_files_are_made_from_the_content_as_it_is(content, tmp_path):
    import io

    out = tmp_path / "made"
    call_command("make_shipped_documents", output=str(out), stdout=io.StringIO())
    assert len(list(out.iterdir())) == 3
    for made in out.iterdir():
        assert made.read_bytes() == (shipped_dir() / made.name).read_bytes(), f"run make_shipped_documents: {made.name}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # like every transactional test here
def test_loading_puts_the_files_in_storage_and_they_download(media_root, client):
    call_command("loaddata", *registry.fixtures(), verbosity=0)
    for document in Document.objects.all():
        assert default_storage.exists(document.file.name)
        response = client.get(f"/documents/{document.slug}/file")
        assert response.status_code == 200
        assert (
            b"".join(response.streaming_content) == (shipped_dir() / document.file.name.rsplit("/", 1)[1]).read_bytes()
        )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # like every transactional test here
def test_a_failed_load_copies_no_file(media_root, tmp_path):
    broken = [*json.loads(FIXTURE.read_text()), {"model": "documents.document", "fields": {"slug": "x"}}]
    (tmp_path / "broken.json").write_text(json.dumps(broken))
    call_command("loaddata", *[name for name in registry.fixtures() if name != "documents"], verbosity=0)
    with pytest.raises(CommandError):
        call_command("loaddata", str(tmp_path / "broken.json"), verbosity=0)
    assert not Document.objects.exists()
    assert not list(media_root.rglob("*.*"))


def test_the_shipped_content_links_its_documents(client, content):
    url = "/news/2019-wujiang-siyang-cooperation-agreement/"
    english = client.get(f"/en{url}").content.decode()
    assert '<a href="/documents/joint-parks-list/file" rel="noopener noreferrer">' in english
    assert 'The six joint parks</a> <span class="file-label">(XLSX, 2.' in english
    chinese = client.get(f"/zh-hans{url}").content.decode()
    assert '苏宿六个共建园区一览</a> <span class="file-label">(XLSX，2.' in chinese
    # Every shipped document concerns parks: it is on the list filtered by each of them.
    for document in Document.objects.prefetch_related("parks"):
        assert document.parks.exists()
        park = document.parks.all()[0].slug
        assert document.title_en in client.get(f"/en/documents/?park={park}").content.decode()
