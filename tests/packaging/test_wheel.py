"""The wheel: every package, and the top-level resources/ installed as ``jlpanel.resources``."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from jlpanel.resource_files import resource, resources_root

ROOT = Path(__file__).resolve().parents[2]

SHIPPED = (
    "translations/jlpanel_en.qm",
    "fonts/wqy-microhei.ttc",
    "fonts/LICENSE-WenQuanYi-Micro-Hei.txt",
    "rubrics/default.toml",
    "icons/app.svg",
    "licenses/THIRD-PARTY.md",
)


def test_pyproject_lists_every_package_under_jlpanel() -> None:
    """A mapped package cannot be found by packages.find, so the list is kept by hand."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "jlpanel").rglob("__init__.py")
    }
    assert on_disk | {"jlpanel.resources"} == listed
    assert config["tool"]["setuptools"]["package-dir"] == {"jlpanel.resources": "resources"}


def test_a_source_checkout_reads_its_own_resources() -> None:
    assert resources_root() == ROOT / "resources"
    for name in SHIPPED:
        assert resource(*name.split("/")).is_file(), name


@pytest.mark.slow
def test_the_wheel_installs_resources_as_a_package_found_by_importlib(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("jlpanel-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "jlpanel/resources/__init__.py" in names
    for name in SHIPPED:
        assert f"jlpanel/resources/{name}" in names, name
    assert "jlpanel/storage/migrations/script.py.mako" in names
    assert not [n for n in names if n.startswith("resources/")]  # only under jlpanel/
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    script = (
        "import importlib.resources\n"
        "from jlpanel.resource_files import resource\n"
        "print(importlib.resources.files('jlpanel.resources'))\n"
        "print(resource('rubrics', 'default.toml').read_text('utf-8')[:1])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=dict(os.environ, PYTHONPATH=str(installed)),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    folder, first = done.stdout.splitlines()
    assert Path(folder) == installed / "jlpanel" / "resources"
    assert first
