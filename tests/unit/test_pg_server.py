"""The PostgreSQL test server (tests/pg_server.py): real, private, and fresh for each test."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import pg_server as pg_server_module
import pytest
from pg_server import PgServer
from sqlalchemy import create_engine, inspect, make_url, text


@pytest.mark.parametrize("turn", ["first", "second"])
def test_each_test_gets_an_empty_database_of_its_own(pg_url: str, turn: str) -> None:
    """Both turns create the same table: whichever runs second would find it if shared."""
    engine = create_engine(pg_url)
    try:
        assert inspect(engine).get_table_names() == []
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE scratch (turn text)"))
            connection.execute(text("INSERT INTO scratch VALUES (:turn)"), {"turn": turn})
        assert inspect(engine).get_table_names() == ["scratch"]
    finally:
        engine.dispose()


def test_the_server_is_postgresql_on_a_private_socket_only(
    pg_server: PgServer, pg_url: str
) -> None:
    url = make_url(pg_url)
    assert url.drivername == "postgresql+psycopg"
    assert url.username == "postgres"
    socket_dir = Path(str(url.query["host"]))
    assert socket_dir == pg_server.socket_dir
    assert socket_dir.is_relative_to(tempfile.gettempdir())
    assert stat.S_ISSOCK(pg_server.socket_file.stat().st_mode)

    engine = create_engine(pg_url)
    try:
        with engine.connect() as connection:
            version = connection.execute(text("select version()")).scalar_one()
            listen = connection.execute(text("show listen_addresses")).scalar_one()
            sockets = connection.execute(text("show unix_socket_directories")).scalar_one()
            database = connection.execute(text("select current_database()")).scalar_one()
    finally:
        engine.dispose()
    assert version.startswith("PostgreSQL ")
    assert listen == ""  # no TCP port: parallel runs on one machine never meet
    assert sockets == str(socket_dir)
    assert database == url.database


def test_a_database_is_dropped_after_its_test(pg_server: PgServer, pg_url: str) -> None:
    """Earlier tests' databases are gone; only this test's own remains besides the templates."""
    with pg_server.admin_connect() as admin:
        names = {
            row[0]
            for row in admin.execute(
                "select datname from pg_database where not datistemplate and datname <> 'postgres'"
            )
        }
    assert names == {make_url(pg_url).database}


def test_missing_postgresql_fails_naming_the_package_rather_than_skipping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI installs PostgreSQL; a machine without it must not go green by skipping."""
    (tmp_path / "15" / "bin").mkdir(parents=True)  # a folder without the programs
    monkeypatch.setattr(pg_server_module, "DEBIAN_ROOT", tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    outcome: BaseException | None = None
    try:
        pg_server_module.find_bin_dir()
    except (pytest.fail.Exception, pytest.skip.Exception) as raised:
        outcome = raised
    assert isinstance(outcome, pytest.fail.Exception)  # a skip would let CI go green
    assert "apt-get install -y --no-install-recommends postgresql" in str(outcome)
