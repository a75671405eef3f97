"""A folder of report documents written as one whole set (DESIGN §7, issue 13).

A run writes its PDFs into a private staging folder inside the target folder (so on the same
file system), then installs them:

1. the files of the previous set (as its manifest lists them, and only while they are as
   jlpanel wrote them) and any file a new one replaces are moved aside into the staging folder;
2. the new manifest is written into the staging folder: from here on the run counts as done;
3. the new files are moved into place, the manifest beside them, and the staging folder with
   the old files goes.

Each step is a rename within one file system, so at no moment does the folder hold documents
of two runs side by side. A run killed before step 2 is rolled back by the next run (the old
files go back), one killed after it is finished by the next run. A lock file per run tells a
live run's staging folder from a dead one's, so two runs never tear each other's sets apart.

The manifest (``.jlpanel-reports.json``) names every file of the set with its digest; a file
it does not name — a user's own — is never touched, and a file the user has changed since is
left where it is.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import secrets
import stat
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from jlpanel.services.errors import FaultError, FaultKind, UserError, store_fault
from jlpanel.storage.files import fsync_directory, write_atomic

log = logging.getLogger(__name__)

#: The manifest of the set in a folder: which files jlpanel wrote, from which run.
MANIFEST_NAME = ".jlpanel-reports.json"
MANIFEST_FORMAT = "jlpanel-report-set"
MANIFEST_VERSION = 1
#: A run's staging folder and its lock file: ``.jlpanel-reports-<run>`` and ``….lock``.
STAGING_PREFIX = ".jlpanel-reports-"
LOCK_SUFFIX = ".lock"
#: In a staging folder: the new manifest once the run is committed, and the old files.
COMMIT_NAME = "manifest.json"
ASIDE_NAME = "previous"
#: A manifest larger than this is not one jlpanel wrote (a set of 10,000 files is ~2 MB).
MANIFEST_MAX_BYTES = 16 * 2**20
#: Temporary files atomic writes leave when killed (``.汇总表.pdf.x1y2z3w4.tmp``): an older
#: jlpanel wrote each PDF so, and the manifest is still written so.
_LEGACY_TEMP = re.compile(r"^\.(.+\.pdf|\.jlpanel-reports\.json)\.[A-Za-z0-9_]{8}\.tmp$")
_RUN_ID = re.compile(r"^[0-9a-f]{8,64}$")
_DIGEST = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class SetFile:
    """A file of a report set: its name in the folder, what it holds and its SHA-256."""

    name: str
    kind: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class Manifest:
    """What one report run wrote into a folder."""

    run_id: str
    created: str
    cycle: str
    language: str
    files: tuple[SetFile, ...]

    def to_json(self) -> bytes:
        """The manifest as the file holds it (UTF-8 JSON, readable in a text editor)."""
        data = {
            "format": MANIFEST_FORMAT,
            "version": MANIFEST_VERSION,
            "run": self.run_id,
            "created": self.created,
            "cycle": self.cycle,
            "language": self.language,
            "files": [
                {"name": f.name, "kind": f.kind, "sha256": f.sha256, "bytes": f.size}
                for f in self.files
            ],
        }
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest | None:
        """The manifest in ``raw``, or None when it is not a well-formed one of ours.

        A manifest is input like any other (a user may edit or replace it): only plain file
        names in the folder itself are taken, so nothing outside it is ever moved or removed.
        """
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
            return None
        run_id, files = data.get("run"), data.get("files")
        if not isinstance(run_id, str) or not isinstance(files, list):
            return None
        found: list[SetFile] = []
        for entry in files:
            if not isinstance(entry, dict):
                continue
            name, digest, kind, size = (
                entry.get("name"),
                entry.get("sha256"),
                entry.get("kind", ""),
                entry.get("bytes", -1),
            )
            if (
                isinstance(name, str)
                and is_plain_name(name)
                and isinstance(digest, str)
                and _DIGEST.match(digest)
                and isinstance(kind, str)
                and type(size) is int
            ):
                found.append(SetFile(name, kind, digest, size))
        created, cycle, language = (
            v if isinstance(v, str) else "" for v in map(data.get, ("created", "cycle", "language"))
        )
        return cls(run_id, created, cycle, language, tuple(found))


def is_plain_name(name: str) -> bool:
    """Whether ``name`` is a plain file name of a document, inside the folder itself."""
    return (
        0 < len(name.encode("utf-8", "surrogatepass")) <= 255
        and name == Path(name).name
        and not name.startswith(".")
        and not any(c in name for c in "/\\\0")
        and name.lower().endswith(".pdf")
    )


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest of the set in ``folder``; None when there is none or it is unreadable."""
    path = folder / MANIFEST_NAME
    try:
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            raw = handle.read(MANIFEST_MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        return None
    manifest = Manifest.from_json(raw) if len(raw) <= MANIFEST_MAX_BYTES else None
    if manifest is None:
        log.warning("%s is not a report manifest jlpanel wrote; no file of it is removed", path)
    return manifest


def new_run_id() -> str:
    """A fresh id for a report run (16 hex digits)."""
    return secrets.token_hex(8)


def sha256_of(path: Path) -> str | None:
    """The SHA-256 of the regular file at ``path``; None when it is not one or unreadable."""
    try:
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            digest = hashlib.sha256()
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
            return digest.hexdigest()
    except OSError:
        return None


# ----------------------------------------------------------------------------- errors


def folder_error(path: Path, exc: OSError) -> UserError:
    """An OSError while writing reports, as a message naming the path (the old set stays)."""
    fault = store_fault(exc, path)
    kind = fault.kind if fault is not None else FaultKind.IO
    where = fault.path if fault is not None else path
    zh, en = (
        (fault.zh, fault.en)
        if fault is not None
        else (
            f"读写“{path}”时出错（{exc.strerror or type(exc).__name__}）",
            f"'{path}' could not be used ({exc.strerror or type(exc).__name__})",
        )
    )
    return FaultError(
        kind,
        where,
        f"无法写入评审报告：{zh.rstrip('。')}。文件夹中原有的评审报告未改动。",
        f"Cannot write the reports: {en.rstrip('.')}. The reports already in the folder are "
        "unchanged.",
    )


@contextmanager
def _user_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except UserError:
        raise
    except OSError as exc:
        raise folder_error(Path(exc.filename) if exc.filename else path, exc) from exc


# ------------------------------------------------------------------------------ locks


def _try_lock(handle: IO[bytes]) -> bool:
    """Take the exclusive lock on an open file without waiting; False when another holds it."""
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN, errno.EDEADLK):
            return False
        # a file system without locks (some network shares): go on unguarded
        log.warning("cannot lock %s (%s); concurrent report runs are not guarded", handle, exc)
    return True


