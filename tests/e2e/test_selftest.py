"""``jlpanel --selftest``: the small cycle end to end, and the checks failing on bad outputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jlpanel.cli import main
from jlpanel.services.selftest import (
    SELFTEST_PLATFORMS,
    SelftestFailure,
    check_pdf,
    check_pdf_accelerated,
    check_workbook,
    run_selftest,
)


def test_run_selftest_passes_every_step_and_leaves_its_outputs(tmp_path: Path) -> None:
    seen: list[str] = []
    steps = run_selftest(tmp_path / "st", lambda step: seen.append(step.name))
    assert [s.name for s in steps] == ["demo", "merge", "results", "pdf", "workbook"]
    assert seen == [s.name for s in steps]
    assert f"{SELFTEST_PLATFORMS} platforms" in steps[0].detail
    assert (tmp_path / "st" / "out" / "汇总表.pdf").is_file()
    assert (tmp_path / "st" / "out" / "results.xlsx").is_file()


def test_selftest_refuses_a_folder_holding_a_demo_already(tmp_path: Path) -> None:
    run_selftest(tmp_path)
    with pytest.raises(SelftestFailure, match="demo"):
        run_selftest(tmp_path)


def test_check_pdf_fails_on_truncated_and_fontless_files(tmp_path: Path) -> None:
    steps_dir = tmp_path / "st"
    run_selftest(steps_dir)
    good = steps_dir / "out" / "汇总表.pdf"
    assert "font embedded" in check_pdf(good)
    data = good.read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(SelftestFailure, match="truncated"):
        check_pdf(truncated)
    fontless = tmp_path / "fontless.pdf"
    fontless.write_bytes(data.replace(b"/FontFile2", b"/FontFileX"))
    with pytest.raises(SelftestFailure, match="not embedded"):
        check_pdf(fontless)
    not_pdf = tmp_path / "not.pdf"
    not_pdf.write_text("hello", encoding="utf-8")
    with pytest.raises(SelftestFailure, match="not a PDF"):
        check_pdf(not_pdf)


def test_check_workbook_fails_on_a_workbook_missing_sheets(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "one-sheet.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("结果汇总").write_row(0, 0, ["平台", "得分"])
    book.close()
    with pytest.raises(SelftestFailure, match="1 sheets"):
        check_workbook(path, 4)


def test_cli_selftest_exits_0_and_keeps_the_users_settings_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = Path(os.environ["JLPANEL_CONFIG_DIR"])
    # the self-test points these at its own folder; monkeypatch restores them afterwards
    monkeypatch.setenv("JLPANEL_CONFIG_DIR", str(config))
    monkeypatch.setenv("JLPANEL_DATA_DIR", os.environ["JLPANEL_DATA_DIR"])
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert main(["--selftest"]) == 0
    out = capsys.readouterr().out
    for step in ("demo", "merge", "results", "pdf", "workbook", "qt", "english", "icons"):
        assert f"ok  {step}" in out
    assert "ok  guide" in out and "ok  window" in out
    assert "self-test passed: 11 steps" in out
    assert not config.exists() or not any(config.rglob("*"))
    assert not list(tmp_path.glob("jlpanel-selftest-*"))  # removed when it passed


def test_quit_after_start_shows_the_window_and_exits_0(tmp_path: Path) -> None:
    """The hidden flag benchmarks/run.py bundle_start measures start-up with."""
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "jlpanel", "--quit-after-start"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    logs = list((Path(env["JLPANEL_DATA_DIR"]) / "logs").glob("*.log"))
    assert any("window shown" in p.read_text(encoding="utf-8") for p in logs)


def test_check_pdf_accelerated_fails_when_reportlab_runs_without_rl_accel() -> None:
    """A bundle once dropped the top-level _rl_accel module; reports were silently slower."""
    import subprocess
    import sys

    assert check_pdf_accelerated() == "reportlab accelerated"
    script = (
        "import sys; sys.modules['_rl_accel'] = None\n"
        "from jlpanel.services.selftest import SelftestFailure, check_pdf_accelerated\n"
        "try:\n    check_pdf_accelerated()\nexcept SelftestFailure as exc:\n    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert "without its accelerators" in done.stdout
