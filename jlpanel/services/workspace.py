"""Use cases on a cycle workspace: create it, open it, read and change its cycle settings."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rules import RulesError, RuleSettings
from jlpanel.services.errors import (
    CheckedOutError,
    CycleChoiceError,
    DamagedWorkspaceError,
    FaultKind,
    OpenBackupError,
    ReadOnlyWorkspaceError,
    StoredCycle,
    UserError,
    WorkspaceInUseError,
    store_fault,
    text_too_long_error,
)
from jlpanel.services.preferences import Preferences, load_preferences
from jlpanel.services.rubrics import (
    default_rubric,
    load_rubric_file,
    rubric_from_snapshot,
    rubric_snapshot,
)
from jlpanel.storage import backups
from jlpanel.storage import models as m
from jlpanel.storage import owner as owners
from jlpanel.storage import workspace as store
from jlpanel.storage.audit import record_change
from jlpanel.storage.backups import PendingBackup
from jlpanel.storage.confirmations import latest_confirmation

log = logging.getLogger(__name__)

#: A writer waits this many times for another process's write lock (each wait is the
#: store's busy timeout) before it gives up with a message.
LOCK_TRIES = 3

#: The extension of a cycle workspace file.
WORKSPACE_SUFFIX = ".jlpanel"


def current_actor() -> str:
    """Who is making a change, for the audit log: the operating-system user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in some containers
        return "unknown"


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: str | int | None,
    *,
    old: Any = None,
    new: Any = None,
) -> None:
    """Add an audit-log entry (who, when, what, old → new) to ``session``'s transaction."""
    record_change(
        session,
        actor=current_actor(),
        action=action,
        entity=entity,
        entity_id=entity_id,
        old=old,
        new=new,
    )


@dataclass(frozen=True, slots=True)
class CycleInfo:
    """What the first window shows about an open cycle."""

    id: str
    name: str
    period_start: dt.date | None
    period_end: dt.date | None
    language: str
    created_at: dt.datetime
    rubric: Rubric
    rules: RuleSettings
    platform_count: int
    expert_count: int


