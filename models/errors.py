"""Expected errors: each message is written for the person using the app."""


class JournalError(Exception):
    """An error the user can act on; the message is shown as it is."""


class DatabaseOpenError(JournalError):
    """The journal file cannot be opened, created or upgraded."""


class ImportFileError(JournalError):
    """A file given for import is missing or malformed; nothing was written."""


class NotFoundError(JournalError):
    """A contact or note that was asked for does not exist (any more)."""


class ValidationError(JournalError):
    """A value typed by the user cannot be stored as it is."""
