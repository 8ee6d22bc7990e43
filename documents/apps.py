from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Policies and documents")

    def ready(self):
        from core import registry
        from core.history import register_history
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
                date_field="published_at",
            )
        )
        from js_asset import Script

        from core.sanitize import render_passes
        from core.widgets import RichTextEditor
        from documents.templatetags.documents import label_document_links

        # Every link to a document in editors' text says "PDF, 1.2 MB"; the editor offers a chooser.
        render_passes.append(label_document_links)
        RichTextEditor.plugin_scripts.append(Script("admin-editor/document-link.js", type="module"))
        # Until core.registry registers history from the declaration above (issue #24); then it has.
        if not hasattr(Document, "history"):
            register_history(Document, m2m_fields=["parks"])
