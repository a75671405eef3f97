"""Workspace files: creating, opening, refusing, migrating and backing up real SQLite files."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import URL, inspect, select, text
from sqlalchemy.engine import Engine

from jlpanel.storage import workspace as ws
from jlpanel.storage.models import Base, Cycle, Platform
from jlpanel.storage.workspace import WorkspaceError

MODEL_TABLES = frozenset(Base.metadata.tables)


@pytest.fixture
def engines() -> Iterator[list[Engine]]:
    """Engines a test opened; disposed afterwards so no connection outlives the test."""
    opened: list[Engine] = []
    yield opened
    for engine in opened:
        engine.dispose()


@pytest.fixture
def create(engines: list[Engine]) -> Callable[[Path], Engine]:
    def _create(path: Path) -> Engine:
        engine = ws.create_workspace(path)
        engines.append(engine)
        return engine

    return _create


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sqlite_tables(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        return {name for (name,) in rows}
    finally:
        connection.close()


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def backup_files(folder: Path) -> list[Path]:
    """The backup files under a backup folder (one sub-folder per cycle), without records."""
    return sorted(folder.rglob(f"*{ws.WORKSPACE_SUFFIX}"))


def run_sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def pragma(engine: Engine, name: str) -> object:
    with engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def add_cycle(engine: Engine, name: str = "2024–2025 考核") -> str:
    """A cycle row with the columns every revision has (the file may be an older one)."""
    cycle_id = str(uuid.uuid4())
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO cycles (id, name, language, rubric_json, rules_json, created_at) "
                "VALUES (:id, :name, 'zh', '{}', '{}', '2025-01-01 00:00:00')"
            ),
            {"id": cycle_id, "name": name},
        )
    return cycle_id


def cycle_names(engine: Engine) -> list[str]:
    with ws.session_factory(engine)() as session:
        return list(session.scalars(select(Cycle.name)))


# ---------------------------------------------------------------------------------- create


def test_create_sets_wal_foreign_keys_and_full_sync(tmp_path: Path, create) -> None:
    engine = create(tmp_path / "cycle.jlpanel")

    assert pragma(engine, "journal_mode") == "wal"
    assert pragma(engine, "foreign_keys") == 1
    assert pragma(engine, "synchronous") == 2  # FULL
    assert pragma(engine, "busy_timeout") == ws.BUSY_TIMEOUT_MS
    # The settings hold on every pooled connection, not only the first one.
    with engine.connect() as first, engine.connect() as second:
        for connection in (first, second):
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_create_builds_the_schema_at_head(tmp_path: Path, create) -> None:
    path = tmp_path / "cycle.jlpanel"
    engine = create(path)

    assert ws.current_revision(engine) == ws.head_revision()
    assert set(inspect(engine).get_table_names()) == MODEL_TABLES | {"alembic_version"}
    assert pragma(engine, "application_id") == ws.APPLICATION_ID
    engine.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cycle.jlpanel"]


def test_migrations_match_the_models(any_store: str, engines) -> None:
    # On both engines: PostgreSQL checks types and defaults SQLite lets pass (issue 15).
    engine = ws.create_workspace(ws.parse_location(any_store))
    engines.append(engine)

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_create_refuses_an_existing_file_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "cycle.jlpanel"
    path.write_bytes(b"precious data, not a workspace")
    before = sha256(path)

    with pytest.raises(WorkspaceError) as caught:
        ws.create_workspace(path)

    assert caught.value.kind == "exists"
    assert caught.value.path == path
    assert sha256(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["cycle.jlpanel"]


def test_create_refuses_an_existing_workspace(tmp_path: Path, create) -> None:
    path = tmp_path / "cycle.jlpanel"
    create(path).dispose()
    before = sha256(path)

    with pytest.raises(WorkspaceError) as caught:
        ws.create_workspace(path)

    assert caught.value.kind == "exists"
    assert sha256(path) == before


def test_create_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError) as caught:
        ws.create_workspace(tmp_path / "nowhere" / "cycle.jlpanel")

    assert caught.value.kind == "missing"
    assert list(tmp_path.iterdir()) == []


def test_create_that_fails_midway_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_upgrade(engine: Engine) -> None:
        with engine.begin() as connection:  # something was written before the failure
            connection.exec_driver_sql("CREATE TABLE half (x INTEGER)")
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(ws, "upgrade", failing_upgrade)

    with pytest.raises(RuntimeError, match="disk pulled out"):
        ws.create_workspace(tmp_path / "cycle.jlpanel")

    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------------ open


def test_open_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError) as caught:
        ws.open_workspace(tmp_path / "gone.jlpanel", backup_dir=None, backup_count=3)

    assert caught.value.kind == "missing"
    assert list(tmp_path.iterdir()) == []


def test_open_a_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "x.jlpanel"
    path.write_text("这不是数据库\n" * 50, encoding="utf-8")
    before = sha256(path)

    with pytest.raises(WorkspaceError) as caught:
        ws.open_workspace(path, backup_dir=tmp_path / "backups", backup_count=3)

    assert caught.value.kind == "not_a_workspace"
    assert sha256(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["x.jlpanel"]


def test_open_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.jlpanel"
    path.write_bytes(b"")

    with pytest.raises(WorkspaceError) as caught:
        ws.open_workspace(path, backup_dir=None, backup_count=3)

    assert caught.value.kind == "not_a_workspace"
    assert path.read_bytes() == b""


def test_open_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "x.jlpanel"
    run_sql(path, "CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('张三')")
    before = sha256(path)

    with pytest.raises(WorkspaceError) as caught:
        ws.open_workspace(path, backup_dir=tmp_path / "backups", backup_count=3)

    assert caught.value.kind == "not_a_workspace"
    assert sha256(path) == before
    assert sqlite_tables(path) == {"contacts"}


def test_open_a_database_with_another_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.jlpanel"
    run_sql(path, "PRAGMA application_id = 12345", "CREATE TABLE t (x)", "DROP TABLE t")

    with pytest.raises(WorkspaceError) as caught:
        ws.open_workspace(path, backup_dir=None, backup_count=3)

    assert caught.value.kind == "not_a_workspace"


def test_open_a_newer_workspace_is_refused_byte_for_byte_untouched(tmp_path: Path, create) -> None:
    path = tmp_path / "cycle.jlpanel"
    engine = create(path)
    add_cycle(engine)
    engine.dispose()
    run_sql(path, "UPDATE alembic_version SET version_num = '9999_future'")
    before = sha256(path)
    listing = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(WorkspaceError) as caught:
        ws.open_workspace(path, backup_dir=tmp_path / "backups", backup_count=3)

    assert caught.value.kind == "newer_version"
    assert "9999_future" in str(caught.value)
    assert sha256(path) == before
    # No WAL switch, no backup, no -wal/-shm beside it: nothing at all was written.
    assert sorted(p.name for p in tmp_path.iterdir()) == listing == ["cycle.jlpanel"]


def test_open_a_newer_workspace_whose_change_is_still_in_the_wal(tmp_path: Path, create) -> None:
    # Another program has the file open and its change sits in the WAL, not yet in the file:
    # the check must read through the WAL and must not checkpoint it.
    path = tmp_path / "cycle.jlpanel"
    create(path).dispose()
    holder = sqlite3.connect(path)
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("UPDATE alembic_version SET version_num = '9999_future'")
        holder.commit()
        wal = tmp_path / "cycle.jlpanel-wal"
        assert wal.stat().st_size > 0
        before = (sha256(path), sha256(wal))

        with pytest.raises(WorkspaceError) as caught:
            ws.open_workspace(path, backup_dir=None, backup_count=3)

        assert caught.value.kind == "newer_version"
        assert (sha256(path), sha256(wal)) == before
    finally:
        holder.close()


def test_open_a_database_at_base_upgrades_it_to_head(tmp_path: Path, engines) -> None:
    path = tmp_path / "fresh.jlpanel"
    # A real, empty SQLite database: header written, no tables, no revision stamped.
    run_sql(path, "CREATE TABLE t (x)", "DROP TABLE t")
    assert sqlite_tables(path) == set()

    engine = ws.open_workspace(path, backup_dir=None, backup_count=3)
    engines.append(engine)

    assert ws.current_revision(engine) == ws.head_revision()
    assert set(inspect(engine).get_table_names()) == MODEL_TABLES | {"alembic_version"}
    assert pragma(engine, "journal_mode") == "wal"


def test_downgrade_to_base_then_open_upgrades_again(tmp_path: Path, create, engines) -> None:
    path = tmp_path / "cycle.jlpanel"
    engine = create(path)
    ws.downgrade(engine, "base")
    assert ws.current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    engine.dispose()

    reopened = ws.open_workspace(path, backup_dir=tmp_path / "backups", backup_count=3)
    engines.append(reopened)

    assert ws.current_revision(reopened) == ws.head_revision()
    assert set(inspect(reopened).get_table_names()) == MODEL_TABLES | {"alembic_version"}
    (backup,) = backup_files(tmp_path / "backups")
    assert backup.name.endswith("-pre-upgrade.jlpanel")


def test_a_first_revision_file_with_data_opens_upgraded_with_its_data(
    tmp_path: Path, create, engines
) -> None:
    # A workspace written by the first release (revision 0001), holding a finding without the
    # fix columns of 0002: opening it migrates in place and keeps every row.
    path = tmp_path / "old.jlpanel"
    engine = create(path)
    ws.downgrade(engine, "0001")
    cycle_id = add_cycle(engine, "旧周期")
    engine.dispose()
    run_sql(
        path,
        f"INSERT INTO platforms (id, cycle_id, filing_no, name, imported_at) "
        f"VALUES (1, '{cycle_id}', 'JL-1', '吉林省甲平台', '2025-01-01 00:00:00')",
        "INSERT INTO dossier_findings (platform_id, severity, code, message_zh, message_en) "
        "VALUES (1, 'warning', 'name_form', '名称不规范', 'name')",
    )
    assert "fix_zh" not in {c[1] for c in query(path, "PRAGMA table_info(dossier_findings)")}

    reopened = ws.open_workspace(path, backup_dir=tmp_path / "backups", backup_count=3)
    engines.append(reopened)

    assert ws.current_revision(reopened) == ws.head_revision() != "0001"
    assert cycle_names(reopened) == ["旧周期"]
    with reopened.connect() as con:
        rows = con.exec_driver_sql(
            "SELECT code, message_zh, fix_zh, fix_en FROM dossier_findings"
        ).all()
    assert [tuple(r) for r in rows] == [("name_form", "名称不规范", "", "")]
    (backup,) = backup_files(tmp_path / "backups")
    assert backup.name.endswith("-pre-upgrade.jlpanel")
    assert "fix_zh" not in {c[1] for c in query(backup, "PRAGMA table_info(dossier_findings)")}


def _conflicts_schema(path: Path) -> list[str]:
    """The conflicts table's SQL and its indexes, as SQLite keeps them."""
    return sorted(
        sql
        for (sql,) in query(
            path, "SELECT sql FROM sqlite_master WHERE tbl_name = 'conflicts' AND sql IS NOT NULL"
        )
    )


