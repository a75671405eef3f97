"""Build the one-folder bundle and check it: ``python packaging/build.py [--selftest]``.

Runs PyInstaller on packaging/jlpanel.spec (needs ``pip install -e ".[bundle]"``) into
``build/dist/jlpanel`` (work files in ``build/pyinstaller``), then prints the bundle's size and
file count. With ``--selftest`` it also runs ``jlpanel-cli --selftest`` from the bundle
(offscreen when there is no display) and fails when that fails. The folder is what the
Inno Setup script (packaging/jlpanel.iss) packs into the Windows installer.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "jlpanel.spec"
DIST = ROOT / "build" / "dist"
WORK = ROOT / "build" / "pyinstaller"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def bundle_folder(dist: Path = DIST) -> Path:
    """The one-folder bundle PyInstaller writes."""
    return dist / "jlpanel"


def cli_executable(dist: Path = DIST) -> Path:
    """The bundle's console executable (the one to script and self-test)."""
    return bundle_folder(dist) / f"jlpanel-cli{EXE_SUFFIX}"


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under ``folder``."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def build(dist: Path = DIST, work: Path = WORK) -> Path:
    """Run PyInstaller; returns the bundle folder."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    return bundle_folder(dist)


def selftest(dist: Path = DIST) -> subprocess.CompletedProcess[str]:
    """Run the bundle's self-test; offscreen unless a display is there."""
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(cli_executable(dist)), "--selftest"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--selftest", action="store_true", help="run the bundle's self-test")
    parser.add_argument("--dist", type=Path, default=DIST, help="output folder (build/dist)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    folder = build(args.dist, args.dist.parent / "pyinstaller")
    size, count = folder_size(folder)
    print(
        f"bundle: {folder} — {size / 2**20:.1f} MiB in {count} files, built in "
        f"{time.perf_counter() - began:.0f} s"
    )
    if args.selftest:
        done = selftest(args.dist)
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr)
        if done.returncode != 0:
            print(f"self-test FAILED (exit {done.returncode})", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
