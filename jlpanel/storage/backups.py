"""Backups of workspace files (DESIGN §7 "Nothing lost": rotating backups, one before every
merge), taken with SQLite's online backup API so they are consistent while the workspace is open.

Rules (issue 13):

- Backups are kept per cycle, in a folder named by the cycle's id under the backup folder, so two
  cycles whose files share a name (``2026年度.jlpanel`` in two folders) never touch each other's.
- Every backup is verified once written: opened, ``PRAGMA quick_check``, and its schema revision,
  schema text and row counts compared with those of the workspace in the same snapshot. What was
  checked is recorded beside it (``<backup>.json``); a copy that fails is deleted and the
  failure raised, so no listed backup is one that failed.
- Each kind (``open``, ``pre-import``, ``pre-merge``, ``pre-confirm``, ``pre-upgrade`` …) keeps its
  own newest ``keep`` copies, and the newest verified copy of the cycle is never deleted.
- Nothing here backs up a damaged workspace: the caller checks the workspace first
  (:func:`jlpanel.storage.workspace.open_workspace`); a copy of a workspace that became damaged
  since fails verification here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from jlpanel.storage.files import fsync_directory, write_atomic
from jlpanel.storage.sqlite_file import (
    WORKSPACE_SUFFIX,
    ContentsDigest,
    WorkspaceError,
    contents_digest,
    copy_database,
    integrity_problems,
    read_only_connection,
    read_only_uri,
    sidecar,
    translate_error,
)

log = logging.getLogger(__name__)

#: The kinds of backup jlpanel takes, in the order a listing explains them.
BACKUP_KINDS: Final = (
    "open",
    "pre-import",
    "pre-roster",
    "pre-merge",
    "pre-confirm",
    "pre-upgrade",
    "pre-restore",
)
_KIND = re.compile(r"[a-z]+(?:[_-][a-z]+)*")
_STAMP_FORMAT: Final = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(
    rf"(?P<stem>.+)-(?P<stamp>\d{{8}}-\d{{6}}-\d{{6}})-(?P<kind>{_KIND.pattern})"
    rf"{re.escape(WORKSPACE_SUFFIX)}"
)
_RECORD_SUFFIX: Final = ".json"
_RECORD_FORMAT: Final = 1
#: A record is a few hundred bytes; anything far larger is not one of ours.
_RECORD_MAX_BYTES: Final = 1 << 20
_SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file and what was recorded when it was taken."""

    path: Path
    kind: str
    #: When it was taken, local time (from its name).
    taken_at: dt.datetime
    #: It passed the integrity check and matched the workspace when it was written.
    verified: bool
    #: The workspace file it was taken from, as recorded.
    source: Path | None = None
    cycle_name: str | None = None
    digest: ContentsDigest | None = None
    size: int | None = None


# ------------------------------------------------------------------------------- taking


def backup_workspace(
    source: Engine | Path, backup_dir: Path, keep: int, reason: str
) -> Path | None:
    """Copy a workspace into its cycle's folder under ``backup_dir``, verify it, rotate.

    ``reason`` is the backup's kind (lower-case words joined by ``-`` or ``_``, e.g.
    ``pre-merge``); each kind keeps its newest ``keep`` copies. The copy is named
    ``<stem>-<YYYYmmdd-HHMMSS-ffffff>-<kind>.jlpanel`` (local time). Returns the new file.

    A store on a database server is not backed up as a file (None): the server's own backups
    (pg_dump, the DBA's) keep it, and ``jlpanel backup`` writes a portable snapshot on demand.
    """
    _check_arguments(keep, reason)
    if isinstance(source, Engine):
        if source.dialect.name != "sqlite":
            return None
        source_path = Path(source.url.database or "")
    else:
        source_path = Path(source)
    try:
        with _sqlite_source(source) as origin:
            return take_backup(origin, source_path, backup_dir, keep, reason)
    except (sqlite3.Error, DBAPIError) as error:
        raise translate_error(error, source_path, "could not back up") from error


