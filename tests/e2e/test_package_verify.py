"""Review packages are verified before use: an altered or damaged one is refused, untouched.

Each case takes a package issued from a real workspace, alters a copy the way the fault pass
did (a trigger, views, extra or missing parts, a damaged description) and checks that the desk
and ``jlpanel check`` refuse it in both languages, naming what is wrong, and that the file is
byte for byte what it was, with no side files created.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from review_support import build_cycle, score_everything

from jlpanel.cli import main
from jlpanel.exchange import score_file as sf
from jlpanel.services import review as rv
from jlpanel.services.errors import UserError
from jlpanel.services.packages import issue_packages
from jlpanel.storage import package_file as pf
from jlpanel.storage import package_verify as pv

SIDE_FILES = ("-wal", "-shm", "-journal")


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One expert's package as issued (never opened: each test alters a copy)."""
    folder = tmp_path_factory.mktemp("cycle")
    ws = build_cycle(folder)
    try:
        return issue_packages(ws, folder / "out", experts=[900001], paper_sheets=False)[0].path
    finally:
        ws.close()


@pytest.fixture
def package(issued: Path, tmp_path: Path) -> Path:
    path = tmp_path / "专家 评审包.jlreview"
    shutil.copyfile(issued, path)
    return path


def altered(package: Path, *statements: str) -> Path:
    """``package`` changed with SQL, as anyone with sqlite3 could, and closed cleanly."""
    connection = sqlite3.connect(package)
    try:
        connection.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    for suffix in SIDE_FILES:  # a package arrives as one file
        package.with_name(package.name + suffix).unlink(missing_ok=True)
    return package


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return [s for s in SIDE_FILES if path.with_name(path.name + s).exists()]


def refused(path: Path) -> rv.DamagedPackageError:
    """Opening ``path`` is refused as damaged, and the file is left exactly as it was."""
    before = digest(path)
    with pytest.raises(rv.DamagedPackageError) as info:
        rv.open_package(path)
    assert digest(path) == before, "a refused package must not be written to"
    assert side_files(path) == []
    error = info.value
    assert error.problems
    assert "评审包已损坏或被改动" in error.message("zh") and str(path) in error.message("zh")
    assert "damaged or was altered" in error.message("en")
    assert "请向评审秘书重新领取评审包" in error.message("zh")
    return error


def problems(error: rv.DamagedPackageError, language: str = "en") -> list[str]:
    return [p.get(language) for p in error.problems]


# ------------------------------------------------------------------------------- schema


# Sets every other platform's A1 to 0 whenever the expert scores: inside the signed file.
SCORE_CHANGING_TRIGGER = (
    "CREATE TRIGGER keep_others_low AFTER INSERT ON scores BEGIN "
    "UPDATE scores SET points = 0 WHERE platform_id <> NEW.platform_id "
    "AND indicator_code = 'A1'; END"
)


def test_a_trigger_is_refused_before_it_can_run(package: Path):
    error = refused(altered(package, SCORE_CHANGING_TRIGGER))
    assert problems(error) == ["an extra trigger “keep_others_low” (on table “scores”)"]
    assert problems(error, "zh") == ["多出触发器“keep_others_low”（属于表“scores”）"]


def test_a_view_is_refused(package: Path):
    error = refused(altered(package, "CREATE VIEW totals AS SELECT sum(points) FROM scores"))
    assert problems(error) == ["an extra view “totals”"]


def test_a_recursive_view_is_refused_without_being_run(package: Path):
    # Counting to 10^8: run even once, it would keep the desk busy for minutes.
    view = (
        "CREATE VIEW endless AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL "
        "SELECT x + 1 FROM n WHERE x < 100000000) SELECT x FROM n"
    )
    error = refused(altered(package, view))
    assert problems(error, "zh") == ["多出视图“endless”"]


