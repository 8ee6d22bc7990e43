"""/admin/site-inspection/: the last inspection's findings grouped by severity, and a button to run it
again. Editors may see it (permission ``inspection.inspect_site``, migration 0002)."""

from django.contrib import admin
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from inspection.findings import ORDER
from inspection.models import InspectionRun
from inspection.runner import inspect_and_store


class InspectionView(PermissionRequiredMixin, TemplateView):
    template_name = "admin/inspection/inspection.html"
    permission_required = "inspection.inspect_site"
    raise_exception = True  # a signed-in member of staff without it: 403, not the login page again
    admin_site = admin.site

    def post(self, request, *args, **kwargs):
        inspect_and_store()
        return redirect("site_inspection")

    def get_context_data(self, **kwargs):
        last = InspectionRun.objects.first()
        groups = []
        if last is not None:
            for severity in ORDER:
                found = [f for f in last.findings if f["severity"] == severity]
                groups.append({"severity": severity, "findings": found})
        return super().get_context_data(
            **self.admin_site.each_context(self.request),
            title=_("Site inspection"),
            last=last,
            groups=groups,
            **kwargs,
        )