class Workspace:
    """An open cycle workspace: its store (a file, or a database on a server), engine and
    sessions. Close it when done.

    ``location`` is the file's path or the server's URL; ``name`` says which to the user (a
    password hidden), ``file`` is the path or None.

    ``backup_dir`` and ``backup_count`` are where the backups a use case takes before it
    changes the cycle go (see :func:`backup_before`); None takes none.

    The first change (or :meth:`claim`) claims the workspace for this process
    (:mod:`jlpanel.storage.owner`); while another process has it, changing it ends with
    :class:`WorkspaceInUseError` naming who. A ``read_only`` workspace never claims and
    refuses every change (:class:`ReadOnlyWorkspaceError`). A store on a server is never
    claimed: there is no file to hold the owner record, and each change takes the store's
    write lock for its transaction, so processes' changes never interleave.
    """

    def __init__(
        self,
        location: store.Location,
        engine: Engine,
        *,
        backup_dir: Path | None = None,
        backup_count: int = 10,
        read_only: bool = False,
        cycle_id: str | None = None,
    ) -> None:
        self.location = location
        #: The store as the user names it: the file's path, or the URL with no password.
        self.name = store.display_name(location)
        #: The store's file; None on a server.
        self.file: Path | None = location if isinstance(location, Path) else None
        self.engine = engine
        self.backup_dir = backup_dir
        self.backup_count = backup_count
        self.read_only = read_only
        self._claimed = False
        #: The ``open`` backup still to take off the window's thread (:meth:`take_open_backup`).
        self.open_backup: PendingBackup | None = None
        self._sessions: sessionmaker[Session] = store.session_factory(engine)
        #: The cycle this workspace shows of its store (None: not chosen yet, just created).
        self.cycle_id: str | None = None
        if cycle_id is not None:
            self.limit_to(cycle_id)

    def limit_to(self, cycle_id: str) -> None:
        """Show and change only the cycle ``cycle_id`` of the store (once, before use)."""
        if self.cycle_id is not None:
            raise RuntimeError("the workspace already shows a cycle")
        from jlpanel.storage.scoping import limit_to_cycle

        limit_to_cycle(self._sessions, cycle_id)
        self.cycle_id = cycle_id

    @property
    def folder(self) -> Path:
        """Where files about this store go by default (exports, reports): beside the file,
        or the user's home folder for a store on a server."""
        return self.file.parent if self.file is not None else Path.home()

    @property
    def path(self) -> Path:
        """The workspace file (for what only a file has: a folder beside it, recent files).
        A store on a server has none: ``ValueError``; see :attr:`file`."""
        if self.file is None:
            raise ValueError(f"the store {self.name} is on a server, not a file")
        return self.file

    def claim(self) -> None:
        """Claim the workspace for this process; WorkspaceInUseError when another has it."""
        if self.read_only:
            raise ReadOnlyWorkspaceError(self.name)
        if self._claimed or self.file is None:
            return
        try:
            self._claimed = owners.claim(self.path, keeps=True)
        except owners.OwnerBusy as busy:
            raise WorkspaceInUseError(self.path, busy.owner) from busy

    @contextmanager
    def changing(self) -> Iterator[None]:
        """Claimed for a run of changes (a batch import): their sessions share one claim of
        the owner file instead of each writing and removing it (a few ms a transaction)."""
        with self._claimed_for_a_change():
            yield

    @contextmanager
    def _claimed_for_a_change(self) -> Iterator[None]:
        """Claimed while a change runs: kept by :meth:`claim`, or for this change only, after
        waiting for another process's change as long as for its write lock."""
        if self.read_only:
            raise ReadOnlyWorkspaceError(self.name)
        if self._claimed or self.file is None:
            yield
            return
        wait = LOCK_TRIES * store.BUSY_TIMEOUT_MS / 1000
        try:
            claimed = owners.claim(self.path, keeps=False, wait=wait)
        except owners.OwnerBusy as busy:
            raise WorkspaceInUseError(self.path, busy.owner) from busy
        try:
            yield
        finally:
            if claimed:
                owners.release(self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that may write: committed on success, rolled back on any error.

        It takes the write lock at its start, waiting for another process's writer (a bounded
        time, :data:`LOCK_TRIES` tries), so what it reads is still true when it writes and two
        processes never interleave. After the wait it ends with a message that the workspace
        is being changed by another jlpanel; a full disk, a read-only file and the like end
        with theirs (:func:`~jlpanel.services.errors.store_fault`). Nothing is half-stored.
        """
        with self._claimed_for_a_change():
            yield from self._writing()

    def _writing(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            for attempt in range(1, LOCK_TRIES + 1):
                try:
                    session.connection(execution_options={store.IMMEDIATE: True})
                    break
                except Exception as exc:
                    session.rollback()
                    fault = store_fault(exc, self.name)
                    if fault is None:
                        raise
                    if fault.kind != FaultKind.BUSY or attempt == LOCK_TRIES:
                        raise fault from exc
                    log.info("workspace %s is busy; trying again (%d)", self.name, attempt)
            try:
                self._refuse_if_checked_out(session)
                yield session
                session.commit()
            except Exception as exc:
                session.rollback()
                if isinstance(exc, store.TextTooLong):
                    raise text_too_long_error(exc) from exc
                fault = store_fault(exc, self.name)
                if fault is None:
                    raise
                raise fault from exc
        finally:
            session.close()

    def _refuse_if_checked_out(self, session: Session) -> None:
        """A cycle checked out to a meeting's file is read-only here (CheckedOutError)."""
        if self.cycle_id is None:
            return
        row = session.execute(
            select(
                m.Cycle.name, m.Cycle.checked_out_to, m.Cycle.checked_out_at, m.Cycle.checked_out_by
            ).where(m.Cycle.id == self.cycle_id)
        ).one_or_none()
        if row is not None and row.checked_out_to:
            raise CheckedOutError(
                row.name, row.checked_out_at, row.checked_out_by, row.checked_out_to
            )

    def refresh_statistics(self) -> None:
        """After a change that added many rows: let the store's query planner see them
        (:func:`jlpanel.storage.workspace.refresh_statistics`). A failure here costs only
        speed, so it is logged and the change it follows stands."""
        if self.read_only:
            return
        try:
            store.refresh_statistics(self.engine)
        except Exception:
            log.warning("could not refresh the statistics of %s", self.name, exc_info=True)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading: it never waits for a writer and reads one snapshot (the
        write-ahead log keeps it on a file; REPEATABLE READ, READ ONLY on a server); it must
        not write."""
        try:
            with self._sessions.begin() as s:
                s.connection(execution_options={store.SNAPSHOT: True})
                yield s
        except Exception as exc:
            fault = store_fault(exc, self.name)
            if fault is None:
                raise
            raise fault from exc

    def cycle_info(self) -> CycleInfo:
        """The cycle's name, period, rubric and rules, and counts of what it holds."""
        with self.reading() as s:
            cycle = s.scalars(select(m.Cycle)).one()
            platforms = s.scalar(select(func.count()).select_from(m.Platform)) or 0
            experts = s.scalar(select(func.count()).select_from(m.Expert)) or 0
            return CycleInfo(
                id=cycle.id,
                name=cycle.name,
                period_start=cycle.period_start,
                period_end=cycle.period_end,
                language=cycle.language,
                created_at=cycle.created_at,
                rubric=rubric_from_snapshot(cycle.rubric_json),
                rules=RuleSettings.from_dict(json.loads(cycle.rules_json)),
                platform_count=platforms,
                expert_count=experts,
            )

    def take_open_backup(self) -> Path | None:
        """Take the ``open`` backup the open left for later (``backup_later``): the copy of the
        store as it was opened, whatever this session has changed since. The new backup, or
        None when there was none to take. A copy that cannot be written or verified is an
        :class:`OpenBackupError`: the store stays open, without that backup."""
        pending = self.open_backup
        if pending is None:
            return None
        try:
            return pending.take()
        except store.WorkspaceError as exc:
            if exc.kind == "corrupt":
                raise translate_workspace_error(exc, backup_folder=self.backup_dir) from exc
            raise OpenBackupError(self.backup_dir, exc) from exc
        except OSError as exc:
            raise OpenBackupError(self.backup_dir, exc) from exc

    def close(self) -> None:
        """Release the file (checkpointing the write-ahead log) and this process's claim. An
        ``open`` backup still to take is given up; one being taken is let finish first."""
        if self.open_backup is not None:
            self.open_backup.discard()
        self.engine.dispose()
        if self._claimed and self.file is not None:
            self._claimed = False
            owners.release(self.file)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: What each kind of backup is called (Chinese, English).
