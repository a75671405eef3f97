"""Errors a user can fix, carried up to the CLI and GUI with a message in both languages."""

from __future__ import annotations

import datetime as dt
import errno
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jlpanel.storage.limits import TextTooLong
    from jlpanel.storage.owner import Owner


class UserError(Exception):
    """A problem the user can fix (a wrong file, an existing path …): exit status 1, no trace.

    ``details`` lists every individual finding (one per line), e.g. each rubric defect.
    """

    def __init__(self, zh: str, en: str, *, details: Sequence[str] = ()) -> None:
        self.zh = zh
        self.en = en
        self.details: tuple[str, ...] = tuple(details)
        super().__init__(en)

    def message(self, language: str = "zh") -> str:
        """The message in ``language`` with its details, one per line."""
        head = self.en if language.startswith("en") else self.zh
        return "\n".join([head, *(f"  - {d}" for d in self.details)])


class FaultKind(StrEnum):
    """A fault of the machine a user can fix: what went wrong with a file or the store."""

    BUSY = "busy"  # another jlpanel is changing the store, or the file is in use
    FULL = "full"  # no space left (or a file size limit)
    READ_ONLY = "read_only"  # a read-only file or file system
    PERMISSION = "permission"
    IS_FOLDER = "is_folder"  # a folder where a file should be
    NOT_FOLDER = "not_folder"  # a file where a folder should be
    MISSING = "missing"
    CANNOT_OPEN = "cannot_open"
    DAMAGED = "damaged"
    IO = "io"
    UNREACHABLE = "unreachable"  # the database server cannot be reached
    TOO_LONG = "too_long"  # a text longer than its column takes
    INVALID = "invalid"  # a value the store refuses (out of range, malformed)
    CONFLICT = "conflict"  # a row that contradicts another (a duplicate, a missing parent)


