"""Peak memory of reading a dossier: the honest worst, the worst the limits allow, and refusals.

Issue 12, item 6: no workbook can kill or exhaust the program. The reader bounds what a
workbook may unpack to (``MemoryLimits``); this prints those limits for the dossier's file
size limit and the peak resident memory of ``read_dossier`` on:

* an honest dossier at the row limit: 200,000 service rows, each with its own long texts;
* the worst file the limits allow: a shared-strings table at its size and count limits,
  and a 服务记录 sheet of the most cells a sheet may have (4,000,000), whose cells show as
  much shared text as the cell-text limit allows — once with plain text, once with one
  emoji in every string (Python then keeps 4 bytes a character);
* files over a limit, which must be refused at once: 900 MB of shared strings, a
  ``uniqueCount`` of 10^11, and one long string shown in every cell.

Each file is read in a fresh interpreter, by ``read_dossier`` and, for the files it accepts
at the container, by calamine and ``to_python`` alone (what the container's limits bound; the
rest is the table reader's). The peak is the process's high-water resident memory (VmHWM)
when the read is done, beside the same figure just before it (imports loaded). The files are
built once in benchmarks/out. Nothing here is asserted by the test suite.

    python benchmarks/run.py memory
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out" / "memory"
MB = 2**20

_CHILD = """
import sys, time
from pathlib import Path


def high_water() -> int:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent at fork.
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM")


import python_calamine  # loaded before the baseline, as in the program
from jlpanel.exchange.dossier_reader import read_dossier

path = Path(sys.argv[1])
before = high_water()
t0 = time.perf_counter()
if sys.argv[2] == "reader":
    result = read_dossier(path)
    verdict = "accepted" if result.ok else "refused (" + ",".join(
        sorted({f.code for f in result.errors})) + ")"
