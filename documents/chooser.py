"""The rich-text editor's "link to a document" chooser: a JSON list of documents for the admin
(static/admin-editor/document-link.js), searched by title, number or slug."""

from django.db.models import Q
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from documents.templatetags.documents import file_label

LIMIT = 50


def urls(model_admin):
    return [path("choose/", model_admin.admin_site.admin_view(choose(model_admin)), name="documents_document_choose")]


def choose(model_admin):
    def view(request):
        if not model_admin.has_view_permission(request):
            return JsonResponse({"error": _("You may not see documents.")}, status=403)
        documents = model_admin.model.objects.order_by("-published_at")
        if q := request.GET.get("q", "").strip()[:100]:
            documents = documents.filter(
                Q(title_en__icontains=q) | Q(title_zh_hans__icontains=q) | Q(number__icontains=q) | Q(slug__icontains=q)
            )
        return JsonResponse(
            {
                "results": [
                    {
                        "slug": document.slug,
                        "title": document.title,
                        "label": file_label(document),
                        "status": document.get_status_display(),
                        # Language-neutral, so the same link works in both languages' text.
                        "href": reverse("document_file", kwargs={"slug": document.slug}),
                    }
                    for document in documents[:LIMIT]
                ]
            },
            json_dumps_params={"ensure_ascii": False},
        )

    return view