class FaultError(UserError):
    """A :class:`UserError` for a fault of the machine, naming the path it concerns."""

    def __init__(self, kind: FaultKind, path: Path | str | None, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.kind = kind
        self.path = path


_SQLITE_FAULTS = (
    ("database is locked", FaultKind.BUSY),
    ("database table is locked", FaultKind.BUSY),
    ("database schema is locked", FaultKind.BUSY),
    ("database or disk is full", FaultKind.FULL),
    ("attempt to write a readonly database", FaultKind.READ_ONLY),
    ("readonly database", FaultKind.READ_ONLY),
    ("unable to open database file", FaultKind.CANNOT_OPEN),
    ("disk i/o error", FaultKind.IO),
    ("file is not a database", FaultKind.DAMAGED),
    ("database disk image is malformed", FaultKind.DAMAGED),
)

_ERRNO_FAULTS = {
    errno.ENOSPC: FaultKind.FULL,
    errno.EDQUOT: FaultKind.FULL,
    errno.EFBIG: FaultKind.FULL,
    errno.EACCES: FaultKind.PERMISSION,
    errno.EPERM: FaultKind.PERMISSION,
    errno.EROFS: FaultKind.READ_ONLY,
    errno.EISDIR: FaultKind.IS_FOLDER,
    errno.ENOTDIR: FaultKind.NOT_FOLDER,
    errno.EEXIST: FaultKind.NOT_FOLDER,  # mkdir where a file of that name is
    errno.ENOENT: FaultKind.MISSING,
    errno.EBUSY: FaultKind.BUSY,
    errno.ETXTBSY: FaultKind.BUSY,
    errno.EIO: FaultKind.IO,
}


def _words(kind: FaultKind, where: str, store: bool) -> tuple[str, str]:
    match kind:
        case FaultKind.PERMISSION if store and "://" in where:
            return (
                f"数据库服务器“{where}”拒绝了登录或操作；请检查用户名、密码和权限",
                f"The database server '{where}' refused the login or the operation; check "
                "the user name, the password and the user's privileges",
            )
        case FaultKind.MISSING if store and "://" in where:
            return (
                f"数据库服务器上没有“{where}”这个数据库；请让管理员先创建它",
                f"The database '{where}' does not exist on the server; ask its administrator "
                "to create it first",
            )
        case FaultKind.BUSY if store:
            return (
                f"工作区“{where}”正在被另一个 jlpanel 修改（合并、导入或计算），请稍后重试；"
                "本次没有保存任何改动",
                f"The workspace '{where}' is being changed by another jlpanel (a merge, an "
                "import or a computation); try again in a moment. Nothing was stored",
            )
        case FaultKind.BUSY:
            return (
                f"“{where}”正被其他程序使用，请关闭它后重试",
                f"'{where}' is in use by another program; close it and try again",
            )
        case FaultKind.FULL:
            return (
                f"磁盘空间不足，无法写入“{where}”；请清理磁盘或换一个位置后重试"
                + ("，本次没有保存任何改动" if store else ""),
                f"The disk is full: '{where}' cannot be written; free some space or choose "
                "another place and try again" + (". Nothing was stored" if store else ""),
            )
        case FaultKind.READ_ONLY:
            return (
                f"“{where}”是只读的，无法写入；请复制到可写的位置，或取消其只读属性后重试",
                f"'{where}' is read-only and cannot be written; copy it somewhere writable, "
                "or clear its read-only attribute, and try again",
            )
        case FaultKind.PERMISSION:
            return (
                f"没有权限访问“{where}”；请检查文件权限，或换一个位置",
                f"No permission to use '{where}'; check its permissions or choose another place",
            )
        case FaultKind.IS_FOLDER:
            return (
                f"“{where}”是文件夹，这里需要的是文件；请换一个文件名",
                f"'{where}' is a folder where a file is needed; choose another file name",
            )
        case FaultKind.NOT_FOLDER:
            return (
                f"路径“{where}”中有一部分是文件，这里需要的是文件夹；请换一个位置",
                f"Part of the path '{where}' is a file where a folder is needed; choose "
                "another place",
            )
        case FaultKind.MISSING:
            return (
                f"找不到“{where}”；请检查路径",
                f"'{where}' does not exist; check the path",
            )
        case FaultKind.DAMAGED:
            return (
                f"工作区“{where}”已损坏，无法使用；请从备份恢复（jlpanel backups 列出备份）",
                f"The workspace '{where}' is damaged; restore it from a backup "
                "(jlpanel backups lists them)",
            )
        case FaultKind.UNREACHABLE:
            return (
                f"无法连接数据库服务器“{where}”；请检查网络、服务器地址和端口后重试"
                + ("，本次没有保存任何改动" if store else ""),
                f"The database server '{where}' cannot be reached; check the network, the "
                "server's address and port, and try again"
                + (". Nothing was stored" if store else ""),
            )
        case FaultKind.TOO_LONG:
            return (
                f"有一段文字超出了工作区“{where}”中该字段的长度上限，本次没有保存任何改动；"
                "请缩短后重试",
                f"A text is longer than its field in the workspace '{where}' takes. Nothing "
                "was stored; shorten it and try again",
            )
        case FaultKind.INVALID:
            return (
                f"工作区“{where}”拒绝了一个无效的值，本次没有保存任何改动",
                f"The workspace '{where}' refused a value that is not valid. Nothing was stored",
            )
        case FaultKind.CONFLICT:
            return (
                f"这次修改与工作区“{where}”中已有的内容冲突（可能另一个 jlpanel 刚刚修改过），"
                "本次没有保存任何改动；请重试",
                f"The change conflicts with what the workspace '{where}' holds (another "
                "jlpanel may have just changed it). Nothing was stored; try again",
            )
        case FaultKind.CANNOT_OPEN:
            return (
                f"无法打开“{where}”；请检查文件是否存在、所在文件夹是否可写",
                f"'{where}' cannot be opened; check that it exists and that its folder is writable",
            )
    return (
        f"读写“{where}”时出现磁盘错误；请检查磁盘或换一个位置后重试",
        f"A disk error occurred using '{where}'; check the disk or choose another place",
    )


def store_fault(exc: BaseException, path: Path | str | None) -> FaultError | None:
    """The message for a fault of the machine behind ``exc``, or None when it is a bug.

    ``exc`` may be SQLite's own error (raw or wrapped by SQLAlchemy), about the store at
    ``path``, or an ``OSError`` about a file of its own (named in the message instead).
    """
    if isinstance(exc, FaultError):
        return exc
    original = getattr(exc, "orig", None) or exc
    if isinstance(original, OSError):
        kind = _ERRNO_FAULTS.get(original.errno or 0)
        if kind is None:
            return None
        # A rename names its destination second: that is the path the user gave.
        where = next((w for w in (original.filename2, original.filename) if w), path)
        zh, en = _words(kind, str(where or ""), store=False)
        return FaultError(kind, where, zh, en)
    from jlpanel.storage.engines import server_fault_kind

    server_kind = server_fault_kind(exc)
    if server_kind is not None:
        zh, en = _words(FaultKind(server_kind), str(path or ""), store=True)
        return FaultError(FaultKind(server_kind), path, zh, en)
    if type(original).__name__ not in ("OperationalError", "DatabaseError"):
        return None
    text = str(original).lower()
    for fragment, kind in _SQLITE_FAULTS:
        if fragment in text:
            zh, en = _words(kind, str(path or ""), store=True)
            return FaultError(kind, path, zh, en)
    return None


class DamagedWorkspaceError(UserError):
    """A workspace that failed its integrity check: not opened, not written, not backed up.

    ``backup`` is the newest good backup of its cycle (None when there is none), ``taken_at``
    and ``kind_label`` (Chinese, English) describe it, so a window can offer to restore it.
    """

    def __init__(
        self,
        zh: str,
        en: str,
        *,
        path: Path,
        backup: Path | None,
        taken_at: dt.datetime | None = None,
        kind_label: tuple[str, str] = ("", ""),
        details: Sequence[str] = (),
    ) -> None:
        super().__init__(zh, en, details=details)
        self.path = path
        self.backup = backup
        self.taken_at = taken_at
        self.kind_label = kind_label


class OpenBackupError(UserError):
    """The backup taken when a store was opened could not be written or verified in the
    background (issue 16): the store stays open and usable, without that backup. ``folder``
    is the backup folder; ``cause`` what failed, said in words where it is a known fault."""

    def __init__(self, folder: Path | str | None, cause: BaseException) -> None:
        zh_why, en_why = _backup_fault_words(cause)
        super().__init__(
            f"未能在备份文件夹中写入打开工作区时的备份：{folder}（{zh_why}）。"
            "工作区已打开，可以继续工作，但本次打开前的状态没有备份。"
            "请在 设置 → 备份 中换一个文件夹，或腾出磁盘空间。",
            f"The backup taken when the workspace was opened could not be written to the "
            f"backup folder {folder} ({en_why}). The workspace is open and you can go on "
            "working, but its state before this session has no backup. Choose another folder "
            "in Settings → Backups, or free some disk space.",
        )
        self.folder = folder


def _backup_fault_words(cause: BaseException) -> tuple[str, str]:
    """What went wrong with a backup, in words (Chinese, English), from the first OS error or
    SQLite message in ``cause``'s chain; else its own text."""
    seen: BaseException | None = cause
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno is not None:
            kind = _ERRNO_FAULTS.get(seen.errno)
            if kind is FaultKind.NOT_FOLDER:
                return "该位置有一个同名文件，不是文件夹", "a file is in the way of the folder"
            if kind is FaultKind.FULL:
                return "磁盘空间不足", "the disk is full"
            if kind in (FaultKind.PERMISSION, FaultKind.READ_ONLY):
                return "没有写入权限", "no permission to write there"
        if "disk is full" in str(seen).lower():
            return "磁盘空间不足", "the disk is full"
        seen = seen.__cause__ or seen.__context__
    return str(cause), str(cause)


def _owner_words(owner: Owner | None) -> tuple[str, str]:
    if owner is None:
        return "", ""
    since = owner.since.astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        f"（{owner.user}@{owner.host}，进程 {owner.pid}，{since} 起）",
        f" ({owner.user}@{owner.host}, pid {owner.pid}, since {since})",
    )