def test_a_0003_file_with_conflicts_opens_upgraded_and_takes_same_name_checks(
    tmp_path: Path, create, engines
) -> None:
    # A workspace written before same-name checks (revision 0003): opening it adds the
    # name_checks table and lets conflicts come from a confirmed same name, keeping every row,
    # key, index and the cascade of the conflicts table it had to copy.
    path = tmp_path / "old.jlpanel"
    engine = create(path)
    ws.downgrade(engine, "0003")
    cycle_id = add_cycle(engine, "旧周期")
    engine.dispose()
    run_sql(
        path,
        f"INSERT INTO platforms (id, cycle_id, filing_no, name, imported_at) "
        f"VALUES (1, '{cycle_id}', 'JL-1', '吉林省甲平台', '2025-01-01 00:00:00')",
        f"INSERT INTO experts (id, cycle_id, name) VALUES (7, '{cycle_id}', '王志刚')",
        f"INSERT INTO experts (id, cycle_id, name) VALUES (8, '{cycle_id}', '刘淑芬')",
        "INSERT INTO conflicts (id, expert_id, platform_id, source, reason) "
        "VALUES (3, 7, 1, 'same_institution', '同单位')",
        "INSERT INTO conflicts (id, expert_id, platform_id, source, reason) "
        "VALUES (4, 8, 1, 'declared', '曾任顾问')",
    )
    assert "name_checks" not in sqlite_tables(path)
    before = _conflicts_schema(path)
    with pytest.raises(sqlite3.IntegrityError):
        run_sql(
            path,
            "INSERT INTO conflicts (expert_id, platform_id, source) VALUES (8, 1, 'same_name')",
        )

    reopened = ws.open_workspace(path, backup_dir=tmp_path / "backups", backup_count=3)
    engines.append(reopened)

    assert ws.current_revision(reopened) == ws.head_revision() != "0003"
    assert query(path, "SELECT id, expert_id, platform_id, source, reason FROM conflicts") == [
        (3, 7, 1, "same_institution", "同单位"),
        (4, 8, 1, "declared", "曾任顾问"),
    ]
    after = _conflicts_schema(path)
    assert [s for s in after if s.startswith("CREATE INDEX")] == [
        s for s in before if s.startswith("CREATE INDEX")
    ]
    table = next(s for s in after if "TABLE" in s)
    for kept in ("ON DELETE CASCADE", "uq_conflicts_expert_id_platform_id_source"):
        assert table.count(kept) == next(s for s in before if "TABLE" in s).count(kept)
    reopened.dispose()

    run_sql(
        path,
        "PRAGMA foreign_keys = ON",
        "INSERT INTO conflicts (expert_id, platform_id, source, reason) "
        "VALUES (8, 1, 'same_name', '经核实为同一人')",
        "INSERT INTO name_checks (expert_id, platform_id, decision, reason, note, author, "
        "decided_at) VALUES (8, 1, 'confirm', '同名', NULL, 'staff', '2026-01-02 00:00:00')",
    )
    for bad in (
        "INSERT INTO conflicts (expert_id, platform_id, source) VALUES (7, 1, 'rumour')",
        "INSERT INTO name_checks (expert_id, platform_id, decision, reason, author, decided_at) "
        "VALUES (7, 1, 'maybe', '同名', 'staff', '2026-01-02 00:00:00')",
        "INSERT INTO name_checks (expert_id, platform_id, decision, reason, author, decided_at) "
        "VALUES (8, 1, 'clear', '同名', 'staff', '2026-01-02 00:00:00')",  # one per pair
    ):
        with pytest.raises(sqlite3.IntegrityError):
            run_sql(path, bad)
    # The conflicts table copied by the migration still cascades from its expert.
    run_sql(path, "PRAGMA foreign_keys = ON", "DELETE FROM experts WHERE id = 8")
    assert query(path, "SELECT id FROM conflicts") == [(3,)]
    assert query(path, "SELECT count(*) FROM name_checks") == [(0,)]
    (backup,) = backup_files(tmp_path / "backups")
    assert backup.name.endswith("-pre-upgrade.jlpanel")
    assert "name_checks" not in sqlite_tables(backup)


