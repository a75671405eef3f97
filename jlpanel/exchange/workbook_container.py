"""Container safety for workbooks: no file can make the reader kill or exhaust the program.

calamine (Rust) holds a sheet as a dense grid from A1 to its last cell, and a failed
allocation aborts the whole process: one cell at XFD1048576 asks for 512 GiB. So before
calamine sees an .xlsx/.xlsm, every sheet's real extent is measured from the cells
themselves (:class:`ExtentCounter`: rows and cells with or without ``r=``, any namespace
prefix; the declared ``<dimension>`` is ignored, Gnumeric declares A1:XFD1048576). For .xls
and .ods no such scan is certain, so calamine first reads them in a child process
(:func:`probe_in_child`) under a memory cap and a timeout; a crash there, a Rust panic
included, is a refusal naming the file, never an abort here.

The limits: :data:`MAX_COLUMNS` columns, the caller's row limit, at most :data:`MAX_CELLS`
cells in a sheet's grid, and the unpacked size checked by the dossier reader.
"""

from __future__ import annotations

import logging
import multiprocessing
import re
import sys
from collections import Counter
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Wider sheets are refused: calamine holds a sheet as a dense grid.
MAX_COLUMNS = 256
#: At most this many cells in one sheet's grid (rows × columns from A1): 200,000 rows of 20
#: columns. calamine keeps 32 bytes a cell and Python 8 more, so a grid stays under ~200 MB.
MAX_CELLS = 4_000_000
#: The child process reading an .xls or .ods may use this much address space …
CHILD_MEMORY = 2 * 2**30
#: … and this many seconds.
CHILD_SECONDS = 60.0

_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
_ROW_OPEN = re.compile(rb"<" + _PREFIX + rb"row(?=[\s/>])")
_ROW_R = re.compile(rb"<" + _PREFIX + rb"row\s[^>]*?(?<![\w:.-])r\s*=\s*[\"'](\d+)[\"']")
_CELL_OPEN = re.compile(rb"<" + _PREFIX + rb"c(?=[\s/>])")
_CELL_REF = re.compile(
    rb"<" + _PREFIX + rb"c\s[^>]*?(?<![\w:.-])r\s*=\s*[\"']\$?([A-Za-z]{1,3})\$?(\d+)[\"']"
)
_PLAIN_ROW_R = re.compile(rb'<row r="(\d+)"')
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"')
_PLAIN_EMPTY_CELL = re.compile(rb'<c r="[A-Z]{1,3}\d+"[^>]*/>')
_PREFIXED_TAG = re.compile(rb"<[A-Za-z_][\w.-]*:(?:row|c)[\s/>]")
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_TAG = re.compile(rb"<" + _PREFIX + rb"(row|c)(?=[\s/>])([^>]*)>")
#: A cell that closes itself (``<c r="XFD2" s="6"/>``) holds only a style: calamine stores no
#: value for it, so it does not widen the grid. Gnumeric writes thousands of them.
_EMPTY_CELL_REF = re.compile(
    rb"<" + _PREFIX + rb"c\s[^>]*?(?<![\w:.-])r\s*=\s*[\"']\$?([A-Za-z]{1,3})\$?(\d+)[\"'][^>]*/>"
)
_ATTR_R = re.compile(rb"(?<![\w:.-])r\s*=\s*[\"']\$?([A-Za-z]*)\$?(\d*)[\"']")
_BIG = 1 << 40  # a row or column number no sheet has: refused, whatever it was


def column_index(letters: bytes) -> int:
    """0-based index of a column's letters (A → 0, XFD → 16383)."""
    index = 0
    for letter in letters.upper():
        index = index * 26 + (letter - 64)
    return index - 1


