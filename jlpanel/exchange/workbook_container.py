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
cells in a sheet's grid, and what the zip unpacks to (:class:`MemoryLimits`): in all, and in
the parts calamine reads whole on opening whatever sheet is read — the shared strings above
all, whose strings are counted too.

Before any of that, the file itself is checked (:func:`open_workbook`): its size, its magic
bytes (an encrypted workbook, a PDF or a text file renamed .xlsx is named as what it is), the
zip's directory and the CRC of every part calamine would not check. :func:`read_guarded` is
the frame every workbook reader runs in; :func:`load_sheet` reads one sheet's cells.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import multiprocessing
import re
import sys
import weakref
import xml.etree.ElementTree as ET
import zipfile
from array import array
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple, TypeVar

from jlpanel.domain.dossier import (
    Finding,
    Severity,
)
from jlpanel.domain.text import Text
from jlpanel.exchange.cell_values import (
    excel_error,
    formula_without_value,
)
from jlpanel.exchange.read_report import (
    BadCell,
    ReadReport,
    damaged_finding,
    is_fatal,
)
from jlpanel.exchange.shared_strings import count_strings, shown_text, string_lengths

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

    def feed(self, segment: bytes) -> bool:
        """Count the rows and cells of ``segment``, which must end between rows.

        True when the quick pass measured it, which also proves it holds no formula.
        """
        if self._feed_quick(segment):
            return True
        if self._feed_plain(segment):
            return False
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
        return False

    def _feed_quick(self, segment: bytes) -> bool:
        """The usual file, ascending rows, every row and cell with a plain r=: two passes.

        The candidate extent is the last row's number and the widest column among the first
        and last cells; one search for rows and one for cells then prove that every row and
        cell is in the plain form and within it. Anything unusual, or any cell beyond, leaves
        the segment to the exact passes (False), so the extent is the same whichever pass
        measured it.
        """
        last_row = segment.rfind(b'<row r="')
        if last_row < 0:  # no rows: nothing to count, if nothing is hidden
            return b"<c " not in segment and not any(p.search(segment) for p in _IRREGULAR)
        digits = _DIGITS.match(segment, last_row + 8)
        if digits is None or len(digits.group()) >= 13:
            return False
        last = int(digits.group())
        rows = max(self.rows, last)
        edges = _EDGE_CELL.findall(segment[:_EDGE]) + _EDGE_CELL.findall(segment[-_EDGE:])
        letters = max(set(edges), key=_rank, default=b"")
        if self.columns:
            known = _column_letters(self.columns - 1)
            letters = max(letters, known, key=_rank)
        if len(letters) > 3 or any(p.search(segment) for p in _FOREIGN):
            return False
        if any(p.search(segment) for p in _outside(str(rows), letters.decode())):
            return False
        self.rows, self._row = rows, last
        if letters:
            self.columns = max(self.columns, column_index(letters) + 1)
        return True

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


#: Bytes at each end of a segment whose cells give the candidate width.
_EDGE = 8192
_DIGITS = re.compile(rb"\d+")
#: The column of a cell holding a value: one holding only a style (``<c r="B2" s="1"/>``)
#: does not widen the grid. (Its tag is taken whole, then the "/" looked for before the ">":
#: a lazy match tried the end at every character, 4× the time.)
_EDGE_CELL = re.compile(rb'<c r="([A-Z]{1,3})\d+"[^>]*+(?<!/)>')
#: A row or cell tag not in the plain form ``<row r="12"`` / ``<c r="AB12"``; a prefixed tag;
#: a formula (which the scan then looks at more closely). Four searches, each starting at a
#: rare literal, take half the time of one pattern starting at every "<".
_IRREGULAR = (
    re.compile(rb'<c(?=[\s/>])(?! r="[A-Z]{1,3}\d{1,12}")'),
    re.compile(rb'<row(?=[\s/>])(?! r="\d{1,12}")'),
    re.compile(rb":(?:row|c|f)[\s/>]"),
    re.compile(rb"<f[\s/>]"),
)
#: The two of them that do not depend on the extent: a prefixed tag, a formula.
_FOREIGN = _IRREGULAR[2:]


def _rank(letters: bytes) -> tuple[int, bytes]:
    return len(letters), letters


def _column_letters(index: int) -> bytes:
    letters = b""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = _LETTERS[rest : rest + 1] + letters
    return letters


def _at_most(bound: str, digit: str, first: str, end: str) -> str:
    """A pattern for the strings of ``digit`` characters (from ``first``) ranking at most
    ``bound``, then ``end``: shorter ones, or as long and not larger at the first place they
    differ. A shorter string is a smaller row or column (a leading 0 only makes it smaller)."""
    width = len(bound)
    options = [f"{digit}{{1,{width - 1}}}+{end}"] if width > 1 else []
    options.append(f"{re.escape(bound)}{end}")
    for place, char in enumerate(bound):
        if char == first:
            continue
        following = width - place - 1
        rest = f"{digit}{{{following}}}" if following else ""
        options.append(f"{re.escape(bound[:place])}[{first}-{chr(ord(char) - 1)}]{rest}{end}")
    return "(?:" + "|".join(options) + ")"


