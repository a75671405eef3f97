"""Review packages built in worker processes (issue 16, item 3): the same packages and paper
sheets as built in one process, recorded and installed by the issuing process alone, and a
cancel leaves nothing: no file, no record."""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from review_support import PLATFORMS, build_cycle
from sqlalchemy import func, select

from jlpanel.services import workers
from jlpanel.services.packages import IssuedPackage, issue_packages
from jlpanel.services.workspace import Workspace
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows

#: Three more experts than review_support's, so the panel is worth starting workers for.
MORE = ((900004, "李思远"), (900005, "周文华"), (900006, "吴海峰"))


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = build_cycle(tmp_path)
    cycle_id = workspace.cycle_info().id
    with workspace.session() as s:
        insert_rows(
            s,
            m.Expert,
            [
                {"id": e, "cycle_id": cycle_id, "name": n, "institution": "吉林大学"}
                for e, n in MORE
            ],
        )
        insert_rows(
            s,
            m.Assignment,
            [
                {"expert_id": e, "platform_id": p}
                for n, (e, _) in enumerate(MORE)
                for p in PLATFORMS[n : n + 2]
            ],
        )
    yield workspace
    workspace.close()


def _content(package: IssuedPackage) -> dict[str, object]:
    """A package's tables but its id, key and time of issue; its paper sheet's cells with
    the package id masked."""
    with sqlite3.connect(f"{package.path.as_uri()}?mode=ro", uri=True) as db:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = {
            t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"')))
            for t in tables
            if t != "package_meta"
        }
        cursor = db.execute("SELECT * FROM package_meta")
        meta = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    for key in ("package_id", "hmac_key", "issued_at"):
        assert meta.pop(key)
    assert package.paper_sheet is not None
    book = CalamineWorkbook.from_path(str(package.paper_sheet))
    cells = [
        [str(c).replace(package.package_id, "<id>") for c in row]
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
    ]
    return {"rows": rows, "meta": meta, "paper": cells, "name": package.path.name}


def _issue(
    ws: Workspace, out: Path, count: str, monkeypatch: pytest.MonkeyPatch, stop: int | None = None
) -> tuple[list[IssuedPackage], list[tuple[int, int, str]], list[int]]:
    monkeypatch.setenv(workers.WORKERS_ENV, count)
    calls: list[tuple[int, int, str]] = []
    alive: list[int] = []

    def progress(done: int, total: int, name: str) -> bool:
        calls.append((done, total, name))
        alive.append(len(multiprocessing.active_children()))
        return done != stop

    issued = issue_packages(ws, out, progress=progress)
    assert multiprocessing.active_children() == []  # no worker outlives the run
    return issued, calls, alive


def test_packages_built_by_workers_are_those_built_in_one_process(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial, one_calls, one_alive = _issue(ws, tmp_path / "1", "1", monkeypatch)
    parallel, two_calls, two_alive = _issue(ws, tmp_path / "2", "2", monkeypatch)
    assert max(one_alive) == 0 and max(two_alive) == 2  # the work really went elsewhere
    assert len(serial) == 6 and one_calls == two_calls
    assert one_calls[-1] == (6, 6, "")
    assert [_content(p) for p in parallel] == [_content(p) for p in serial]
    assert [(p.expert_id, p.platform_count, p.skipped_conflicts) for p in parallel] == [
        (p.expert_id, p.platform_count, p.skipped_conflicts) for p in serial
    ]
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(m.ReviewPackage)) == 12


def test_a_cancel_while_workers_build_leaves_no_file_and_no_record(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    issued, calls, alive = _issue(ws, out, "2", monkeypatch, stop=2)
    assert issued == [] and alive[2] == 2 and calls[-1][0] == 2
    assert list(out.iterdir()) == []  # no package, no paper sheet, no half-built file
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(m.ReviewPackage)) == 0
        audit = select(func.count()).where(m.AuditEntry.action == "issue_package")
        assert s.scalar(audit) == 0