else:  # what the container's limits bound: calamine and the Python grids, nothing more
    grids = []
    with python_calamine.CalamineWorkbook.from_path(str(path)) as workbook:
        for name in workbook.sheet_names:
            grids.append(workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
    verdict = f"{sum(len(g) for g in grids):,} rows in {len(grids)} sheets"
print(time.perf_counter() - t0, before, high_water(), verdict)
"""


def _measure(path: Path, what: str) -> str:
    """Read ``path`` in a fresh interpreter: time, peak resident memory, verdict."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), RUST_BACKTRACE="0")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), what], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or [""])[-1]
        return f"CHILD DIED (exit {done.returncode}: {tail[:100]})"
    elapsed, before, peak, verdict = done.stdout.split(maxsplit=3)
    return (
        f"{float(elapsed):7.2f} s   peak {int(peak) / MB:6.0f} MB "
        f"(+{(int(peak) - int(before)) / MB:.0f} MB over {int(before) / MB:.0f} MB) — "
        f"{verdict.strip()}"
    )


def _base_dossier() -> tuple[dict[str, bytes], str, list[bytes]]:
    """The parts of a small valid dossier, its 服务记录 part, and its shared strings."""
    from workloads import synthetic_dossier

    from jlpanel.exchange.dossier_writer import write_dossier_workbook
    from jlpanel.exchange.workbook_container import sheet_parts

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "base.xlsx"
    write_dossier_workbook(path, synthetic_dossier(0, services=1))
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
        services = sheet_parts(archive)["服务记录"]
    strings = re.findall(rb"<si>.*?</si>", parts["xl/sharedStrings.xml"], re.DOTALL)
    return parts, services, strings


def _write(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _columns(count: int) -> list[str]:
    letters = []
    for n in range(count):
        name, n = "", n + 1
        while n:
            n, rest = divmod(n - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def build_worst_allowed(astral: bool) -> Path:
    """The dossier the limits allow that makes the reader hold the most (see the module)."""
    from jlpanel.exchange.dossier_schema import SHEETS
    from jlpanel.exchange.workbook_container import MAX_CELLS, MAX_COLUMNS, MemoryLimits

    limits = MemoryLimits.for_file(100 * MB)
    path = OUT / f"worst-allowed{'-astral' if astral else ''}.xlsx"
    if path.exists():
        return path
    parts, services, strings = _base_dossier()
    spec = next(s for s in SHEETS if s.name == "服务记录")
    width = 20  # the template's columns and more: 200,000 rows × 20 = MAX_CELLS
    assert len(spec.columns) <= width <= MAX_COLUMNS
    rows = MAX_CELLS // width
    headers = [c.header for c in spec.columns]
    headers += [f"备注{k}" for k in range(width - len(headers))]
    letters = _columns(width)
    # The shared strings: the base's own first, then as many as allowed filling the part to
    # its limit, each shown by one cell, then one long string shown in the last column of
    # every row, as long as the cell-text limit allows.
    first = len(strings)
    count = limits.strings - first - 1
    long_index = first + count
    sheet = [
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1">',
        *(
            f'<c r="{c}1" t="inlineStr"><is><t>{h}</t></is></c>'.encode()
            for c, h in zip(letters, headers, strict=True)
        ),
        b"</row>",
    ]
    index = first
    for r in range(2, rows + 1):
        cells = [f'<row r="{r}">']
        for c in letters[:-1]:
            cells.append(f'<c r="{c}{r}" t="s"><v>{index}</v></c>')
            index += 1
        cells.append(f'<c r="{letters[-1]}{r}" t="s"><v>{long_index}</v></c></row>')
        sheet.append("".join(cells).encode())
    sheet.append(b"</sheetData></worksheet>")
    sheet_xml = b"".join(sheet)
    others = sum(
        len(d) for n, d in parts.items() if n.startswith("xl/worksheets/") and n != services
    )
    room = limits.shared_strings - len(parts["xl/sharedStrings.xml"]) - 4096
    span = room // count
    emoji = "😀" if astral else ""
    text = span - len(b"<si><t></t></si>") - len(emoji.encode())
    # The reader measures a string from its <si> to its </si>, the end tag left out.
    shown_distinct = (rows - 1) * (width - 1) * (span - len(b"</si>"))
    long_span = (limits.cell_text - len(sheet_xml) - others - shown_distinct) // (rows - 1)
    long_text = "长" * ((long_span - len(b"<si><t></t>") - len(emoji.encode())) // 3) + emoji

    pad = "x" * (text - 7)
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst '
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        + f'count="{MAX_CELLS}" uniqueCount="{first + count + 1}">'.encode()
        + b"".join(strings)
        + b"".join(f"<si><t>{k:07d}{pad}{emoji}</t></si>".encode() for k in range(count))
        + f"<si><t>{long_text}</t></si></sst>".encode()
    )
    parts[services] = sheet_xml
    _write(path, parts)
    return path


def build_swollen_shared_strings(size: int = 900 * 10**6) -> Path:
    """An honest-looking dossier whose shared strings run to ``size`` bytes of distinct text."""
    path = OUT / f"shared-strings-{size // 10**6}MB.xlsx"
    if path.exists():
        return path
    parts, _, _ = _base_dossier()
    table = parts["xl/sharedStrings.xml"]
    close = table.rindex(b"</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            if name != "xl/sharedStrings.xml":
                archive.writestr(name, data)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(table[:close])
            written, k = close, 0
            while written < size:
                block = "".join(
                    f"<si><t>第{n}批样品的形貌表征服务（HT-{n * 7919 % 1000003:07d}）</t></si>"
                    for n in range(k, k + 20_000)
                ).encode()
                out.write(block)
                written += len(block)
                k += 20_000
            out.write(table[close:])
    return path


def build_lying_unique_count() -> Path:
    path = OUT / "unique-count.xlsx"
    parts, _, _ = _base_dossier()
    parts["xl/sharedStrings.xml"] = re.sub(
        rb'uniqueCount="\d+"', b'uniqueCount="100000000000"', parts["xl/sharedStrings.xml"]
    )
    _write(path, parts)
    return path


def build_one_string_everywhere() -> Path:
    """One string of 10,000 characters shown in all 4,000,000 cells (160 GB once read)."""
    path = OUT / "one-string-everywhere.xlsx"
    if path.exists():
        return path
    parts, services, strings = _base_dossier()
    letters = _columns(20)
    index = len(strings)
    row = "".join(f'<c r="{c}{{r}}" t="s"><v>{index}</v></c>' for c in letters)
    body = "".join(
        f'<row r="{r}">' + row.replace("{r}", str(r)) + "</row>" for r in range(1, 200_001)
    )
    parts[services] = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + body
        + "</sheetData></worksheet>"
    ).encode()
    table = parts["xl/sharedStrings.xml"]
    parts["xl/sharedStrings.xml"] = table.replace(
        b"</sst>", b"<si><t>" + b"x" * 10_000 + b"</t></si></sst>"
    )
    _write(path, parts)
    return path


def _describe(path: Path) -> str:
    """The file's size, what it unpacks to, its shared strings and (if readable) cell text."""
    from jlpanel.exchange.shared_strings import count_strings
    from jlpanel.exchange.workbook_container import cell_text_bounds

    with zipfile.ZipFile(path) as archive:
        unpacked = sum(i.file_size for i in archive.infolist())
        table = archive.getinfo("xl/sharedStrings.xml")
        words = f"{path.stat().st_size / MB:.1f} MB file unpacking to {unpacked / MB:.0f} MB; "
        words += f"shared strings {table.file_size / MB:.0f} MB"
        if table.file_size > 300 * MB:
            return words
        with archive.open(table) as handle:
            words += f" holding {count_strings(handle).strings:,}"
        text = sum(cell_text_bounds(archive).values())
    return words + f"; cell text {text / MB:.0f} MB"


def bench_memory(_tmp: Path) -> None:
    from workloads import build_row_limit_dossier

    from jlpanel.exchange.workbook_container import (
        MAX_CELLS,
        MAX_COLUMNS,
        WHOLE_PART_LIMITS,
        MemoryLimits,
    )

    if not Path("/proc/self/status").exists():
        print("memory: needs /proc (Linux) for the peak resident memory")
        return
    limits = MemoryLimits.for_file(100 * MB)
    print(
        "limits for a 100 MB dossier: "
        f"unpacked {limits.unpacked / MB:.0f} MB; shared strings {limits.shared_strings / MB:.0f}"
        f" MB and {limits.strings:,} strings; cell text {limits.cell_text / MB:.0f} MB; "
        f"{MAX_CELLS:,} cells and {MAX_COLUMNS} columns a sheet; "
        + ", ".join(f"{n} {v / MB:.0f} MB" for n, v in WHOLE_PART_LIMITS.items())
    )
    cases = [
        ("honest: 200,000 service rows of distinct text", build_row_limit_dossier(OUT), True),
        ("worst allowed: at the limits, plain text", build_worst_allowed(astral=False), True),
        ("worst allowed: at the limits, an emoji a string", build_worst_allowed(astral=True), True),
        ("refused: 900,000,000 bytes of shared strings", build_swollen_shared_strings(), False),
        ("refused: uniqueCount 100,000,000,000", build_lying_unique_count(), False),
        ("refused: a 10,000-char string in 4M cells", build_one_string_everywhere(), False),
    ]
    for label, path, grid in cases:
        print(f"  {label}: {_describe(path)}")
        print(f"{'    read_dossier':<30} {_measure(path, 'reader')}")
        if grid:
            print(f"{'    calamine + Python grids':<30} {_measure(path, 'grid')}")


if __name__ == "__main__":
    import tempfile

    sys.path.insert(0, str(Path(__file__).parent))
    bench_memory(Path(tempfile.mkdtemp()))