@functools.lru_cache(maxsize=64)
def _outside(rows: str, letters: str) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """Any row tag, and any cell tag, not in the plain form within ``rows`` rows and the
    columns up to ``letters`` (none: every cell is outside).

    Each search starts at its tag's literal and tries one pattern there, which fails at a
    plain tag within the extent: a search for the unusual tags and another for the far ones
    took twice the time (issue 16).
    """
    row = _at_most(rows, r"\d", "0", '"')
    cell = f'(?! r="{_at_most(letters, "[A-Z]", "A", "")}{row})' if letters else ""
    return (
        re.compile(f'<row(?=[\\s/>])(?! r="{row})'.encode()),
        re.compile(f"<c(?=[\\s/>]){cell}".encode()),
    )


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


# ------------------------------------------------------- opening a workbook safely

#: The zip may unpack to at most this many times the file size limit, and never past
#: UNPACK_LIMIT.
UNPACK_FACTOR = 20
UNPACK_LIMIT = 2**30
#: calamine reads the shared strings (xl/sharedStrings.xml) whole when it opens a workbook,
#: whatever sheet is then read, and keeps them until it closes: their text plus about 40
#: bytes a string. The part may unpack to this many times the file size limit …
SHARED_STRINGS_FACTOR = 2
#: … and hold, or declare in ``uniqueCount`` (calamine reserves room for that many before
#: reading one), at most as many strings as one sheet may have cells.
MAX_SHARED_STRINGS = MAX_CELLS
_SCAN_CHUNK = 2**20
_PART_LIMIT = 16 * 2**20  # workbook.xml and its relationships are small
#: The other parts calamine reads whole on opening, by file name in whatever folder the
#: package points it to. Excel's most, 64,000 cell formats, make a 14.7 MB style table.
WHOLE_PART_LIMITS = {
    "styles.xml": 2 * _PART_LIMIT,
    "workbook.xml": _PART_LIMIT,
    "workbook.xml.rels": _PART_LIMIT,
    ".rels": _PART_LIMIT,
}
_SHARED_STRINGS = "sharedstrings.xml"
#: The cells of all sheets together may hold this many times the file size limit of text:
#: the shared strings they show (calamine copies one into each cell showing it) and the
#: sheets' own XML, which bounds the rest. A dossier at the row limit, 200,000 service rows
#: of distinct text, holds 195 MB (115 MB of it the sheets' XML).
CELL_TEXT_FACTOR = 4
#: A cell showing a shared string takes at least this many bytes of its sheet's XML
#: (``<c t="s"><v>0</v></c>`` is 21).
_SHARED_CELL_BYTES = 16


@dataclass(frozen=True, slots=True)
class MemoryLimits:
    """How much a workbook may unpack to, for a file size limit.

    Each bounds what calamine and the reader hold in memory while reading it; the peak of the
    worst file they allow is measured by ``python benchmarks/run.py memory``.
    """

    #: All parts together, unpacked.
    unpacked: int
    #: The shared-strings part, unpacked.
    shared_strings: int
    #: The strings in it.
    strings: int
    #: The text the cells of all sheets hold once read (see :data:`CELL_TEXT_FACTOR`).
    cell_text: int

    @classmethod
    def for_file(cls, max_bytes: int) -> MemoryLimits:
        """The limits for a workbook of at most ``max_bytes``."""
        return cls(
            unpacked=min(UNPACK_FACTOR * max_bytes, UNPACK_LIMIT),
            shared_strings=SHARED_STRINGS_FACTOR * max_bytes,
            strings=MAX_SHARED_STRINGS,
            cell_text=CELL_TEXT_FACTOR * max_bytes,
        )


_ZIP_MAGIC = (b"PK\x03\x04",)
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# ------------------------------------------------------------------ the file itself