def test_a_recursive_view_in_place_of_a_table_is_refused(package: Path):
    # The fault pass's 150-second open: the platforms every query starts from, made a view.
    columns = [row[1] for row in sqlite3.connect(package).execute("PRAGMA table_info(platforms)")]
    view = (
        "CREATE VIEW platforms AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL "
        "SELECT x + 1 FROM n WHERE x < 3000000) SELECT "
        + ", ".join(f"x AS {c}" if c in ("id", "position") else f"'p' AS {c}" for c in columns)
        + " FROM n"
    )
    error = refused(altered(package, "DROP TABLE platforms", view))
    assert "an extra view “platforms”" in problems(error)
    assert "the table “platforms” is missing" in problems(error)


def test_an_extra_table_is_refused(package: Path):
    error = refused(altered(package, "CREATE TABLE notes (text TEXT)"))
    assert problems(error) == ["an extra table “notes”"]


def test_an_extra_index_is_refused(package: Path):
    error = refused(altered(package, "CREATE INDEX ix_points ON scores (points)"))
    assert problems(error) == ["an extra index “ix_points” (on table “scores”)"]


def test_an_extra_column_is_refused(package: Path):
    error = refused(altered(package, "ALTER TABLE scores ADD COLUMN weight REAL DEFAULT 1"))
    assert problems(error) == ["table “scores” has an extra column “weight”"]
    assert problems(error, "zh") == ["表“scores”多出列“weight”"]


def test_a_missing_index_is_refused(package: Path):
    error = refused(altered(package, "DROP INDEX ix_resources_platform_id"))
    assert problems(error) == ["the index “ix_resources_platform_id” is missing"]


def test_a_column_of_another_type_or_nullability_is_refused(package: Path):
    error = refused(
        altered(
            package,
            "ALTER TABLE bonus_scores RENAME TO old_bonus",
            "CREATE TABLE bonus_scores (platform_id INTEGER NOT NULL, item_code VARCHAR(20) "
            "NOT NULL, points TEXT, CONSTRAINT pk_bonus_scores PRIMARY KEY (platform_id, "
            "item_code), CONSTRAINT fk_bonus_scores_platform_id_platforms FOREIGN "
            "KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE)",
            "DROP TABLE old_bonus",
        )
    )
    assert problems(error) == [
        "column “points” of table “bonus_scores” should be FLOAT NOT NULL, is TEXT NULL"
    ]


def test_a_loosened_constraint_is_refused(package: Path):
    # Same columns, same keys: only the CHECK that a conflict needs a reason is gone.
    sql = (
        sqlite3.connect(package)
        .execute("SELECT sql FROM sqlite_master WHERE name = 'declarations'")
        .fetchone()[0]
    )
    loose = sql.replace(
        ", \n\tCONSTRAINT ck_declarations_conflict_reason CHECK "
        "(state = 'none' OR length(trim(reason)) > 0)",
        "",
    )
    assert loose != sql
    error = refused(
        altered(
            package,
            "ALTER TABLE declarations RENAME TO old_declarations",
            loose,
            "DROP TABLE old_declarations",
        )
    )
    assert problems(error) == [
        "the definition (constraints) of table “declarations” differs from the format"
    ]


def test_many_findings_are_listed_up_to_a_limit(package: Path):
    error = refused(altered(package, *(f"CREATE TABLE extra{n} (x)" for n in range(30))))
    assert len(error.problems) == pv.MAX_PROBLEMS + 1
    assert problems(error)[-1] == "… and 10 more difference(s)"


def test_names_from_the_file_are_printed_safely(package: Path):
    error = refused(altered(package, 'CREATE TABLE "bad\nname\x1b[31m" (x)'))
    assert problems(error) == ["an extra table “bad?name?[31m”"]


