from django.views.generic import TemplateView


class AboutView(TemplateView):
    """/about/: who runs the site (the details come from the footer's context processor)."""

    template_name = "about/about.html"
