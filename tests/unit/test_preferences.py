"""Preferences: backward compatible, forgiving of junk, and the rules new cycles start with."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from jlpanel.domain.rules import RuleSettings
from jlpanel.services.errors import UserError
from jlpanel.services.preferences import (
    Preferences,
    check_writable_folder,
    clean_rule_defaults,
    load_preferences,
    preferences_path,
    rule_defaults_for,
    save_preferences,
)


def write(raw: object) -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(raw, ensure_ascii=False), "utf-8")


def test_an_old_file_without_the_new_fields_loads() -> None:
    write({"language": "en", "backup_dir": "/data/bk", "backup_count": 4, "export_dir": ""})
    prefs = load_preferences()
    assert prefs == Preferences(language="en", backup_dir="/data/bk", backup_count=4)
    assert prefs.rule_defaults == {}
    assert prefs.new_cycle_rules() == RuleSettings()


def test_rule_defaults_survive_a_round_trip_and_seed_new_cycles() -> None:
    rules = RuleSettings(excellent_min=85.0, good_min=75.0, rectification_months=6)
    stored = rule_defaults_for(rules)
    assert stored == {"excellent_min": 85.0, "good_min": 75.0, "rectification_months": 6}
    save_preferences(Preferences(rule_defaults=stored))
    assert json.loads(preferences_path().read_text("utf-8"))["rule_defaults"] == stored
    assert load_preferences().new_cycle_rules() == rules


def test_bad_fields_fall_back_one_by_one_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    write(
        {
            "language": "fr",
            "backup_count": 0,
            "backup_dir": 5,
            "export_dir": "/exports",
            "from_the_future": True,
            "rule_defaults": {
                "excellent_min": 75,
                "good_min": 70,
                "pass_min": 50,
                "trim_min_n": "five",
                "veto_min_experts": True,
                "excellent_quota": 3,
                "no_such_rule": 1,
            },
        }
    )
    with caplog.at_level(logging.WARNING, logger="jlpanel.services.preferences"):
        prefs = load_preferences()
    assert prefs.language == "zh" and prefs.backup_count == 10 and prefs.backup_dir == ""
    assert prefs.export_dir == "/exports"
    # Thresholds valid only together are kept together; the rest is dropped and named.
    assert prefs.rule_defaults == {"excellent_min": 75, "good_min": 70, "pass_min": 50}
    logged = caplog.text
    for name in ("fr", "backup_count", "trim_min_n", "veto_min_experts", "excellent_quota"):
        assert name in logged
    assert "no_such_rule" in logged


@pytest.mark.parametrize("contents", ["{not json", "[1, 2]", '"zh"', ""])
def test_a_corrupt_file_loads_the_defaults(contents: str) -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(contents, "utf-8")
    assert load_preferences() == Preferences()


def test_rule_defaults_that_are_not_a_mapping_are_ignored() -> None:
    assert clean_rule_defaults(["excellent_min", 80]) == {}
    write({"rule_defaults": "strict"})
    assert load_preferences().rule_defaults == {}


def test_a_folder_that_cannot_be_written_is_a_user_error(tmp_path: Path) -> None:
    good = tmp_path / "新" / "备份"
    check_writable_folder(good)
    assert good.is_dir() and list(good.iterdir()) == []  # the probe file is gone
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    with pytest.raises(UserError) as caught:
        check_writable_folder(blocker / "备份")
    assert caught.value.zh.startswith("无法在文件夹中写入文件：")
    assert str(blocker / "备份") in caught.value.message("en")
