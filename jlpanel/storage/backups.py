"""Backups of workspace files (DESIGN §7 "Nothing lost": rotating backups, one before every
merge), taken with SQLite's online backup API so they are consistent while the workspace is open.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Final

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from jlpanel.storage.files import fsync_directory
from jlpanel.storage.sqlite_file import (
    BUSY_TIMEOUT_MS,
    WORKSPACE_SUFFIX,
    read_only_uri,
    sidecar,
    translate_error,
)

log = logging.getLogger(__name__)

_REASON = re.compile(r"[a-z]+(?:[_-][a-z]+)*")
_STAMP_FORMAT: Final = "%Y%m%d-%H%M%S-%f"


def backup_workspace(source: Engine | Path, backup_dir: Path, keep: int, reason: str) -> Path:
    """Copy a workspace into ``backup_dir`` and keep only the newest ``keep`` of its backups.

    Uses SQLite's online backup, so it is consistent while the workspace is open. The copy is
    named ``<stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.jlpanel`` (local time); ``reason`` is
    lower-case words joined by ``-`` or ``_`` (e.g. ``pre-merge``). Returns the new file.
    """
    if keep < 1:
        raise ValueError(f"keep must be at least 1, not {keep}")
    if not _REASON.fullmatch(reason):
        raise ValueError(f"backup reason {reason!r}: use lower-case words joined by - or _")
    if isinstance(source, Engine):
        if not source.dialect.name == "sqlite":
            raise ValueError("only SQLite workspaces are backed up as files")
        source_path = Path(source.url.database or "")
    else:
        source_path = Path(source)
    stem = source_path.stem
    backup_dir = Path(backup_dir)
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / _next_backup_name(backup_dir, stem, reason)
    partial = target.with_name(f".{target.name}.partial")
    try:
        destination = sqlite3.connect(partial)
        try:
            with _sqlite_source(source) as origin:
                origin.backup(destination)
        finally:
            destination.close()
        partial.replace(target)
        fsync_directory(backup_dir)
    except BaseException as error:
        for leftover in (partial, *(sidecar(partial, s) for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)
        if isinstance(error, sqlite3.Error | DBAPIError | OSError):
            raise translate_error(error, source_path, "could not back up") from error
        raise
    _rotate_backups(backup_dir, stem, keep)
    log.info("backed up %s to %s", source_path, target)
    return target


@contextmanager
def _sqlite_source(source: Engine | Path) -> Iterator[sqlite3.Connection]:
    if isinstance(source, Engine):
        pooled = source.raw_connection()
        try:
            raw = pooled.dbapi_connection
            if not isinstance(raw, sqlite3.Connection):
                raise TypeError(f"not an sqlite3 connection: {type(raw)!r}")
            yield raw
        finally:
            pooled.close()
    else:
        connection = sqlite3.connect(
            read_only_uri(Path(source)), uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            yield connection
        finally:
            connection.close()


def _backup_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(
        rf"{re.escape(stem)}-(\d{{8}}-\d{{6}}-\d{{6}})-{_REASON.pattern}"
        rf"{re.escape(WORKSPACE_SUFFIX)}"
    )


def list_backups(backup_dir: Path, stem: str) -> list[Path]:
    """The backups of the workspace named ``stem`` in ``backup_dir``, oldest first."""
    pattern = _backup_pattern(stem)
    found: list[tuple[str, Path]] = []
    if backup_dir.is_dir():
        for candidate in backup_dir.iterdir():
            match = pattern.fullmatch(candidate.name)
            if match and candidate.is_file():
                found.append((match.group(1), candidate))
    return [p for _, p in sorted(found)]


def _next_backup_name(backup_dir: Path, stem: str, reason: str) -> str:
    # Strictly after the newest existing backup, so a clock step back or two backups in the
    # same tick cannot make rotation delete the one just taken.
    stamp = datetime.now()
    existing = list_backups(backup_dir, stem)
    if existing:
        match = _backup_pattern(stem).fullmatch(existing[-1].name)
        assert match is not None
        newest = datetime.strptime(match.group(1), _STAMP_FORMAT)
        stamp = max(stamp, newest + timedelta(microseconds=1))
    return f"{stem}-{stamp.strftime(_STAMP_FORMAT)}-{reason}{WORKSPACE_SUFFIX}"


def _rotate_backups(backup_dir: Path, stem: str, keep: int) -> None:
    backups = list_backups(backup_dir, stem)
    for old in backups[: max(0, len(backups) - keep)]:
        try:
            old.unlink()
        except OSError as error:  # an undeletable old backup must not fail the new one
            log.warning("could not delete old backup %s: %s", old, error)
