"""What calamine will hold for a workbook's shared strings, measured before it opens the file.

calamine reads xl/sharedStrings.xml whole when it opens a workbook, and copies a string into
every cell that shows it when a sheet is read; python-calamine then copies it once more into a
Python ``str`` per cell. So a small table can still fill the memory: one string of 10,000
characters shown in 100,000 cells took 1.9 GB, and a sheet may have 4,000,000 cells.

The parts are read in pieces, never whole: :func:`count_strings` counts the strings a table
holds or declares, :func:`string_lengths` bounds each string's length, in calamine's order, and
:func:`shown_text` bounds the text a sheet's cells will hold.
"""

from __future__ import annotations

import re
from array import array
from operator import itemgetter
from typing import IO, NamedTuple
from xml.parsers import expat

CHUNK = 2**20
#: No honest markup or text run is this long (Excel holds at most 32,767 characters in a cell).
_LONGEST_RUN = 4 * CHUNK
#: What may start a string: ``<si>``, ``<si/>``, ``<si …>``, and with a prefix, ``<x:si>``.
#: (Two patterns, each starting with a literal, are twice as fast as one.)
_SI_TAG = re.compile(rb"<si[\s/>]")
_PREFIXED_SI_TAG = re.compile(rb"<[^\s<>/!?]*:si[\s/>]")
_UNIQUE_COUNT = re.compile(rb"uniqueCount\s*=\s*[\"']([^\"'<>]*)")
#: A cell showing a shared string, written the way Excel, WPS, LibreOffice and xlsxwriter do.
_SHARED_CELL = re.compile(rb't="s"><v>(\d{1,10})</v></c>')
#: A number no count reaches: what an unreadable ``uniqueCount`` stands for.
_HUGE = 1 << 62


class StringCount(NamedTuple):
    """The strings a shared-strings part holds (at most), the most it declares, and the
    longest string's UTF-8 bytes at most (-1 when the quick bound is not sure)."""

    strings: int
    declared: int
    longest: int = -1


def count_strings(handle: IO[bytes]) -> StringCount:
    """Count the strings of a shared-strings part, reading it to its end (and so its CRC).

    Every string calamine reads starts with a tag named ``si`` in some prefix, so the tags
    counted are at least the strings. calamine reserves room for ``uniqueCount`` strings
    before reading one; every such attribute in the part is read, whichever element holds it.
    The part is searched in pieces cut before a ``<``, so no tag is ever cut in two.
    """
    count = declared = 0
    buffer = b""
    # A string ends at its first </si>: its text lies between the </si> before it (or the
    # part's start) and its own, and every escape is longer than what it stands for. So the
    # longest stretch between two </si> bounds every string, at C speed. Any other spelling
    # of the end tag, a prefix or a document type leaves the bound to string_lengths.
    longest = carry = 0
    sure = True
    while True:
        chunk = handle.read(CHUNK)
        buffer += chunk
        if chunk:
            cut = buffer.rfind(b"<")
            if cut <= 0:
                if len(buffer) <= _LONGEST_RUN:
                    continue
                raise ValueError("sharedStrings.xml: markup or text over 4 MB long")
            segment, buffer = buffer[:cut], buffer[cut:]
        else:
            segment, buffer = buffer, b""
        count += len(_SI_TAG.findall(segment))
        if b":si" in segment:
            count += len(_PREFIXED_SI_TAG.findall(segment))
            sure = False
        if sure:
            pieces = segment.split(b"</si>")
            if len(pieces) != segment.count(b"</si") + 1 or b"<!" in segment:
                sure = False
            elif len(pieces) == 1:
                carry += len(segment)
            else:
                longest = max(longest, carry + len(pieces[0]), *map(len, pieces[1:-1]))
                carry = len(pieces[-1])
        for value in _UNIQUE_COUNT.findall(segment):
            digits = value.lstrip(b"+")
            if digits.isdigit():
                digits = digits.lstrip(b"0")
                declared = max(declared, int(digits or b"0") if len(digits) <= 18 else _HUGE)
        if not chunk:
            return StringCount(count, declared, max(longest, carry) if sure else -1)


def string_lengths(handle: IO[bytes]) -> array[int] | None:
    """Each string's length at most, in bytes of UTF-8, in calamine's order.

    The part is parsed as calamine reads it: everything up to the first element named
    ``sst`` (in any prefix) is skipped; then each element named ``si`` is a string that ends
    at the first end tag of the same name (a nested one included); the end of ``sst`` ends
    the table. A string's text lies between its tags, and every escape is longer than what
    it stands for, so the bytes from its start tag to its end tag bound its length.

    None when the part is not well-formed XML in UTF-8 without a document type (which could
    define entities): expat could then see other strings than calamine. Excel, WPS and
    LibreOffice never write such a part.
    """
    parser = expat.ParserCreate("UTF-8")
    parser.ordered_attributes = True  # a list is cheaper than a dict, and never read
    lengths: array[int] = array("Q")
    where = 0  # 0 before <sst>, 1 inside, 2 after
    open_tag = ""  # the start tag's name of the string being read
    begin = 0  # where that tag starts

    def start(name: str, _attributes: object) -> None:
        nonlocal where, open_tag, begin
        if where == 1:
            if not open_tag and (name == "si" or _local(name) == "si"):
                open_tag = name
                begin = parser.CurrentByteIndex
        elif where == 0 and _local(name) == "sst":
            where = 1

    def end(name: str) -> None:
        nonlocal where, open_tag
        if name == open_tag:
            lengths.append(parser.CurrentByteIndex - begin)
            open_tag = ""
        elif where == 1 and not open_tag and _local(name) == "sst":
            where = 2

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = _no_doctype
    try:
        while chunk := handle.read(CHUNK):
            parser.Parse(chunk, False)
            if where == 2:
                return lengths  # calamine reads no further
        parser.Parse(b"", True)
    except (expat.ExpatError, ValueError):
        return lengths if where == 2 else None
    return lengths


def _local(name: str) -> str:
    # quick-xml's local name: what follows the first colon
    return name.partition(":")[2] if ":" in name else name


def _no_doctype(*_args: object) -> None:
    raise ValueError("document type declaration")


def shown_text(handle: IO[bytes], lengths: array[int], longest: int) -> int:
    """The bytes of shared strings the cells of a sheet part will hold, at most.

    A cell written ``<c … t="s"><v>7</v></c>`` shows string 7. calamine shows a string in a
    cell only when the cell's type is the attribute value ``s``: every other quoted ``s`` in
    the part is counted as showing the longest string, and so is an index past the table.
    The part is searched in pieces cut after a ``</c>``, which no pattern here spans.
    """
    total = 0
    count = len(lengths)
    buffer = b""
    while True:
        chunk = handle.read(CHUNK)
        buffer += chunk
        if chunk:
            cut = buffer.rfind(b"</c>") + 4
            if cut < 4:
                if len(buffer) <= _LONGEST_RUN:
                    continue
                cut = len(buffer)
                total += longest  # a quoted s cut in two here is counted all the same
            segment, buffer = buffer[:cut], buffer[cut:]
        else:
            segment, buffer = buffer, b""
        indices = list(map(int, _SHARED_CELL.findall(segment)))
        quoted = segment.count(b'"s"')
        if b"'" in segment:
            quoted += segment.count(b"'s'")
        total += longest * (quoted - len(indices))
        if indices and max(indices) >= count:
            total += longest * sum(1 for i in indices if i >= count)
            indices = [i for i in indices if i < count]
        if len(indices) > 1:
            total += sum(itemgetter(*indices)(lengths))
        elif indices:
            total += lengths[indices[0]]
        if not chunk:
            return total
