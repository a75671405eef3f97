"""Compile the Qt Designer forms and refresh the translations.

    python tools/build_ui.py            compile ui/*.ui, update and release the translations
    python tools/build_ui.py --check    exit 1 when a compiled form, the .ts or the .qm is stale

Every ``ui/<name>.ui`` becomes ``jlpanel/gui/forms/ui_<name>.py``. ``pyside6-lupdate`` collects
the strings of ``jlpanel/gui/**/*.py`` and ``ui/*.ui`` into ``jlpanel_en.ts`` (translations
already there are kept) and ``pyside6-lrelease`` turns it into ``jlpanel_en.qm``. All three
outputs are committed, so a checkout runs without the Qt tools.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "jlpanel" / "gui" / "forms"
GUI_DIR = ROOT / "jlpanel" / "gui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS_DIR / "jlpanel_en.ts"
QM_FILE = TRANSLATIONS_DIR / "jlpanel_en.qm"

HEADER = "# Generated from ui/{name}.ui by tools/build_ui.py — do not edit.\n"
FORMS_INIT = '"""Forms compiled from ui/*.ui by tools/build_ui.py — do not edit."""\n'
# The uic banner names its own version; another PySide6 patch release must not look stale.
_UIC_VERSION = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.MULTILINE)


def tool(name: str) -> str:
    """The path of a PySide6 command-line tool, next to this Python first."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 in this environment")
    return found


def compile_form(ui_file: Path) -> str:
    """The Python source of one compiled form, with the do-not-edit header."""
    result = subprocess.run(
        [tool("pyside6-uic"), "--generator", "python", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return HEADER.format(name=ui_file.stem) + result.stdout


def normalise(source: str) -> str:
    """Form source without the uic version line, for comparing."""
    return _UIC_VERSION.sub("## Created by: Qt User Interface Compiler", source)


def form_path(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def ui_files() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def translation_sources() -> list[Path]:
    """Files whose strings go into the .ts: GUI code (compiled forms excluded) and the forms."""
    code = sorted(p for p in GUI_DIR.rglob("*.py") if FORMS_DIR not in p.parents)
    return [*code, *ui_files()]


def run_lupdate(ts_file: Path) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *(str(p.relative_to(ROOT)) for p in translation_sources()),
            "-ts",
            str(ts_file),
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-locations",
            "none",
            "-no-obsolete",
            "-silent",
        ],
        check=True,
        cwd=ROOT,
    )


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
        cwd=ROOT,
    )


def messages(ts_file: Path) -> set[tuple[str, str, str]]:
    """(context, source, comment) of every message in a .ts file."""
    out: set[tuple[str, str, str]] = set()
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.add((name, message.findtext("source") or "", message.findtext("comment") or ""))
    return out


def unfinished(ts_file: Path) -> list[str]:
    """Source texts whose translation is missing or marked unfinished."""
    out = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        forms = [] if translation is None else list(translation.iter("numerusform"))
        texts = (
            [f.text for f in forms]
            if forms
            else [None if translation is None else translation.text]
        )
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not all(t and t.strip() for t in texts)
        ):
            out.append(message.findtext("source") or "")
    return out


def qm_problems(ts_file: Path, qm_file: Path) -> list[str]:
    """Messages whose translation in the compiled .qm differs from the .ts (a stale .qm).

    Compared through QTranslator rather than byte for byte, so another lrelease version
    writing the same catalogue differently does not count as stale.
    """
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(qm_file)):
        return [f"{qm_file.name} cannot be loaded"]
    out = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment")
            translation = message.find("translation")
            if translation is None:
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            wanted = forms if forms else [translation.text or ""]
            for n, expected in enumerate(wanted, 1):
                got = translator.translate(name, source, comment, n if forms else -1)
                if got != expected:
                    out.append(f"{qm_file.name} is stale: {name} / {source!r}")
                    break
    return out


def build() -> int:
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    init = FORMS_DIR / "__init__.py"
    if not init.exists() or init.read_text("utf-8") != FORMS_INIT:
        init.write_text(FORMS_INIT, "utf-8")
    wanted = {form_path(ui) for ui in ui_files()}
    for stale in FORMS_DIR.glob("ui_*.py"):
        if stale not in wanted:
            stale.unlink()
            print(f"removed {stale.relative_to(ROOT)}")
    for ui in ui_files():
        target = form_path(ui)
        source = compile_form(ui)
        if not target.exists() or normalise(target.read_text("utf-8")) != normalise(source):
            target.write_text(source, "utf-8", newline="\n")
            print(f"compiled {ui.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    run_lupdate(TS_FILE)
    run_lrelease(TS_FILE, QM_FILE)
    missing = unfinished(TS_FILE)
    if missing:
        print(f"{len(missing)} message(s) still need an English translation in {TS_FILE.name}:")
        for text in missing:
            print(f"  {text}")
    return 0


def check() -> int:
    problems: list[str] = []
    wanted = {form_path(ui) for ui in ui_files()}
    for extra in sorted(set(FORMS_DIR.glob("ui_*.py")) - wanted):
        problems.append(f"{extra.relative_to(ROOT)} has no ui/ source")
    for ui in ui_files():
        target = form_path(ui)
        if not target.exists():
            problems.append(f"{target.relative_to(ROOT)} is missing")
        elif normalise(target.read_text("utf-8")) != normalise(compile_form(ui)):
            problems.append(f"{target.relative_to(ROOT)} differs from a fresh compile of {ui.name}")
    if not TS_FILE.exists() or not QM_FILE.exists():
        problems.append(f"{TS_FILE.name} or {QM_FILE.name} is missing")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            fresh_ts = Path(tmp) / TS_FILE.name
            shutil.copyfile(TS_FILE, fresh_ts)
            run_lupdate(fresh_ts)
            if messages(fresh_ts) != messages(TS_FILE):
                problems.append(f"{TS_FILE.name} does not hold the current source strings")
        problems += qm_problems(TS_FILE, QM_FILE)
    for text in unfinished(TS_FILE) if TS_FILE.exists() else []:
        problems.append(f"no English translation for {text!r}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("run: python tools/build_ui.py", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only check that the outputs are current"
    )
    args = parser.parse_args(argv)
    return check() if args.check else build()


if __name__ == "__main__":
    sys.exit(main())
