"""Hostile workbooks built in code: cells that would make calamine abort, odd containers.

Each builder writes the valid sample dossier and rewrites one part, so every case differs
from a good file by the one thing it tests.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from broken_workbooks import _part_of, rewrite_zip, write_dossier_workbook

S = "服务记录"


def far_cell(path: Path, *, row_attr: bool = False) -> Path:
    """One cell at XFD1048576 in a row without ``r=`` (calamine asks for 512 GiB)."""
    write_dossier_workbook(path)
    part = _part_of(path, S)
    row = b'<row r="1048576">' if row_attr else b"<row>"
    cell = row + b'<c r="XFD1048576"><v>1</v></c></row></sheetData>'
    rewrite_zip(path, lambda n, d: d.replace(b"</sheetData>", cell) if n == part else d)
    return path


def far_cell_without_refs(path: Path) -> Path:
    """No r= anywhere: 300 cells in one row make it 300 columns wide."""
    write_dossier_workbook(path)
    part = _part_of(path, S)
    row = b"<row>" + b"<c><v>1</v></c>" * 300 + b"</row></sheetData>"
    rewrite_zip(path, lambda n, d: d.replace(b"</sheetData>", row) if n == part else d)
    return path


def namespaced(path: Path) -> Path:
    """workbook.xml and the sheets with an ``x:`` prefix, plus the far cell."""
    far_cell(path)

    def edit(name: str, data: bytes) -> bytes:
        if name == "xl/workbook.xml" or name.startswith("xl/worksheets/"):
            data = re.sub(rb"<(/?)(\w+)(?=[\s>/])", rb"<\1x:\2", data)
            data = data.replace(b'xmlns="', b'xmlns:x="', 1)
        return data

    rewrite_zip(path, edit)
    return path


def upper_case_part(path: Path) -> Path:
    """The far cell in a part named ``sheet3.XML``, and a workbook.xml ElementTree refuses.

    calamine finds members in any case, and reads a comment holding ``--`` that a strict
    parser refuses; the reader then knows no sheet's part and must still scan this one.
    """
    far_cell(path)
    part = _part_of(path, S)
    rewrite_zip(
        path,
        lambda n, d: (
            d.replace(b"<sheets>", b"<!-- a -- b --><sheets>", 1) if n == "xl/workbook.xml" else d
        ),
        rename={part: part.replace(".xml", ".XML")},
    )
    return path


def swollen_part(
    path: Path, part: str, size: int, element: bytes = b"<si><t>\xe5\xa1\xab\xe5\x85\x85</t></si>"
) -> Path:
    """The sample with ``element`` repeated before the closing tag of ``part`` to ``size`` bytes.

    By default the padding is shared strings (填充) that no cell refers to, so the dossier
    stays valid. It compresses about a thousand to one: even a part of hundreds of MB makes
    a file of a few hundred KB.
    """
    write_dossier_workbook(path)
    source = path.read_bytes()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as zin,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout,
    ):
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename != part:
                zout.writestr(info, data)
                continue
            close = data.rindex(b"</")
            head, tail = data[:close], data[close:]
            repeats, rest = divmod(size - len(data), len(element))
            block = element * (2**20 // len(element) + 1)
            with zout.open(part, "w", force_zip64=size > 2**31) as out:
                out.write(head)
                for _ in range(repeats // (len(block) // len(element))):
                    out.write(block)
                out.write(element * (repeats % (len(block) // len(element)) + (rest > 0)))
                out.write(tail)
    return path


def unique_count(path: Path, declared: int) -> Path:
    """The sample whose shared text table declares ``declared`` strings (``uniqueCount``)."""
    write_dossier_workbook(path)
    rewrite_zip(path, lambda n, d: re.sub(rb'uniqueCount="\d+"', b'uniqueCount="%d"' % declared, d))
    return path


def many_strings(path: Path, total: int) -> Path:
    """The sample whose shared text table is padded with empty strings (``<si/>``) to ``total``."""
    write_dossier_workbook(path)

    def edit(name: str, data: bytes) -> bytes:
        if name != "xl/sharedStrings.xml":
            return data
        return data.replace(b"</sst>", b"<si/>" * (total - data.count(b"<si>")) + b"</sst>")

    rewrite_zip(path, edit)
    return path


def one_string_everywhere(path: Path, cells: int, characters: int = 10_000) -> Path:
    """The sample whose 服务记录 gains ``cells`` rows each showing one long shared string.

    calamine copies a shared string into every cell that shows it: the table stays small
    while the cells' text grows with every row (10,000 characters × 14,000 rows is 420 MB).
    """
    write_dossier_workbook(path)
    part = _part_of(path, S)
    with zipfile.ZipFile(path) as archive:
        index = archive.read("xl/sharedStrings.xml").count(b"<si>")

    def edit(name: str, data: bytes) -> bytes:
        if name == "xl/sharedStrings.xml":
            text = ("长" * characters).encode()
            return data.replace(b"</sst>", b"<si><t>" + text + b"</t></si></sst>")
        if name == part:
            rows = b"".join(
                b'<row r="%d"><c r="F%d" t="s"><v>%d</v></c></row>' % (r, r, index)
                for r in range(1000, 1000 + cells)
            )
            return data.replace(b"</sheetData>", rows + b"</sheetData>")
        return data

    rewrite_zip(path, edit)
    return path


def gnumeric_dimension(path: Path) -> Path:
    """A good dossier whose sheets declare A1:XFD1048576, as a Gnumeric re-save does."""
    write_dossier_workbook(path)

    def edit(name: str, data: bytes) -> bytes:
        if name.startswith("xl/worksheets/"):
            return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data)
        return data

    rewrite_zip(path, edit)
    return path


def garbage_sheet(path: Path) -> Path:
    """A sheet that is not XML at all."""
    write_dossier_workbook(path)
    part = _part_of(path, S)
    rewrite_zip(path, lambda n, d: b"\x00\xff<row" * 500 if n == part else d)
    return path


def garbage_xls(path: Path) -> Path:
    """An OLE file with a Workbook stream of garbage, named .xls."""
    from broken_workbooks import _ole

    path.write_bytes(_ole("Workbook", "SummaryInformation"))
    return path


def converted(source: Path, suffix: str, out: Path) -> Path:
    """``source`` re-saved by LibreOffice as .xls or .ods (see tests/office.py)."""
    from office import resave

    return resave(source, suffix, out)
