"""Stores on both engines, for the tests about the store rather than the file (issue 15).

``any_store`` is parametrised: a new ``.jlpanel`` file's path, then a fresh empty PostgreSQL
database's URL from the test server (``pg_url``) — both as the text a user types as STORE.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ENGINES = ("sqlite", "postgresql")


@pytest.fixture(params=ENGINES)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """STORE on each engine in turn: a file that does not exist yet, or an empty database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.jlpanel")
    url: str = request.getfixturevalue("pg_url")
    # As a user writes it: the driver is storage's business.
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def is_server(store: str) -> bool:
    return "://" in store
