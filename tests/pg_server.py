"""A real PostgreSQL server for the tests that need one (STYLE "Tests": never a mock).

One server per test session, started the first time a test asks for ``pg_url``: Debian's
``postgresql`` package's ``initdb`` and ``pg_ctl``, run as the unprivileged ``postgres`` user
when the tests run as root (PostgreSQL refuses to run as root) and as the current user
otherwise. Its data folder and its Unix socket live in a temporary folder of their own; it
listens on no TCP port, so parallel test runs on one machine never meet; ``fsync`` is off,
since a crash of the machine may lose a test database. At the end of the session the server
is stopped (``-m immediate``: nothing in it is worth a checkpoint) and its folder removed,
whatever happened in between.

Each test gets a fresh empty database of its own as a SQLAlchemy URL for psycopg 3,
``postgresql+psycopg://postgres@/DBNAME?host=SOCKETDIR``, dropped after the test.

Missing PostgreSQL binaries fail the tests that need them, with the command that installs
them — they never skip: ``.ci/run`` (through ``dev.sh test``) installs the package.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

if TYPE_CHECKING:
    import psycopg

#: The server's superuser, as in every Debian cluster; the URLs name it.
SUPERUSER = "postgres"
#: Only names the socket file (``.s.PGSQL.5432``): the server listens on no TCP port.
PORT = 5432
#: Where Debian's ``postgresql-NN`` packages put their programs: ``NN/bin`` per major version.
DEBIAN_ROOT = Path("/usr/lib/postgresql")
#: A Unix socket's path must fit in ``sockaddr_un.sun_path`` (108 bytes on Linux, with the NUL).
MAX_SOCKET_PATH = 107

INSTALL_HINT = (
    "PostgreSQL's server programs (initdb, pg_ctl) are needed by the tests that use a real "
    "server and were not found in {where} nor on PATH. Install them: "
    "apt-get install -y --no-install-recommends postgresql "
    "(`bash dev.sh test` does it when run as root)."
)


@dataclass(frozen=True, slots=True)
class PgServer:
    """The session's running PostgreSQL server."""

    bin_dir: Path
    #: The temporary folder holding everything: the data folder, the socket, the log.
    base: Path
    data_dir: Path
    #: The folder holding the Unix socket ``.s.PGSQL.<PORT>``; the URLs' ``host``.
    socket_dir: Path
    log_file: Path

    @property
    def socket_file(self) -> Path:
        return self.socket_dir / f".s.PGSQL.{PORT}"

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of ``database`` on this server, through psycopg 3."""
        return (
            f"postgresql+psycopg://{SUPERUSER}@/{database}"
            f"?host={quote(str(self.socket_dir), safe='/')}"
        )

    def admin_connect(self) -> psycopg.Connection[tuple[object, ...]]:
        """An autocommit connection to the ``postgres`` database (CREATE/DROP DATABASE)."""
        import psycopg

        return psycopg.connect(
            dbname="postgres",
            user=SUPERUSER,
            host=str(self.socket_dir),
            port=PORT,
            autocommit=True,
        )


def find_bin_dir() -> Path:
    """The folder with ``initdb`` and ``pg_ctl``: Debian's newest major version, else PATH."""

    def major(folder: Path) -> int:
        version = folder.parent.name
        return int(version) if version.isdigit() else -1

    debian = sorted(
        DEBIAN_ROOT.glob("*/bin"),
        key=major,
        reverse=True,
    )
    for folder in debian:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    on_path = shutil.which("pg_ctl")
    if on_path is not None and (Path(on_path).parent / "initdb").is_file():
        return Path(on_path).parent
    pytest.fail(INSTALL_HINT.format(where=DEBIAN_ROOT / "*" / "bin"), pytrace=False)


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _as_server_user() -> list[str]:
    """The command prefix that runs a program as the server's unprivileged owner."""
    if not _is_root():
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.fail("The tests run as root but runuser (util-linux) is missing", pytrace=False)
    import pwd  # POSIX only, as is running as root

    try:
        pwd.getpwnam(SUPERUSER)
    except KeyError:
        pytest.fail(
            f"The tests run as root and PostgreSQL must not: the system user {SUPERUSER!r}, "
            "which Debian's postgresql package creates, does not exist. Install the package: "
            "apt-get install -y --no-install-recommends postgresql",
            pytrace=False,
        )
    return [runuser, "-u", SUPERUSER, "--"]


