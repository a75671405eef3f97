"""A cycle's backups as the user sees them: the list with kind, time and check, and restoring one.

The rules of taking them (per cycle, verified, rotated by kind) are the storage layer's
(:mod:`jlpanel.storage.backups`); the CLI's ``backups`` and ``restore`` and the GUI's offer to
restore a damaged workspace call these functions.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from jlpanel.services.errors import UserError, WorkspaceInUseError
from jlpanel.services.preferences import Preferences, load_preferences
from jlpanel.services.workspace import LOCK_TRIES, translate_workspace_error
from jlpanel.storage import backups
from jlpanel.storage import owner as owners
from jlpanel.storage import workspace as store
from jlpanel.storage.backups import Backup
from jlpanel.storage.workspace import Restored

__all__ = ["BackupListing", "Restored", "list_workspace_backups", "restore_workspace"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BackupListing:
    """The backups of one workspace's cycle, oldest first, and the one to restore."""

    store: Path
    folder: Path
    backups: tuple[Backup, ...]
    #: The newest backup that was verified when taken and still checks out now.
    newest_good: Backup | None
    #: Backups an earlier version of jlpanel left in the folder, by file name, not verified.
    legacy: tuple[Path, ...] = ()


def list_workspace_backups(path: Path, *, preferences: Preferences | None = None) -> BackupListing:
    """The backups of the cycle in the workspace ``path`` (damaged or not: a file that cannot
    say its cycle — or is gone — is matched by the path its backups were taken from)."""
    prefs = preferences or load_preferences()
    folder = prefs.backup_folder()
    try:
        found = tuple(backups.list_backups(folder, path))
        good = backups.newest_good_backup(folder, path)
        legacy = tuple(backups.legacy_backups(folder, path))
    except OSError as exc:
        raise UserError(
            f"无法读取备份文件夹：{folder}（{exc.strerror or exc}）",
            f"Cannot read the backup folder: {folder} ({exc.strerror or exc})",
        ) from exc
    return BackupListing(path, folder, found, good, legacy)


def restore_workspace(
    path: Path, backup: Path, *, preferences: Preferences | None = None
) -> Restored:
    """Put the backup file ``backup`` in the place of the workspace ``path``, keeping what it
    replaces: a damaged workspace as a copy beside it, a sound one as a backup of its own."""
    prefs = preferences or load_preferences()
    folder = prefs.backup_folder()
    if not backup.is_file():
        raise UserError(f"找不到备份文件：{backup}", f"Backup file not found: {backup}")
    if path.exists() and path.resolve() == backup.resolve():
        raise UserError(
            f"备份文件就是工作区本身，无需恢复：{path}",
            f"The backup is the workspace itself; there is nothing to restore: {path}",
        )
    # Replacing the file changes the workspace: not while another jlpanel has it.
    wait = LOCK_TRIES * store.BUSY_TIMEOUT_MS / 1000
    try:
        claimed = owners.claim(path, keeps=False, wait=wait)
    except owners.OwnerBusy as busy:
        raise WorkspaceInUseError(path, busy.owner) from busy
    try:
        return store.restore_workspace(
            path, backup, backup_dir=folder, backup_count=prefs.backup_count
        )
    except store.WorkspaceError as exc:
        raise _restore_error(exc, path, backup, folder) from exc
    finally:
        if claimed:
            owners.release(path)


def _restore_error(exc: store.WorkspaceError, path: Path, backup: Path, folder: Path) -> UserError:
    if exc.path == backup:
        unusable = {
            "corrupt": ("已损坏（完整性检查未通过）", "is damaged (it failed the integrity check)"),
            "not_a_workspace": ("不是 jlpanel 工作区", "is not a jlpanel workspace"),
            "newer_version": (
                "由更新版本的 jlpanel 创建，请先升级本程序",
                "was written by a newer version of jlpanel; update the program first",
            ),
            "missing": ("不存在", "does not exist"),
            "other_cycle": (
                "属于另一个考核周期，不能用来恢复这个工作区",
                "belongs to another cycle and cannot restore this workspace",
            ),
        }
        if exc.kind in unusable:
            zh, en = unusable[exc.kind]
            return UserError(
                f"备份文件{zh}：{backup}。工作区未作改动：{path}",
                f"The backup {en}: {backup}. The workspace was not changed: {path}",
                details=exc.problems[:3],
            )
    if exc.kind == "corrupt":  # the workspace damaged while a backup of it was being taken
        return UserError(
            f"工作区文件已损坏，无法为它做恢复前备份，未作改动：{path}",
            f"The workspace is damaged and could not be backed up before the restore; nothing "
            f"was changed: {path}",
            details=exc.problems[:3],
        )
    return translate_workspace_error(exc, backup_folder=folder)
