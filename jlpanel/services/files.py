"""Writing files for the services: atomic writes (the helper lives in
``jlpanel.storage.files``) and one table as a workbook or a CSV file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jlpanel.services.errors import store_fault
from jlpanel.storage.files import write_atomic

if TYPE_CHECKING:
    from jlpanel.exchange.results_workbook import Sheet

__all__ = ["write_atomic", "write_table"]


def write_table(path: Path, sheets: Sheet | Sequence[Sheet], *, score_decimals: int = 2) -> None:
    """Write ``sheets`` to ``path``: one table as CSV for ``.csv``, else an Excel workbook of
    them all. A fault the user can fix (a full disk, a file open elsewhere) is their message,
    naming ``path``, not a traceback: the workbook is written streaming, through temporary
    files of xlsxwriter's own whose names would mean nothing to them."""
    from jlpanel.exchange.results_workbook import Sheet, write_csv, write_workbook

    tables = [sheets] if isinstance(sheets, Sheet) else list(sheets)
    try:
        if path.suffix.lower() == ".csv":
            (table,) = tables
            write_csv(path, table, score_decimals=score_decimals)
        else:
            write_workbook(path, tables, score_decimals=score_decimals)
    except OSError as exc:
        fault = store_fault(OSError(exc.errno, exc.strerror), path)
        if fault is None:
            raise
        raise fault from exc