BACKUP_KIND_LABELS: dict[str, tuple[str, str]] = {
    "open": ("打开时", "on open"),
    "pre-import": ("导入平台材料前", "before import"),
    "pre-roster": ("导入专家名单前", "before roster import"),
    "pre-merge": ("合并评分前", "before merge"),
    "pre-confirm": ("确定结果前", "before confirming results"),
    "pre-upgrade": ("升级前", "before upgrade"),
    "pre-restore": ("恢复备份前", "before restore"),
}


def backup_kind_label(kind: str) -> tuple[str, str]:
    """A backup kind in words (Chinese, English); an unknown kind as it is."""
    return BACKUP_KIND_LABELS.get(kind, (kind, kind))


def translate_workspace_error(
    exc: store.WorkspaceError, *, backup_folder: Path | None = None
) -> UserError:
    """The user's message for a WorkspaceError. A damaged workspace's names the newest good
    backup of its cycle in ``backup_folder`` and how to restore it."""
    path = exc.path
    if exc.kind == "corrupt" and isinstance(path, Path):
        return damaged_workspace_error(path, exc.problems, backup_folder)
    if exc.kind == "io_error" and exc.__cause__ is not None:
        # A full disk, a read-only file or a missing permission says so, not "disk problem".
        fault = store_fault(exc.__cause__, path)
        if fault is not None and fault.kind is not FaultKind.IO:
            return fault
    messages = {
        "exists": (
            f"文件已存在，未作改动：{path}",
            f"The file already exists and was left as it is: {path}",
        ),
        "missing": (f"找不到工作区文件：{path}", f"Workspace file not found: {path}"),
        "not_a_workspace": (
            f"该文件不是 jlpanel 工作区（考核周期文件）：{path}",
            f"This file is not a jlpanel workspace: {path}",
        ),
        "newer_version": (
            f"该工作区由更新版本的 jlpanel 创建，请升级本程序后再打开；文件未作任何改动：{path}",
            f"This workspace was written by a newer version of jlpanel; update the program to "
            f"open it. The file was not changed: {path}",
        ),
        "locked": (
            f"工作区文件正被其他程序占用，请关闭后重试：{path}",
            f"The workspace is in use by another program; close it and try again: {path}",
        ),
        "io_error": (
            f"无法读写工作区文件（磁盘或权限问题）：{path}",
            f"Cannot read or write the workspace file (disk or permission problem): {path}",
        ),
        "backup_failed": (
            f"无法在备份文件夹中写入经校验的备份，操作未进行，工作区未作改动：{path}。"
            "请在 设置 → 备份 中换一个文件夹，或腾出磁盘空间后重试。",
            f"No verified backup could be written to the backup folder, so nothing was done "
            f"and the workspace is unchanged: {path}. Choose another folder in Settings → "
            "Backups, or free some disk space, and try again.",
        ),
    }
    if "://" in str(path):  # a database on a server
        messages |= {
            "exists": (
                f"数据库中已有数据表，未作改动：{path}。新工作区须建在空数据库中",
                f"The database already holds tables and was left as it is: {path}. A new "
                "store needs an empty database",
            ),
            "missing": (
                f"该数据库中没有 jlpanel 工作区（请先用 jlpanel new 创建）：{path}",
                f"The database holds no jlpanel store (create one with jlpanel new): {path}",
            ),
            "not_a_workspace": (
                f"该数据库不是 jlpanel 工作区（其中有其他程序的数据表），未作改动：{path}",
                f"The database is not a jlpanel store (it holds another program's tables) and "
                f"was left as it is: {path}",
            ),
        }
    zh, en = messages.get(
        exc.kind, (f"无法打开工作区 {path}：{exc}", f"Cannot open workspace {path}: {exc}")
    )
    return UserError(zh, en)


