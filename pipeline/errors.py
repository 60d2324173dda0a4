"""Errors of eventalign.

    EventalignError
    ├── InputError        a source file or manifest entry cannot be read
    │   └── MarkupError   the markup cannot be cleaned (parser failure, time limit)
    ├── SettingsError     a setting has a value that is not allowed
    ├── StorageError      the database or an output file cannot be written
    └── AlignmentError    alignment cannot run on what is stored

Each error carries keyword context (``source``, ``article_id``, ``stage``) and
a message that names the file, the value and the fix. Only the CLI turns
them into exit codes.
"""

from __future__ import annotations


class EventalignError(Exception):
    """Base class: ``str(err)`` is one line that a user can act on."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        article_id: str | None = None,
        stage: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.article_id = article_id
        self.stage = stage
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source or self.article_id
        text = f"{where}: {self.message}" if where else self.message
        return " ".join(text.split())  # always one line


class InputError(EventalignError):
    """Raised when a source file cannot be read: empty, binary, wrong encoding, too large."""


class MarkupError(InputError):
    """Raised when markup cannot be turned into clean text."""


class SettingsError(EventalignError):
    """Raised when a setting or CLI option has a value that is not allowed."""


class StorageError(EventalignError):
    """Raised when results cannot be written (database, files, locks)."""


class AlignmentError(EventalignError):
    """Raised when alignment cannot run over the stored mentions."""