def take_backup(
    origin: sqlite3.Connection,
    source: Path,
    backup_dir: Path,
    keep: int,
    kind: str,
    *,
    unless_unchanged: bool = False,
) -> Path:
    """Back up the database behind the sqlite3 connection ``origin`` (the workspace ``source``).

    Reads in one snapshot: the transaction ``origin`` is in, or one begun here. Raises a
    WorkspaceError: ``backup_failed`` naming the folder when the copy cannot be written or does
    not verify, ``corrupt`` when the workspace itself fails its integrity check.

    ``unless_unchanged`` (the backup on open, issue 16): when the cycle's newest verified
    backup was taken from this very file as it still is — same size and modification time,
    no committed change waiting in its write-ahead log, the same schema and row counts — that
    backup is returned and nothing is copied. A 330 MB store opened ten times a day unchanged
    cost a full copy and its check each time (2.8 GB of backups); SQLite has no incremental
    copy, so what an unchanged file costs is what changed: nothing.
    """
    _check_arguments(keep, kind)
    began = not origin.in_transaction
    if began:
        origin.execute("BEGIN")
    try:
        plan = _plan(origin, source, backup_dir, unless_unchanged=unless_unchanged)
        if isinstance(plan, Path):
            return plan
        target = _copy_verified(origin, source, kind, plan)
    finally:
        if began and origin.in_transaction:
            origin.execute("ROLLBACK")
    _record(target, source, kind, keep, plan)
    return target


