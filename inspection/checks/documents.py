"""Attachments visitors cannot download: a published document whose file is missing from storage
or cannot be read. Runs once the documents app is installed (it is declared in the registry
under the key "document")."""

from django.apps import apps
from django.utils.translation import gettext as _

from core import registry
from core.i18n import languages
from inspection.checks.common import admin_url, public_url
from inspection.findings import Finding, Severity


def _problem(file) -> str | None:
    if not file or not file.name:
        return _("it has no file")
    try:
        if not file.storage.exists(file.name):
            return _("its file %(name)s is missing from storage") % {"name": file.name}
        with file.storage.open(file.name, "rb") as handle:
            handle.read(1)
    except Exception as error:  # noqa: BLE001 - whatever storage raises, visitors get no file
        return _("its file %(name)s cannot be read (%(error)s)") % {"name": file.name, "error": error}
    return None


def documents(run):
    if not apps.is_installed("documents"):
        return
    ct = next((ct for ct in registry.content_types() if ct.key == "document"), None)
    if ct is None:
        return
    for document in ct.public().order_by("pk"):
        if problem := _problem(document.file):
            original = getattr(document, "original_language", "")
            code = original if original in languages.codes() else ""
            yield Finding(
                "document",
                Severity.DEDUCT,
                code,
                public_url(ct.model, document.slug, code or languages.DEFAULT),
                admin_url(ct.model, document.pk),
                _("Document “%(label)s” cannot be downloaded: %(problem)s. Upload the file again.")
                % {"label": document, "problem": problem},
                str(document),
            )
