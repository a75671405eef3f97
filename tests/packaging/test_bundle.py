"""The PyInstaller bundle: built from this checkout, its self-test run offscreen (slow)."""

from __future__ import annotations

import importlib.util
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_build_script() -> ModuleType:
    """packaging/build.py, loaded by path (packaging/ is not a package)."""
    spec = importlib.util.spec_from_file_location("jlpanel_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = _load_build_script()


def test_icon_files_hold_every_size_windows_asks_for() -> None:
    ico = (ROOT / "packaging" / "icons" / "jlpanel.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * i)
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(ico)
        sizes.add(width or 256)
    assert {16, 24, 32, 48, 256} <= sizes
    png = (ROOT / "packaging" / "icons" / "jlpanel.png").read_bytes()
    assert png.startswith(b"\x89PNG") and struct.unpack(">II", png[16:24]) == (256, 256)


def test_inno_setup_script_names_the_bundle_and_the_icon() -> None:
    iss = (ROOT / "packaging" / "jlpanel.iss").read_text(encoding="utf-8-sig")
    assert r"build\dist\jlpanel\*" in iss
    assert "jlpanel.ico" in iss
    assert "jlpanel.exe" in iss
    assert "ChineseSimplified" in iss


@pytest.mark.slow
def test_bundle_builds_and_passes_its_selftest(tmp_path: Path) -> None:
    assert importlib.util.find_spec("PyInstaller"), "pip install -e '.[test]' brings PyInstaller"
    dist = tmp_path / "dist"
    folder = build.build(dist, tmp_path / "work")
    assert build.cli_executable(dist).is_file()
    size, count = build.folder_size(folder)
    print(f"bundle: {size / 2**20:.1f} MiB in {count} files")
    internal = folder / "_internal"
    # data the app reads from disk at run time
    for needed in (
        "jlpanel/resources/__init__.py",  # importlib.resources finds the folder by it
        "jlpanel/resources/translations/jlpanel_en.qm",
        "jlpanel/resources/fonts/wqy-microhei.ttc",
        "jlpanel/resources/fonts/LICENSE-WenQuanYi-Micro-Hei.txt",
        "jlpanel/resources/rubrics/default.toml",
        "jlpanel/resources/icons/app.svg",
        "jlpanel/storage/migrations/versions/0001_initial.py",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "jlpanel/resources/licenses/THIRD-PARTY.md",
        "docs/guide/zh/index.md",
        "docs/guide/en/index.md",
    ):
        assert (internal / needed).is_file(), needed
    # trimmed: no pandas, no other languages' Qt catalogues, no unused Qt modules
    assert not (internal / "pandas").exists()
    assert not list(internal.glob("PySide6/Qt/translations/qtbase_de.qm"))
    assert not list(internal.glob("PySide6/QtNetwork*"))
    # the licences of what ships travel with it (and give the About dialog its versions)
    assert list(internal.glob("pyside6_essentials-*.dist-info"))
    done = build.selftest(dist)  # offscreen when there is no display
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