# -------------------------------------------------------------------------- description


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("rules_json", "'{not json'", "the rules (rules_json) is not valid JSON (line 1, col"),
        (
            "rubric_json",
            "'" + "[" * 100_000 + "]" * 100_000 + "'",
            "the rubric (rubric_json) is nested more than 32 levels deep",
        ),
        ("rules_json", "'[1, 2]'", "the rules (rules_json) is not a JSON object"),
        ("rules_json", """'{"a": "\\ud800"}'""", "holds invalid Unicode (a lone surrogate)"),
        ("rules_json", """'{"a": 1e999}'""", "a number out of range: 1e999"),
        ("rules_json", """'{"a": NaN}'""", "holds the non-number constant NaN"),
        ("rules_json", '\'{"a": ' + "9" * 5000 + "}'", "a number too long (5000 characters"),
        ("rules_json", """'{"a": 1, "a": 2}'""", "the key “a” appears twice"),
        ("rules_json", "CAST(x'7b22ff227d' AS TEXT)", "not valid UTF-8 text from byte 2"),
        ("rubric_json", "zeroblob(5000000)", "has the wrong kind (blob)"),
        ("rubric_json", "'{' || printf('%.*c', 5000000, ' ') || '}'", "is too large (5000002"),
        ("expert_id", "'赵明远'", "“expert_id” has the wrong kind (text)"),
        ("revision", "4294967296", "description's “revision” is out of range: 4294967296"),
        ("issued_at", "'yesterday'", "“issued_at” is not a time: yesterday"),
        ("period_start", "'2024-02-30'", "“period_start” is not a date: 2024-02-30"),
        ("hmac_key", "x'00'", "“hmac_key” is of the wrong length (1 bytes)"),
        ("locked", "2", "“locked” is out of range: 2"),
    ],
)
def test_a_damaged_description_is_refused(package: Path, column: str, value: str, reason: str):
    error = refused(altered(package, f"UPDATE package_meta SET {column} = {value}"))
    assert len(error.problems) == 1
    assert reason in problems(error)[0]


def test_a_rubric_that_parses_but_is_no_rubric_is_refused(package: Path):
    error = refused(altered(package, """UPDATE package_meta SET rubric_json = '{"areas": 5}'"""))
    assert problems(error, "zh")[0].startswith("评审包中的评分细则：内容有误：")


def test_a_value_of_the_wrong_kind_in_the_experts_work_is_refused(package: Path):
    path = altered(
        package,
        "INSERT INTO scores (platform_id, indicator_code, points) VALUES (101, 'A1', 'lots')",
    )
    error = refused(path)
    assert problems(error) == [
        "row 1 of table “scores”: column(s) points hold a value of the wrong kind or form"
    ]


# ---------------------------------------------------------------------------- time bound


def test_the_check_stops_when_it_runs_out_of_time(package: Path):
    before = digest(package)
    with pytest.raises(pf.PackageFileError) as info:
        pf.inspect_package(package, budget=pv.QueryBudget(seconds=60, steps=1))
    assert info.value.kind == "damaged"
    assert [p.en for p in info.value.problems] == [
        "the check did not finish within 60 s and was stopped (the file is unusually large or "
        "was altered)"
    ]
    assert digest(package) == before


def test_a_desk_statement_that_runs_out_of_time_is_a_user_error(package: Path):
    with pytest.raises(UserError) as info:
        rv.open_package(package, statement_budget=pv.QueryBudget(60, steps=0, interval=1))
    assert "读取评审包用时过长" in info.value.message("zh")
    assert "took too long" in info.value.message("en")


def test_the_time_bound_is_per_statement_not_per_session(package: Path):
    # 5,000 instructions are plenty for any one statement on this small package, but far
    # fewer than a whole scoring session runs (SQLite counts instructions per statement; the
    # clock must start again for each, or the session's total would stop it).
    budget = pv.QueryBudget(60, steps=5_000, interval=1)
    with rv.open_package(package, statement_budget=budget) as session:
        score_everything(session)
        assert not rv.check_complete(session)
        for _ in range(5):
            rv.undo(session)
            rv.redo(session)
        assert all(w.state is rv.Progress.DONE for w in rv.progress(session))


# ------------------------------------------------------------- a sound package still works


