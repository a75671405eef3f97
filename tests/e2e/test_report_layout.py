"""Layout a panel signs without remarks (issue 13, item 8), on the demo meeting's real PDFs.

No table leaves only its total row on a page; the leader's signature stands with the panel
opinion (and every other signature or seal with the text it signs); joined texts carry no
doubled punctuation; the bound volume (合订本) has bookmarks per document and platform and
numbers its pages straight through; every PDF carries the real creation date, or the one
``SOURCE_DATE_EPOCH`` asks for.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_support import LONG_COMMENT, child_env, flat, run_id_of
from sqlalchemy import select

from jlpanel.services.consensus import save_panel_opinion
from jlpanel.services.demo_scores import FRAUD_PLATFORM
from jlpanel.services.reporting import write_reports
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

pytestmark = pytest.mark.slow

SHORT_OPINION = "专家组认为该平台运行规范，服务成效较好，同意评审结果。"


@dataclass
class ReportRun:
    files: dict[str, Path]
    started: dt.datetime
    ended: dt.datetime
    indicators: list[str]
    names: list[str]  # the platforms, in the order of their reports
    long_opinion: str  # the platform whose opinion runs over a page


@pytest.fixture(scope="module")
def run(merged_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReportRun]:
    folder = tmp_path_factory.mktemp("layout")
    workspace = folder / "demo.jlpanel"
    shutil.copyfile(merged_demo, workspace)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JLPANEL_CONFIG_DIR", str(folder / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(folder / "data"))
        with open_workspace(workspace) as ws:
            with ws.session() as s:
                platforms = list(s.scalars(select(m.Platform).order_by(m.Platform.id)))
            # an opinion of a few lines on some platforms, one running over a page on another
            for platform in platforms[:6]:
                save_panel_opinion(ws, platform.id, SHORT_OPINION)
            save_panel_opinion(ws, platforms[6].id, LONG_COMMENT * 2)
            started = dt.datetime.now().astimezone().replace(microsecond=0)
            files = write_reports(ws, folder / "pdf", combined=True)
            ended = dt.datetime.now().astimezone()
            indicators = [i.name.zh for i in ws.cycle_info().rubric.indicators]
    yield ReportRun(
        {f.name: f for f in files},
        started,
        ended,
        indicators,
        [p.name for p in platforms],
        platforms[6].name,
    )


def pages(path: Path) -> list[str]:
    """Each page's text in drawing order (pypdf), without line breaks."""
    return [flat(p.extract_text() or "") for p in PdfReader(path).pages]


def evaluation_reports(run: ReportRun) -> dict[str, Path]:
    return {n: p for n, p in run.files.items() if n.startswith("评价报告-")}


def test_no_page_holds_only_the_total_row_of_a_table(run: ReportRun) -> None:
    reports = evaluation_reports(run)
    assert len(reports) == 24
    for name, path in reports.items():
        for text in pages(path):
            if "合计（专家总分）" not in text:
                continue
            # an indicator's row stands on the page above the total, under the repeated header
            above = text[: text.index("合计（专家总分）")]
            rows = above[above.rfind("评分人数") :]
            assert any(flat(i) in rows for i in run.indicators), name


def test_the_leaders_signature_stands_under_the_panel_opinion(run: ReportRun) -> None:
    for name, path in evaluation_reports(run).items():
        texts = pages(path)
        (page,) = [t for t in texts if "专家组组长签字" in t]
        before = page[: page.index("专家组组长签字")]
        platform = name.removeprefix("评价报告-").removesuffix(".pdf")
        if platform == run.long_opinion:
            # the opinion runs over a page: its end stands over the signature
            assert flat(LONG_COMMENT[-30:]) in before, name
            assert "六、专家组意见" not in page
            continue
        # a short opinion, or the box to write one in, with its heading, over the signature
        assert "六、专家组意见" in before, name
        if platform in run.names[:6]:
            assert flat(SHORT_OPINION) in before
        else:
            assert "（专家组意见由专家组组长填写）" in before


