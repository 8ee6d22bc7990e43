"""The term list (错别字 / 规范用语): every published text that contains a wrong form editors
listed in the admin (``inspection.Term``), with the right form. A serious term (a wrong official
name or title) is the checklist's veto; any other costs points."""

from django.utils.translation import gettext as _

from inspection.findings import Finding, Severity
from inspection.models import Term


def terms(run):
    found = list(Term.objects.all())
    if not found:
        return
    for text in run.texts():
        for term in found:
            if term.found_in(text.text):
                yield Finding(
                    "term",
                    Severity.VETO if term.serious else Severity.DEDUCT,
                    text.code,
                    text.url(),
                    text.admin_url(),
                    _("“%(label)s” (%(field)s) writes “%(wrong)s”: write “%(right)s”.%(note)s")
                    % {
                        "label": text.label,
                        "field": text.column,
                        "wrong": term.wrong,
                        "right": term.right,
                        "note": f" ({term.note})" if term.note else "",
                    },
                    text.label,
                )
