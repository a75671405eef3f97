"""LibreOffice for the tests that need a file another program wrote.

On a machine without LibreOffice those tests are skipped with the reason — unless
``JLPANEL_TESTS_NEED_LIBREOFFICE=1`` is set, as ``.ci/run`` does: then a missing install is a
failure, so CI can never go green by skipping them. ``bash dev.sh test`` installs LibreOffice
Calc when it runs as root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest


def soffice() -> str:
    """The LibreOffice program; skips (or, where it is required, fails) when there is none."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        message = "LibreOffice (soffice) is not installed"
        if os.environ.get("JLPANEL_TESTS_NEED_LIBREOFFICE") == "1":
            pytest.fail(message + ", and JLPANEL_TESTS_NEED_LIBREOFFICE=1 requires it")
        pytest.skip(message)
    return found


def resave(source: Path, suffix: str, out: Path) -> Path:
    """``source`` opened and saved again by LibreOffice as ``suffix`` (xlsx, xls, ods)."""
    return convert([source], suffix, out)[0]


def convert(
    sources: Sequence[Path], suffix: str, out: Path, *, infilter: str | None = None
) -> list[Path]:
    """``sources`` opened and saved by LibreOffice as ``suffix``, in one run (it starts slowly).

    ``infilter`` is the import filter with its options, e.g. ``CSV:44,34,76`` — how a user's
    Text Import dialog would be set.
    """
    out.mkdir(parents=True, exist_ok=True)
    # A profile of its own: two tests converting at once must not share a locked profile.
    profile = out / "lo-profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            suffix,
            "--outdir",
            str(out),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    results = [out / f"{source.stem}.{suffix}" for source in sources]
    for result in results:
        assert result.is_file(), f"LibreOffice wrote no {result.name}"
    return results