def _file_findings(path: Path, max_bytes: int, report: ReadReport) -> bool:
    """Check the file is an .xlsx worth opening; report why not otherwise."""
    name = path.name
    try:
        stat = path.stat()
    except FileNotFoundError:
        report.add(
            "file.missing",
            None,
            None,
            None,
            Text(f"找不到文件“{path}”", f"The file '{path}' does not exist"),
            Text("请检查文件名和位置", "Check the file name and folder"),
        )
        return False
    except OSError as exc:
        report.add(
            "file.unreadable",
            None,
            None,
            None,
            Text(f"无法读取文件“{name}”：{exc}", f"Cannot read '{name}': {exc}"),
            Text(
                "请检查文件权限，或把文件复制到本机后再导入",
                "Check the permissions, or copy the file to this computer first",
            ),
        )
        return False
    if not path.is_file():
        report.add(
            "file.missing",
            None,
            None,
            None,
            Text(f"“{name}”不是文件", f"'{name}' is not a file"),
            Text("请选择 .xlsx 工作簿文件", "Choose an .xlsx workbook file"),
        )
        return False
    if stat.st_size == 0:
        report.add(
            "file.empty",
            None,
            None,
            None,
            Text(f"文件“{name}”是空的（0 字节）", f"The file '{name}' is empty (0 bytes)"),
            Text(
                "请在 WPS、Excel 或 LibreOffice 中重新保存工作簿后再导入",
                "Save the workbook again in WPS, Excel or LibreOffice and import it again",
            ),
        )
        return False
    if stat.st_size > max_bytes:
        report.add(
            "file.too_large",
            None,
            None,
            None,
            Text(
                f"文件“{name}”有 {stat.st_size / 2**20:.1f} MB，超过上限 "
                f"{max_bytes / 2**20:.1f} MB",
                f"The file '{name}' is {stat.st_size / 2**20:.1f} MB, more than the "
                f"limit of {max_bytes / 2**20:.1f} MB",
            ),
            Text(
                "请删除工作簿中的图片等多余内容（附件放在附件文件夹中）后再导入",
                "Remove pictures and other extras from the workbook (attachments go in "
                "the attachment folder) and import again",
            ),
        )
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head.startswith(_ZIP_MAGIC):
                return True
            rest = handle.read(max_bytes) if head == _OLE_MAGIC else handle.read(4096)
        if head == _OLE_MAGIC and _is_xls(rest):
            return True  # an Excel 97-2003 workbook, read in a child process
    except OSError as exc:
        report.add(
            "file.unreadable",
            None,
            None,
            None,
            Text(f"无法读取文件“{name}”：{exc}", f"Cannot read '{name}': {exc}"),
            Text("请检查文件权限", "Check the file's permissions"),
        )
        return False
    report.general.append(_not_a_workbook(name, path.suffix.lower(), head, rest))
    return False


def _is_xls(rest: bytes) -> bool:
    if _utf16("EncryptedPackage") in rest or _utf16("EncryptionInfo") in rest:
        return False
    return _utf16("Workbook") in rest or _utf16("Book") in rest


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def _not_a_workbook(name: str, suffix: str, head: bytes, rest: bytes) -> Finding:
    save_as = Text(
        "请在 WPS、Excel 或 LibreOffice 中“另存为”工作簿（.xlsx、.xls 或 .ods）后再导入",
        "In WPS, Excel or LibreOffice, use Save As → workbook (.xlsx, .xls or .ods) and "
        "import that file",
    )
    if head == _OLE_MAGIC:
        if _utf16("EncryptedPackage") in rest or _utf16("EncryptionInfo") in rest:
            encrypted = True
        else:
            # An OLE container named .xlsx is, in practice, a password-protected workbook.
            encrypted = suffix in (".xlsx", ".xlsm")
        if encrypted:
            return Finding(
                Severity.ERROR,
                "file.encrypted",
                None,
                None,
                None,
                Text(
                    "工作簿已加密，请取消密码后再导入",
                    "The workbook is password-protected; remove the password and import it again",
                ),
                Text(
                    "在 Excel 中打开，文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码并保存",
                    "Open it in Excel, File → Info → Protect Workbook → Encrypt "
                    "with Password, clear the password and save",
                ),
            )
        return Finding(
            Severity.ERROR,
            "file.not_workbook",
            None,
            None,
            None,
            Text(
                f"“{name}”是 Office 文档，但不是 Excel 工作簿",
                f"'{name}' is an Office document but not an Excel workbook",
            ),
            save_as,
        )
    if head.startswith(b"%PDF"):
        return Finding(
            Severity.ERROR,
            "file.pdf",
            None,
            None,
            None,
            Text(
                f"“{name}”是 PDF 文件，不是 Excel 工作簿",
                f"'{name}' is a PDF file, not an Excel workbook",
            ),
            Text(
                "请导入用 jlpanel template 生成并填好的 .xlsx 工作簿；PDF 材料作为"
                "附件放在附件文件夹中",
                "Import the filled .xlsx from jlpanel template; PDFs go in the attachment folder",
            ),
        )
    if head.startswith(_EMPTY_ZIP_MAGIC):
        return Finding(
            Severity.ERROR,
            "file.not_workbook",
            None,
            None,
            None,
            Text(
                f"“{name}”是一个空的压缩包，不是 Excel 工作簿",
                f"'{name}' is an empty zip, not an Excel workbook",
            ),
            save_as,
        )
    sample = head + rest
    if b"\x00" not in sample:
        for encoding in ("utf-8", "gb18030"):
            try:
                sample.decode(encoding)
            except UnicodeDecodeError:
                continue
            return Finding(
                Severity.ERROR,
                "file.text",
                None,
                None,
                None,
                Text(
                    f"“{name}”是文本文件（如 CSV 或网页），不是 Excel 工作簿",
                    f"'{name}' is a text file (CSV or a web page), not an Excel workbook",
                ),
                save_as,
            )
    return Finding(
        Severity.ERROR,
        "file.not_workbook",
        None,
        None,
        None,
        Text(
            f"“{name}”不是工作簿（.xlsx、.xls 或 .ods）",
            f"'{name}' is not a workbook (.xlsx, .xls or .ods)",
        ),
        save_as,
    )


_R = TypeVar("_R")