def test_downgrading_0004_drops_same_name_checks_and_their_conflicts(
    tmp_path: Path, create
) -> None:
    path = tmp_path / "cycle.jlpanel"
    engine = create(path)
    cycle_id = add_cycle(engine)
    with engine.begin() as con:
        con.exec_driver_sql(
            f"INSERT INTO platforms (id, cycle_id, filing_no, name, imported_at) "
            f"VALUES (1, '{cycle_id}', 'JL-1', '吉林省甲平台', '2025-01-01 00:00:00')"
        )
        con.exec_driver_sql(
            f"INSERT INTO experts (id, cycle_id, name) VALUES (7, '{cycle_id}', '王')"
        )
        con.exec_driver_sql(
            "INSERT INTO conflicts (expert_id, platform_id, source, reason) VALUES "
            "(7, 1, 'roster', '名单'), (7, 1, 'same_name', '经核实为同一人')"
        )

    ws.downgrade(engine, "0003")

    assert ws.current_revision(engine) == "0003"
    assert "name_checks" not in set(inspect(engine).get_table_names())
    with engine.connect() as con:
        assert con.exec_driver_sql("SELECT source FROM conflicts").all() == [("roster",)]


def test_open_at_head_keeps_the_data_and_takes_a_backup(tmp_path: Path, create, engines) -> None:
    path = tmp_path / "cycle.jlpanel"
    engine = create(path)
    add_cycle(engine, "第一轮")
    engine.dispose()

    reopened = ws.open_workspace(path, backup_dir=tmp_path / "backups", backup_count=3)
    engines.append(reopened)

    assert cycle_names(reopened) == ["第一轮"]
    assert pragma(reopened, "foreign_keys") == 1
    (backup,) = backup_files(tmp_path / "backups")
    assert backup.name.startswith("cycle-") and backup.name.endswith("-open.jlpanel")


