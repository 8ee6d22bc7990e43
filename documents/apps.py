from django.apps import AppConfig
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Policies and documents")

    def ready(self):
        from core import registry
        from documents import signals  # noqa: F401 - shipped files reach storage after loaddata
        from documents.models import Document

        registry.register(
            registry.ContentType(
                Document,
                key="document",
                label=_("Document"),
                list_url="documents:list",
                fixtures=["documents"],
                history_m2m=["parks"],
                sitemap_section="documents",
                date_field="published_at",
                # A scheduled document's page appears when it is published, not when it was saved.
                modified=("published_at", "updated_at"),
                gaps=registry.without_sources,
            )
        )
        from js_asset import Script

        from core.editorial.widgets import RichTextEditor
        from core.sanitize import render_passes
        from documents.templatetags.documents import label_document_links

        # Every link to a document in editors' text says "PDF, 1.2 MB"; the editor offers a chooser.
        render_passes.append(label_document_links)
        # The chooser's address on the script's tag (lazy: the URLconf is not loaded yet).
        chooser = reverse_lazy("admin:documents_document_choose")
        RichTextEditor.plugin_scripts.append(
            Script("admin-editor/document-link.js", type="module", **{"data-document-chooser": chooser})
        )
