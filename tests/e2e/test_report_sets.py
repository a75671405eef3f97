"""Report sets that are whole (issue 13, item 7): staged, installed as one, with a manifest.

A run writes into a staging folder and puts the finished set in place of the previous one; a
run that fails, or is killed at any moment, leaves the previous set (or, once committed, the
new one) for the next run to tidy; documents the new set lacks go, other files stay. The
random kills of a whole `jlpanel report` are in ``test_report_kill``.
"""

from __future__ import annotations

import hashlib
import json
import resource
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from report_support import child_env, run_id_of
from sqlalchemy import update
from test_reports import PLATFORM_NAMES

from jlpanel.services.consensus import save_panel_opinion
from jlpanel.services.errors import UserError
from jlpanel.services.report_folder import MANIFEST_NAME, ReportFolder, leftovers, read_manifest
from jlpanel.services.reporting import write_reports
from jlpanel.services.workspace import Workspace
from jlpanel.storage import models as m


def digests(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` (not in its sub-folders) with its SHA-256."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }


def assert_whole(folder: Path, *, others: frozenset[str] | set[str] = frozenset()) -> str:
    """The folder holds one set: its manifest's files, all from its run, and ``others``."""
    manifest = read_manifest(folder)
    assert manifest is not None
    assert leftovers(folder) == []
    names = {f.name for f in manifest.files}
    assert {p.name for p in folder.iterdir()} == names | {MANIFEST_NAME} | others
    now = digests(folder)
    for entry in manifest.files:
        assert now[entry.name] == entry.sha256, entry.name
        assert run_id_of(folder / entry.name) == manifest.run_id, entry.name
    return manifest.run_id


def test_a_run_leaves_its_set_and_a_manifest_of_it(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "报告"
    files = write_reports(ws, out, combined=True)
    run = assert_whole(out)
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert manifest["run"] == run and manifest["cycle"] == ws.cycle_info().name
    assert [f["name"] for f in manifest["files"]] == [f.name for f in files]
    assert {f["kind"] for f in manifest["files"]} == {
        "summary",
        "publication",
        "signatures",
        "evaluation",
        "expert_sheets",
        "rectification",
        "combined",
    }


def test_documents_the_new_set_lacks_go_and_other_files_stay(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "报告"
    first = write_reports(ws, out, combined=True)
    # the user's own files, and a document of the set the user has since edited
    (out / "备忘.txt").write_text("会后补充材料", "utf-8")
    (out / "我的汇总.pdf").write_bytes(b"%PDF-1.4 mine")
    (out / "附件").mkdir()
    (out / "附件" / "评价报告-旧.pdf").write_bytes(b"%PDF-1.4 old")
    edited = out / "专家组签字表.pdf"
    edited.write_bytes(edited.read_bytes() + b"\n% signed copy scanned in\n")
    mine = {n: h for n, h in digests(out).items() if n in ("备忘.txt", "我的汇总.pdf")}

    # platform 101 is renamed: its old report is not part of the new set
    with ws.session() as s:
        s.execute(update(m.Platform).where(m.Platform.id == 101).values(name="吉林省新名称平台"))
    second = write_reports(ws, out, documents={"summary", "evaluation"})

    assert "评价报告-吉林省新名称平台.pdf" in {p.name for p in second}
    assert not (out / f"评价报告-{PLATFORM_NAMES[101]}.pdf").exists()
    assert not (out / "合订本.pdf").exists() and not (out / "公示名单.pdf").exists()
    assert len(first) == 12 and len(second) == 5
    assert_whole(out, others={"备忘.txt", "我的汇总.pdf", "附件", "专家组签字表.pdf"})
    assert {n: h for n, h in digests(out).items() if n in mine} == mine
    assert (out / "附件" / "评价报告-旧.pdf").read_bytes() == b"%PDF-1.4 old"
    assert edited.read_bytes().endswith(b"% signed copy scanned in\n")  # changed: kept


def test_a_manifest_never_makes_a_run_touch_files_outside_its_set(
    ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "报告"
    out.mkdir(parents=True)
    victims = {
        tmp_path / "out" / "上级.pdf": b"%PDF outside",
        out / "备忘.txt": b"note",
        out / "sub" / "x.pdf": b"%PDF in a sub-folder",
    }
    for path, data in victims.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    listed = ["../上级.pdf", str(tmp_path / "out" / "上级.pdf"), "备忘.txt", "sub/x.pdf", "."]
    manifest = {
        "format": "jlpanel-report-set",
        "version": 1,
        "run": "0123456789abcdef",
        "files": [
            {"name": name, "kind": "summary", "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in zip(listed, [*victims.values(), b"", b""], strict=False)
        ],
    }
    (out / MANIFEST_NAME).write_text(json.dumps(manifest), "utf-8")
    write_reports(ws, out, documents={"summary"})
    for path, data in victims.items():
        assert path.read_bytes() == data, path
    assert_whole(out, others={"备忘.txt", "sub"})
    # a manifest that is not one at all is ignored, not obeyed
    (out / MANIFEST_NAME).write_text("[" * 100_000, "utf-8")
    write_reports(ws, out, documents={"summary"})
    assert_whole(out, others={"备忘.txt", "sub"})


def test_a_failed_run_leaves_the_previous_set_as_it_was(ws: Workspace, tmp_path: Path) -> None:
    """A full disk half-way (RLIMIT_FSIZE): a message naming the path, the old set intact."""
    out = tmp_path / "报告"
    write_reports(ws, out, combined=True)
    (out / "备忘.txt").write_text("mine", "utf-8")
    before = digests(out)
    # 7,000 different characters in one opinion: that report's embedded font is > 1 MB
    save_panel_opinion(ws, 103, "".join(chr(0x4E00 + n) for n in range(7000)))
    ws.close()
    limit = 700_000  # above the workspace and its backup, below that report

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-m", "jlpanel", "report", str(ws.path), str(out), "--combined"],
        env=child_env(),
        capture_output=True,
        text=True,
        preexec_fn=small_disk,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "无法写入评审报告：磁盘空间不足" in done.stderr and str(out) in done.stderr
    assert "文件夹中原有的评审报告未改动" in done.stderr
    assert digests(out) == before
    assert leftovers(out) == []


HOLDER = """
import sys
from pathlib import Path
from jlpanel.services.report_folder import ReportFolder

folder = ReportFolder(Path(sys.argv[1]))
folder.prepare()
with folder.staging("feedfacefeedface"):
    print("writing", flush=True)
    sys.stdin.readline()
"""


def test_a_run_never_disturbs_another_writing_to_the_same_folder(
    ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "报告"
    write_reports(ws, out, documents={"summary"})
    before = digests(out)
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    ) as other:
        watchdog = threading.Timer(120, other.kill)
        watchdog.start()
        try:
            assert other.stdout is not None and other.stdin is not None
            assert other.stdout.readline() == "writing\n"
            with pytest.raises(UserError) as refused:
                write_reports(ws, out, documents={"summary"})
            assert "另一个 jlpanel 正在向" in refused.value.zh and str(out) in refused.value.zh
            assert (out / ".jlpanel-reports-feedfacefeedface").is_dir()  # untouched
            staged = {".jlpanel-reports-feedfacefeedface.lock"}
            assert {n: h for n, h in digests(out).items() if n not in staged} == before
            other.stdin.write("\n")
            other.stdin.flush()
        finally:
            watchdog.cancel()
    assert other.returncode == 0
    write_reports(ws, out, documents={"summary"})
    assert_whole(out)


KILLED = """
import os, signal, sys
from pathlib import Path
from jlpanel.services import report_folder
from jlpanel.cli import main

where = sys.argv[3]
if where == "committed":  # the new manifest is written, nothing moved into place yet
    report_folder._finish = lambda staging, folder: os.kill(os.getpid(), signal.SIGKILL)
else:  # half of the previous set moved aside
    moves = []
    replace = Path.replace

    def moving(self, target):
        if report_folder.ASIDE_NAME in Path(target).parts:
            moves.append(self)
            if len(moves) == 4:
                os.kill(os.getpid(), signal.SIGKILL)
        return replace(self, target)

    Path.replace = moving
main(["report", sys.argv[1], sys.argv[2], "--combined"])
"""


@pytest.mark.parametrize("where", ["aside", "committed"])
def test_a_run_killed_while_installing_is_rolled_back_or_finished(
    ws: Workspace, tmp_path: Path, where: str
) -> None:
    out = tmp_path / "报告"
    write_reports(ws, out, combined=True)
    (out / "备忘.txt").write_text("mine", "utf-8")
    old_run = assert_whole(out, others={"备忘.txt"})
    before = digests(out)
    save_panel_opinion(ws, 104, "专家组复核后补充的意见。")
    ws.close()
    killed = subprocess.run(
        [sys.executable, "-c", KILLED, str(ws.path), str(out), where],
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert leftovers(out)  # the staging folder with what it holds

    ReportFolder(out).prepare()  # what every run does first
    if where == "aside":  # not committed: the previous set as it was
        assert digests(out) == before
    else:  # committed: the new set, whole
        new_run = assert_whole(out, others={"备忘.txt"})
        assert new_run != old_run
        report = next(out.glob("评价报告-*第4*.pdf"))
        assert report.name in {f.name for f in read_manifest(out).files}  # type: ignore[union-attr]
    assert leftovers(out) == []


def test_temporary_files_of_an_older_killed_run_are_removed(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "报告"
    out.mkdir()
    stale = [out / ".汇总表.pdf.k3j9x_2a.tmp", out / "..jlpanel-reports.json.abcd1234.tmp"]
    for path in stale:
        path.write_bytes(b"half")
    (out / ".hidden-but-mine.tmp").write_bytes(b"mine")
    write_reports(ws, out, documents={"summary"})
    assert not any(p.exists() for p in stale)
    assert (out / ".hidden-but-mine.tmp").read_bytes() == b"mine"
    assert_whole(out, others={".hidden-but-mine.tmp"})