def read_guarded(
    path: Path,
    max_bytes: int,
    read: Callable[[zipfile.ZipFile | None, ReadReport], _R],
    refuse: Callable[[list[Finding]], _R],
    what: str,
    pdf_fix: Text,
    *,
    max_rows: int = 200_000,
) -> _R:
    """Run ``read`` on a workbook after the container checks; never raises on bad input.

    The shared frame of the small workbook readers (roster, history): the file-type and size
    findings, every sheet's extent bounded (see :func:`open_workbook`; ``read`` gets the zip
    of an .xlsx/.xlsm, None for an .xls/.ods), and any unexpected failure turned into a
    finding that ``refuse`` wraps in the reader's own result. ``pdf_fix`` replaces the
    dossier reader's advice for a PDF given instead of a workbook (which speaks of
    attachments).
    """
    report = ReadReport()

    def refused() -> _R:
        return refuse(
            [
                dataclasses.replace(f, fix=pdf_fix) if f.code == "file.pdf" else f
                for f in report.findings()
            ]
        )

    try:
        ok, archive = open_workbook(path, max_bytes, max_rows, report)
        if not ok:
            return refused()
        if archive is None:
            return read(None, report)
        with archive:
            return read(archive, report)
    except BaseException as exc:  # never let a hostile file crash the caller
        if is_fatal(exc):
            raise
        log.exception("unexpected failure reading %s %s", what, path)
        report.general.append(damaged_finding(path.name, str(exc) or type(exc).__name__))
        return refused()


def check_workbook(path: Path, *, max_bytes: int, max_rows: int) -> list[Finding]:
    """The container findings of a workbook that the caller will read with calamine itself.

    Empty when the file is an .xlsx, .xlsm, .xls or .ods that calamine can read within the
    limits; otherwise why not (the paper score sheet reader uses this).
    """
    report = ReadReport()
    try:
        _, archive = open_workbook(path, max_bytes, max_rows, report)
        if archive is not None:
            archive.close()
    except BaseException as exc:
        if is_fatal(exc):
            raise
        log.exception("unexpected failure checking %s", path)
        report.general.append(damaged_finding(path.name, str(exc) or type(exc).__name__))
    return report.findings()


def open_workbook(
    path: Path, max_bytes: int, max_rows: int, report: ReadReport
) -> tuple[bool, zipfile.ZipFile | None]:
    """Check a workbook before calamine reads it; (False, None) after reporting why not.

    An .xlsx/.xlsm comes back open, its zip checked and every sheet's extent measured from
    its cells; an .xls or .ods comes back as (True, None) after calamine read it in a child
    process under a memory cap (:func:`probe_in_child`).
    """
    if not _file_findings(path, max_bytes, report):
        return False, None
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == _OLE_MAGIC:
        return _probe_ok(path, max_rows, report), None
    archive = _open_zip(path, max_bytes, report)
    if archive is None:
        return False, None
    if "xl/workbook.xml" not in archive.NameToInfo:
        archive.close()  # an .ods, checked by _open_zip
        return _probe_ok(path, max_rows, report), None
    if not _bound_sheets(path.name, archive, max_rows, report) or not _bound_cell_text(
        path.name, archive, MemoryLimits.for_file(max_bytes).cell_text, report
    ):
        archive.close()
        return False, None
    return True, archive


def _probe_ok(path: Path, max_rows: int, report: ReadReport) -> bool:
    probe = probe_in_child(path)
    if probe.failure is not None:
        detail = {
            "crash": "读取程序异常退出 / the reader crashed",
            "timeout": "读取超时 / reading took too long",
        }.get(probe.failure, probe.failure)
        report.general.append(damaged_finding(path.name, detail))
        return False
    for name, rows, columns in probe.sheets:
        if not within_limits(name, rows, columns, True, max_rows, report):
            return False
    return True


def within_limits(
    sheet: str, rows: int, columns: int, exact: bool, max_rows: int, report: ReadReport
) -> bool:
    if rows - 1 > max_rows:
        report.general.append(_too_many_rows(sheet, rows - 1, exact, max_rows))
        return False
    if columns > MAX_COLUMNS:
        report.general.append(_too_many_columns(sheet, columns))
        return False
    if rows * columns > MAX_CELLS:
        report.general.append(_too_many_cells(sheet, rows, columns))
        return False
    return True


def _too_many_cells(sheet: str, rows: int, columns: int) -> Finding:
    return Finding(
        Severity.ERROR,
        "sheet.too_many_cells",
        sheet,
        None,
        None,
        Text(
            f"工作表“{sheet}”有 {rows:,} 行 × {columns} 列，超过上限 {MAX_CELLS:,} 个单元格",
            f"The sheet '{sheet}' spans {rows:,} rows × {columns} columns, more than the "
            f"limit of {MAX_CELLS:,} cells",
        ),
        Text(
            "请删除表格下方和右侧多余的行和列（包括看似空白但有格式或内容的单元格）",
            "Delete the surplus rows below and columns right of the table (including cells "
            "that look empty but hold formatting or content)",
        ),
    )


#: Sheet scans of an open workbook, by part: made before calamine opens the file, used
#: again for each sheet's special cells.
_SCANS: weakref.WeakKeyDictionary[zipfile.ZipFile, dict[str, _Scan]] = weakref.WeakKeyDictionary()
_NOT_SHEETS = ("[content_types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedstrings.xml")


