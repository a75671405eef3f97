"""What is true of any workspace file on disk: its header, its side files, read-only access and
the errors it can raise. Shared by opening (:mod:`~jlpanel.storage.workspace`) and backing up
(:mod:`~jlpanel.storage.backups`), so neither imports the other's internals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final, Literal

WORKSPACE_SUFFIX: Final = ".jlpanel"
SQLITE_HEADER: Final = b"SQLite format 3\x00"
# Written to the SQLite header (PRAGMA application_id) so our files are recognisable: "JLPN".
APPLICATION_ID: Final = 0x4A4C504E
BUSY_TIMEOUT_MS: Final = 10_000

WorkspaceErrorKind = Literal[
    "missing", "not_a_workspace", "newer_version", "exists", "corrupt", "locked", "io_error"
]


class WorkspaceError(Exception):
    """A workspace file that cannot be created or opened; ``kind`` says why, for translation.

    Kinds: ``missing`` (no such file or folder), ``not_a_workspace`` (not SQLite, or another
    program's database), ``newer_version`` (written by a newer jlpanel; left untouched),
    ``exists`` (refusing to overwrite), ``corrupt`` (SQLite cannot read it), ``locked``
    (another program holds it), ``io_error`` (the file system refused).
    """

    def __init__(self, kind: WorkspaceErrorKind, path: Path, message: str) -> None:
        super().__init__(message)
        self.kind: WorkspaceErrorKind = kind
        self.path = path
        self.message = message


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
    return WorkspaceError(kind, path, f"{doing} {path}: {text}")


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
