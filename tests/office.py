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
    out.mkdir(parents=True, exist_ok=True)
    # A profile of its own: two tests converting at once must not share a locked profile.
    profile = out / "lo-profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            suffix,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = out / f"{source.stem}.{suffix}"
    assert result.is_file(), f"LibreOffice wrote no {result.name}"
    return result
