"""The contact form and its confirmation page."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import CreateView, FormView, TemplateView

from inquiries import ratelimit
from inquiries.forms import InquiryForm
from inquiries.models import Inquiry
from inquiries.notifications import notify_staff
from parks.models import Park

# The confirmation page shows only the inquiry whose reference this session sent.
SESSION_KEY = "inquiry_reference"


class InquiryCreateView(CreateView):
    """Stores a valid inquiry first, then e-mails staff after the commit, then
    redirects (POST/redirect/GET) to the confirmation page."""

    model = Inquiry
    form_class = InquiryForm
    template_name = "inquiries/inquiry_form.html"

    def get_initial(self):
        # ?park=<slug> ticks that park; an unknown slug is simply ignored.
        slug = self.request.GET.get("park", "")
        park = Park.objects.filter(slug=slug).first() if slug else None
        return {"parks": [park]} if park else {}

    def rate_limited(self):
        """429, with the visitor's message shown back so that nothing they typed is lost."""
        message = self.request.POST.get("message", "")[:5000]
        response = TemplateResponse(self.request, "inquiries/rate_limited.html", {"message": message}, status=429)
        response["Retry-After"] = str(settings.INQUIRY_RATE_PERIOD)
        return response

    def form_valid(self, form):
        # The place is taken before the inquiry is stored, in one atomic step, so that parallel
        # submissions cannot all pass the limit (inquiries/ratelimit.py).
        if not ratelimit.take_place(self.request):
            return self.rate_limited()
        with transaction.atomic():
            self.object = form.save()
            # robust: a failure in the e-mail must not turn a stored inquiry into an error page.
            transaction.on_commit(
                partial(notify_staff, self.object.pk, self.request.build_absolute_uri("/")), robust=True
            )
        self.request.session[SESSION_KEY] = self.object.reference
        return redirect("inquiries:thanks")

    def form_invalid(self, form):
        if form.caught_by_honeypot:
            if not ratelimit.take_place(self.request):
                return self.rate_limited()
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return super().form_invalid(form)


# Exempt: this step only shows the visitor's own input back (escaped) and stores
# nothing; the form it shows carries the CSRF token that /contact/ requires.
@method_decorator([csrf_exempt, never_cache], name="dispatch")
class InquiryReviewView(FormView):
    """The park page's form lands here: the same form, filled in, with its
    errors or a "check and send" note, ready to send to /contact/."""

    form_class = InquiryForm
    template_name = "inquiries/inquiry_form.html"

    def get(self, request, *args, **kwargs):
        # Nothing to review without a form (a bookmark, a reload): the contact page.
        return redirect("inquiries:create")

    def form_valid(self, form):
        # A read-only summary with Send and Edit; "Edit" (name=edit) shows the form again.
        editing = "edit" in self.request.POST
        return self.render_to_response(self.get_context_data(form=form, reviewing=True, editing=editing))

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form, reviewing=True))


@method_decorator(never_cache, name="dispatch")
class InquiryThanksView(TemplateView):
    template_name = "inquiries/inquiry_thanks.html"

    def get(self, request, *args, **kwargs):
        reference = request.session.get(SESSION_KEY)
        if not reference:
            return redirect(reverse("inquiries:create"))
        inquiry = Inquiry.objects.prefetch_related("parks").filter(reference=reference).first()
        return self.render_to_response(self.get_context_data(reference=reference, inquiry=inquiry))