#: How many of the integrity check's findings a message lists.
_PROBLEMS_SHOWN = 3


def damaged_workspace_error(
    path: Path, problems: Sequence[str], backup_folder: Path | None
) -> DamagedWorkspaceError:
    """The message for a workspace that failed its integrity check, offering the newest good
    backup of its cycle in ``backup_folder`` (checked again now) and the command restoring it."""
    good = None if backup_folder is None else backups.newest_good_backup(backup_folder, path)
    head_zh = f"工作区文件已损坏（完整性检查未通过），为保护数据未打开，也未作任何改动：{path}"
    head_en = (
        f"The workspace file is damaged (it failed the integrity check). To protect the data it "
        f"was not opened and nothing was changed: {path}"
    )
    details = tuple(problems[:_PROBLEMS_SHOWN])
    if good is None:
        where_zh = f"备份文件夹 {backup_folder} 中" if backup_folder else "备份文件夹中"
        where_en = f"the backup folder {backup_folder}" if backup_folder else "the backup folder"
        return DamagedWorkspaceError(
            f"{head_zh}\n{where_zh}没有本考核周期校验通过的备份。请勿再使用该文件；如有它的其他副本"
            f'（U 盘、邮件等），可用 jlpanel restore "{path}" 副本文件 恢复。\n完整性检查发现：',
            f"{head_en}\n{where_en[:1].upper() + where_en[1:]} holds no verified backup of this "
            f"cycle. Stop using the file; if you have another copy of it (USB stick, e-mail), "
            f'restore it with jlpanel restore "{path}" COPY.\nThe integrity check found:',
            path=path,
            backup=None,
            details=details,
        )
    zh_kind, en_kind = backup_kind_label(good.kind)
    when = good.taken_at.strftime("%Y-%m-%d %H:%M:%S")
    command = f'jlpanel restore "{path}" "{good.path}"'
    return DamagedWorkspaceError(
        f"{head_zh}\n最新的可用备份：{good.path}（{when}，{zh_kind}，已校验）\n"
        f"用它恢复：{command}（恢复前会把损坏的文件另存一份）\n完整性检查发现：",
        f"{head_en}\nThe newest good backup: {good.path} ({when}, {en_kind}, verified)\n"
        f"Restore it with: {command} (the damaged file is kept as a copy first)\n"
        "The integrity check found:",
        path=path,
        backup=good.path,
        taken_at=good.taken_at,
        kind_label=(zh_kind, en_kind),
        details=details,
    )


