"""``{% load inquiries %}{% inquiry_form park %}``: the contact form anywhere on
the site.

On a park page the form carries no CSRF token, so that the page sets no cookie
and stays in the shared page cache (core/pagecache/). It posts to
/<lang>/contact/review/, which stores nothing: it shows the same form filled in,
with its errors or a "check and send" note, and with a CSRF token; sending it
from there stores the inquiry."""

from django import template
from django.conf import settings

from inquiries.forms import InquiryForm

register = template.Library()


@register.inclusion_tag("includes/inquiry_form.html")
def inquiry_form(park=None, form=None):
    """A blank form with ``park`` ticked (first step, on a park page), or the
    bound ``form`` of the contact page."""
    first_step = form is None
    if first_step:
        form = InquiryForm(initial={"parks": [park]} if park else None)
    return {"form": form, "first_step": first_step, "retention_days": settings.INQUIRY_RETENTION_DAYS}