def _zip_key(part: str) -> str:
    """A zip member's name as calamine looks it up: any case, with / or \\ between folders."""
    return part.replace("\\", "/").lower()


def _may_be_sheet(part: str) -> bool:
    key = _zip_key(part)
    return (
        key.endswith(".xml")
        and key not in _NOT_SHEETS
        and not key.startswith(("docprops/", "xl/theme/"))
    )


def _bound_cell_text(name: str, archive: zipfile.ZipFile, limit: int, report: ReadReport) -> bool:
    """Bound the text all sheets' cells will hold once read; False after refusing."""
    bounds = cell_text_bounds(archive, limit)
    total = sum(bounds.values())
    if total <= limit:
        return True
    biggest = max(bounds, key=bounds.__getitem__)
    sheet = {part: sheet for sheet, part in sheet_parts(archive).items()}.get(biggest, biggest)
    report.general.append(_too_much_text(name, sheet, bounds[biggest], total, limit))
    return False


#: The longest shared string's bytes at most, by open workbook, from counting the strings
#: (-1: not sure).
_LONGEST_STRING: weakref.WeakKeyDictionary[zipfile.ZipFile, int] = weakref.WeakKeyDictionary()


def cell_text_bounds(archive: zipfile.ZipFile, limit: int = 0) -> dict[str, int]:
    """For every part that may be a sheet, the bytes of text its cells hold once read, at most.

    A bound is the sheet's XML (for the text it holds itself) plus every shared string its
    cells show. It starts coarse and is made exact, largest first, only until the bounds
    together are within ``limit``: most files pass on the parts' sizes alone, most others on
    the longest shared string. ``limit=0`` makes every bound exact.
    """
    sheets = [i for i in archive.infolist() if _may_be_sheet(i.filename)]
    tables = [i for i in archive.infolist() if _file_name(i.filename) == _SHARED_STRINGS]
    longest = max((i.file_size for i in tables), default=0)

    def coarse(info: zipfile.ZipInfo) -> int:
        return info.file_size + info.file_size // _SHARED_CELL_BYTES * longest

    bounds = {i.filename: coarse(i) for i in sheets}
    if sum(bounds.values()) <= limit:
        return bounds
    quick = _LONGEST_STRING.get(archive, -1)  # measured while the strings were counted
    if quick >= 0 and tables:
        longest = quick
        bounds = {i.filename: coarse(i) for i in sheets}
        if sum(bounds.values()) <= limit:
            return bounds
    lengths = _string_lengths(archive, tables)
    if lengths is not None:
        longest = max(lengths, default=0)
        bounds = {i.filename: coarse(i) for i in sheets}
    for info in sorted(sheets, key=lambda i: bounds[i.filename], reverse=True):
        if sum(bounds.values()) <= limit:
            break
        with archive.open(info) as handle:
            shown = shown_text(handle, lengths or array("Q"), longest)
        bounds[info.filename] = info.file_size + shown
    return bounds


def _string_lengths(archive: zipfile.ZipFile, tables: list[zipfile.ZipInfo]) -> array[int] | None:
    """The shared strings' lengths at most, in calamine's order; None when not sure.

    A workbook has one shared-strings part; should it have several, in different folders or
    cases, each string is taken as long as the longest of its namesakes.
    """
    combined: array[int] = array("Q")
    for info in tables:
        with archive.open(info) as handle:
            lengths = string_lengths(handle)
        if lengths is None:
            log.info("shared strings %s not well-formed: bounded by the part's size", info)
            return None
        if len(tables) == 1:
            return lengths
        if len(lengths) > len(combined):
            combined.extend([0] * (len(lengths) - len(combined)))
        for index, length in enumerate(lengths):
            if length > combined[index]:
                combined[index] = length
    return combined


def _too_much_text(name: str, sheet: str, most: int, total: int, limit: int) -> Finding:
    mb = 2**20
    return Finding(
        Severity.ERROR,
        "file.too_much_text",
        sheet,
        None,
        None,
        Text(
            f"“{name}”各工作表的单元格中共有约 {total / mb:.1f} MB 文字（工作表“{sheet}”"
            f"约 {most / mb:.1f} MB），超过上限 {limit / mb:.1f} MB",
            f"The cells of '{name}' hold about {total / mb:.1f} MB of text (the sheet "
            f"'{sheet}' about {most / mb:.1f} MB), more than the limit of {limit / mb:.1f} MB",
        ),
        Text(
            "请删除多余的行和列，以及在很多单元格中重复的大段文字（长篇说明请放在附件中）后再导入",
            "Delete surplus rows and columns, and long text repeated in many cells (put long "
            "explanations in an attachment), and import again",
        ),
    )