class PendingBackup:
    """The open backup of a store just checked, planned in the check's snapshot and copied
    later, on another thread, so the window does not wait for a copy of a large store (issue 16,
    item 5: at 2,000 platforms the copy and its verification took 3–4 s of every first open
    after a change).

    It holds the check's read-only connection in its read transaction. The store is in
    write-ahead-log mode, so the session may write meanwhile: the copy is of the file as it was
    checked, before any change of this session. :meth:`take` copies and verifies (once);
    :meth:`discard` gives the snapshot up without a copy, after a copy under way has finished.
    """

    def __init__(
        self,
        stack: ExitStack,
        origin: sqlite3.Connection,
        source: Path,
        keep: int,
        kind: str,
        plan: _Plan,
    ) -> None:
        self._stack: ExitStack | None = stack
        self._origin = origin
        self.source = source
        self._keep = keep
        self._kind = kind
        self._plan = plan
        self._lock = threading.Lock()

    @property
    def pending(self) -> bool:
        """Whether the copy is still to be made (neither taken nor discarded)."""
        return self._stack is not None

    def take(self) -> Path | None:
        """Copy, verify, record and rotate; the new backup, or None when already taken or
        discarded. Raises WorkspaceError as :func:`take_backup` does."""
        with self._lock:
            if self._stack is None:
                return None
            try:
                try:
                    target = _copy_verified(self._origin, self.source, self._kind, self._plan)
                except sqlite3.Error as error:
                    raise translate_error(error, self.source, "could not back up") from error
            finally:
                self._close()
            _record(target, self.source, self._kind, self._keep, self._plan)
            return target

    def discard(self) -> None:
        """Give up the snapshot without a copy (waits for a copy under way to finish)."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        stack, self._stack = self._stack, None
        if stack is not None:
            stack.close()


def begin_backup(
    path: Path,
    backup_dir: Path,
    keep: int,
    kind: str,
    *,
    check: Callable[[sqlite3.Connection], None],
    unless_unchanged: bool = True,
) -> PendingBackup | Path:
    """Open ``path`` read-only in a snapshot, run ``check`` on it (it raises to refuse the
    file), and plan the backup ``kind`` of that snapshot: the newest backup when the file is
    unchanged since it was taken (nothing to copy; only ``unless_unchanged``), else a
    :class:`PendingBackup` to take now or on another thread. A file not in write-ahead-log
    mode (a reader there would hold writers off) is backed up here and now, as
    :func:`take_backup` does; that backup is returned."""
    _check_arguments(keep, kind)
    stack = ExitStack()
    try:
        origin = stack.enter_context(read_only_connection(path, any_thread=True))
        origin.execute("BEGIN")
        check(origin)
        plan = _plan(origin, path, backup_dir, unless_unchanged=unless_unchanged)
        if isinstance(plan, Path):
            stack.close()
            return plan
        (mode,) = origin.execute("PRAGMA journal_mode").fetchone()
        if str(mode).lower() != "wal" or not sidecar(path, "-shm").exists():
            target = _copy_verified(origin, path, kind, plan)
            stack.close()
            _record(target, path, kind, keep, plan)
            return target
    except BaseException:
        stack.close()
        raise
    return PendingBackup(stack, origin, path, keep, kind, plan)


@dataclass(frozen=True)
class _Plan:
    """What a backup learned in its snapshot before copying: the cycle folder it goes to, and
    the digest and file stamp it is recorded with."""

    cycles: list[tuple[str, str]]
    folder: Path
    digest: ContentsDigest
    stamp: dict[str, int] | None


def _plan(
    origin: sqlite3.Connection, source: Path, backup_dir: Path, *, unless_unchanged: bool
) -> _Plan | Path:
    """Inside the snapshot ``origin`` is in: where the backup goes and what it must hold, or
    the newest backup already holding it (``unless_unchanged``)."""
    cycles = cycles_in(origin)
    folder = Path(backup_dir) / _cycle_key(cycles, source)
    digest = contents_digest(origin)  # also begins the snapshot the stamp is taken in
    stamp = _file_stamp(source)
    if unless_unchanged and stamp is not None:
        same = _unchanged_backup(folder, source, stamp, digest)
        if same is not None:
            log.info("%s is unchanged since its backup %s: no copy", source, same)
            return same
    return _Plan(cycles, folder, digest, stamp)


def _copy_verified(origin: sqlite3.Connection, source: Path, kind: str, plan: _Plan) -> Path:
    """Copy the snapshot ``origin`` is in into ``plan``'s folder and verify the copy."""
    folder = plan.folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _failed(folder, source, f"cannot create the folder: {error}") from error
    partial = folder / f".{uuid.uuid4().hex}.partial"
    try:
        _copy(origin, partial)
        _verify(partial, plan.digest, origin, source, folder)
        return _place(partial, folder, source.stem, kind)
    except BaseException:
        for leftover in (partial, *(sidecar(partial, s) for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)
        raise


def _record(target: Path, source: Path, kind: str, keep: int, plan: _Plan) -> None:
    """Write what was checked beside the verified copy ``target``, then rotate its kind."""
    cycles = plan.cycles
    record = {
        "format": _RECORD_FORMAT,
        "kind": kind,
        "taken_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "source": str(source.absolute()),
        "cycle_id": cycles[0][0] if len(cycles) == 1 else None,
        "cycle_name": cycles[0][1] if len(cycles) == 1 else None,
        "verified": True,
        "size": target.stat().st_size,
        "digest": plan.digest.to_json(),
    }
    if plan.stamp is not None:
        record["source_stamp"] = plan.stamp
    try:
        write_atomic(_record_path(target), json.dumps(record, ensure_ascii=False).encode("utf-8"))
    except OSError as error:  # the backup is good; it is only listed as not verified
        log.warning("could not record the check of %s: %s", target, error)
    _rotate(plan.folder, kind, keep)
    log.info("backed up %s to %s (verified)", source, target)


def _file_stamp(source: Path) -> dict[str, int] | None:
    """The workspace file's size and modification time when all its content is in the file
    itself (no write-ahead log, or an empty one); None when a log holds frames (a change may
    be there that the file's own stamp does not show) or the file cannot be looked at.

    Taken inside the backup's snapshot: a change committed after it goes to the log, so a
    stamp taken with an empty log describes exactly the content the copy holds."""
    try:
        wal = sidecar(source, "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
        found = source.stat()
    except OSError:
        return None
    return {"size": found.st_size, "mtime_ns": found.st_mtime_ns}


def _unchanged_backup(
    folder: Path, source: Path, stamp: dict[str, int], digest: ContentsDigest
) -> Path | None:
    """The cycle's newest verified backup when it was taken from ``source`` as ``stamp`` and
    ``digest`` describe it now and still has its recorded size; None otherwise (a checked-out
    copy of the cycle keeps its backups in the same folder: its own never stand in)."""
    verified = [b for b in _scan(folder) if b.verified]
    if not verified:
        return None
    newest = verified[-1]
    record = _read_record(_record_path(newest.path))
    if record is None or record.get("source_stamp") != stamp or newest.digest != digest:
        return None
    if record.get("source") != str(source.absolute()):
        return None
    try:
        if newest.size is None or newest.path.stat().st_size != newest.size:
            return None
    except OSError:
        return None
    return newest.path


def _check_arguments(keep: int, kind: str) -> None:
    if keep < 1:
        raise ValueError(f"keep must be at least 1, not {keep}")
    if not _KIND.fullmatch(kind):
        raise ValueError(f"backup reason {kind!r}: use lower-case words joined by - or _")


def _failed(folder: Path, source: Path, why: str) -> WorkspaceError:
    return WorkspaceError(
        "backup_failed", folder, f"could not write a good backup of {source} to {folder}: {why}"
    )


def _copy(origin: sqlite3.Connection, partial: Path) -> None:
    try:
        copy_database(origin, partial)
    except sqlite3.Error as error:
        text = str(error).lower()
        if any(w in text for w in ("malformed", "not a database", "corrupt", "locked", "busy")):
            raise  # the workspace's own state, translated by the caller
        raise _failed(partial.parent, partial, str(error)) from error
    except OSError as error:
        raise _failed(partial.parent, partial, str(error)) from error


def _verify(
    partial: Path, expected: ContentsDigest, origin: sqlite3.Connection, source: Path, folder: Path
) -> None:
    try:
        with read_only_connection(partial, private=True) as copy:
            copy.execute("BEGIN")
            problems = integrity_problems(copy)
            digest = None if problems else contents_digest(copy)
    except sqlite3.Error as error:
        problems, digest = (str(error),), None
    if not problems and digest == expected:
        return
    # A copy is as sound as what it was copied from: find out which one is at fault.
    damage = integrity_problems(origin)
    if damage:
        raise WorkspaceError(
            "corrupt",
            source,
            f"{source} failed its integrity check while it was backed up: {damage[0]}",
            problems=damage,
        )
    why = problems[0] if problems else "the copy's rows or schema differ from the workspace's"
    raise _failed(folder, source, f"the copy did not verify ({why})")


def _place(partial: Path, folder: Path, stem: str, kind: str) -> Path:
    """Give the verified copy its name, never replacing another backup (another process may
    be backing up the same cycle this very moment)."""
    for _ in range(100):
        target = folder / _next_name(folder, stem, kind)
        try:
            os.link(partial, target)
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links (FAT, some network shares)
            if target.exists():
                continue
            partial.replace(target)
        else:
            partial.unlink()
        fsync_directory(folder)
        return target
    raise _failed(folder, partial, "no free backup name")


def _next_name(folder: Path, stem: str, kind: str) -> str:
    # Strictly after the newest existing backup, so a clock step back or two backups in the
    # same tick cannot make rotation delete the one just taken.
    stamp = dt.datetime.now()
    existing = _scan(folder)
    if existing:
        stamp = max(stamp, max(b.taken_at for b in existing) + dt.timedelta(microseconds=1))
    return f"{stem}-{stamp.strftime(_STAMP_FORMAT)}-{kind}{WORKSPACE_SUFFIX}"


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
        with read_only_connection(Path(source)) as connection:
            yield connection


# ------------------------------------------------------------------------------ keying


def cycles_in(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """The (id, name) of the cycles in the database; empty when it holds none (yet)."""
    try:
        rows = connection.execute("SELECT id, name FROM cycles ORDER BY id").fetchall()
    except sqlite3.OperationalError:  # no cycles table: an empty file before its first upgrade
        return []
    return [(str(i), str(n)) for i, n in rows]


def _cycle_key(cycles: list[tuple[str, str]], source: Path) -> str:
    """The backup folder's name for a workspace: its cycle's id (a UUID in every workspace
    jlpanel writes); a digest when the id would not make a safe folder name; the file's path
    when the workspace holds no single cycle."""
    if len(cycles) == 1:
        cycle_id = cycles[0][0]
        if _SAFE_KEY.fullmatch(cycle_id):
            return cycle_id
        return "cycle-" + hashlib.sha256(cycle_id.encode("utf-8")).hexdigest()[:32]
    where = str(source.absolute()).encode("utf-8", "surrogateescape")
    return "file-" + hashlib.sha256(where).hexdigest()[:32]


def cycle_ids_of(store: Path) -> list[tuple[str, str]] | None:
    """The cycles (id, name) a workspace file holds, read without writing; None when it cannot
    be read (missing, damaged where the cycles are, not SQLite)."""
    try:
        connection = sqlite3.connect(read_only_uri(store), uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        return cycles_in(connection)
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _folders_of(store: Path, backup_dir: Path) -> list[Path]:
    """The backup folders holding ``store``'s backups: its cycle's, or — when the file cannot
    say which cycle it holds — every folder with a backup recorded as taken from that path."""
    cycles = cycle_ids_of(store) if store.is_file() else None
    if cycles is not None:
        return [backup_dir / _cycle_key(cycles, store)]
    wanted = str(store.absolute())
    found: list[Path] = []
    if backup_dir.is_dir():
        for folder in sorted(p for p in backup_dir.iterdir() if p.is_dir()):
            if any(str(b.source) == wanted for b in _scan(folder)):
                found.append(folder)
    return found


# ----------------------------------------------------------------------------- listing


def list_backups(backup_dir: Path, store: Path) -> list[Backup]:
    """The backups of the workspace ``store``'s cycle in ``backup_dir``, oldest first."""
    backups = [b for folder in _folders_of(Path(store), Path(backup_dir)) for b in _scan(folder)]
    return sorted(backups, key=lambda b: (b.taken_at, b.path.name))


def legacy_backups(backup_dir: Path, store: Path) -> list[Path]:
    """Backups an earlier jlpanel left directly in ``backup_dir``, named after the file and not
    verified, that hold ``store``'s cycle (when the store can still say which); oldest first.
    They are listed for the user and never rotated."""
    if not backup_dir.is_dir():
        return []
    wanted = cycle_ids_of(store) if store.is_file() else None
    found = []
    for candidate in backup_dir.iterdir():
        match = _NAME.fullmatch(candidate.name)
        if match is None or match["stem"] != store.stem or not candidate.is_file():
            continue
        if wanted and cycle_ids_of(candidate) != wanted:
            continue  # a same-named workspace of another cycle
        found.append((match["stamp"], candidate))
    return [path for _, path in sorted(found)]


def newest_good_backup(backup_dir: Path, store: Path) -> Backup | None:
    """The newest of ``store``'s backups that was verified when taken and still passes the
    integrity check and its recorded size now; None when there is none."""
    for backup in reversed(list_backups(backup_dir, store)):
        if backup.verified and is_sound(backup):
            return backup
    return None


def is_sound(backup: Backup) -> bool:
    """Whether the backup file still holds what was recorded: its size, a clean integrity
    check and the same row counts."""
    try:
        if backup.size is not None and backup.path.stat().st_size != backup.size:
            return False
        with read_only_connection(backup.path, private=True) as connection:
            connection.execute("BEGIN")
            if integrity_problems(connection):
                return False
            return backup.digest is None or contents_digest(connection) == backup.digest
    except (OSError, sqlite3.Error):
        return False


def _scan(folder: Path) -> list[Backup]:
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.iterdir():
        match = _NAME.fullmatch(candidate.name)
        if match is None or not candidate.is_file():
            continue
        try:
            taken_at = dt.datetime.strptime(match["stamp"], _STAMP_FORMAT)
        except ValueError:
            continue
        found.append(_with_record(Backup(candidate, match["kind"], taken_at, verified=False)))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name))


def _record_path(backup: Path) -> Path:
    return backup.with_name(backup.name + _RECORD_SUFFIX)


def _with_record(backup: Backup) -> Backup:
    record = _read_record(_record_path(backup.path))
    if record is None or record.get("kind") != backup.kind:
        return backup
    source, name, size = record.get("source"), record.get("cycle_name"), record.get("size")
    return Backup(
        backup.path,
        backup.kind,
        backup.taken_at,
        verified=record.get("verified") is True,
        source=Path(source) if isinstance(source, str) else None,
        cycle_name=name if isinstance(name, str) else None,
        digest=ContentsDigest.from_json(record.get("digest")),
        size=size if type(size) is int else None,
    )


def _read_record(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as file:
            raw = file.read(_RECORD_MAX_BYTES + 1)
    except OSError:
        return None
    if len(raw) > _RECORD_MAX_BYTES:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != _RECORD_FORMAT:
        return None
    return data


# ---------------------------------------------------------------------------- rotation


def _rotate(folder: Path, kind: str, keep: int) -> None:
    """Keep the newest ``keep`` backups of ``kind``; never the cycle's newest verified one."""
    backups = _scan(folder)
    verified = [b for b in backups if b.verified]
    protected = verified[-1].path if verified else None
    of_kind = [b for b in backups if b.kind == kind]
    for old in of_kind[: max(0, len(of_kind) - keep)]:
        if old.path == protected:
            continue
        try:
            old.path.unlink()
            _record_path(old.path).unlink(missing_ok=True)
        except OSError as error:  # an undeletable old backup must not fail the new one
            log.warning("could not delete old backup %s: %s", old.path, error)
    _sweep_partials(folder)


#: A copy left half-written this long ago was cut off (the process killed, the machine off):
#: no copy takes a day, so another process cannot still be writing it.
_PARTIAL_AGE_S: Final = 24 * 3600


def _sweep_partials(folder: Path) -> None:
    """Delete the half-written copies (``.<hex>.partial`` and their side files) that a process
    killed while copying left in ``folder`` more than a day ago."""
    now = dt.datetime.now().timestamp()
    for leftover in folder.glob(".*.partial*"):
        try:
            if now - leftover.stat().st_mtime > _PARTIAL_AGE_S:
                leftover.unlink()
                log.info("deleted %s, a copy cut off before it was finished", leftover)
        except OSError as error:
            log.warning("could not delete %s: %s", leftover, error)
