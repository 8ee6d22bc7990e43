from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from core.editorial.admin import EditorialAdminMixin
from core.editorial.history_admin import SimpleHistoryAdmin
from core.editorial.translations import TranslationStatusAdminMixin
from news.models import Article


@admin.register(Article)
class ArticleAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["title", "status", "published_at", "original_language", "updated_at"]
    list_filter = ["status", "parks", "original_language"]
    # Fallback does not apply to queries: search both language columns.
    search_fields = ["title_en", "title_zh_hans", "summary_en", "summary_zh_hans", "slug"]
    date_hierarchy = "published_at"
    filter_horizontal = ["parks"]
    autocomplete_fields = ["image", "sources"]
    readonly_fields = ["created_at", "updated_at"]
    # Publishing, and every other non-text field, is for holders of news.publish_article (Editors).
    lock_permission = "news.publish_article"
    rich_text_fields = ("body",)
    actions = ["publish", "unpublish"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("image")

    def has_publish_permission(self, request):
        return request.user.has_perm("news.publish_article")

    @admin.action(description=_("Publish the selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Article.Status.PUBLISHED)

    @admin.action(description=_("Unpublish the selected articles (back to draft)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, Article.Status.DRAFT)

    def _set_status(self, request, queryset, status):
        """One save per article, as the form would: history, the admin log and the page cache see
        each change. A publication time in the future stays: the article is then scheduled."""
        changed = 0
        for article in queryset.exclude(status=status):
            article.status = status
            article._history_user = request.user
            article.save()
            self.log_change(request, article, [{"changed": {"fields": ["status"]}}])
            changed += 1
        self.message_user(
            request,
            ngettext("%(count)d article changed.", "%(count)d articles changed.", changed) % {"count": changed},
            messages.SUCCESS,
        )