def _bound_sheets(name: str, archive: zipfile.ZipFile, max_rows: int, report: ReadReport) -> bool:
    """Measure every part that could be a sheet from its cells; False after refusing one.

    Every XML part is measured, not only those workbook.xml names: calamine may resolve a
    sheet's part differently (it ignores case: ``sheet1.XML`` is ``sheet1.xml``), and a
    damaged or oddly prefixed workbook.xml must not skip the scan.
    """
    sheet_of = {part: sheet for sheet, part in sheet_parts(archive).items()}
    scans: dict[str, _Scan] = {}
    for info in archive.infolist():
        part = info.filename
        if not _may_be_sheet(part):
            continue
        label = sheet_of.get(part, part)
        try:
            scan = _scan_sheet(archive, part, max_rows)
        except Exception as exc:  # zlib.error, BadZipFile, … from a damaged member
            report.general.append(damaged_finding(name, str(exc) or type(exc).__name__, label))
            return False
        if not within_limits(
            label, scan.last_row, scan.last_col + 1, scan.rows_exact, max_rows, report
        ):
            return False
        scans[part] = scan
    _SCANS[archive] = scans
    return True


def _open_zip(path: Path, max_bytes: int, report: ReadReport) -> zipfile.ZipFile | None:
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except Exception as exc:  # zipfile raises many kinds on a damaged directory
        report.general.append(damaged_finding(name, str(exc) or type(exc).__name__))
        return None
    names = {i.filename for i in infos}
    ods = "xl/workbook.xml" not in names and _is_ods(archive, names)
    if "xl/workbook.xml" not in names and not ods:
        archive.close()
        if "xl/workbook.bin" in names:
            what = Text("是二进制工作簿（.xlsb）", "is a binary workbook (.xlsb)")
        elif "content.xml" in names:
            what = Text(
                "是 OpenDocument 文档，但不是表格", "is an OpenDocument file but not a spreadsheet"
            )
        elif "word/document.xml" in names:
            what = Text("是 Word 文档", "is a Word document")
        else:
            what = Text("是一个压缩包，不是 Excel 工作簿", "is a zip file, not an Excel workbook")
        report.add(
            "file.not_workbook",
            None,
            None,
            None,
            Text(f"“{name}”{what.zh}", f"'{name}' {what.en}"),
            Text(
                "请在 WPS、Excel 或 LibreOffice 中“另存为”工作簿（.xlsx、.xls 或 .ods）后再导入",
                "In WPS, Excel or LibreOffice, use Save As → workbook (.xlsx, .xls or .ods) "
                "and import that file",
            ),
        )
        return None
    if ods and path.suffix.lower() != ".ods":
        # The reader goes by the extension: an OpenDocument sheet named .xlsx would read as a
        # damaged Excel file. Say what it is instead.
        archive.close()
        report.add(
            "file.wrong_extension",
            None,
            None,
            None,
            Text(
                f"“{name}”是 OpenDocument 表格（.ods），但扩展名是 {path.suffix}",
                f"'{name}' is an OpenDocument spreadsheet (.ods) named {path.suffix}",
            ),
            Text(
                "请把文件扩展名改为 .ods 后再导入，或在 WPS、Excel 或 LibreOffice 中另存为 .xlsx",
                "Rename it to .ods and import it, or save it as .xlsx in WPS, Excel or LibreOffice",
            ),
        )
        return None
    limits = MemoryLimits.for_file(max_bytes)
    unpacked = sum(i.file_size for i in infos)
    if unpacked > limits.unpacked:
        archive.close()
        report.add(
            "file.too_large",
            None,
            None,
            None,
            Text(
                f"“{name}”解压后有 {unpacked / 2**20:.0f} MB，超过上限",
                f"'{name}' unpacks to {unpacked / 2**20:.0f} MB, more than allowed",
            ),
            Text(
                "请删除多余的内容（空行、图片）后再导入",
                "Remove extras (empty rows, pictures) and import again",
            ),
        )
        return None
    # A zip's declared sizes can be trusted: Python's zipfile reads no more than a member
    # declares, and calamine's refuses a member that unpacks to more.
    whole = [] if ods else [(i, _whole_part_limit(i.filename, limits)) for i in infos]
    for info, limit in whole:
        if limit is not None and info.file_size > limit:
            archive.close()
            report.general.append(_part_too_large(name, info.filename, info.file_size, limit))
            return None
    # calamine stops reading a part at its closing tag and so never checks its CRC; a damaged
    # byte would pass unseen. Worksheets are checked as they are scanned; check the rest here,
    # counting the shared strings on the way.
    try:
        for info in infos:
            if not ods and _file_name(info.filename) == _SHARED_STRINGS:
                with archive.open(info) as handle:
                    count, declared, longest = count_strings(handle)
                known = _LONGEST_STRING.get(archive, 0)
                _LONGEST_STRING[archive] = -1 if -1 in (known, longest) else max(known, longest)
                if max(count, declared) > limits.strings:
                    archive.close()
                    report.general.append(
                        _too_many_strings(name, info.filename, count, declared, limits.strings)
                    )
                    return None
            elif info.filename.endswith((".xml", ".rels")) and (
                ods or not _is_worksheet(info.filename)
            ):
                with archive.open(info) as handle:
                    while handle.read(_SCAN_CHUNK):
                        pass
    except Exception as exc:  # BadZipFile (CRC), zlib.error, NotImplementedError …
        archive.close()
        report.general.append(damaged_finding(name, str(exc) or type(exc).__name__))
        return None
    return archive


