"""The secretary's commands on the demo cycle: merge, history, adjust, results."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from jlpanel.cli import main
from jlpanel.services.demo import build_demo
from jlpanel.services.demo_scores import EXPECTED_DEMO


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as patch:
        home = tmp_path_factory.mktemp("user")
        patch.setenv("JLPANEL_CONFIG_DIR", str(home / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(home / "data"))
        yield build_demo(tmp_path_factory.mktemp("demo")).folder


def test_a_meeting_through_the_command_line(demo: Path, tmp_path: Path, capsys) -> None:
    ws = tmp_path / "cycle.jlpanel"
    shutil.copyfile(demo / "demo.jlpanel", ws)
    scores = demo / "scores"

    # two experts first: the others are still missing
    first = sorted(scores.glob("*.jlscore"))[:2]
    assert main(["merge", str(ws), *map(str, first)]) == 0
    out = capsys.readouterr().out
    assert out.count("已合并") == 2 and "仍缺评分：" in out

    # the whole folder: the two merged before are unchanged, not refused
    assert main(["merge", str(ws), str(scores)]) == 0
    out = capsys.readouterr().out
    assert out.count("无变化（此前已合并）") == 2
    assert "所有分配的评分均已到齐" in out

    # a tampered file is refused with its reason, and exit status 1
    tampered = tmp_path / "改过.jlscore"
    original = first[0].read_text("utf-8")
    text = original.replace('"revision": 1', '"revision": 7')
    assert text != original
    tampered.write_text(text, "utf-8")
    assert main(["merge", str(ws), str(tampered)]) == 1
    assert "未合并" in capsys.readouterr().err

    # the store's earlier cycle, confirmed, is the register's history: nothing to import
    assert main(["register", str(ws)]) == 0
    assert "2024年度吉林省科技资源共享服务平台考核评价（演示）" in capsys.readouterr().out

    assert main(["results", str(ws), "--csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    decisions = {
        "取消资格": sum("取消资格" in r for r in rows),
        "限期整改": sum("限期整改" in r for r in rows),
    }
    expected_kinds = [kind for _, kind in EXPECTED_DEMO.values()]
    assert decisions["取消资格"] == sum(k.value == "disqualify" for k in expected_kinds)
    assert decisions["限期整改"] == sum(k.value == "rectify" for k in expected_kinds)

    # a consensus adjustment needs a reason and changes the result
    assert main(["adjust", str(ws), "JLGX-2020-019", "90", "--reason", " "]) == 1
    assert "理由" in capsys.readouterr().err
    assert main(["adjust", str(ws), "JLGX-2020-019", "90", "--reason", "专家组复议"]) == 0
    capsys.readouterr()
    assert main(["results", str(ws), "--csv"]) == 0
    line = next(r for r in capsys.readouterr().out.splitlines() if "药物分析" in r)
    assert ",90.00," in line and "优秀" in line
    assert main(["adjust", str(ws), "JL-NONE", "90", "--reason", "x"]) == 1


def test_reports_and_export_through_the_command_line(demo: Path, tmp_path: Path, capsys) -> None:
    from pypdf import PdfReader
    from python_calamine import CalamineWorkbook

    ws = tmp_path / "cycle.jlpanel"
    shutil.copyfile(demo / "demo.jlpanel", ws)
    assert main(["merge", str(ws), str(demo / "scores")]) == 0
    capsys.readouterr()
    out = tmp_path / "reports"
    assert main(["report", str(ws), str(out), "--documents", "summary", "rectification"]) == 0
    written = capsys.readouterr().out.splitlines()
    names = sorted(Path(p).name for p in written)
    assert names[0].startswith("整改通知书-") and names[-1] == "汇总表.pdf"
    # A long name may wrap inside its cell.
    text = PdfReader(out / "汇总表.pdf").pages[0].extract_text().replace("\n", "")
    assert "吉林省大型科学仪器共享服务平台" in text and "优秀" in text
    assert main(["report", str(ws), str(out), "--documents", "nonsense"]) == 1
    capsys.readouterr()

    assert main(["export", str(ws), str(tmp_path / "结果.xlsx")]) == 0
    sheets = CalamineWorkbook.from_path(str(tmp_path / "结果.xlsx")).sheet_names
    assert sheets[:5] == ["结果汇总", "评分明细", "指标均分", "决定", "历史"]
    assert main(["export", str(ws), str(tmp_path / "结果.csv")]) == 0
    assert (tmp_path / "结果.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["export", str(ws), str(tmp_path / "结果.pdf")]) == 1