def _open_lock(path: Path, *, create: bool) -> IO[bytes] | None:
    """Open and lock ``path``; None when it is gone or another live run holds it."""
    flags = os.O_RDWR | (os.O_CREAT | os.O_EXCL if create else 0)
    try:
        fd = os.open(path, flags, 0o666)
    except FileNotFoundError:
        return None
    except PermissionError:
        if create:
            raise
        return None  # Windows: a file another process holds open cannot be opened
    handle = os.fdopen(fd, "r+b")
    if not _try_lock(handle):
        handle.close()
        return None
    # the file may have been removed by its owner between the open and the lock
    try:
        same = os.path.samestat(os.fstat(handle.fileno()), path.stat())
    except OSError:
        same = False
    if not same:
        handle.close()
        return None
    return handle


# ---------------------------------------------------------------------------- folder


class ReportFolder:
    """The target folder of a report run: made, cleaned of dead runs, locked while staged."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def prepare(self) -> None:
        """Make the folder and finish or roll back what killed runs left in it."""
        with _user_errors(self.folder):
            self.folder.mkdir(parents=True, exist_ok=True)
            if not self.folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(self.folder))
            self._recover()

    def _runs(self) -> set[str]:
        runs: set[str] = set()
        for entry in os.scandir(self.folder):
            name = entry.name
            if not name.startswith(STAGING_PREFIX):
                continue
            run = name[len(STAGING_PREFIX) :].removesuffix(LOCK_SUFFIX)
            if _RUN_ID.match(run):
                runs.add(run)
        return runs

    def _recover(self, *, mine: str = "") -> None:
        """Roll back or finish every dead run; refuse when another run is writing here."""
        for entry in list(os.scandir(self.folder)):
            if _LEGACY_TEMP.match(entry.name) and entry.is_file(follow_symlinks=False):
                log.info("removing %s, left by a killed report run", entry.path)
                with suppress(FileNotFoundError):
                    Path(entry.path).unlink()
        for run in sorted(self._runs() - {mine}):
            lock_path = self.folder / f"{STAGING_PREFIX}{run}{LOCK_SUFFIX}"
            staging = self.folder / f"{STAGING_PREFIX}{run}"
            handle = _open_lock(lock_path, create=False) if lock_path.exists() else None
            if handle is None and lock_path.exists():
                raise FaultError(
                    FaultKind.BUSY,
                    self.folder,
                    f"另一个 jlpanel 正在向 {self.folder} 写评审报告，请等它完成后再试。",
                    f"Another jlpanel is writing reports to {self.folder}; wait until it has "
                    "finished, then try again.",
                )
            try:
                if staging.is_dir():
                    if (staging / COMMIT_NAME).is_file():
                        log.info("finishing the report run %s that was killed", run)
                        _finish(staging, self.folder)
                    else:
                        log.info("rolling back the report run %s that was killed", run)
                        _roll_back(staging, self.folder)
                    _remove_tree(staging)
            finally:
                if handle is not None:
                    handle.close()
                with suppress(FileNotFoundError):
                    lock_path.unlink()

    @contextmanager
    def staging(self, run_id: str) -> Iterator[Staging]:
        """A staging folder for ``run_id``, locked until the run is installed or discarded."""
        lock_path = self.folder / f"{STAGING_PREFIX}{run_id}{LOCK_SUFFIX}"
        staging = Staging(self.folder, self.folder / f"{STAGING_PREFIX}{run_id}", run_id)
        with _user_errors(self.folder):
            handle = _open_lock(lock_path, create=True)
            if handle is None:  # pragma: no cover - a fresh random name held by another
                raise FileExistsError(errno.EEXIST, "run id in use", str(lock_path))
        try:
            with _user_errors(staging.path):
                staging.path.mkdir()
                self._recover(mine=run_id)  # a run that started meanwhile refuses this one
            yield staging
        finally:
            if not staging.installed:
                with suppress(OSError):
                    _roll_back(staging.path, self.folder)
            if staging.finished or not staging.installed:
                with suppress(OSError):
                    _remove_tree(staging.path)
            # else committed but not all in place: the next run finishes it
            handle.close()
            with suppress(OSError):
                lock_path.unlink()


class Staging:
    """The files of one run, written where nobody looks until they are installed."""

    def __init__(self, folder: Path, path: Path, run_id: str) -> None:
        self.folder = folder
        self.path = path
        self.run_id = run_id
        self.files: list[SetFile] = []
        #: Committed: from now on the set is the new one (the next run finishes a killed one).
        self.installed = False
        #: Every file in place and the manifest written.
        self.finished = False
        #: Files of the previous set left in place because they changed since written.
        self.kept: list[Path] = []
        #: Files of the previous set the new one does not have: removed.
        self.removed: list[Path] = []

    def add(self, name: str, data: bytes, kind: str) -> None:
        """Write one document of the set (synced, so a committed set survives a crash)."""
        if not is_plain_name(name) or any(f.name == name for f in self.files):
            raise ValueError(f"not a plain, new file name: {name!r}")
        target = self.path / name
        with _user_errors(target), target.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        digest = hashlib.sha256(data).hexdigest()
        self.files.append(SetFile(name, kind, digest, len(data)))

    def install(self, *, created: str, cycle: str, language: str) -> list[Path]:
        """Put the set in place of the previous one; returns the files, in the order added."""
        manifest = Manifest(self.run_id, created, cycle, language, tuple(self.files))
        names = {f.name for f in self.files}
        previous = read_manifest(self.folder)
        aside = self.path / ASIDE_NAME
        moving: list[str] = []
        if previous is not None:
            for old in previous.files:
                path = self.folder / old.name
                if old.name in names or not os.path.lexists(path):
                    continue
                if sha256_of(path) == old.sha256:
                    moving.append(old.name)
                    self.removed.append(path)
                else:  # changed since jlpanel wrote it: the user's now
                    log.info("keeping %s: it changed since jlpanel wrote it", path)
                    self.kept.append(path)
        moving += [n for n in sorted(names) if os.path.lexists(self.folder / n)]
        with _user_errors(aside):
            aside.mkdir()
        moved: list[str] = []
        try:
            for name in moving:
                (self.folder / name).replace(aside / name)
                moved.append(name)
        except OSError as exc:
            for name in reversed(moved):  # the previous set as it was
                with suppress(OSError):
                    (aside / name).replace(self.folder / name)
            raise folder_error(self.folder / moving[len(moved)], exc) from exc
        with _user_errors(self.path):
            fsync_directory(self.folder)
            write_atomic(self.path / COMMIT_NAME, manifest.to_json())
            fsync_directory(self.path)
        # committed: whatever happens now, the next run finishes the installation
        self.installed = True
        with _user_errors(self.folder):
            _finish(self.path, self.folder)
        self.finished = True
        for path in self.removed:
            log.info("removed %s: the new set has no such document", path)
        return [self.folder / f.name for f in self.files]


def _finish(staging: Path, folder: Path) -> None:
    """Move a committed run's files into place and write its manifest beside them."""
    raw = (staging / COMMIT_NAME).read_bytes()
    manifest = Manifest.from_json(raw)
    if manifest is None:  # not ours after all: take nothing from it
        log.warning("%s is damaged; the run's files are dropped", staging / COMMIT_NAME)
        _roll_back(staging, folder)
        return
    for entry in manifest.files:
        source = staging / entry.name
        if source.is_file():
            source.replace(folder / entry.name)
    write_atomic(folder / MANIFEST_NAME, manifest.to_json())
    fsync_directory(folder)


def _roll_back(staging: Path, folder: Path) -> None:
    """Put the previous set's files that an unfinished run had moved aside back in place."""
    aside = staging / ASIDE_NAME
    if not aside.is_dir():
        return
    for entry in os.scandir(aside):
        target = folder / entry.name
        if is_plain_name(entry.name) and not os.path.lexists(target):
            Path(entry.path).replace(target)
    fsync_directory(folder)


def _remove_tree(path: Path) -> None:
    """Remove a staging folder and everything in it (read-only files too, as on Windows)."""
    if path.is_symlink() or not path.is_dir():
        return
    for entry in os.scandir(path):
        if entry.is_dir(follow_symlinks=False):
            _remove_tree(Path(entry.path))
            continue
        file = Path(entry.path)
        try:
            file.unlink()
        except PermissionError:
            file.chmod(stat.S_IWRITE)
            file.unlink()
    path.rmdir()


def leftovers(folder: Path) -> Sequence[str]:
    """Names in ``folder`` that a report run uses only while it runs (none after a run)."""
    try:
        names = [e.name for e in os.scandir(folder)]
    except OSError:
        return []
    return sorted(n for n in names if n.startswith(STAGING_PREFIX) or _LEGACY_TEMP.match(n))
