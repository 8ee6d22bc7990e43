"""``{% load inquiries %}{% inquiry_form park %}``: the contact form anywhere on
the site, posting to /<lang>/contact/ (where errors are shown with the input kept)."""

from django import template
from django.conf import settings

from inquiries.forms import InquiryForm

register = template.Library()


@register.inclusion_tag("includes/inquiry_form.html")
def inquiry_form(park=None, form=None):
    """A blank form with ``park`` ticked, or the bound ``form`` of the contact page."""
    if form is None:
        form = InquiryForm(initial={"parks": [park]} if park else None)
    return {"form": form, "retention_days": settings.INQUIRY_RETENTION_DAYS}