#: The languages a cycle's reports and exports can be written in.
REPORT_LANGUAGES = ("zh", "en")


def _check_language(language: str) -> None:
    if language not in REPORT_LANGUAGES:
        raise UserError(
            f"报告语言须为 zh（中文）或 en（英文），而不是 {language!r}",
            f"The report language must be zh (Chinese) or en (English), not {language!r}",
        )


def store_location(store_argument: str | Path | store.Location) -> store.Location:
    """The store a STORE argument names: a ``postgresql://`` URL or a ``.jlpanel`` file."""
    try:
        return store.parse_location(store_argument)
    except store.LocationError as exc:
        raise UserError(
            f"STORE 须为 .jlpanel 文件或 postgresql:// 开头的服务器地址：{exc}",
            f"STORE must be a .jlpanel file or a postgresql:// server URL: {exc}",
        ) from exc


def file_store(store_argument: str | Path) -> Path:
    """The ``.jlpanel`` file a STORE argument names, for what only a file has (its backups,
    restoring one, the window); a server's URL is a UserError saying what to do instead."""
    location = store_location(store_argument)
    if isinstance(location, Path):
        return location
    name = store.display_name(location)
    raise UserError(
        f"“{name}”在数据库服务器上：这项操作只用于 .jlpanel 文件。服务器上的工作区没有文件备份，"
        "可用 jlpanel backup STORE 快照.jlpanel 复制一份（再用 jlpanel open 打开），"
        "恢复请找数据库管理员（pg_dump / pg_restore）",
        f"'{name}' is on a database server: this works on .jlpanel files only. A server's "
        "store has no file backups: copy it with jlpanel backup STORE SNAPSHOT.jlpanel (which "
        "jlpanel open reads); restoring is the database administrator's (pg_dump / pg_restore)",
    )


def store_name(store_argument: str | Path | store.Location) -> str:
    """A STORE argument as the user may see it: a server's password hidden."""
    return store.display_name(store_location(store_argument))


