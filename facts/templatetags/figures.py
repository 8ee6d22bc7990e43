"""Figures and ranks in the page's language: ``{% load figures %}``.
The rules are in ``facts.formatting``; these filters only hand objects to it."""

from django import template

from facts import formatting

register = template.Library()


@register.filter
def figure_value(figure):
    """A KeyFigure's value as the page's language writes it:
    ``219.8 billion yuan`` / ``2198亿元``."""
    return formatting.format_figure(figure)


@register.filter
def assessment(result):
    """An AssessmentResult's place: ``1st of 45`` / ``第1名（共45个园区）``."""
    return formatting.format_rank(result.rank, result.top, result.out_of, result.consecutive)
