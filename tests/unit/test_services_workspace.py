"""Workspace use cases: rule changes are audited, bad settings refused, backups on open."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from jlpanel.domain.rules import RuleSettings
from jlpanel.services.errors import UserError
from jlpanel.services.preferences import Preferences, load_preferences, save_preferences
from jlpanel.services.workspace import (
    backup_before,
    create_workspace,
    open_workspace,
    parse_rules,
    set_cycle_language,
    update_rules,
)
from jlpanel.storage import models as m


def test_changing_the_rules_is_audited_with_old_and_new(any_store):
    path = any_store
    with create_workspace(path, "2026年度") as ws:
        update_rules(ws, RuleSettings(excellent_quota=0.2, rectification_months=6))
        update_rules(ws, RuleSettings(excellent_quota=0.2, rectification_months=6))  # no change
        assert ws.cycle_info().rules.excellent_quota == Decimal("0.2")
        with ws.session() as s:
            entries = s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)).all()
    assert [e.action for e in entries] == ["create_cycle", "update_rules"]
    detail = json.loads(entries[1].detail_json)
    assert detail == {
        "old": {"excellent_quota": None, "rectification_months": 12},
        "new": {"excellent_quota": 0.2, "rectification_months": 6},
    }


def test_the_report_language_is_chinese_unless_set_and_its_change_is_audited(tmp_path, any_store):
    path = any_store
    with create_workspace(path, "2026年度") as ws:
        assert ws.cycle_info().language == "zh"
        assert set_cycle_language(ws, "en") is True
        assert set_cycle_language(ws, "en") is False  # the same again changes nothing
        assert ws.cycle_info().language == "en"
    with open_workspace(path, preferences=Preferences(backup_dir=str(tmp_path / "bk"))) as ws:
        assert ws.cycle_info().language == "en"
        assert set_cycle_language(ws, "zh") is True
        with ws.session() as s:
            entries = s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)).all()
    assert [e.action for e in entries] == ["create_cycle", "set_language", "set_language"]
    assert json.loads(entries[0].detail_json)["new"]["language"] == "zh"
    assert [json.loads(e.detail_json) for e in entries[1:]] == [
        {"old": "zh", "new": "en"},
        {"old": "en", "new": "zh"},
    ]
    assert {e.entity for e in entries} == {"cycle"}


def test_a_bad_report_language_is_refused_and_changes_nothing(tmp_path, any_store):
    path = any_store
    with create_workspace(path, "2026年度", language="en") as ws:
        for bad in ("fr", "EN", "", "zh_CN"):
            with pytest.raises(UserError) as info:
                set_cycle_language(ws, bad)
            assert "zh (Chinese) or en (English)" in info.value.message("en")
            assert "报告语言" in info.value.message("zh")
        assert ws.cycle_info().language == "en"
        with ws.session() as s:
            actions = s.scalars(select(m.AuditEntry.action)).all()
    assert actions == ["create_cycle"]
    with pytest.raises(UserError):
        create_workspace(tmp_path / "d.jlpanel", "2026年度", language="de")
    assert not (tmp_path / "d.jlpanel").exists()


def test_bad_rule_settings_are_named():
    with pytest.raises(UserError) as info:
        parse_rules({"pass_min": 95, "made_up": 1})
    assert "made_up" in info.value.message("en")
    with pytest.raises(UserError) as info:
        parse_rules({"pass_min": 95})
    assert "pass_min ≤ good_min" in info.value.message("zh")


def test_rules_round_trip_through_the_workspace(any_store):
    rules = RuleSettings(excellent_quota=0.3, area_floor_pct=60, funding_budget=500.0)
    with create_workspace(any_store, "周期", rules=rules) as ws:
        assert ws.cycle_info().rules == rules


def test_every_open_of_a_changed_store_takes_a_backup_into_the_preferred_folder(tmp_path):
    from jlpanel.services.workspace import record

    path = tmp_path / "c.jlpanel"
    create_workspace(path, "周期").close()
    prefs = Preferences(backup_dir=str(tmp_path / "bk"), backup_count=2)
    for n in range(3):
        with open_workspace(path, preferences=prefs) as ws, ws.session() as s:
            record(s, "note", "cycle", None, new={"n": n})  # changed before the next open
    backups = sorted((tmp_path / "bk").rglob("*.jlpanel"))
    assert len(backups) == 2
    assert all(b.name.startswith("c-") for b in backups)
    # opened again (the last change not yet backed up), then again unchanged: no new copy
    open_workspace(path, preferences=prefs).close()
    newest = sorted((tmp_path / "bk").rglob("*.jlpanel"))
    open_workspace(path, preferences=prefs).close()
    assert sorted((tmp_path / "bk").rglob("*.jlpanel")) == newest


def test_a_store_just_created_takes_the_backups_a_change_takes(tmp_path):
    """Created and used in one session (the window keeps the new store open): confirming
    its results is backed up first, as in a store opened later; ``backup=False`` (a store
    being built) takes none, whether the file is new or the cycle is added to it."""
    prefs = Preferences(backup_dir=str(tmp_path / "bk"), backup_count=2)
    path = tmp_path / "c.jlpanel"
    with create_workspace(path, "周期", preferences=prefs) as ws:
        taken = backup_before(ws, "pre-confirm")
    assert taken is not None and taken.parent.parent == tmp_path / "bk"
    with create_workspace(path, "第二个周期", preferences=prefs) as ws:
        assert backup_before(ws, "pre-confirm") is not None
    before = sorted((tmp_path / "bk").rglob("*.jlpanel"))

    with create_workspace(tmp_path / "d.jlpanel", "周期", preferences=prefs, backup=False) as ws:
        assert backup_before(ws, "pre-confirm") is None
    with create_workspace(path, "第三个周期", preferences=prefs, backup=False) as ws:
        assert backup_before(ws, "pre-confirm") is None
    assert sorted((tmp_path / "bk").rglob("*.jlpanel")) == before


def test_preferences_survive_a_round_trip_and_junk():
    save_preferences(Preferences(language="en", backup_count=5))
    assert load_preferences() == Preferences(language="en", backup_count=5)
    from jlpanel.services.preferences import preferences_path

    preferences_path().write_text("{not json", "utf-8")
    assert load_preferences() == Preferences()


def test_a_server_store_is_named_without_its_password_and_takes_no_file_backup(tmp_path, pg_url):
    url = pg_url.replace("postgresql+psycopg://postgres@", "postgresql://postgres:pw@", 1)
    create_workspace(url, "周期").close()
    prefs = Preferences(backup_dir=str(tmp_path / "bk"), backup_count=2)
    with open_workspace(url, preferences=prefs) as ws:
        assert ws.name.startswith("postgresql://postgres:***@/") and ws.file is None
        assert backup_before(ws, "pre-confirm") is None
        update_rules(ws, RuleSettings(excellent_quota=0.2))  # no owner file: nowhere to put it
    assert not (tmp_path / "bk").exists()
    assert not list(tmp_path.iterdir())


def test_a_change_waits_for_another_on_a_server_then_says_it_is_busy(pg_url, monkeypatch):
    from sqlalchemy import create_engine, func

    from jlpanel.storage import engines

    monkeypatch.setattr(engines, "LOCK_TIMEOUT_MS", 150)
    ws = create_workspace(pg_url, "周期")
    other = create_engine(pg_url)
    try:
        with other.connect() as holder:
            holder.execute(select(func.pg_advisory_xact_lock(engines.WRITE_LOCK_KEY)))
            with pytest.raises(UserError) as busy:
                update_rules(ws, RuleSettings(excellent_quota=0.2))
            holder.rollback()
        assert "being changed by another jlpanel" in busy.value.message("en")
        update_rules(ws, RuleSettings(excellent_quota=0.2))  # free again: it goes through
        assert ws.cycle_info().rules.excellent_quota == Decimal("0.2")
    finally:
        ws.close()
        other.dispose()


def test_empty_cycle_name_is_refused(tmp_path):
    with pytest.raises(UserError):
        create_workspace(tmp_path / "c.jlpanel", "   ")
    assert not (tmp_path / "c.jlpanel").exists()


def test_a_read_sees_one_snapshot_while_another_process_changes_the_store(any_store):
    with (
        create_workspace(any_store, "周期") as ws,
        open_workspace(any_store, backup=False) as other,
    ):
        with ws.reading() as s:
            assert s.scalar(select(func.count()).select_from(m.Expert)) == 0
            with other.session() as w:
                cycle = w.scalars(select(m.Cycle)).one()
                w.add(m.Expert(cycle=cycle, name="赵一鸣"))
            assert s.scalar(select(func.count()).select_from(m.Expert)) == 0
        with ws.reading() as s:
            assert s.scalar(select(func.count()).select_from(m.Expert)) == 1
