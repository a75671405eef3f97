"""A server's errors are the user's faults by SQLSTATE, as a file's are by SQLite's words
(issue 15): a server that cannot be reached, a database that does not exist, a login
refused, a value too long, a writer waiting too long. Never a password in a message."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from jlpanel.cli import main
from jlpanel.services.errors import FaultKind, store_fault


def with_database(pg_url: str, database: str) -> str:
    prefix, rest = pg_url.split("@/", 1)
    return f"{prefix}@/{database}?{rest.split('?', 1)[1]}"


def test_a_server_that_cannot_be_reached_is_named_without_its_password(capsys) -> None:
    store = "postgresql://jl:s3cret-pw@/panel?host=/nonexistent-socket-folder"
    assert main(["--lang", "en", "results", store]) == 1
    message = capsys.readouterr().err
    assert "cannot be reached" in message and "postgresql://jl:***@/panel" in message
    assert "s3cret-pw" not in message and "Traceback" not in message


def test_a_missing_database_and_an_unknown_user_are_named(pg_url: str, capsys) -> None:
    missing = with_database(pg_url, "no_such_database").replace("+psycopg", "")
    assert main(["--lang", "en", "results", missing]) == 1
    assert "does not exist on the server" in capsys.readouterr().err

    stranger = pg_url.replace("postgres@", "nobody_here:pw@", 1)
    assert main(["--lang", "zh", "results", stranger]) == 1
    message = capsys.readouterr().err
    assert "拒绝了登录或操作" in message and ":pw@" not in message


def test_a_store_url_of_another_kind_is_refused(capsys) -> None:
    assert main(["--lang", "en", "results", "mysql://jl@db/panel"]) == 1
    assert "must be a .jlpanel file or a postgresql:// server URL" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("sql", "kind"),
    [
        ("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '22001'; END $$", FaultKind.TOO_LONG),
        ("SELECT 1 / 0", FaultKind.INVALID),
        ("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001'; END $$", FaultKind.BUSY),
        ("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40P01'; END $$", FaultKind.BUSY),
        ("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '53100'; END $$", FaultKind.FULL),
        ("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '23505'; END $$", FaultKind.CONFLICT),
        ("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '25006'; END $$", FaultKind.READ_ONLY),
    ],
)
def test_server_errors_map_by_sqlstate(pg_url: str, sql: str, kind: FaultKind) -> None:
    engine = create_engine(pg_url, hide_parameters=True)
    try:
        with pytest.raises(DBAPIError) as raised, engine.connect() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()
    fault = store_fault(raised.value, "postgresql://postgres@/x")
    assert fault is not None and fault.kind is kind


def test_a_bug_on_the_server_stays_a_bug(pg_url: str) -> None:
    engine = create_engine(pg_url, hide_parameters=True)
    try:
        with pytest.raises(DBAPIError) as raised, engine.connect() as connection:
            connection.execute(text("SELECT no_such_column FROM pg_class"))
    finally:
        engine.dispose()
    assert store_fault(raised.value, "postgresql://postgres@/x") is None


def test_every_engine_hides_its_parameters() -> None:
    """An error's text never carries the experts' scores or comments, on any engine."""
    import ast
    from pathlib import Path

    import jlpanel

    calls = []
    for source in Path(jlpanel.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "create_engine":
                hidden = any(
                    k.arg == "hide_parameters" and getattr(k.value, "value", None) is True
                    for k in node.keywords
                )
                calls.append((source.name, node.lineno, hidden))
    assert len(calls) >= 5
    assert [c for c in calls if not c[2]] == []


def test_what_only_a_file_has_is_refused_for_a_server_with_what_to_do(capsys) -> None:
    store = "postgresql://jl:pw@db.example/panel"
    for command in (["backups", store], ["restore", store, "b.jlpanel"]):
        assert main(["--lang", "en", *command]) == 1
        message = capsys.readouterr().err
        assert "jlpanel backup STORE SNAPSHOT.jlpanel" in message and ":pw@" not in message


def test_new_on_a_server_names_it_without_the_password(pg_url: str, capsys) -> None:
    store = pg_url.replace("postgresql+psycopg://postgres@", "postgresql://postgres:pw9@", 1)
    assert main(["new", store, "--cycle", "2026年度"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("postgresql://postgres:***@/") and "pw9" not in out
    assert main(["new", store, "--cycle", "2026年度"]) == 1  # the store has that cycle
    err = capsys.readouterr().err
    assert "postgresql://postgres:***@/" in err and "pw9" not in err
    assert "已有名为“2026年度”的考核周期，未作改动" in err
    assert main(["new", store, "--cycle", "2027年度"]) == 0  # another cycle joins the store
    out = capsys.readouterr().out
    assert "2027年度" in out and "pw9" not in out


def test_an_empty_database_is_no_store_yet(pg_url: str, capsys) -> None:
    assert main(["--lang", "en", "results", pg_url]) == 1
    assert "holds no jlpanel store (create one with jlpanel new)" in capsys.readouterr().err
