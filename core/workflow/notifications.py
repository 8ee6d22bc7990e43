"""E-mails of the review workflow (to be written: see the notify branch)."""


def concerns(entry) -> bool:
    return False


def send(entry_id):
    return False
