"""The admin's sign-in lockout: django-axes' rule per account and address, plus one per address.

**Per account and address** (axes, ``AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]``):
5 wrong passwords for one account from one address lock that pair for 15 minutes. The account
still signs in from every other address, so nobody can lock a real user out from afar.

**Per address** (here): password spraying tries one password against many accounts from one
address and never reaches 5 for any pair. So an address that has failed against
``settings.LOCKOUT_ADDRESS_ACCOUNTS`` different usernames within the cool-off time is locked
itself: every sign-in from it, right password or not, is refused until its attempts are 15
minutes old. The accounts stay open from every other address. The address is the one
``core.network.client_ip`` gives (``AXES_CLIENT_IP_CALLABLE``), so behind a trusted proxy it is
the visitor's, not the proxy's.

Why not axes' own ``AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]``: it
has one ``AXES_FAILURE_LIMIT`` for both (5 failures by anyone at an office's shared address
would lock the whole office out), counts failures rather than accounts, and a successful sign-in
deletes every record matching either parameter (``AXES_RESET_ON_SUCCESS``), so a sprayer with
one valid account could clear the address's count by signing in.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings


class AddressLockoutHandler(AxesDatabaseHandler):
    """``AXES_HANDLER``: axes' database handler with the per-address rule added."""

    def get_failures(self, request, credentials=None) -> int:
        # Axes decides every lockout (after a failure and before each attempt) by comparing this
        # count with AXES_FAILURE_LIMIT: an address that sprays counts as having reached it.
        failures = super().get_failures(request, credentials)
        if self.accounts_failed_from(request) >= settings.LOCKOUT_ADDRESS_ACCOUNTS:
            request.lockout_by_address = True  # templates/axes/lockout.html says why
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def accounts_failed_from(self, request) -> int:
        """How many different usernames have failed from the request's address lately."""
        return (
            AccessAttempt.objects.filter(
                ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
            )
            .values("username")
            .distinct()
            .count()
        )
