"""Errors a user can fix, carried up to the CLI and GUI with a message in both languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path


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


class DamagedWorkspaceError(UserError):
    """A workspace that failed its integrity check: not opened, not written, not backed up.

    ``backup`` is the newest good backup of its cycle (None when there is none), ``taken_at``
    and ``kind_label`` (Chinese, English) describe it, so a window can offer to restore it.
    """

    def __init__(
        self,
        zh: str,
        en: str,
        *,
        path: Path,
        backup: Path | None,
        taken_at: dt.datetime | None = None,
        kind_label: tuple[str, str] = ("", ""),
        details: Sequence[str] = (),
    ) -> None:
        super().__init__(zh, en, details=details)
        self.path = path
        self.backup = backup
        self.taken_at = taken_at
        self.kind_label = kind_label
