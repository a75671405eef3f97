"""Any text lays out (issue 13, item 7): every document type rendered with a 32,000-character
platform name, a 2,000-character comment and a line of 500 digits, and read back.

The data are the real report set of a small scored cycle (see ``test_reports``), with what
users type replaced by the hostile texts; then the whole way through: a comment of 2,000
characters typed in the expert's own desk and a 32,000-character name, ``jlpanel report``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from report_support import (
    COMMENT_FIELDS,
    DIGITS,
    LONG_COMMENT,
    LONG_NAME,
    NAME_FIELDS,
    USER_TEXT_FIELDS,
    body_text,
    flat,
    page_texts,
    with_text,
)
from review_support import build_cycle
from sqlalchemy import update
from test_reports import build_scored_cycle, score_and_merge

from jlpanel.cli import main
from jlpanel.reports.layout import render_pdf
from jlpanel.reports.models import ReportSet
from jlpanel.services.reporting import DocumentKind, gather_report_set, plan_files
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

pytestmark = pytest.mark.slow

CORPUS = {
    "name": (LONG_NAME, NAME_FIELDS),
    "comment": (LONG_COMMENT, COMMENT_FIELDS),
    "digits": (DIGITS, USER_TEXT_FIELDS),
}
#: The documents that show no comment, opinion or reason.
WITHOUT_COMMENTS = {DocumentKind.SUMMARY, DocumentKind.SIGNATURES, DocumentKind.PUBLICATION}


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("scored")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JLPANEL_CONFIG_DIR", str(folder / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(folder / "data"))
        yield build_scored_cycle(folder)


@pytest.fixture(scope="module")
def report_set(scored: Path, tmp_path_factory: pytest.TempPathFactory) -> ReportSet:
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JLPANEL_CONFIG_DIR", str(home / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(home / "data"))
        with open_workspace(scored) as ws:
            return gather_report_set(ws)


@pytest.mark.parametrize("case", sorted(CORPUS))
@pytest.mark.parametrize("kind", list(DocumentKind), ids=lambda k: k.value)
def test_every_document_lays_out_any_text(
    report_set: ReportSet, case: str, kind: DocumentKind, tmp_path: Path
) -> None:
    text, fields = CORPUS[case]
    hostile = with_text(report_set, text, fields)
    plans = plan_files(hostile, {kind})
    assert plans, kind
    plan = plans[0]
    path = tmp_path / "doc.pdf"
    path.write_bytes(render_pdf(hostile.context, plan.parts))
    pages = page_texts(path)
    # every page keeps its header and footer
    cycle = hostile.context.cycle_name
    for n, page in enumerate(pages, 1):
        assert f"第{n}页/共{len(pages)}页" in flat(page), (case, kind, n)
        assert flat(cycle[:20]) in flat(page), (case, kind, n)
    # the text is all there: where it stands, or shortened there and in full in the appendix
    body = flat(body_text(path))
    if case == "comment" and kind in WITHOUT_COMMENTS:
        assert flat(text[:20]) not in body
    else:
        assert flat(text) in body, (case, kind)
    if "（全文见附表" in body:
        assert "附表1" in body  # the appendix, where the text stands in full


def test_a_long_cell_is_shortened_with_a_reference_to_the_appendix(
    report_set: ReportSet, tmp_path: Path
) -> None:
    text, fields = CORPUS["comment"]
    hostile = with_text(report_set, text, fields)
    (plan,) = plan_files(hostile, {DocumentKind.EXPERT_SHEETS})[:1]
    path = tmp_path / "sheet.pdf"
    path.write_bytes(render_pdf(hostile.context, plan.parts))
    body = flat(body_text(path))
    # the comments table shows each comment's start and the reference ...
    assert body.count("（全文见附表1）") >= 2
    start = body.index(flat(LONG_COMMENT[:30]))
    assert start < body.index("（全文见附表1）")
    # ... and the appendix has the comment once, in full, after the signature
    assert body.count(flat(LONG_COMMENT)) == 1
    assert body.index("专家签字") < body.index(flat(LONG_COMMENT))


def test_report_writes_a_32000_character_name_and_a_2000_character_comment(
    tmp_path: Path,
) -> None:
    """The failure found: a comment typed in the desk, a long name, `jlpanel report` failed."""
    with build_cycle(tmp_path, others_work=False) as ws:
        with ws.session() as s:
            s.execute(update(m.Platform).where(m.Platform.id == 101).values(name=LONG_NAME))
            s.execute(update(m.Platform).where(m.Platform.id == 102).values(filing_no=DIGITS))
        score_and_merge(ws, tmp_path, comment=LONG_COMMENT, overall=LONG_COMMENT)
        workspace = ws.path

    out = tmp_path / "报告"
    assert main(["report", str(workspace), str(out), "--combined"]) == 0
    written = sorted(out.glob("*.pdf"))
    assert len(written) == 12  # 4 reports, 3 score sheets, 1 notice, 3 lists, 合订本
    for path in written:
        assert len(path.name.encode()) <= 255
        assert page_texts(path)  # a PDF that reads back
    long_one = next(p for p in written if p.name.startswith("评价报告-吉林省长白山"))
    text = flat(body_text(long_one))
    assert flat(LONG_NAME) in text and flat(LONG_COMMENT) in text
    assert "（全文见附表1）" in text
    sheet = flat(body_text(next(p for p in written if p.name.startswith("专家个人"))))
    assert flat(LONG_COMMENT) in sheet and "（全文见附表" in sheet


def test_platforms_whose_long_names_begin_alike_get_files_of_their_own(
    report_set: ReportSet,
) -> None:
    """A file name is cut at 150 bytes: the filing number that tells them apart must stay."""
    hostile = with_text(report_set, LONG_NAME, NAME_FIELDS)
    names = [p.file_name for p in plan_files(hostile, set(DocumentKind))]
    assert len(names) == len({n.casefold() for n in names}) == 11
    reports = [n for n in names if n.startswith("评价报告-")]
    assert len(reports) == 4
    for name, pid in zip(reports, (101, 102, 103, 104), strict=True):
        assert name.endswith(f"-JLPT-2023-{pid}.pdf") and len(name.encode()) <= 200
