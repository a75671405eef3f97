"""Errors a user can fix, carried up to the CLI and GUI with a message in both languages."""

from __future__ import annotations

from collections.abc import Sequence


class UserError(Exception):
    """A problem the user can fix (a wrong file, an existing path …): exit status 1, no trace.

    ``details`` lists every individual finding (one per line), e.g. each rubric defect.
    """

    def __init__(self, zh: str, en: str, *, details: Sequence[str] = ()) -> None:
        self.zh = zh
        self.en = en
        self.details: tuple[str, ...] = tuple(details)
        super().__init__(en)

    def message(self, language: str = "zh") -> str:
        """The message in ``language`` with its details, one per line."""
        head = self.en if language.startswith("en") else self.zh
        return "\n".join([head, *(f"  - {d}" for d in self.details)])
