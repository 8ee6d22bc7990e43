"""Staff preview of unpublished content, for any content app's detail view."""

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control


def state(obj) -> str:
    """Why an object that is not public is not: ``draft``, ``withdrawn``, ``expired`` (its
    expiry time has passed) or ``scheduled`` (its publication time has not come)."""
    if obj.status in ("draft", "withdrawn"):
        return obj.status
    expires_at = getattr(obj, "expires_at", None)
    return "expired" if expires_at and expires_at <= timezone.now() else "scheduled"


class PreviewMixin:
    """Staff preview of unpublished content at its real public URL.

    For a DetailView whose ``get_queryset()`` is ``Model.objects.visible_to(user)``:
    visitors only ever get public rows (a draft is a 404 for them), while staff
    with change permission also get drafts and scheduled items, annotated
    ``is_public=False``. Such a page carries a banner ("Draft — not public",
    "Scheduled for …", "Withdrawn — not public", "Expired on …": ``state``,
    templates/includes/preview_banner.html) and is sent
    ``Cache-Control: private, no-store`` so that no cache keeps or shares it.
    Withdrawn and expired items, a 410 for visitors (core/gone.py), are
    previewed the same way.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not getattr(self.object, "is_public", True):
            opts = self.object._meta
            try:
                edit_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.object.pk])
            except NoReverseMatch:
                edit_url = None
            context["preview"] = {"object": self.object, "edit_url": edit_url, "state": state(self.object)}
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("preview"):
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
            patch_cache_control(response, private=True, no_store=True)
        return response
