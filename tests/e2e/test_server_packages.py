"""Review packages from a store on a PostgreSQL server (issue 16 §6): each platform's dossier
rows are read from the server once, however many packages it goes into (the packages'
contents against a direct build: tests/unit/test_package_file.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_meeting import EXPERTS, PLATFORMS, import_assign_and_issue, new_cycle
from sqlalchemy import event

from jlpanel.services.packages import issue_packages
from jlpanel.services.workspace import open_workspace


def test_packages_read_the_servers_dossier_rows_once(tmp_path: Path, pg_url: str) -> None:
    store = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    new_cycle(store)
    import_assign_and_issue(store, tmp_path)
    reads: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "FROM service_records" in statement:
            reads.append(statement)

    ws = open_workspace(store, backup=False)
    try:
        event.listen(ws.engine, "before_cursor_execute", seen)
        again = issue_packages(ws, tmp_path / "again", paper_sheets=False)
    finally:
        ws.close()
    assert [issued.platform_count for issued in again] == [len(PLATFORMS)] * len(EXPERTS)
    assert len(reads) == 1
    assert sorted(p.suffix for p in (tmp_path / "again").iterdir()) == [".jlreview"] * len(EXPERTS)


def test_packages_from_a_server_are_built_on_workers_from_the_local_copy(
    tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy of the server's dossiers is an SQLite file, so worker processes build the
    packages from it as from a store file: the same packages as built in one process."""
    from test_packages_workers import _content, _issue

    store = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    new_cycle(store)
    import_assign_and_issue(store, tmp_path)
    ws = open_workspace(store, backup=False)
    try:
        serial, _, one_alive = _issue(ws, tmp_path / "1", "1", monkeypatch)
        parallel, _, two_alive = _issue(ws, tmp_path / "2", "2", monkeypatch)
    finally:
        ws.close()
    assert max(one_alive) == 0 and max(two_alive) == 2  # the work really went elsewhere
    assert len(serial) == len(EXPERTS)
    # A package and a paper sheet per expert; the copy of the dossiers is gone.
    assert sorted(p.suffix for p in (tmp_path / "2").iterdir()) == sorted(
        [".jlreview", ".xlsx"] * len(EXPERTS)
    )
    assert [_content(p) for p in parallel] == [_content(p) for p in serial]