class WorkspaceInUseError(UserError):
    """Another jlpanel process has the workspace open for changing; ``owner`` says who."""

    def __init__(self, path: Path, owner: Owner | None) -> None:
        zh, en = _owner_words(owner)
        super().__init__(
            f"工作区“{path.name}”正由另一个 jlpanel 打开修改{zh}；本次没有保存任何改动。"
            "请在那边关闭它后重试",
            f"The workspace '{path.name}' is being changed by another jlpanel{en}. Nothing was "
            "stored; close it there and try again",
        )
        self.path = path
        self.owner = owner


class ReadOnlyWorkspaceError(UserError):
    """A change asked of a workspace opened read-only."""

    def __init__(self, path: Path | str) -> None:
        name = path.name if isinstance(path, Path) else path
        super().__init__(
            f"工作区“{name}”是以只读方式打开的，不能修改；本次没有保存任何改动",
            f"The workspace '{name}' is open read-only and cannot be changed. Nothing was stored",
        )
        self.path = path


@dataclass(frozen=True, slots=True)
class StoredCycle:
    """A cycle of a store, as a chooser lists it."""

    id: str
    name: str
    period_start: dt.date | None
    period_end: dt.date | None
    #: Its results are confirmed (the latest confirmation not reopened): a closed cycle.
    confirmed: bool = False


