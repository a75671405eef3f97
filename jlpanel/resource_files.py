"""The one way to jlpanel's data files: :func:`resource`.

The files live in the repository's top-level ``resources/`` and are installed as the package
``jlpanel.resources`` (pyproject.toml maps the folder onto that name), so a wheel, an
editable install and the PyInstaller bundle all find them through ``importlib.resources``.

A source checkout run with ``PYTHONPATH`` has no installer to do that mapping; there the
checkout's own ``resources/`` beside ``jlpanel/`` is used, also when an editable install of
another checkout (an older layout, say) would answer for ``jlpanel.resources``.
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from pathlib import Path

__all__ = ["resource", "resources_root"]

PACKAGE = "jlpanel.resources"


def resource(*parts: str) -> Path:
    """The shipped file or folder ``resources/<parts…>`` (``resource("icons", "app.svg")``)."""
    return resources_root().joinpath(*parts)


@cache
def resources_root() -> Path:
    """The folder of the ``jlpanel.resources`` package, as a real path (Qt and ReportLab open
    the files by name)."""
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources/__init__.py").is_file():
        return checkout / "resources"
    root = importlib.resources.files(PACKAGE)
    if not isinstance(root, Path):  # a zip import: jlpanel is never installed as one
        raise RuntimeError(f"{PACKAGE} is not a folder on disk: {root!r}")
    return root