def _hand_to_server_user(folder: Path) -> None:
    """Give ``folder`` to the server's user when we are root (initdb wants to own it)."""
    if _is_root():
        import pwd

        owner = pwd.getpwnam(SUPERUSER)
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    folder.chmod(0o700)


def _run(command: list[str], what: str, log_file: Path | None = None) -> None:
    """Run a server program; fail the session's PostgreSQL tests with its output if it fails."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        log = ""
        if log_file is not None and log_file.is_file():
            log = "\n--- server log ---\n" + log_file.read_text(errors="replace")[-4000:]
        pytest.fail(
            f"PostgreSQL test server: {what} failed ({done.returncode}): "
            f"{' '.join(command)}\n{done.stdout}{done.stderr}{log}",
            pytrace=False,
        )


def _server_settings(socket_dir: Path) -> str:
    """postgresql.conf lines: socket only, in our folder; durability off for speed."""
    return "\n".join(
        [
            "",
            "# jlpanel's test server (tests/pg_server.py)",
            "listen_addresses = ''",
            f"unix_socket_directories = '{socket_dir}'",
            f"port = {PORT}",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            # The tests' own engines and parallel processes, plus the fixture's admin link.
            "max_connections = 100",
            "",
        ]
    )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One PostgreSQL server for the whole session, torn down at its end even on failure."""
    bin_dir = find_bin_dir()
    prefix = _as_server_user()
    # Not pytest's tmp_path: /tmp/pytest-of-root is root's alone (0700) and the server's user
    # must reach its folder; the socket path must also stay short.
    base = Path(tempfile.mkdtemp(prefix="jlpanel-pg-"))
    server = PgServer(
        bin_dir=bin_dir,
        base=base,
        data_dir=base / "data",
        socket_dir=base,
        log_file=base / "server.log",
    )
    started = False
    try:
        if len(str(server.socket_file)) > MAX_SOCKET_PATH:
            pytest.fail(
                f"The temporary folder's path is too long for a Unix socket: "
                f"{server.socket_file} (set TMPDIR to a shorter folder)",
                pytrace=False,
            )
        _hand_to_server_user(base)
        _run(
            [
                *prefix,
                str(bin_dir / "initdb"),
                "--pgdata",
                str(server.data_dir),
                "--username",
                SUPERUSER,
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                # Byte order, as SQLite's BINARY collation: the same ORDER BY on both engines.
                "--locale",
                "C",
                "--no-sync",
            ],
            "initdb",
        )
        # Appended as the server's user: the file is theirs and must stay so.
        _append_as_server_user(
            prefix, server.data_dir / "postgresql.conf", _server_settings(server.socket_dir)
        )
        started = True  # from here on a half-started server is stopped too
        _run(
            [
                *prefix,
                str(bin_dir / "pg_ctl"),
                "--pgdata",
                str(server.data_dir),
                "--log",
                str(server.log_file),
                "--wait",
                "--timeout",
                "60",
                "start",
            ],
            "pg_ctl start",
            server.log_file,
        )
        yield server
    finally:
        if started:
            subprocess.run(
                [
                    *prefix,
                    str(bin_dir / "pg_ctl"),
                    "--pgdata",
                    str(server.data_dir),
                    "--mode",
                    "immediate",
                    "--wait",
                    "stop",
                ],
                capture_output=True,
                check=False,
            )
        shutil.rmtree(base, ignore_errors=True)


def _append_as_server_user(prefix: list[str], file: Path, text: str) -> None:
    """Append ``text`` to ``file``, which belongs to the server's user."""
    _run([*prefix, "sh", "-c", 'printf "%s" "$1" >> "$0"', str(file), text], "configure")


_database_numbers = itertools.count(1)


def _database_name(test_name: str) -> str:
    """A fresh database name that says which test it belongs to (at most 63 bytes)."""
    slug = re.sub(r"[^a-z0-9]+", "_", test_name.lower()).strip("_")
    return f"t{next(_database_numbers)}_{slug}"[:63].rstrip("_")


@pytest.fixture
def pg_url(pg_server: PgServer, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh empty database on the session's server, as a SQLAlchemy URL; dropped after."""
    name = _database_name(request.node.name)
    with pg_server.admin_connect() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield pg_server.url(name)
    finally:
        # FORCE: a connection the test left open must not keep its database alive.
        with pg_server.admin_connect() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