@dataclass(slots=True)
class ExtentCounter:
    """A sheet's extent measured from its cells, fed whole rows of XML at a time.

    A row without ``r=`` follows the one before; a cell without ``r=`` follows the cell before
    in its row — as calamine places them. ``rows`` is 1-based (0: no rows), ``columns`` the
    count from column A (0: no cells).
    """

    rows: int = 0
    columns: int = 0
    _row: int = 0  # the current row, 1-based
    _col: int = -1  # the current cell's 0-based column in the current row

    def feed(self, segment: bytes) -> None:
        """Count the rows and cells of ``segment``, which must end between rows."""
        if self._feed_plain(segment):
            return
        row_numbers = _ROW_R.findall(segment)
        refs = _CELL_REF.findall(segment)
        if len(row_numbers) == len(_ROW_OPEN.findall(segment)) and len(refs) == len(
            _CELL_OPEN.findall(segment)
        ):
            empty = _EMPTY_CELL_REF.findall(segment)
            if empty:
                styled = Counter(empty)
                valued = []
                for ref in refs:
                    if styled[ref]:
                        styled[ref] -= 1
                    else:
                        valued.append(ref)
                refs = valued
            self._feed_fast(row_numbers, refs)
        else:
            self._feed_walk(segment)

    def _feed_plain(self, segment: bytes) -> bool:
        """The usual file (Excel, WPS, LibreOffice, xlsxwriter): no tag prefixes, and every row
        and cell starts with its r=. One pass for the rows, one for the cells, the rest at C
        speed; several times faster than the general patterns. False leaves the segment to
        them."""
        if _PREFIXED_TAG.search(segment) is not None:
            return False
        if b"<c>" in segment or b"<c/" in segment:
            return False
        rows = _PLAIN_ROW_R.findall(segment)
        if len(rows) != segment.count(b"<row") - segment.count(b"<rows"):
            return False
        if _PLAIN_EMPTY_CELL.search(segment) is not None:
            # Cells holding only a style (Gnumeric writes one per column) do not widen it.
            segment = _PLAIN_EMPTY_CELL.sub(b"", segment)
        cells = _PLAIN_CELL.findall(segment)
        if len(cells) != segment.count(b"<c "):
            return False
        cell_rows = list(map(_SECOND, cells))
        for numbers in (rows, cell_rows):
            if numbers:
                if max(map(len, numbers)) >= 13:
                    self.rows = _BIG
                else:
                    self.rows = max(self.rows, max(map(int, numbers)))
        if rows:
            self._row = int(rows[-1]) if len(rows[-1]) < 13 else _BIG
        if cells:
            widest = max(column_index(c) for c in set(map(_FIRST, cells))) + 1
            self.columns = max(self.columns, widest)
        return True

    def _feed_fast(self, row_numbers: list[bytes], refs: list[tuple[bytes, bytes]]) -> None:
        # Every row and cell says where it is: the extent is the largest of them, cells that
        # hold only a style left out.
        if row_numbers:
            self._row = int(row_numbers[-1]) if len(row_numbers[-1]) < 13 else _BIG
            self.rows = max(self.rows, _largest(row_numbers))
        if refs:
            self.rows = max(self.rows, _largest([r for _, r in refs]))
            widest = max(len(c) for c, _ in refs)
            letters = {c.upper() for c, _ in refs if len(c) == widest}
            self.columns = max(self.columns, max(column_index(c) for c in letters) + 1)

    def _feed_walk(self, segment: bytes) -> None:
        # Some rows or cells leave out r=: follow them one by one, as calamine does.
        for tag in _TAG.finditer(segment):
            ref = _ATTR_R.search(tag.group(2))
            if tag.group(1) == b"row":
                number = ref.group(2) if ref is not None else b""
                self._row = _number(number) if number else self._row + 1
                self._col = -1
                self.rows = max(self.rows, self._row)
                continue
            styled_only = tag.group(2).rstrip().endswith(b"/")
            if ref is not None and ref.group(1) and ref.group(2):
                self._col = column_index(ref.group(1)) if len(ref.group(1)) <= 3 else _BIG
                if not styled_only:
                    self.rows = max(self.rows, _number(ref.group(2)))
            else:
                self._col += 1
                if not styled_only:
                    self.rows = max(self.rows, self._row)
            if not styled_only:
                self.columns = max(self.columns, self._col + 1)

    def cells(self) -> int:
        """The cells of the dense grid calamine would build."""
        return self.rows * self.columns


def _number(digits: bytes) -> int:
    return int(digits) if len(digits) < 13 else _BIG


def _largest(numbers: list[bytes]) -> int:
    longest = max(len(n) for n in numbers)
    if longest >= 13:
        return _BIG
    return max(int(n) for n in numbers if len(n) == longest)


# ------------------------------------------------------------------- .xls and .ods


@dataclass(frozen=True, slots=True)
class Probe:
    """What the child read: each sheet's (name, rows, columns), or why it could not."""

    sheets: tuple[tuple[str, int, int], ...] = ()
    #: None when read; else what went wrong: "crash", "timeout", or calamine's error text.
    failure: str | None = None


def _child(path: str, memory: int, pipe: Any) -> None:  # pragma: no cover - in the child
    """Read every sheet of a workbook with calamine and send back their sizes."""
    if sys.platform != "win32":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    try:
        from python_calamine import CalamineWorkbook

        sheets: list[tuple[str, int, int]] = []
        with CalamineWorkbook.from_path(path) as workbook:
            for name in workbook.sheet_names:
                sheet = workbook.get_sheet_by_name(name)
                sheets.append((name, sheet.total_height, sheet.total_width))
        pipe.send(Probe(tuple(sheets)))
    except BaseException as exc:  # a Rust panic is a BaseException
        pipe.send(Probe(failure=str(exc) or type(exc).__name__))


def probe_in_child(
    path: Path, *, memory: int = CHILD_MEMORY, seconds: float = CHILD_SECONDS
) -> Probe:
    """Let calamine read ``path`` in a child process with a memory cap and a timeout.

    The parent may then read the file itself: calamine reads it the same way again, within
    the memory the child had. A child that dies (an abort, a panic, out of memory) or runs
    out of time gives a ``failure``, never an exception here.
    """
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(str(path), memory, send), daemon=True)
    process.start()
    send.close()
    try:
        if receive.poll(seconds):
            try:
                probe: Probe = receive.recv()
            except (EOFError, OSError):
                probe = Probe(failure="crash")
        else:
            probe = Probe(failure="timeout")
    finally:
        receive.close()
        process.join(1.0)
        if process.is_alive():
            process.kill()
            process.join()
    if probe.failure == "crash" or (
        probe.failure is None and not probe.sheets and process.exitcode
    ):
        log.info("workbook reader child for %s ended with %s", path, process.exitcode)
    return probe