def create_workspace(
    path: str | Path | store.Location,
    cycle_name: str,
    *,
    rubric_file: Path | None = None,
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    language: str = "zh",
    rules: RuleSettings | None = None,
    preferences: Preferences | None = None,
    backup: bool = True,
) -> Workspace:
    """Create the store at ``path`` (a ``.jlpanel`` file, or an empty database on a server)
    with the cycle ``cycle_name``, or add the cycle to the store already there (a file is
    backed up first); returns the store open on the new cycle, taking the backups a change
    takes (before confirming …) in the preferences' backup folder, as an opened one does.
    ``backup`` False takes none, then or later (a store being built, such as the demo's).

    A name the store already has is refused, and the store is left as it was; so is a file
    that is not a store, or a database that holds another program's tables.
    """
    location = store_location(path)
    name = cycle_name.strip()
    if not name:
        raise UserError("考核周期名称不能为空", "The cycle name must not be empty")
    if period_start and period_end and period_end < period_start:
        raise UserError(
            f"考核期止（{period_end}）早于考核期起（{period_start}）",
            f"The period ends ({period_end}) before it starts ({period_start})",
        )
    _check_language(language)
    rubric = load_rubric_file(rubric_file) if rubric_file else default_rubric()
    cycle = m.Cycle(
        name=name,
        period_start=period_start,
        period_end=period_end,
        language=language,
        rubric_json=rubric_snapshot(rubric),
        rules_json=json.dumps((rules or RuleSettings()).to_dict(), ensure_ascii=False),
    )
    created = {
        "name": name,
        "rubric": f"{rubric.id} {rubric.version}",
        "period": [str(period_start), str(period_end)],
        "language": language,
    }
    if not isinstance(location, Path) or location.exists() or location.is_symlink():
        try:
            engine = None if isinstance(location, Path) else store.create_workspace(location)
        except store.WorkspaceError as exc:
            if exc.kind != "exists":  # a database with tables: a store to add the cycle to
                raise translate_workspace_error(exc) from exc
            engine = None
        except Exception as exc:
            fault = store_fault(exc, store.display_name(location))
            if fault is None:
                raise
            raise fault from exc
        if engine is None:
            ws = _open(location, preferences, backup=backup, read_only=False, cycle=_WHOLE_STORE)
            if not backup:
                ws.backup_dir = None
            try:
                _add_cycle(ws, cycle, created)
            except BaseException:
                ws.close()
                raise
            log.info("added cycle %s to %s", name, ws.name)
            return ws
    else:
        try:
            engine = store.create_workspace(location)
        except store.WorkspaceError as exc:
            raise translate_workspace_error(exc) from exc
        except Exception as exc:
            fault = store_fault(exc, store.display_name(location))
            if fault is None:
                raise
            raise fault from exc
    prefs = preferences or load_preferences()
    ws = Workspace(
        location,
        engine,
        backup_dir=prefs.backup_folder() if backup else None,
        backup_count=prefs.backup_count,
    )
    try:
        _add_cycle(ws, cycle, created)
    except BaseException:
        ws.close()
        store.discard_new(location)
        raise
    log.info("created workspace %s for cycle %s", ws.name, name)
    return ws


def _add_cycle(ws: Workspace, cycle: m.Cycle, created: dict[str, Any]) -> None:
    """Add ``cycle`` to the store of ``ws`` (refusing a name it has) and show it."""
    with ws.session() as s:
        taken = s.scalar(select(m.Cycle.id).where(m.Cycle.name == cycle.name))
        if taken is not None:
            raise UserError(
                f"已有名为“{cycle.name}”的考核周期，未作改动：{ws.name}",
                f"The store already has a cycle named “{cycle.name}”; it was left as it was: "
                f"{ws.name}",
            )
        s.add(cycle)
        s.flush()
        entry = record_change(
            s,
            actor=current_actor(),
            action="create_cycle",
            entity="cycle",
            entity_id=cycle.id,
            new=created,
        )
        entry.cycle_id = cycle.id
    ws.limit_to(cycle.id)


#: ``_open``'s cycle for a use that works on the whole store (adding a cycle to it).
_WHOLE_STORE = "\0whole store"


def open_workspace(
    path: str | Path | store.Location,
    *,
    preferences: Preferences | None = None,
    backup: bool = True,
    claim: bool = False,
    read_only: bool = False,
    cycle: str | None = None,
    backup_later: bool = False,
) -> Workspace:
    """Open an existing workspace: check its integrity, back it up, migrate an older file.

    A damaged workspace is refused (DamagedWorkspaceError, naming the newest good backup) and
    left as it is. ``backup`` False takes no ``open`` backup, for commands that change nothing
    the user made (results, export, report) or take their own before they write (import,
    merge, confirm); an older file is still backed up before it is upgraded.

    ``cycle`` names the cycle to show where the store holds several (``--cycle NAME``).
    Without a name, a store shows its one cycle, the one cycle whose results are not
    confirmed, or the newest when all are (:func:`default_cycle`). A name needed but
    missing, or unknown, is a UserError listing the store's cycles (:class:`CycleChoiceError`).

    ``claim`` claims it for this process at once (the GUI, which keeps it open): while another
    process has it, that is a WorkspaceInUseError naming who, and nothing is opened.
    ``read_only`` opens it for reading only, without a backup and without claiming it.

    ``backup_later`` (the window): the ``open`` backup of a file is planned in the check's
    snapshot but copied only when :meth:`Workspace.take_open_backup` is called, so a large
    store is shown without waiting for its copy (issue 16: 3–4 s at 2,000 platforms).
    """
    if read_only and claim:
        raise ValueError("a read-only workspace is never claimed")
    location = store_location(path)
    if claim and isinstance(location, Path):
        path = location
        try:
            claimed = owners.claim(path, keeps=True)
        except owners.OwnerBusy as busy:
            raise WorkspaceInUseError(path, busy.owner) from busy
        try:
            ws = _open(
                path,
                preferences,
                backup=backup,
                read_only=False,
                cycle=cycle,
                backup_later=backup_later,
            )
        except BaseException:
            if claimed:
                owners.release(path)
            raise
        ws._claimed = claimed
        return ws
    return _open(
        location,
        preferences,
        backup=backup and not read_only,
        read_only=read_only,
        cycle=cycle,
        backup_later=backup_later,
    )


