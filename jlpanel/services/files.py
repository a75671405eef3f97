"""Writing files for the services: atomic writes (the helper lives in
``jlpanel.storage.files``) and one table as a workbook or a CSV file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jlpanel.services.errors import store_fault
from jlpanel.storage.files import write_atomic

if TYPE_CHECKING:
    from jlpanel.exchange.results_workbook import Sheet

__all__ = ["write_atomic", "write_table"]


def write_table(path: Path, sheet: Sheet) -> None:
    """Write ``sheet`` to ``path``: a CSV table for ``.csv``, else an Excel workbook. A fault
    the user can fix (a full disk, a file open elsewhere) is their message, not a traceback."""
    from jlpanel.exchange.results_workbook import write_csv, write_workbook

    try:
        if path.suffix.lower() == ".csv":
            write_csv(path, sheet)
        else:
            write_workbook(path, [sheet])
    except OSError as exc:
        fault = store_fault(exc, path)
        if fault is None:
            raise
        raise fault from exc
