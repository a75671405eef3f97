"""What is true of any workspace file on disk: its header, its side files, read-only access and
the errors it can raise. Shared by opening (:mod:`~jlpanel.storage.workspace`) and backing up
(:mod:`~jlpanel.storage.backups`), so neither imports the other's internals.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

WORKSPACE_SUFFIX: Final = ".jlpanel"
SQLITE_HEADER: Final = b"SQLite format 3\x00"
# Written to the SQLite header (PRAGMA application_id) so our files are recognisable: "JLPN".
APPLICATION_ID: Final = 0x4A4C504E
BUSY_TIMEOUT_MS: Final = 10_000

#: How many problems the integrity check reports at most (it stops looking after them).
INTEGRITY_PROBLEMS_SHOWN: Final = 10

WorkspaceErrorKind = Literal[
    "missing",
    "not_a_workspace",
    "newer_version",
    "exists",
    "corrupt",
    "locked",
    "io_error",
    "backup_failed",
    "other_cycle",
]


class WorkspaceError(Exception):
    """A workspace file that cannot be created or opened; ``kind`` says why, for translation.

    Kinds: ``missing`` (no such file or folder), ``not_a_workspace`` (not SQLite, or another
    program's database), ``newer_version`` (written by a newer jlpanel; left untouched),
    ``exists`` (refusing to overwrite), ``corrupt`` (SQLite cannot read it, or it fails the
    integrity check: ``problems`` lists what the check found), ``locked`` (another program
    holds it), ``io_error`` (the file system refused), ``backup_failed`` (no good backup could
    be written to the folder ``path``), ``other_cycle`` (a backup of another cycle than the
    workspace it was to restore).
    """

    def __init__(
        self,
        kind: WorkspaceErrorKind,
        path: Path | str,
        message: str,
        *,
        problems: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.kind: WorkspaceErrorKind = kind
        self.path = path
        self.message = message
        self.problems = problems


def translate_error(error: BaseException, path: Path, doing: str) -> WorkspaceError:
    """A WorkspaceError for an sqlite3, SQLAlchemy or OS error met while ``doing`` ``path``."""
    text = str(getattr(error, "orig", None) or error)
    lowered = text.lower()
    kind: WorkspaceErrorKind
    if "locked" in lowered or "busy" in lowered:
        kind = "locked"
    elif "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        kind = "corrupt"
    else:
        kind = "io_error"
    problems = (text,) if kind == "corrupt" else ()
    return WorkspaceError(kind, path, f"{doing} {path}: {text}", problems=problems)


def check_header(path: Path) -> None:
    """Refuse a file that does not begin like an SQLite database."""
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as error:
        raise translate_error(error, path, "could not read") from error
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise WorkspaceError(
            "not_a_workspace", path, f"{path} is not a jlpanel workspace (not an SQLite file)"
        )


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` read-only, creating nothing beside it when it can.

    A read-only connection to a WAL database creates empty -wal and -shm files beside it.
    With no -wal or -journal present the main file holds everything, and "immutable" reads
    it without creating (or locking) anything; otherwise those files exist already.
    """
    uri = f"{path.absolute().as_uri()}?mode=ro"
    if not any(sidecar(path, s).exists() for s in ("-wal", "-journal")):
        uri += "&immutable=1"
    return uri


def sidecar(path: Path, suffix: str) -> Path:
    """The file SQLite keeps beside ``path`` (``-wal``, ``-shm``, ``-journal``)."""
    return path.with_name(path.name + suffix)


def remove_if_empty(path: Path) -> None:
    """Delete ``path`` when it exists and is empty."""
    try:
        if path.stat().st_size == 0:
            path.unlink()
    except FileNotFoundError:
        pass


# ------------------------------------------------------------------- reading and checking


@contextmanager
def read_only_connection(
    path: Path, *, private: bool = False, any_thread: bool = False
) -> Iterator[sqlite3.Connection]:
    """A read-only sqlite3 connection on ``path`` in autocommit mode (BEGIN is explicit).

    By default the connection takes part in SQLite's locking like any reader, so another
    process that writes or checkpoints meanwhile cannot change what it reads; for a WAL file
    that creates -wal and -shm beside it when they are missing. ``private`` is for a file no
    one else can be using (a backup just written): it is read as immutable, creating nothing.
    A folder where the side files cannot be created gets the immutable reading too.
    ``any_thread`` lets another thread use it (one at a time: the caller serialises).
    """
    base = f"{path.absolute().as_uri()}?mode=ro"
    uris = [f"{base}&immutable=1"] if private else [base, read_only_uri(path)]
    for n, uri in enumerate(uris):
        connection = sqlite3.connect(
            uri,
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=not any_thread,
        )
        try:
            connection.execute("PRAGMA schema_version").fetchone()
        except sqlite3.OperationalError as error:
            connection.close()
            if "unable to open" in str(error).lower() and n + 1 < len(uris):
                continue
            raise
        except BaseException:
            connection.close()
            raise
        try:
            yield connection
        finally:
            connection.close()
        return


def integrity_problems(connection: sqlite3.Connection) -> tuple[str, ...]:
    """What SQLite's ``PRAGMA quick_check`` finds wrong with the database; empty when sound.

    The quick check reads every page and checks the b-trees and records (not that indexes
    match their tables): a few tens of milliseconds for a demo cycle, about 0.1 s for 30 MB.
    """
    try:
        rows = connection.execute(f"PRAGMA quick_check({INTEGRITY_PROBLEMS_SHOWN})").fetchall()
    except sqlite3.DatabaseError as error:  # too damaged for the check itself to run
        return (str(error),)
    lines = [line.strip() for (text,) in rows for line in str(text).splitlines()]
    lines = [line for line in lines if line and not line.startswith("*** in database")]
    if lines == ["ok"]:
        return ()
    return tuple(lines[:INTEGRITY_PROBLEMS_SHOWN]) or ("quick_check gave no answer",)


@dataclass(frozen=True, slots=True)
class ContentsDigest:
    """What a faithful copy of a database must share with it: schema revision, schema text and
    the number of rows in every table."""

    revision: tuple[str, ...]
    schema: str
    counts: Mapping[str, int]

    def to_json(self) -> dict[str, Any]:
        """The digest as JSON-ready data."""
        return {"revision": list(self.revision), "schema": self.schema, "counts": dict(self.counts)}

    @classmethod
    def from_json(cls, data: Any) -> ContentsDigest | None:
        """A digest read back from :meth:`to_json`'s data; None when it is not one."""
        if not isinstance(data, dict):
            return None
        revision, schema, counts = data.get("revision"), data.get("schema"), data.get("counts")
        if (
            not isinstance(revision, list)
            or not all(isinstance(r, str) for r in revision)
            or not isinstance(schema, str)
            or not isinstance(counts, dict)
            or not all(isinstance(k, str) and type(v) is int for k, v in counts.items())
        ):
            return None
        return cls(tuple(revision), schema, dict(counts))


def contents_digest(connection: sqlite3.Connection) -> ContentsDigest:
    """The digest of the database behind ``connection`` (one snapshot: call inside BEGIN)."""
    master = connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    schema = hashlib.sha256(json.dumps(master, ensure_ascii=False).encode("utf-8")).hexdigest()
    tables = sorted(name for kind, name, _table, _sql in master if kind == "table")
    counts = {
        name: int(connection.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0])
        for name in tables
    }
    revision: tuple[str, ...] = ()
    if "alembic_version" in counts:
        revision = tuple(
            sorted(str(v) for (v,) in connection.execute("SELECT version_num FROM alembic_version"))
        )
    return ContentsDigest(revision, schema, counts)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def copy_database(origin: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind ``origin`` into the new file ``target`` with SQLite's backup API,
    in one step (one snapshot).

    sqlite3 retries a busy source for ever; this gives up after the busy timeout with an
    ``OperationalError`` saying the database is locked. ``origin`` must not be in a write
    transaction (SQLite answers busy to that, however long one waits).
    """
    started = time.monotonic()

    def give_up_when_busy(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and (
            time.monotonic() - started > BUSY_TIMEOUT_MS / 1000
        ):
            raise sqlite3.OperationalError(
                f"database is locked (waited {BUSY_TIMEOUT_MS // 1000} s to copy it)"
            )

    destination = sqlite3.connect(target)
    try:
        origin.backup(destination, progress=give_up_when_busy, sleep=0.05)
    finally:
        destination.close()