def _file_name(part: str) -> str:
    return _zip_key(part).rpartition("/")[2]


def _whole_part_limit(part: str, limits: MemoryLimits) -> int | None:
    """The unpacked size limit of a part calamine reads whole on opening; None for the rest."""
    file_name = _file_name(part)
    if file_name == _SHARED_STRINGS:
        return limits.shared_strings
    if file_name == ".rels" and _zip_key(part) != "_rels/.rels":
        return None  # only the package's own relationships are read on opening
    return WHOLE_PART_LIMITS.get(file_name)


_PART_NAMES = {
    _SHARED_STRINGS: Text("共享文字表", "shared text table"),
    "styles.xml": Text("单元格样式表", "cell style table"),
    "workbook.xml": Text("工作簿目录", "workbook directory"),
}
_SURPLUS = Text(
    "请删除工作簿中多余的内容（不用的工作表和单元格样式、重复或过长的文字），"
    "或把数据复制到新的空白工作簿后再导入",
    "Remove surplus content from the workbook (unused sheets and cell styles, repeated or "
    "over-long text), or copy the data into a new blank workbook, and import again",
)


def _part_too_large(name: str, part: str, size: int, limit: int) -> Finding:
    what = _PART_NAMES.get(_file_name(part), Text("关系表", "relationship list"))
    return Finding(
        Severity.ERROR,
        "file.part_too_large",
        None,
        None,
        None,
        Text(
            f"“{name}”的{what.zh}（{part}）解压后有 {size / 2**20:.1f} MB，超过上限 "
            f"{limit / 2**20:.1f} MB",
            f"The {what.en} of '{name}' ({part}) unpacks to {size / 2**20:.1f} MB, more than "
            f"the limit of {limit / 2**20:.1f} MB",
        ),
        _SURPLUS,
    )


def _too_many_strings(name: str, part: str, count: int, declared: int, limit: int) -> Finding:
    if count > limit:
        zh, en = f"有 {count:,} 条文字", f"holds {count:,} strings"
    else:
        zh, en = f"声明有 {declared:,} 条文字", f"declares {declared:,} strings"
    return Finding(
        Severity.ERROR,
        "file.too_many_strings",
        None,
        None,
        None,
        Text(
            f"“{name}”的共享文字表（{part}）{zh}，超过上限 {limit:,} 条",
            f"The shared text table of '{name}' ({part}) {en}, more than the limit of {limit:,}",
        ),
        _SURPLUS,
    )


def _is_ods(archive: zipfile.ZipFile, names: set[str]) -> bool:
    if "content.xml" not in names or "mimetype" not in names:
        return False
    try:
        with archive.open("mimetype") as handle:
            mimetype = handle.read(200)
    except Exception:  # a damaged member: not taken for a spreadsheet
        return False
    return mimetype.strip() == b"application/vnd.oasis.opendocument.spreadsheet"