def open_store(
    path: str | Path | store.Location,
    *,
    preferences: Preferences | None = None,
    backup: bool = False,
    read_only: bool = False,
) -> Workspace:
    """Open a store as a whole, on no one cycle: for what is the store's own (the register,
    its follow-ups), whichever cycles it holds."""
    return _open(
        store_location(path),
        preferences,
        backup=backup and not read_only,
        read_only=read_only,
        cycle=_WHOLE_STORE,
    )


def store_cycles(ws: Workspace) -> list[StoredCycle]:
    """Every cycle of the store ``ws`` is open on, oldest first, with whether its results
    are confirmed (its latest confirmation not reopened)."""
    with store.session_factory(ws.engine).begin() as s:
        rows = s.execute(
            select(m.Cycle.id, m.Cycle.name, m.Cycle.period_start, m.Cycle.period_end).order_by(
                m.Cycle.created_at, m.Cycle.id
            )
        ).all()
        latest: dict[str, bool] = {}
        for cycle_id, reopened in s.execute(
            select(m.Confirmation.cycle_id, m.Confirmation.reopened_at).order_by(
                m.Confirmation.at, m.Confirmation.id
            )
        ):
            latest[cycle_id] = reopened is None  # the last one per cycle wins
    return [StoredCycle(*row, confirmed=latest.get(row[0], False)) for row in rows]


def default_cycle(cycles: Sequence[StoredCycle]) -> StoredCycle | None:
    """The cycle meant when none is named: the only one; else the only one whose results are
    not confirmed (the cycle at work; the others are closed history); else, when every one
    is confirmed, the newest (by period end, then by when it was added). None when several
    are at work: the user must say which."""
    if len(cycles) == 1:
        return cycles[0]
    open_ = [c for c in cycles if not c.confirmed]
    if len(open_) == 1:
        return open_[0]
    if open_:
        return None
    newest = max(range(len(cycles)), key=lambda n: (cycles[n].period_end or dt.date.min, n))
    return cycles[newest]


def _open(
    path: store.Location,
    preferences: Preferences | None,
    *,
    backup: bool,
    read_only: bool,
    cycle: str | None,
    backup_later: bool = False,
) -> Workspace:
    prefs = preferences or load_preferences()
    folder = prefs.backup_folder()
    try:
        engine, pending = store.open_workspace_later_backup(
            path,
            backup_dir=folder,
            backup_count=prefs.backup_count,
            backup_on_open=backup,
            later=backup_later,
        )
    except store.WorkspaceError as exc:
        raise translate_workspace_error(exc, backup_folder=folder) from exc
    except Exception as exc:  # a server that cannot be reached, a password refused …
        fault = store_fault(exc, store.display_name(path))
        if fault is None:
            raise
        raise fault from exc
    ws = Workspace(
        path, engine, backup_dir=folder, backup_count=prefs.backup_count, read_only=read_only
    )
    ws.open_backup = pending
    if cycle == _WHOLE_STORE:
        return ws
    try:
        try:
            cycles = store_cycles(ws)
        except Exception as exc:
            fault = store_fault(exc, ws.name)
            if fault is None:
                raise
            raise fault from exc
        if not cycles:
            raise UserError(
                f"工作区中没有考核周期：{ws.name}",
                f"The workspace holds no cycle: {ws.name}",
            )
        chosen_by_default = default_cycle(cycles) if cycle is None else None
        if chosen_by_default is not None:
            chosen = chosen_by_default
        else:
            named = [c for c in cycles if c.name == (cycle or "").strip()]
            if not named:
                raise CycleChoiceError(path, cycles, cycle, name=ws.name)
            chosen = named[0]
        ws.limit_to(chosen.id)
    except BaseException:
        ws.close()
        raise
    return ws


