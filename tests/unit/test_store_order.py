"""Text and NULLs come back in the same order from a server as from a file (issue 15).

A production PostgreSQL database may sort text by a language's rules (here ICU's Chinese
collation), where a .jlpanel file sorts by code point (SQLite's BINARY): filing numbers and
names are ordered by code point on both (``COLLATE "C"`` on the server). PostgreSQL puts
NULL last where SQLite puts it first: rows without a workbook row come first on both.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import PgServer
from sqlalchemy import select

from jlpanel.services.audit import audit_platforms
from jlpanel.services.dossiers import sheet_data
from jlpanel.services.workspace import create_workspace
from jlpanel.storage import models as m

FILING_NOS = ["JL-b", "JL-B", "jl-a", "JL-A", "JL-10", "JL-9", "吉JL-1"]


@pytest.fixture(params=["sqlite", "postgresql-zh"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new .jlpanel file, or an empty database that sorts text by ICU's Chinese rules."""
    if request.param == "sqlite":
        yield str(tmp_path / "c.jlpanel")
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = f"zh_{abs(hash(request.node.name)) % 10**9}"
    with server.admin_connect() as admin:
        admin.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'zh'"
        )
    try:
        yield server.url(name)
    finally:
        with server.admin_connect() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_filing_numbers_come_in_code_point_order_on_both_engines(store: str) -> None:
    with create_workspace(store, "2026年度") as ws:
        with ws.session() as s:
            cycle = s.scalars(select(m.Cycle)).one()
            s.add_all(m.Platform(cycle=cycle, filing_no=f, name=f"平台{f}") for f in FILING_NOS)
        listed = [filing_no for _, filing_no, _ in audit_platforms(ws)]
        if "://" in store:
            with ws.reading() as s:  # the database itself sorts otherwise
                plain = list(s.scalars(select(m.Platform.filing_no).order_by(m.Platform.filing_no)))
            assert plain != sorted(FILING_NOS)
    assert listed == sorted(FILING_NOS)


def test_rows_without_a_workbook_row_come_first_on_both_engines(store: str) -> None:
    with create_workspace(store, "2026年度") as ws:
        with ws.session() as s:
            cycle = s.scalars(select(m.Cycle)).one()
            platform = m.Platform(cycle=cycle, filing_no="JL-1", name="甲")
            platform.resources.extend(
                m.Resource(source_row=row, name=name)
                for row, name in ((3, "丙"), (None, "无行号"), (2, "乙"))
            )
            s.add(platform)
            s.flush()
            pid = platform.id
        page = sheet_data(ws, pid, "resources")
    assert page.source_rows == [None, 2, 3]