def _is_worksheet(part: str) -> bool:
    return part.startswith("xl/worksheets/") and part.count("/") == 2


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML part, from the workbook and its relationships (empty if odd)."""
    parts = _PARTS.get(archive)
    if parts is None:
        parts = _PARTS[archive] = _read_sheet_parts(archive)
    return dict(parts)


#: Each open workbook's sheet parts, read once.
_PARTS: weakref.WeakKeyDictionary[zipfile.ZipFile, dict[str, str]] = weakref.WeakKeyDictionary()


def _read_sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    try:
        if (
            max(
                archive.getinfo(p).file_size
                for p in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
            )
            > _PART_LIMIT
        ):
            return {}
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # a damaged part: the cells are read without the pre-scan
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels if r.tag.endswith("Relationship")}
    parts: dict[str, str] = {}
    for element in workbook.iter():
        if not element.tag.endswith("}sheet"):
            continue
        rel_id = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rel_id)
        name = element.get("name")
        if not target or name is None:
            continue
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = str(PurePosixPath("xl") / target)
            # Resolve "../" segments the way a zip path needs.
            pieces: list[str] = []
            for piece in part.split("/"):
                if piece == "..":
                    if pieces:
                        pieces.pop()
                elif piece != ".":
                    pieces.append(piece)
            part = "/".join(pieces)
        parts[name] = part
    return parts


# ---------------------------------------------------------------- streaming the XML

_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_FORMULA_NO_VALUE = re.compile(
    rb"<(?:\w+:)?c\s([^>]*?)>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\s([^>]*?\bt="e"[^>]*)>\s*(?:<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*)?'
    rb"<(?:\w+:)?v>([^<]*)</"
)


@dataclass(slots=True)
class _Scan:
    """What the sheet XML says before anything parses it."""

    last_row: int = 0  # 1-based; 0 when unknown
    rows_exact: bool = True  # False when the scan stopped early
    last_col: int = -1  # 0-based index of the last column, from the cells
    special: dict[tuple[int, int], BadCell] = field(default_factory=dict)  # (row, col) → why


def _scan_sheet(archive: zipfile.ZipFile, part: str, max_rows: int) -> _Scan:
    """Stream a sheet's XML: its extent from the cells, formula cells without value, errors.

    The declared ``<dimension>`` is not trusted (Gnumeric declares A1:XFD1048576); the scan
    stops as soon as the sheet is past a limit.
    """
    scan = _Scan()
    extent = ExtentCounter()
    limit = max_rows + 1  # the header row
    with archive.open(part) as handle:
        buffer = handle.read(_SCAN_CHUNK)
        while buffer:
            more = handle.read(_SCAN_CHUNK)
            # Only whole rows are searched; the tail waits for the next chunk.
            cut = buffer.rfind(b"row>") + 4 if more else len(buffer)
            if cut < 4:
                cut = len(buffer) if len(buffer) > 64 * _SCAN_CHUNK else 0
            segment, buffer = buffer[:cut], buffer[cut:] + more
            if not segment:
                if not more:
                    break
                continue
            quick = extent.feed(segment)
            scan.last_row, scan.last_col = extent.rows, extent.columns - 1
            if extent.rows > limit or extent.columns > MAX_COLUMNS or extent.cells() > MAX_CELLS:
                scan.rows_exact = not more and not buffer
                return scan
            if not quick and (b"<f" in segment or b":f>" in segment or b":f " in segment):
                for cell in _FORMULA_NO_VALUE.finditer(segment):
                    _mark(scan, cell.group(1), formula_without_value())
            if b't="e"' in segment:
                for cell in _ERROR_CELL.finditer(segment):
                    _mark(scan, cell.group(1), excel_error(cell.group(2).decode(errors="replace")))
    return scan


def _mark(scan: _Scan, attributes: bytes, bad: BadCell) -> None:
    ref = _REF.search(attributes)
    if ref is not None and len(scan.special) < 10_000:
        scan.special[(int(ref.group(2)), column_index(ref.group(1)))] = bad


def _too_many_rows(sheet: str, count: int, exact: bool, max_rows: int) -> Finding:
    number = f" {count:,} " if exact else f"超过 {max_rows:,} "
    number_en = f"{count:,}" if exact else f"more than {max_rows:,}"
    return Finding(
        Severity.ERROR,
        "sheet.too_many_rows",
        sheet,
        None,
        None,
        Text(
            f"工作表“{sheet}”有{number}行，超过上限 {max_rows:,} 行",
            f"The sheet '{sheet}' has {number_en} rows, more than the limit of {max_rows:,}",
        ),
        Text(
            "请删除表格下方多余的行（包括看似空白但有格式或内容的行）；确实有这么多记录时请联系管理员",
            "Delete the surplus rows below the table (including rows that look empty but hold "
            "formatting or content); if there really are this many records, ask the "
            "administrator",
        ),
    )


class SheetCells(NamedTuple):
    """A sheet as calamine reads it: its grid, its merged ranges, and its special cells."""

    grid: list[list[Any]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]]
    #: (Excel row, 0-based column) → why the cell, which calamine reads as empty, is bad.
    special: dict[tuple[int, int], BadCell]


def load_sheet(
    path: Path,
    archive: zipfile.ZipFile | None,
    workbook: Any,
    name: str,
    label: str,
    parts: dict[str, str],
    max_rows: int,
    report: ReadReport,
) -> SheetCells | None:
    """A sheet's cells, merged ranges and special cells, or None after reporting why not.

    Its extent was bounded before calamine opened the file (:func:`open_workbook`).
    """
    special: dict[tuple[int, int], BadCell] = {}
    part = parts.get(name)
    if archive is not None and part is not None:
        scan = _SCANS.get(archive, {}).get(part)
        if scan is None:
            try:
                scan = _scan_sheet(archive, part, max_rows)
            except Exception as exc:  # zlib.error, BadZipFile, … from a damaged member
                report.general.append(
                    damaged_finding(path.name, str(exc) or type(exc).__name__, label)
                )
                return None
        if not within_limits(
            label, scan.last_row, scan.last_col + 1, scan.rows_exact, max_rows, report
        ):
            return None
        special = scan.special
    try:
        sheet = workbook.get_sheet_by_name(name)
        if not within_limits(label, sheet.total_height, sheet.total_width, True, max_rows, report):
            return None
        grid: list[list[Any]] = sheet.to_python(skip_empty_area=False)
        merged = list(sheet.merged_cell_ranges or ())
    except BaseException as exc:  # calamine's errors for damaged sheets, a panic too
        if is_fatal(exc):
            raise
        report.general.append(damaged_finding(path.name, str(exc) or type(exc).__name__, label))
        return None
    return SheetCells(grid, merged, special)


def _too_many_columns(sheet: str, count: int) -> Finding:
    return Finding(
        Severity.ERROR,
        "sheet.too_many_columns",
        sheet,
        None,
        None,
        Text(
            f"工作表“{sheet}”有 {count} 列，超过上限 {MAX_COLUMNS} 列",
            f"The sheet '{sheet}' has {count} columns, more than the limit of {MAX_COLUMNS}",
        ),
        Text("请删除表格右侧多余的列", "Delete the surplus columns to the right of the table"),
    )