def test_open_without_backup_dir_takes_no_backup(tmp_path: Path, create, engines) -> None:
    path = tmp_path / "cycle.jlpanel"
    create(path).dispose()

    engines.append(ws.open_workspace(path, backup_dir=None, backup_count=3))

    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == []


# --------------------------------------------------------------------------------- backups


def test_backups_rotate_keeping_the_newest(tmp_path: Path, create) -> None:
    path = tmp_path / "cycle.jlpanel"
    engine = create(path)
    add_cycle(engine, "轮换")
    backup_dir = tmp_path / "backups"
    backup_dir.mkdir()
    stranger = backup_dir / "other-20200101-000000-000000-open.jlpanel"
    stranger.write_bytes(b"another workspace's backup")
    notes = backup_dir / "notes.txt"
    notes.write_text("keep me", encoding="utf-8")

    made = [ws.backup_workspace(engine, backup_dir, keep=3, reason="pre-merge") for _ in range(5)]

    remaining = [b.path for b in ws.list_backups(backup_dir, path)]
    assert remaining == made[-3:]
    assert [p.exists() for p in made] == [False, False, True, True, True]
    assert stranger.exists() and notes.exists()
    for backup in remaining:
        assert backup.read_bytes()[:16] == ws.SQLITE_HEADER
        assert sqlite_tables(backup) == MODEL_TABLES | {"alembic_version"}
        assert query(backup, "SELECT name FROM cycles") == [("轮换",)]