def backup_before(ws: Workspace, kind: str) -> Path | None:
    """Back the workspace up (kind e.g. ``pre-confirm``) to its backup folder, verified;
    None when it has none or is on a server (whose backups are the DBA's: pg_dump, or
    :func:`snapshot` on demand). A backup that cannot be written stops the change that
    wanted it."""
    if ws.backup_dir is None:
        return None
    return backup_to(ws, ws.backup_dir, ws.backup_count, kind)


def backup_to(ws: Workspace, folder: Path, keep: int, kind: str) -> Path | None:
    """Back the workspace up to ``folder`` (kind e.g. ``pre-merge``), verified, keeping ``keep``
    of that kind; None for a store on a server (no file backup). A folder that takes no good
    copy, or a workspace damaged since it was opened (then its newest good backup is named),
    is a UserError."""
    try:
        return store.backup_workspace(ws.engine, folder, keep, kind)
    except store.WorkspaceError as exc:
        raise translate_workspace_error(exc, backup_folder=folder) from exc


def snapshot(ws: Workspace, target: str | Path | store.Location) -> dict[str, int]:
    """Copy the whole store into a new one at ``target``, in one snapshot; the rows copied
    per table. A ``.jlpanel`` target (which must not exist) is a portable SQLite copy that
    ``jlpanel open`` reads — a server store's backup; a server target (an empty database)
    moves a file's store onto the server. Nothing is left at ``target`` when it fails."""
    location = store_location(target)
    try:
        return store.copy_store(ws.engine, location)
    except store.WorkspaceError as exc:
        raise translate_workspace_error(exc) from exc
    except Exception as exc:
        fault = store_fault(exc, store.display_name(location))
        if fault is None:
            raise
        raise fault from exc


def update_rules(ws: Workspace, rules: RuleSettings) -> None:
    """Replace the cycle's rule settings, audited with old and new values."""
    with ws.session() as s:
        cycle = s.scalars(select(m.Cycle)).one()
        old = json.loads(cycle.rules_json)
        new = rules.to_dict()
        if old == new:
            return
        latest = latest_confirmation(s)
        if latest is not None and latest.reopened_at is None:
            raise UserError(
                f"本周期结果已于 {latest.confirmed_on.isoformat()} 确定，考核规则不能再改；"
                "如确需修改，请先重新打开结果（写明理由）",
                f"The results were confirmed on {latest.confirmed_on.isoformat()}: the rules "
                "cannot change unless the results are reopened (with a reason)",
            )
        cycle.rules_json = json.dumps(new, ensure_ascii=False)
        changed = {k: (old.get(k), v) for k, v in new.items() if old.get(k) != v}
        record(
            s,
            "update_rules",
            "cycle",
            cycle.id,
            old={k: o for k, (o, _) in changed.items()},
            new={k: n for k, (_, n) in changed.items()},
        )


def set_cycle_language(ws: Workspace, language: str) -> bool:
    """Make ``language`` ("zh" or "en") the cycle's report and export language, audited with
    old and new; returns whether it changed (the same language again is a no-op)."""
    _check_language(language)
    with ws.session() as s:
        cycle = s.scalars(select(m.Cycle)).one()
        old = cycle.language
        if old == language:
            return False
        cycle.language = language
        record(s, "set_language", "cycle", cycle.id, old=old, new=language)
    log.info("report language of %s set to %s (was %s)", ws.name, language, old)
    return True


def parse_rules(raw: dict[str, Any]) -> RuleSettings:
    """Rule settings from a dict, or a UserError naming the bad settings."""
    try:
        return RuleSettings.from_dict(raw)
    except (RulesError, TypeError) as exc:
        problems = exc.problems if isinstance(exc, RulesError) else [str(exc)]
        raise UserError(
            "考核规则设置有误：", "The rule settings are invalid:", details=problems
        ) from exc
