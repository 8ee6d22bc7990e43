"""E-mail backends that fail the way real mail servers do."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class SMTPFailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")