def test_a_verified_package_goes_through_the_whole_desk_and_verifies_again(
    package: Path, tmp_path: Path
):
    with rv.open_package(package) as session:
        score_everything(session)
        rv.set_comment(session, 101, "A1", "资源体量大，覆盖全面")
        rv.set_overall_comment(session, 101, "总体良好")
        rv.undo(session)
        rv.redo(session)
        first = rv.submit(session, tmp_path / "r1.jlscore")
        rv.reopen(session)
        rv.set_score(session, 102, "A1", 6)
        second = rv.submit(session, tmp_path / "r2.jlscore")
    # Everything the desk wrote is what the format says: the package verifies again.
    assert pf.inspect_package(package) == 1
    checked = rv.check_package(package)
    assert (checked.info.revision, checked.info.locked, checked.platforms) == (2, True, 4)
    parsed = sf.parse_score_file((tmp_path / "r2.jlscore").read_bytes())
    assert isinstance(parsed, sf.ScoreFile) and parsed.revision == second.revision == 2
    assert first.revision == 1
    with rv.open_package(package) as session:
        assert rv.package_info(session).revision == 2


def test_a_package_swapped_after_the_check_is_refused_by_the_next_connection(package: Path):
    session = rv.open_package(package)
    try:
        outside = sqlite3.connect(package)
        outside.execute(SCORE_CHANGING_TRIGGER)
        outside.commit()
        outside.close()
        session.engine.dispose()  # the desk's next connection is a new one
        with pytest.raises(rv.DamagedPackageError) as info:
            rv.set_score(session, 101, "A1", 8)
        assert [p.en for p in info.value.problems] == [
            "an extra trigger “keep_others_low” (on table “scores”)"
        ]
    finally:
        session.close()
    with sqlite3.connect(package) as check:
        assert check.execute("SELECT count(*) FROM scores").fetchone() == (0,)


def test_a_damaged_undo_entry_is_a_message_and_changes_nothing(package: Path):
    with rv.open_package(package) as session:
        rv.declare(session, 101, False)
        rv.set_score(session, 101, "A1", 8)
    altered(package, "UPDATE journal SET old_json = '" + "[" * 5000 + "' WHERE id = 2")
    with rv.open_package(package) as session:
        with pytest.raises(UserError) as info:
            rv.undo(session)
        assert "撤销记录第 2 条已损坏" in info.value.zh and "undo history" in info.value.en
        assert rv.platform_work(session, 101).sheet.points["A1"] == 8


def test_times_a_moment_before_the_next_second_are_sound(package: Path):
    # SQLite's datetime() rounds to milliseconds: 40.9999 s must not read as a bad time.
    altered(
        package,
        "INSERT INTO declarations (platform_id, state, reason, declared_at) "
        "VALUES (101, 'none', '', '2026-12-07 10:50:40.999999')",
    )
    with rv.open_package(package) as session:
        work = rv.platform_work(session, 101)
        assert work.declaration is not None and work.declaration.declared_at.second == 40


# ------------------------------------------------------------------------------------ CLI


def test_jlpanel_check_names_what_is_wrong_and_changes_nothing(
    package: Path, issued: Path, capsys: pytest.CaptureFixture[str]
):
    bad = altered(package, SCORE_CHANGING_TRIGGER)
    before = digest(bad)
    assert main(["--lang", "en", "check", str(issued), str(bad)]) == 1
    out, err = capsys.readouterr()
    assert f"sound: {issued} — 赵明远" in out and "4 platforms, not submitted" in out
    assert "The review package is damaged or was altered" in err
    assert "an extra trigger “keep_others_low” (on table “scores”)" in err
    assert "Traceback" not in err
    assert main(["check", str(bad)]) == 1
    assert "多出触发器“keep_others_low”" in capsys.readouterr().err
    assert digest(bad) == before and side_files(bad) == []
    assert main(["check", str(issued)]) == 0
    assert side_files(issued) == []


# ------------------------------------------------------------------------------- issuing


def test_a_package_the_desk_would_refuse_is_never_issued(tmp_path: Path):
    ws = build_cycle(tmp_path)
    try:
        with ws.engine.begin() as connection:
            connection.exec_driver_sql(
                "UPDATE cycles SET rules_json = ?", ('{"a": ' + "[" * 40 + "]" * 40 + "}",)
            )
        with pytest.raises(UserError) as info:
            issue_packages(ws, tmp_path / "out", paper_sheets=False)
    finally:
        ws.close()
    assert "超出评审包的限制（嵌套超过 32 层）" in info.value.zh
    assert "nested more than 32 levels deep" in info.value.en
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
