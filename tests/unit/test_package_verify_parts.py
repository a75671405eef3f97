"""The parts of package verification: limited JSON, the expected schema, the query clock."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jlpanel.storage import package_models as pm
from jlpanel.storage import package_verify as pv

GOLDEN = Path(__file__).with_name(f"package_schema_v{pm.PACKAGE_FORMAT_VERSION}.sql")
LIMITS = pv.JsonLimits(max_bytes=10_000, max_depth=5, max_number_chars=20)


def refusal(data: str | bytes, limits: pv.JsonLimits = LIMITS) -> str:
    with pytest.raises(pv.LimitedJsonError) as info:
        pv.parse_limited_json(data, limits)
    assert info.value.reason.zh and info.value.reason.en
    return info.value.reason.en


# ---------------------------------------------------------------------------- limited JSON


@pytest.mark.parametrize(
    "document",
    [
        {"a": [1, 2.5, None, True, "吉林"], "b": {"c": {"d": {}}}},
        [[[["[[[[[[ brackets in a string do not nest ]]]]]]"]]]],
        {"emoji": "\U0001f600", "escaped": "\\ud83d\\ude00 is text"},
        -1234567890123456789,
    ],
)
def test_sound_json_reads_back_as_written(document: Any):
    text = json.dumps(document, ensure_ascii=False)
    assert pv.parse_limited_json(text, LIMITS) == document
    assert pv.parse_limited_json(text.encode(), LIMITS) == document


def test_a_surrogate_pair_escape_is_one_character_not_a_lone_surrogate():
    assert pv.parse_limited_json('"\\ud83d\\ude00"', LIMITS) == "\U0001f600"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("[" * 6 + "]" * 6, "nested more than 5 levels deep"),
        ("[" * 9_000, "nested more than 5 levels deep"),
        ('{"a": {"b": {"c": {"d": {"e": {}}}}}}', "nested more than 5 levels deep"),
        ("x" * 10_001, "too large (10001 bytes; at most 10000)"),
        (b"x" * 10_001, "too large (10001 bytes; at most 10000)"),
        ("1" * 21, "a number too long (21 characters; at most 20)"),
        ("1e400", "a number out of range: 1e400"),
        ("-1e400", "a number out of range: -1e400"),
        ("[NaN]", "holds the non-number constant NaN"),
        ("[-Infinity]", "holds the non-number constant -Infinity"),
        ('{"k": 1, "k": 1}', "the key “k” appears twice"),
        ('["\\udc00"]', "holds invalid Unicode (a lone surrogate)"),
        ('{"\\ud800": 1}', "holds invalid Unicode (a lone surrogate)"),
        (b'["\xc3\x28"]', "not valid UTF-8 text from byte 2"),
        ("{'single': 'quotes'}", "not valid JSON (line 1, column 2"),
        ("", "not valid JSON (line 1, column 1"),
    ],
)
def test_junk_and_excess_are_refused_with_a_reason(data: str | bytes, reason: str):
    assert refusal(data).startswith(reason)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_anything_is_a_value_or_a_refusal(data: str | bytes):
    # Any other exception (ValueError, UnicodeDecodeError, RecursionError …) fails the test.
    with contextlib.suppress(pv.LimitedJsonError):
        pv.parse_limited_json(data, LIMITS)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='[]{}"\\:,1a ', max_size=400))
def test_bracket_soup_never_recurses_past_the_limit(data: str):
    try:
        value = pv.parse_limited_json(data, LIMITS)
    except pv.LimitedJsonError:
        return
    json.dumps(value)


def test_the_package_limits_take_the_default_rubric_and_rules():
    from jlpanel.domain.rules import RuleSettings
    from jlpanel.services.rubrics import default_rubric, rubric_snapshot

    rubric = rubric_snapshot(default_rubric())
    assert isinstance(pv.parse_limited_json(rubric, pv.RUBRIC_LIMITS), dict)
    rules = json.dumps(RuleSettings().to_dict())
    assert isinstance(pv.parse_limited_json(rules, pv.RULES_LIMITS), dict)


# ---------------------------------------------------------------------------------- schema


def test_the_expected_schema_is_what_the_writer_creates_and_nothing_else():
    connection = sqlite3.connect(":memory:")
    pv.create_schema(connection)
    assert pv.schema_problems(connection) == []
    kinds = {kind for kind, _ in pv.expected_schema().objects}
    assert kinds == {"table", "index"}
    assert {n for k, n in pv.expected_schema().objects if k == "table"} == set(
        pm.PackageBase.metadata.tables
    )


def test_an_empty_database_misses_every_table_and_index():
    found = pv.schema_problems(sqlite3.connect(":memory:"))
    assert found[0].en.endswith("is missing") and len(found) == pv.MAX_PROBLEMS + 1


def test_format_1_is_pinned():
    """The writer's schema of this format, as SQLite stores it, is the one pinned here.

    Failing means the package schema changed (models or SQLAlchemy's DDL). Packages already
    issued under this format number would then be refused as altered: bump
    PACKAGE_FORMAT_VERSION, keep reading the old format, and pin the new one in a new file.
    """
    connection = sqlite3.connect(":memory:")
    pv.create_schema(connection)
    lines: list[str] = []
    for kind, name, sql in connection.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    ):
        lines += [f"-- {kind} {name}", (sql or "(automatic)") + ";"]
    assert "\n".join(lines) + "\n" == GOLDEN.read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- query clock


COUNT_FOREVER = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
)


def test_the_clock_stops_a_runaway_query_and_starts_again():
    connection = sqlite3.connect(":memory:")
    clock = pv.QueryClock(pv.QueryBudget(seconds=600, steps=50))
    clock.install(connection)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        connection.execute(COUNT_FOREVER).fetchone()
    assert clock.exceeded
    clock.restart()
    assert not clock.exceeded
    assert connection.execute("SELECT 1 + 1").fetchone() == (2,)


def test_the_clock_counts_wall_time_too():
    connection = sqlite3.connect(":memory:")
    clock = pv.QueryClock(pv.QueryBudget(seconds=0))
    clock.install(connection)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        connection.execute(COUNT_FOREVER).fetchone()
    assert clock.exceeded


def test_names_from_a_file_are_shown_without_control_characters():
    assert pv.shown("a\nb\x1b[2Jc\u202e") == "a?b?[2Jc?"
    assert pv.shown("名" * 100, limit=10) == "名" * 9 + "…"