class CycleChoiceError(UserError):
    """The store holds several cycles at work and none was named, or an unknown one was."""

    def __init__(
        self,
        path: Any,
        cycles: list[StoredCycle],
        wanted: str | None,
        *,
        name: str | None = None,
    ) -> None:
        """``path`` is the store's location (a file's Path, or a server's URL, which opens
        it again); ``name`` how the user reads it (a password hidden)."""
        where = name or str(path)
        names = "、".join(c.name for c in cycles)
        names_en = ", ".join(c.name for c in cycles)
        if wanted is None:
            open_ = sum(1 for c in cycles if not c.confirmed)
            zh = (
                f"{where} 中有 {open_} 个考核周期的结果尚未确定（共 {len(cycles)} 个），"
                f"请用 --cycle 指定：{names}"
            )
            en = (
                f"{where} holds {open_} cycles whose results are not confirmed ({len(cycles)} "
                f"in all); name one with --cycle: {names_en}"
            )
        else:
            zh = f"{where} 中没有名为“{wanted}”的考核周期；其中有：{names}"
            en = f"{where} has no cycle named “{wanted}”; it holds: {names_en}"
        super().__init__(zh, en)
        self.path = path
        self.name = where
        self.cycles = cycles
        self.wanted = wanted


class CheckedOutError(UserError):
    """The cycle is checked out to a meeting's file: read-only in the store until it is
    checked in."""

    def __init__(self, name: str, at: dt.datetime | None, by: str | None, to: str | None) -> None:
        when = f"{at.astimezone():%Y-%m-%d %H:%M}" if at is not None else "?"
        super().__init__(
            f"考核周期“{name}”已于 {when} 由 {by} 检出到 {to}，检入之前在此只读；"
            "本次没有保存任何改动",
            f"The cycle “{name}” was checked out by {by} on {when} to {to}; it is read-only "
            "here until it is checked in. Nothing was stored",
        )
        self.name = name
        self.to = to


#: The dossier sheet (its ``dossier_field``) each dossier table is read from.
_DOSSIER_SHEET_OF_TABLE = {
    "platforms": "basic",
    "resources": "resources",
    "service_records": "services",
    "outcomes": "outcomes",
    "staff_members": "staff",
    "funding_lines": "funding",
    "regulations": "regulations",
    "major_events": "major_events",
}


def _field_label(table: str, column: str) -> tuple[str, str]:
    """A stored field as the user knows it (Chinese, English): the dossier sheet and column
    it is read from, else the table and column."""
    from jlpanel.exchange.dossier_schema import SHEETS

    wanted = _DOSSIER_SHEET_OF_TABLE.get(table)
    for sheet in SHEETS:
        if wanted is None or sheet.dossier_field != wanted:
            continue
        for spec in sheet.columns:
            if spec.field == column:
                english = next((a for a in spec.aliases if a.isascii()), spec.field)
                return (
                    f"“{sheet.name}”表的“{spec.header}”",
                    f"'{spec.header}' ({english}) on the sheet {sheet.name} ({sheet.name_en})",
                )
    return f"{table}.{column}", f"{table}.{column}"


def text_too_long_error(exc: TextTooLong) -> UserError:
    """The message for a text longer than its field takes: the field, its limit, the platform
    and the workbook row; nothing was stored."""
    zh_field, en_field = _field_label(exc.table, exc.column)
    owner = exc.owner
    zh_where: list[str] = []
    en_where: list[str] = []
    if owner.filing_no or owner.name:
        platform = " ".join(p for p in (owner.filing_no, owner.name) if p)
        zh_where.append(f"平台 {platform}")
        en_where.append(f"platform {platform}")
    if owner.source_file:
        zh_where.append(f"文件 {owner.source_file}")
        en_where.append(f"file {owner.source_file}")
    if exc.row is not None:
        zh_where.append(f"第 {exc.row} 行")
        en_where.append(f"row {exc.row}")
    zh_at = f"（{'，'.join(zh_where)}）" if zh_where else ""
    en_at = f" ({', '.join(en_where)})" if en_where else ""
    return UserError(
        f"{zh_field}过长：最多 {exc.limit} 个字符，这里有 {exc.length} 个{zh_at}。"
        "本次没有保存任何改动；请缩短后重试",
        f"{en_field} is too long: at most {exc.limit} characters, this one has "
        f"{exc.length}{en_at}. Nothing was stored; shorten it and try again",
    )