def test_backup_of_a_path_copies_committed_data(tmp_path: Path, create) -> None:
    path = tmp_path / "cycle.jlpanel"
    engine = create(path)
    add_cycle(engine, "在 WAL 里")  # still in the -wal file while the engine is open

    backup = ws.backup_workspace(path, tmp_path / "b", keep=2, reason="manual")

    assert query(backup, "SELECT name FROM cycles") == [("在 WAL 里",)]
    assert backup_files(tmp_path / "b") == [backup]


@pytest.mark.parametrize("reason", ["", "Pre Merge", "../x", "merge2"])
def test_backup_refuses_a_reason_that_would_break_the_file_name(
    tmp_path: Path, create, reason: str
) -> None:
    engine = create(tmp_path / "cycle.jlpanel")

    with pytest.raises(ValueError, match="reason"):
        ws.backup_workspace(engine, tmp_path / "b", keep=2, reason=reason)


def test_backup_refuses_keep_below_one(tmp_path: Path, create) -> None:
    engine = create(tmp_path / "cycle.jlpanel")

    with pytest.raises(ValueError, match="keep"):
        ws.backup_workspace(engine, tmp_path / "b", keep=0, reason="open")


# ------------------------------------------------------------------------------ boundaries


def test_storage_imports_no_qt_and_no_upper_layer() -> None:
    code = (
        "import sys, jlpanel.storage, jlpanel.storage.models, jlpanel.storage.workspace\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')\n"
        "       or m.startswith(('jlpanel.services', 'jlpanel.gui', 'jlpanel.exchange',\n"
        "                        'jlpanel.reports'))]\n"
        "print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.stdout.strip() == "[]"


# ------------------------------------------------------------------- the 0003 default

#: sqlite_master of a file migrated to 0004 by the code before ``is_final``'s server default
#: became ``sa.true()`` (each statement's lines sorted: a batch migration's constraint order
#: varies between runs).
SCHEMA_AT_0004 = "b50e3b64f268a92340b6749afa9a05ffebf4693f0664bdc90f177494c7657187"


def test_a_file_migrated_to_0004_has_the_same_schema_as_before_the_portable_default(
    tmp_path: Path,
) -> None:
    from alembic import command

    path = tmp_path / "c.jlpanel"
    engine = ws.open_engine(path)
    with engine.connect() as connection, connection.begin():
        command.upgrade(ws.migration_config(connection), "0004")
    engine.dispose()

    rows = query(path, "SELECT type, name, sql FROM sqlite_master")
    normal = sorted(
        (kind, name, sorted(line.strip().rstrip(",") for line in str(sql or "").splitlines()))
        for kind, name, sql in rows
    )
    assert hashlib.sha256(repr(normal).encode()).hexdigest() == SCHEMA_AT_0004
    (history,) = [str(sql) for kind, name, sql in rows if name == "history_entries"]
    assert "is_final BOOLEAN DEFAULT 1 NOT NULL" in history


# ---------------------------------------------------------------------------- a server


def server_tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_a_postgresql_url_is_normalised_to_psycopg_and_named_without_its_password() -> None:
    location = ws.parse_location("postgresql://jl:s3cret@db.example/panel")
    assert isinstance(location, URL)
    assert location.drivername == "postgresql+psycopg"
    assert ws.display_name(location) == "postgresql://jl:***@db.example/panel"
    assert ws.parse_location("cycle.jlpanel") == Path("cycle.jlpanel")
    with pytest.raises(ws.LocationError, match="mysql"):
        ws.parse_location("mysql://jl@db/panel")


def test_create_on_a_server_builds_the_schema_through_the_migrations(pg_url: str, engines) -> None:
    engine = ws.create_workspace(ws.parse_location(pg_url))
    engines.append(engine)

    assert ws.current_revision(engine) == ws.head_revision()
    assert server_tables(engine) == MODEL_TABLES | {"alembic_version"}
    assert engine.hide_parameters
    # opening it again: at head, nothing to do
    again = ws.open_workspace(ws.parse_location(pg_url), backup_dir=None, backup_count=1)
    engines.append(again)
    assert ws.current_revision(again) == ws.head_revision()


def test_create_on_a_server_refuses_a_database_that_holds_tables(pg_url: str, engines) -> None:
    engine = ws.create_workspace(ws.parse_location(pg_url))
    engines.append(engine)
    with pytest.raises(WorkspaceError) as raised:
        ws.create_workspace(ws.parse_location(pg_url))
    assert raised.value.kind == "exists"
    assert ws.current_revision(engine) == ws.head_revision()


def test_open_an_empty_or_foreign_database_is_refused(pg_url: str, engines) -> None:
    location = ws.parse_location(pg_url)
    with pytest.raises(WorkspaceError) as raised:
        ws.open_workspace(location, backup_dir=None, backup_count=1)
    assert raised.value.kind == "missing"
    engine = ws.server_engine(location)
    engines.append(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE someone_elses (x int)")
    with pytest.raises(WorkspaceError) as raised:
        ws.open_workspace(location, backup_dir=None, backup_count=1)
    assert raised.value.kind == "not_a_workspace"


def test_open_a_newer_server_store_is_refused_and_left_alone(pg_url: str, engines) -> None:
    engine = ws.create_workspace(ws.parse_location(pg_url))
    engines.append(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(WorkspaceError) as raised:
        ws.open_workspace(ws.parse_location(pg_url), backup_dir=None, backup_count=1)
    assert raised.value.kind == "newer_version"
    assert ws.current_revision(engine) == "9999"


def test_a_server_store_at_0003_is_upgraded_on_open(pg_url: str, engines) -> None:
    engine = ws.create_workspace(ws.parse_location(pg_url))
    engines.append(engine)
    ws.downgrade(engine, "0003")
    add_cycle(engine, "旧周期")

    again = ws.open_workspace(ws.parse_location(pg_url), backup_dir=None, backup_count=1)
    engines.append(again)
    assert ws.current_revision(again) == ws.head_revision()
    assert cycle_names(again) == ["旧周期"]


def test_a_server_store_takes_no_file_backup(pg_url: str, engines, tmp_path: Path) -> None:
    engine = ws.create_workspace(ws.parse_location(pg_url))
    engines.append(engine)
    assert ws.backup_workspace(engine, tmp_path / "b", 3, "pre-merge") is None
    assert not (tmp_path / "b").exists()


def test_copying_a_file_onto_a_server_and_back_keeps_every_row_and_id(
    tmp_path: Path, pg_url: str, engines
) -> None:
    source = ws.create_workspace(tmp_path / "c.jlpanel")
    engines.append(source)
    add_cycle(source, "二〇二六")
    with ws.session_factory(source).begin() as session:
        cycle = session.scalars(select(Cycle)).one()
        for n in range(1, 4):
            session.add(Platform(cycle=cycle, filing_no=f"JL-{n}", name=f"平台{n}"))

    server = ws.parse_location(pg_url)
    counts = ws.copy_store(source, server)
    assert counts["platforms"] == 3 and counts["cycles"] == 1
    target = ws.open_workspace(server, backup_dir=None, backup_count=1)
    engines.append(target)
    # The sequences moved past the copied ids: the next insert takes a free one.
    with ws.session_factory(target).begin() as session:
        cycle = session.scalars(select(Cycle)).one()
        session.add(Platform(cycle=cycle, filing_no="JL-4", name="平台4"))
    with ws.session_factory(target)() as session:
        ids = {p.filing_no: p.id for p in session.scalars(select(Platform))}
    assert ids == {"JL-1": 1, "JL-2": 2, "JL-3": 3, "JL-4": 4}

    back = tmp_path / "back.jlpanel"
    ws.copy_store(target, back)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no build left
    reopened = ws.open_workspace(back, backup_dir=None, backup_count=1)
    engines.append(reopened)
    assert cycle_names(reopened) == ["二〇二六"]
    assert query(back, "SELECT filing_no FROM platforms ORDER BY id") == [
        ("JL-1",),
        ("JL-2",),
        ("JL-3",),
        ("JL-4",),
    ]
    assert pragma(reopened, "application_id") == ws.APPLICATION_ID


def test_copying_into_a_database_that_holds_tables_is_refused(
    tmp_path: Path, pg_url: str, engines
) -> None:
    source = ws.create_workspace(tmp_path / "c.jlpanel")
    engines.append(source)
    server = ws.create_workspace(ws.parse_location(pg_url))
    engines.append(server)
    with pytest.raises(WorkspaceError) as raised:
        ws.copy_store(source, ws.parse_location(pg_url))
    assert raised.value.kind == "exists"
    with pytest.raises(WorkspaceError) as raised:
        ws.copy_store(server, tmp_path / "c.jlpanel")
    assert raised.value.kind == "exists"
