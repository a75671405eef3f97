"""Backups on real files: verified when written, never of a damaged workspace, found again by
cycle, rotated without losing the newest verified copy (issue 13, items 1 and 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from damage import backup_files, cycle_id, damage, filled_workspace, quick_check, sha256

from jlpanel.services.errors import UserError
from jlpanel.services.preferences import Preferences
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import backups as stored
from jlpanel.storage import workspace as store


def test_a_backup_is_kept_in_its_cycles_folder_with_what_was_checked(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "2026年度.jlpanel")

    made = store.backup_workspace(path, tmp_path / "b", 3, "pre-merge")

    assert made.parent == tmp_path / "b" / cycle_id(path)
    assert made.name.startswith("2026年度-") and made.name.endswith("-pre-merge.jlpanel")
    (listed,) = stored.list_backups(tmp_path / "b", path)
    assert listed.path == made and listed.kind == "pre-merge" and listed.verified
    assert listed.source == path.absolute() and listed.size == made.stat().st_size
    assert listed.digest is not None and listed.digest.counts["score_sheets"] == 60 * 7
    assert stored.newest_good_backup(tmp_path / "b", path) == listed
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name, made.name + ".json"]


def test_a_workspace_damaged_while_open_is_not_backed_up(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "2026年度.jlpanel")
    engine = store.open_workspace(path, backup_dir=None, backup_count=3)
    try:
        damage(path)  # the disk fails under the open workspace, e.g. before a merge

        with pytest.raises(store.WorkspaceError) as refused:
            store.backup_workspace(engine, tmp_path / "b", 3, "pre-merge")
    finally:
        engine.dispose()

    assert refused.value.kind == "corrupt" and refused.value.path == path
    assert refused.value.problems
    assert [p for p in (tmp_path / "b").rglob("*") if p.is_file()] == []


def test_the_newest_good_backup_is_one_that_still_checks_out(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "2026年度.jlpanel")
    older = store.backup_workspace(path, tmp_path / "b", 3, "open")
    newer = store.backup_workspace(path, tmp_path / "b", 3, "pre-import")
    damage(newer)  # the backup disk fails later

    good = stored.newest_good_backup(tmp_path / "b", path)

    assert good is not None and good.path == older
    # A record that is not one of ours: listed, but not as verified.
    older.with_name(older.name + ".json").write_text('{"format": 1, "kind": [[[', "utf-8")
    assert [b.verified for b in stored.list_backups(tmp_path / "b", path)] == [False, True]
    assert stored.newest_good_backup(tmp_path / "b", path) is None


def test_rotation_never_deletes_the_newest_verified_backup(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "2026年度.jlpanel")
    folder = tmp_path / "b"
    verified = store.backup_workspace(path, folder, 1, "open")
    # A copy whose check could not be recorded: a stray file with a later time, and the next
    # backup's record blocked by a folder in its place (names follow the newest time).
    stray = verified.with_name("2026年度-20990101-000000-000000-open.jlpanel")
    stray.write_bytes(verified.read_bytes())
    verified.with_name("2026年度-20990101-000000-000001-open.jlpanel.json").mkdir()

    unrecorded = store.backup_workspace(path, folder, 1, "open")

    assert unrecorded.name == "2026年度-20990101-000000-000001-open.jlpanel"
    assert [(b.path, b.verified) for b in stored.list_backups(folder, path)] == [
        (verified, True),
        (unrecorded, False),
    ]
    assert not stray.exists()


def test_backups_taken_in_the_same_instant_never_replace_each_other(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "2026年度.jlpanel", platforms=3, experts=1)

    made = [store.backup_workspace(path, tmp_path / "b", 10, "open") for _ in range(5)]

    assert len(set(made)) == 5 and backup_files(tmp_path / "b") == sorted(made)
    times = [b.taken_at for b in stored.list_backups(tmp_path / "b", path)]
    assert times == sorted(times) and len(set(times)) == 5
    assert all(t <= dt.datetime.now() + dt.timedelta(seconds=1) for t in times)


def test_a_backup_folder_that_is_a_file_is_a_message_naming_it(tmp_path: Path) -> None:
    path = filled_workspace(tmp_path / "2026年度.jlpanel", platforms=3, experts=1)
    blocker = tmp_path / "备份"
    blocker.write_text("not a folder", "utf-8")
    before = sha256(path)

    with pytest.raises(UserError) as refused:
        open_workspace(path, preferences=Preferences(backup_dir=str(blocker)))

    assert str(blocker) in refused.value.message("zh") and "备份" in refused.value.message("zh")
    assert "Settings" in refused.value.message("en")
    assert sha256(path) == before and quick_check(path) == ["ok"]


def test_an_older_file_is_backed_up_before_its_upgrade_even_when_only_read(
    tmp_path: Path,
) -> None:
    path = filled_workspace(tmp_path / "2026年度.jlpanel", platforms=3, experts=1)
    engine = store.open_engine(path)
    store.downgrade(engine, "0003")
    engine.dispose()

    with open_workspace(
        path, preferences=Preferences(backup_dir=str(tmp_path / "b")), backup=False
    ):
        pass

    (taken,) = backup_files(tmp_path / "b")
    assert taken.name.endswith("-pre-upgrade.jlpanel")


def test_a_change_on_a_workspace_damaged_since_it_was_opened_is_refused(tmp_path: Path) -> None:
    from jlpanel.services.errors import DamagedWorkspaceError
    from jlpanel.services.intake import import_dossiers

    path = filled_workspace(tmp_path / "2026年度.jlpanel")
    prefs = Preferences(backup_dir=str(tmp_path / "b"))
    with open_workspace(path, preferences=prefs) as ws:
        (good,) = backup_files(tmp_path / "b")
        damage(path)
        dossier = tmp_path / "平台.xlsx"
        dossier.write_bytes(b"never read: the backup before the import refuses first")

        with pytest.raises(DamagedWorkspaceError) as refused:
            import_dossiers(ws, [dossier], backup_dir=tmp_path / "b", backup_count=3)

    assert refused.value.backup == good
    assert "工作区文件已损坏" in refused.value.message("zh")
    assert backup_files(tmp_path / "b") == [good]
