"""Make the re-saved dossier fixtures in ``tests/corpus/resaved/`` (issue 12, item 8).

Host units open the filled template in LibreOffice or Gnumeric and save it again, as .xlsx,
.xls or .ods. CI has neither program, so this script is run once by hand and its output is
committed; ``tests/e2e/test_resaved_corpus.py`` reads the committed files.

What it writes, for each dossier ``NAME`` in :data:`DOSSIERS`::

    resaved/original/NAME.xlsx      written by jlpanel's own dossier writer (the template, filled)
    resaved/libreoffice/NAME.xlsx   the original opened and saved by LibreOffice Calc as .xlsx
    resaved/libreoffice/NAME.xls    ... as Excel 97-2003 .xls
    resaved/libreoffice/NAME.ods    ... as OpenDocument .ods
    resaved/gnumeric/NAME.xlsx      the original converted by Gnumeric's ssconvert to .xlsx

The dossiers is one demo platform (``jlpanel.services.demo``, seed 2026) cut to its first
:data:`SERVICE_ROWS` service records, so the fixtures stay small, and the hand-made sample of
``tests/broken_workbooks.py`` (empty optional cells, a free service, a multi-line summary). No
attachment files are written: the missing attachments give the same warnings for every
variant, and those warnings are compared too.

Regenerate (needs ``soffice`` and ``ssconvert``; on Debian ``apt-get install libreoffice-calc
gnumeric``)::

    cd <worktree>
    PYTHONPATH=. .venv/bin/python tests/corpus/make_resaves.py

then record the ``soffice --version`` and ``ssconvert --version`` it prints in the docstring of
``tests/e2e/test_resaved_corpus.py``. The files are not byte-reproducible (the programs stamp
times into them), only their contents are.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jlpanel.domain.dossier import Dossier

HERE = Path(__file__).resolve().parent
OUT = HERE / "resaved"
sys.path.insert(0, str(HERE.parent))  # tests/, for broken_workbooks

#: Demo seed and the demo platform used (a small one), by their ASCII fixture names.
SEED = 2026
DEMO_PLATFORMS = {
    "biodiversity": "吉林省长白山生物多样性科学数据中心",
}
SERVICE_ROWS = 120
#: Rows the template's drop-down lists cover (10,000 in the real template).
TEMPLATE_ROWS = 200
#: Every fixture name.
DOSSIERS = (*DEMO_PLATFORMS, "sample")

#: LibreOffice export filters, by the suffix they write.
LIBREOFFICE_FILTERS = {
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
    "xls": "xls:MS Excel 97",
    "ods": "ods:calc8",
}
GNUMERIC_EXPORTER = "Gnumeric_Excel:xlsx2"


def write_filled_template(path: Path, dossier: Dossier) -> None:
    """The blank template (validations, comments, formats) with ``dossier`` typed into it.

    This is what a host unit sends back: jlpanel's template layout first, then the values as
    jlpanel's dossier writer puts them. The template's formatted rows (e.g. the tall row 2 of
    工作总结) are what Gnumeric turns into a 16384-column dimension.
    """
    import xlsxwriter

    from jlpanel.exchange import dossier_template as template
    from jlpanel.exchange import dossier_writer as writer
    from jlpanel.exchange.dossier_schema import INSTRUCTIONS_SHEET, SHEETS, SheetLayout

    # The template validates 10,000 rows; Gnumeric styles every one of them and its re-save
    # grows to 1 MB. TEMPLATE_ROWS rows keep the fixtures small and change nothing else.
    template.TEMPLATE_ROWS = TEMPLATE_ROWS  # type: ignore[attr-defined]
    workbook = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    blank = template._Formats(workbook)
    filled = writer._Formats(workbook)
    template._write_instructions(workbook.add_worksheet(INSTRUCTIONS_SHEET), blank)
    for spec in SHEETS:
        sheet = workbook.add_worksheet(spec.name)
        if spec.layout is SheetLayout.KEY_VALUE:
            template._write_key_value(sheet, spec, blank)
            writer._write_key_value(sheet, spec, dossier.basic, filled)
        elif spec.layout is SheetLayout.TEXT:
            template._write_text(sheet, spec, blank)
            writer._write_text(sheet, spec, dossier, filled)
        else:
            template._write_table(sheet, spec, blank)
            writer._write_table(sheet, spec, getattr(dossier, spec.dossier_field), filled)
    workbook.close()


def write_originals(folder: Path) -> None:
    """The filled templates, as a host unit sends them."""
    from broken_workbooks import sample_dossier

    from jlpanel.services import demo

    plans = {plan.name: plan for plan in demo._PLANS}
    for name, platform in DEMO_PLATFORMS.items():
        dossier = demo._build_dossier(SEED, plans[platform]).dossier
        dossier = dataclasses.replace(dossier, services=dossier.services[:SERVICE_ROWS])
        write_filled_template(folder / f"{name}.xlsx", dossier)
    write_filled_template(folder / "sample.xlsx", sample_dossier())


def libreoffice(source: Path, folder: Path, profile: Path) -> None:
    """Re-save ``source`` into ``folder`` in every LibreOffice format."""
    for export in LIBREOFFICE_FILTERS.values():
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                export,
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )


def gnumeric(source: Path, folder: Path) -> None:
    """Re-save ``source`` into ``folder`` as Gnumeric writes .xlsx."""
    subprocess.run(
        ["ssconvert", f"--export-type={GNUMERIC_EXPORTER}", str(source), str(folder / source.name)],
        check=True,
        capture_output=True,
        timeout=300,
    )


def version(*command: str) -> str:
    done = subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)
    return (done.stdout or done.stderr).splitlines()[0].strip()


def main() -> None:
    for sub in ("original", "libreoffice", "gnumeric"):
        shutil.rmtree(OUT / sub, ignore_errors=True)
        (OUT / sub).mkdir(parents=True)
    write_originals(OUT / "original")
    with tempfile.TemporaryDirectory() as profile:
        for name in DOSSIERS:
            source = OUT / "original" / f"{name}.xlsx"
            libreoffice(source, OUT / "libreoffice", Path(profile))
            gnumeric(source, OUT / "gnumeric")
    print(version("soffice", "--version"))
    print(version("ssconvert", "--version"))
    for path in sorted(OUT.rglob("*.*")):
        print(f"{path.relative_to(OUT)}\t{path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
