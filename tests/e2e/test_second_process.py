"""Two processes on one workspace: the second learns who has it open (issue 14, item 8).

The first process is a real `jlpanel open WORKSPACE` (the GUI, offscreen), which keeps the
workspace claimed while it shows it; the owner file beside the store names it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from jlpanel.cli import main
from jlpanel.services.workspace import create_workspace, open_workspace
from jlpanel.storage.owner import lock_path

ROOT = Path(__file__).resolve().parents[2]


def _rules(path: Path) -> str:
    with open_workspace(path, read_only=True) as ws:
        return str(int(ws.cycle_info().rules.excellent_min))


def _wait_for_owner(path: Path, pid: int, process: subprocess.Popen[bytes]) -> dict[str, object]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "the first jlpanel ended early"
        try:
            record = json.loads(lock_path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = {}
        if record.get("pid") == pid:
            return dict(record)
        time.sleep(0.1)
    raise AssertionError("the first jlpanel never claimed the workspace")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "2026年度.jlpanel"
    create_workspace(path, "2026年度考核评价").close()
    return path


@pytest.fixture
def first(workspace: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`jlpanel open WORKSPACE` in its own process, shown (offscreen) and holding it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "jlpanel", "open", str(workspace)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for_owner(workspace, process.pid, process)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=60)


def test_a_writing_command_names_the_jlpanel_that_has_it_open_and_stores_nothing(
    workspace: Path, first: subprocess.Popen[bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    before = _rules(workspace)
    t0 = time.monotonic()
    code = main(["--lang", "en", "rules", str(workspace), "--set", "excellent_min=92"])
    err = capsys.readouterr().err
    assert code == 1
    assert time.monotonic() - t0 < 10  # no waiting for a window to close
    host = socket.gethostname()
    assert "is being changed by another jlpanel" in err
    assert f"@{host}, pid {first.pid}, since " in err
    assert "Traceback" not in err
    assert _rules(workspace) == before

    assert main(["rules", str(workspace), "--set", "excellent_min=92"]) == 1
    err = capsys.readouterr().err
    assert "正由另一个 jlpanel 打开修改" in err and f"进程 {first.pid}" in err


def test_a_backup_is_not_restored_over_it(
    workspace: Path,
    first: subprocess.Popen[bytes],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    backup = tmp_path / "备份" / "2026年度.jlpanel"
    backup.parent.mkdir()
    shutil.copyfile(workspace, backup)
    before = workspace.read_bytes()
    assert main(["--lang", "en", "restore", str(workspace), str(backup)]) == 1
    err = capsys.readouterr().err
    assert f"pid {first.pid}" in err and "is being changed by another jlpanel" in err
    assert workspace.read_bytes() == before


def test_reading_commands_work_beside_it(
    workspace: Path, first: subprocess.Popen[bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", str(workspace)]) == 0
    assert "excellent_min" in capsys.readouterr().out
    assert main(["experts", str(workspace)]) == 0


def test_after_it_crashed_its_leftover_file_is_taken_over(
    workspace: Path, first: subprocess.Popen[bytes]
) -> None:
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=60)
    assert lock_path(workspace).exists()  # left behind, its lock gone with the process
    assert main(["rules", str(workspace), "--set", "excellent_min=92"]) == 0
    assert _rules(workspace) == "92"
    assert not lock_path(workspace).exists()  # the change's claim ended with it


def test_a_change_in_another_process_is_waited_for(workspace: Path, tmp_path: Path) -> None:
    """A command-line change holds its claim only while it writes; the next one waits."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from jlpanel.services.workspace import open_workspace\n"
        "with open_workspace(Path(sys.argv[1]), backup=False) as ws, ws.session():\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(1.5)\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", script, str(workspace)],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "writing"
        record = json.loads(lock_path(workspace).read_text(encoding="utf-8"))
        assert record["pid"] == other.pid and record["keeps"] is False
        assert main(["rules", str(workspace), "--set", "excellent_min=93"]) == 0
    finally:
        other.communicate(timeout=60)
    assert other.returncode == 0
    assert _rules(workspace) == "93"


def test_a_read_only_workspace_refuses_every_change(workspace: Path) -> None:
    from jlpanel.services.errors import ReadOnlyWorkspaceError
    from jlpanel.services.workspace import update_rules

    with open_workspace(workspace, read_only=True) as ws:
        rules = ws.cycle_info().rules
        with pytest.raises(ReadOnlyWorkspaceError) as refused:
            update_rules(ws, rules.__class__(excellent_min=rules.excellent_min + 1))
    assert "只读" in refused.value.zh and "read-only" in refused.value.en
    assert not lock_path(workspace).exists()