def test_every_other_signature_and_seal_stands_under_what_it_signs(run: ReportRun) -> None:
    checks = {
        "专家个人评分表": ("专家签字", "本人承诺"),
        "专家组签字表": ("专家组组长签字", "中国"),  # the last expert's institution row
        "公示名单": ("（盖章）", "JLGX-"),  # a row of the list
        "整改通知书": ("（盖章）", "取消共享服务平台资格"),  # the policy paragraph
    }
    for name, path in run.files.items():
        kind = name.split("-")[0].removesuffix(".pdf")
        if kind not in checks:
            continue
        mark, above = checks[kind]
        (page,) = [t for t in pages(path) if mark in t]
        assert above in page[: page.index(mark)], name


def test_joined_texts_carry_no_doubled_punctuation(run: ReportRun) -> None:
    doubled = re.compile(r"[。；，、：][。；，、：]")
    for name, path in run.files.items():
        for n, text in enumerate(pages(path), 1):
            found = doubled.search(text)
            assert found is None, (name, n, text[max(0, found.start() - 20) : found.end() + 20])
    # the demo's fraud veto: several experts' reasons joined, each one a sentence of its own
    fraud = next(
        p for n, p in evaluation_reports(run).items() if FRAUD_PLATFORM in "".join(pages(p))
    )
    text = "".join(pages(fraud))
    # (in the order the experts' sheets were stored) one ends in ；, the last in 。
    assert "的情形；" in text or "应取消资格；" in text


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(level, title, page number) of every bookmark, in order."""
    reader = PdfReader(path)
    found: list[tuple[int, str, int]] = []

    def walk(items: list, level: int) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def test_the_bound_volume_has_bookmarks_and_numbers_its_pages_straight_through(
    run: ReportRun,
) -> None:
    bound = run.files["合订本.pdf"]
    texts = pages(bound)
    total = sum(len(PdfReader(p).pages) for n, p in run.files.items() if n != "合订本.pdf")
    assert len(texts) == total
    for n, text in enumerate(texts, 1):
        assert f"第{n}页/共{total}页" in text, n
    marks = outline(bound)
    assert [t for level, t, _ in marks if level == 0] == [
        "考核评价结果汇总表",
        "考核评价结果公示",
        "专家组签字表",
        "评价报告",
        "专家个人评分表",
        "整改通知书",
    ]
    reports = [t for level, t, _ in marks if level == 1][: len(run.names)]
    assert sorted(reports) == sorted(run.names)
    for _, title, page in marks:
        text = texts[page - 1]
        assert "本件第1/" in text, title  # a document's first page
        assert flat(title).rstrip("…") in text, title


def test_every_pdf_carries_the_real_creation_date(run: ReportRun) -> None:
    runs = set()
    for name, path in run.files.items():
        info = PdfReader(path).metadata
        assert info is not None
        created = info.creation_date
        assert created is not None and created.year != 2000, name
        assert run.started <= created <= run.ended, (name, created)
        runs.add(run_id_of(path))
    assert len(runs) == 1  # one run


def test_source_date_epoch_makes_the_set_the_same_byte_for_byte(
    merged_demo: Path, tmp_path: Path
) -> None:
    workspace = tmp_path / "demo.jlpanel"
    shutil.copyfile(merged_demo, workspace)
    env = {**child_env(), "SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01 00:00 UTC
    for out in ("a", "b"):
        done = subprocess.run(
            [sys.executable, "-m", "jlpanel", "report", str(workspace), str(tmp_path / out)],
            env=env,
            capture_output=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr.decode()
    a = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert a == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    info = PdfReader(tmp_path / "a" / "汇总表.pdf").metadata
    assert info is not None and info["/CreationDate"] == "D:20260101000000+00'00'"


def test_a_creation_date_given_keeps_its_time_zone(merged_demo: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "demo.jlpanel"
    shutil.copyfile(merged_demo, workspace)
    beijing = dt.timezone(dt.timedelta(hours=8))
    with open_workspace(workspace) as ws:
        (summary,) = write_reports(
            ws,
            tmp_path / "out",
            documents={"summary"},
            created=dt.datetime(2026, 3, 20, 9, 30, tzinfo=beijing),
        )
    info = PdfReader(summary).metadata
    assert info is not None and info["/CreationDate"] == "D:20260320093000+08'00'"
