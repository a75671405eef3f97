"""The report documents of a small cycle scored through real packages, read back with pypdf.

Three experts (赵明远, 钱晓红, 孙立群) score four platforms in their review packages, submit
signed files, and the secretary merges them; 钱晓红 has a conflict with platform 103, which
therefore stays pending with two valid scores. 102's score is adjusted in the consensus round
and 104 fails with a panel opinion. Every figure below is worked out by hand.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import pickle
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from review_support import CYCLE_NAME, EXPERTS, build_cycle

from jlpanel.domain.rubric import Rubric
from jlpanel.reports.models import PlatformReport
from jlpanel.services import review as rv
from jlpanel.services.consensus import adjust_score, save_panel_opinion
from jlpanel.services.errors import UserError
from jlpanel.services.merge import merge_score_files
from jlpanel.services.packages import issue_packages
from jlpanel.services.reporting import (
    DocumentKind,
    _tuple_text,
    gather_report_set,
    gather_report_sources,
    parse_documents,
    plan_files,
    plan_sources,
    set_text,
    write_reports,
)
from jlpanel.services.results import (
    compute_and_store_results,
    compute_workspace_results,
    load_platform_inputs,
)
from jlpanel.services.workspace import Workspace, open_workspace

pypdf = pytest.importorskip("pypdf")

ZHAO, QIAN, SUN = 900001, 900002, 900003
DAY = dt.date(2026, 3, 15)
#: Expert totals per platform (钱晓红 has a conflict with 103).
TOTALS: dict[int, dict[int, float]] = {
    ZHAO: {101: 95.0, 102: 85.0, 103: 70.0, 104: 50.0},
    QIAN: {101: 90.0, 102: 80.0, 104: 55.0},
    SUN: {101: 92.0, 102: 82.0, 103: 66.0, 104: 52.0},
}
OVERALL = "资源整合较好，服务记录完整，建议加强对民营企业的服务。"
B1_COMMENT = "考核期内对外服务记录偏少"
OPINION_104 = "该平台对外服务量明显不足，服务记录缺少佐证，专家组建议限期整改。"
ADJUST_REASON = "专家组合议：B3 支撑成效材料经核实后予以认可"
PLATFORM_NAMES = {
    pid: f"吉林省第{n}分析测试资源共享服务平台" for n, pid in enumerate(range(101, 105), 1)
}


def points_for(rubric: Rubric, total: float) -> dict[str, float]:
    """Every indicator at its maximum, the shortfall taken from the last indicators first."""
    points = {i.code: float(i.max_points) for i in rubric.indicators}
    short = float(rubric.total_points) - total
    for i in reversed(rubric.indicators):
        take = min(short, math.floor(i.max_points / 2 / i.step) * float(i.step))
        points[i.code] -= take
        short -= take
    assert short == 0, total
    return points


def score_and_merge(
    ws: Workspace, folder: Path, *, comment: str, overall: str, b1_on_104: str | None = None
) -> None:
    """Every expert scores to :data:`TOTALS` with ``comment`` where a score needs one and
    ``overall`` for each platform (``b1_on_104`` on B1 of 104), submits, and all is merged."""
    files: list[Path] = []
    for package in issue_packages(ws, folder / "packages", paper_sheets=False):
        with rv.open_package(package.path) as session:
            for platform in session.platforms:
                rv.declare(session, platform.id, False)
                total = TOTALS[package.expert_id][platform.id]
                for code, value in points_for(session.rubric, total).items():
                    rv.set_score(session, platform.id, code, value)
                    if session.rubric.indicator(code).requires_comment(value):
                        rv.set_comment(session, platform.id, code, comment)
                rv.set_overall_comment(session, platform.id, overall)
                if platform.id == 104 and b1_on_104 is not None:
                    rv.set_comment(session, platform.id, "B1", b1_on_104)
            out = folder / "scores" / f"{package.expert_id}.jlscore"
            rv.submit(session, out)
            files.append(out)
    assert all(o.ok for o in merge_score_files(ws, files, backup_dir=None))


def build_scored_cycle(folder: Path) -> Path:
    """The cycle above: scored, merged, adjusted, with an opinion and stored results."""
    with build_cycle(folder, others_work=False) as ws:
        score_and_merge(
            ws, folder, comment="佐证材料明显不足", overall=OVERALL, b1_on_104=B1_COMMENT
        )
        adjust_score(ws, 102, 80.5, ADJUST_REASON, author="秘书")
        save_panel_opinion(ws, 104, OPINION_104)
        compute_and_store_results(ws, decision_date=DAY)
        return ws.path


@pytest.fixture
def ws(scored: Path, tmp_path: Path) -> Iterator[Workspace]:
    copy = tmp_path / scored.name
    shutil.copyfile(scored, copy)
    with open_workspace(copy) as workspace:
        yield workspace


@pytest.fixture(scope="module")
def reports(scored: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every document of the cycle and the combined file, written once for the module."""
    out = tmp_path_factory.mktemp("reports")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JLPANEL_CONFIG_DIR", str(out / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(out / "data"))
        with open_workspace(scored) as workspace:
            files = write_reports(workspace, out / "pdf", combined=True, decision_date=DAY)
    return {f.name: f for f in files}


BASE14 = {
    f"{family}{style}"
    for family, styles in (
        ("Helvetica", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Courier", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Times", ("-Roman", "-Bold", "-Italic", "-BoldItalic")),
    )
    for style in styles
} | {"Symbol", "ZapfDingbats"}


def fonts_of(path: Path) -> list[tuple[str, bool]]:
    """(BaseFont, embedded as TrueType) of every font of every page and form it draws."""
    found: list[tuple[str, bool]] = []

    def walk(resources: object) -> None:
        res = resources.get_object()  # type: ignore[attr-defined]
        for ref in (res.get("/Font") or {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found.append((str(font["/BaseFont"]), embedded))
        for ref in (res.get("/XObject") or {}).values():
            form = ref.get_object()
            if form.get("/Resources") is not None:
                walk(form["/Resources"])

    for page in pypdf.PdfReader(path).pages:
        if page.get("/Resources") is not None:
            walk(page["/Resources"])
    return found


def texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]


def text(path: Path) -> str:
    return "\n".join(texts(path))


def test_every_document_gets_its_own_file_and_the_combined_file(reports: dict[str, Path]) -> None:
    expected = {
        "汇总表.pdf",
        "公示名单.pdf",
        "专家组签字表.pdf",
        *(f"评价报告-{name}.pdf" for name in PLATFORM_NAMES.values()),
        *(f"专家个人评分表-{name}.pdf" for _, name, _ in EXPERTS),
        f"整改通知书-{PLATFORM_NAMES[104]}.pdf",
        "合订本.pdf",
    }
    assert set(reports) == expected
    folder = next(iter(reports.values())).parent
    # no temporary files; the set's manifest beside it
    assert sorted(p.name for p in folder.iterdir()) == sorted({*expected, ".jlpanel-reports.json"})


def test_every_font_of_every_pdf_is_the_embedded_cjk_font(reports: dict[str, Path]) -> None:
    for path in reports.values():
        fonts = fonts_of(path)
        assert fonts, path.name
        for name, embedded in fonts:
            assert "WenQuanYiMicroHei" in name and embedded, (path.name, name)
            assert name.lstrip("/").split("+")[-1] not in BASE14, (path.name, name)


def test_every_page_has_the_cycle_header_and_its_page_numbers(reports: dict[str, Path]) -> None:
    for name, path in reports.items():
        pages = texts(path)
        if name == "合订本.pdf":
            continue
        for n, page in enumerate(pages, 1):
            assert CYCLE_NAME in page, name
            assert f"第 {n} 页 / 共 {len(pages)} 页" in page, name


def test_the_combined_file_holds_every_page_numbered_straight_through(
    reports: dict[str, Path],
) -> None:
    lengths = [len(texts(p)) for name, p in reports.items() if name != "合订本.pdf"]
    combined = texts(reports["合订本.pdf"])
    assert len(combined) == sum(lengths)
    for n, page in enumerate(combined, 1):
        assert f"第 {n} 页 / 共 {len(combined)} 页" in page
    # each document's own page numbers beside: one first page per document
    assert sum("本件第 1/" in page for page in combined) == len(lengths)


def test_the_evaluation_report_shows_scores_grade_and_decision(reports: dict[str, Path]) -> None:
    report = text(reports[f"评价报告-{PLATFORM_NAMES[101]}.pdf"])
    for expected in (
        PLATFORM_NAMES[101],
        "JLPT-2023-101",
        "吉林省第1研究院",
        "科技资源共享服务平台考核评价报告",
        "92.33",  # (95 + 90 + 92) / 3
        "优秀",
        "后补助候选",
        "第 1 名 / 共 4 个",
        "专家组组长签字",
        "服务次数",  # a key metric
        "资源整合能力",
        "截尾平均",
        "100.0",  # the maximum of the total
        "5.00",  # the range of the totals, 95 − 90
    ):
        assert expected in report, expected


def test_the_evaluation_report_keeps_the_experts_anonymous(reports: dict[str, Path]) -> None:
    for pid, name in PLATFORM_NAMES.items():
        report = text(reports[f"评价报告-{name}.pdf"])
        for _, expert, institution in EXPERTS:
            assert expert not in report
            assert institution not in report
        n = 2 if pid == 103 else 3
        assert f"专家{n}" in report and f"专家{n + 1}" not in report
        assert OVERALL in report


def test_the_adjusted_and_the_failing_reports(reports: dict[str, Path]) -> None:
    adjusted = text(reports[f"评价报告-{PLATFORM_NAMES[102]}.pdf"])
    assert "82.33" in adjusted and "80.50" in adjusted  # computed, then adjusted
    assert ADJUST_REASON in adjusted.replace("\n", "")
    failing = text(reports[f"评价报告-{PLATFORM_NAMES[104]}.pdf"])
    assert "52.33" in failing and "不合格" in failing and "限期整改" in failing
    assert "2027年3月15日" in failing
    assert OPINION_104 in failing.replace("\n", "")
    assert f"B1 共享服务量：{B1_COMMENT}" in failing
    pending = text(reports[f"评价报告-{PLATFORM_NAMES[103]}.pdf"])
    assert "有效评分不足" in pending


def test_the_summary_ranks_every_platform_with_the_grade_counts(
    reports: dict[str, Path],
) -> None:
    summary = text(reports["汇总表.pdf"])
    positions = [summary.index(f"JLPT-2023-{pid}") for pid in (101, 102, 103, 104)]
    assert positions == sorted(positions)  # 92.33, 80.50, 68.00, 52.33
    for expected in ("92.33", "80.50", "68.00", "52.33", "等级分布", "参评平台", "后补助候选"):
        assert expected in summary, expected


def test_the_summary_shows_the_panels_agreement_as_information(
    reports: dict[str, Path],
) -> None:
    summary = text(reports["汇总表.pdf"]).replace("\n", "")
    # Every expert puts 101 > 102 > 104 (103 lacks 钱晓红): W = 1 on 3 experts × 3 platforms.
    # ICC over all 11 totals, k = 4 / (3/3 + 1/2) = 8/3 experts per platform: 0.99.
    for expected in (
        "专家组评分一致性",
        "组内相关系数 ICC(2,k) 0.99 4 2.7 全部有效评分，k 为平均数",
        "肯德尔和谐系数 W 1.00 3 3 3 位专家都评了的平台",
        "解读：评分一致性优秀：平台得分几乎不取决于由哪几位专家评分；专家对平台的排序完全一致。",
        "仅供参考，不改变任何得分、等级或排名。",
    ):
        assert expected in summary, expected


def test_each_expert_signs_a_sheet_of_their_own_scores(reports: dict[str, Path]) -> None:
    for expert_id, name, institution in EXPERTS:
        sheet = text(reports[f"专家个人评分表-{name}.pdf"])
        assert name in sheet and institution in sheet and "专家签字" in sheet
        for pid, total in TOTALS[expert_id].items():
            assert PLATFORM_NAMES[pid] in sheet
            assert f"{total:.1f}" in sheet
        others = {n for e, n, _ in EXPERTS if e != expert_id}
        assert not any(other in sheet for other in others)
    assert PLATFORM_NAMES[103] not in text(reports["专家个人评分表-钱晓红.pdf"])


def test_the_panel_signature_sheet_lists_every_expert(reports: dict[str, Path]) -> None:
    sheet = text(reports["专家组签字表.pdf"])
    for _, name, institution in EXPERTS:
        assert name in sheet
        assert institution[:10] in sheet.replace("\n", "")
    assert "签字" in sheet and "日期" in sheet


def test_the_publication_list_has_the_final_results_and_a_notice_period(
    reports: dict[str, Path],
) -> None:
    listing = text(reports["公示名单.pdf"])
    for pid in (101, 102, 104):
        assert PLATFORM_NAMES[pid] in listing
    assert PLATFORM_NAMES[103] not in listing  # not final: not published
    assert "公示期" in listing and "另有 1 个平台" in listing
    assert "是（第 1 位）" in listing and "是（第 2 位）" in listing


def test_only_the_failing_platform_gets_a_rectification_notice(reports: dict[str, Path]) -> None:
    notices = [n for n in reports if n.startswith("整改通知书")]
    assert notices == [f"整改通知书-{PLATFORM_NAMES[104]}.pdf"]
    notice = text(reports[notices[0]]).replace("\n", "")
    for expected in (
        "吉林省第4研究院：",
        "52.33",
        "2027年3月15日",
        "取消共享服务平台资格",
        "吉林省科技资源共享服务平台管理办法",
        "盖章",
        OPINION_104,
    ):
        assert expected in notice, expected


def test_chosen_documents_only_and_unknown_ones_refused(ws: Workspace, tmp_path: Path) -> None:
    files = write_reports(ws, tmp_path / "some", documents={"summary", "整改通知书"})
    assert [f.name for f in files] == ["汇总表.pdf", f"整改通知书-{PLATFORM_NAMES[104]}.pdf"]
    with pytest.raises(UserError) as refused:
        write_reports(ws, tmp_path / "none", documents={"minutes"})
    assert "minutes" in refused.value.zh
    assert not (tmp_path / "none").exists()


def test_cancelling_stops_between_files_and_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "cancelled"
    before = write_reports(ws, folder, documents={"summary"})
    old = before[0].read_bytes()
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, name: str) -> bool:
        seen.append((done, total, name))
        return done < 2

    files = write_reports(ws, folder, progress=progress, combined=True)
    assert files == []
    # the previous set as it was, nothing half-written beside it
    assert sorted(p.name for p in folder.iterdir()) == [".jlpanel-reports.json", "汇总表.pdf"]
    assert before[0].read_bytes() == old
    assert [s[0] for s in seen] == [0, 1, 2]
    assert seen[0][1] == 12  # 11 documents and the combined file


def test_progress_reports_the_end(ws: Workspace, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    write_reports(
        ws, tmp_path / "done", documents={"summary"}, progress=lambda *a: seen.append(a) or True
    )
    assert seen == [(0, 1, "汇总表.pdf"), (1, 1, "")]


def test_english_reports(ws: Workspace, tmp_path: Path) -> None:
    files = write_reports(ws, tmp_path / "en", language="en", decision_date=DAY)
    names = {f.name for f in files}
    assert "Results summary.pdf" in names
    report = text(tmp_path / "en" / f"Evaluation report-{PLATFORM_NAMES[101]}.pdf")
    for expected in ("Platform evaluation report", "Excellent", "Page 1 of", "Expert 1", "92.33"):
        assert expected in report, expected
    summary = text(tmp_path / "en" / "Results summary.pdf").replace("\n", " ")
    for expected in (
        "Panel agreement",
        "ICC(2,k) 0.99 4 2.7 all valid totals; k is a mean",
        "Kendall's W 1.00 3 3 the platforms all 3 experts scored",
        "Reading: Excellent agreement",
        "the experts order the platforms exactly alike.",
    ):
        assert expected in summary, expected


def test_the_view_models_carry_plain_data(ws: Workspace) -> None:
    rs = gather_report_set(ws, decision_date=DAY)
    assert [r.name for r in rs.platforms] == list(PLATFORM_NAMES.values())
    failing = next(r for r in rs.platforms if r.platform_id == 104)
    assert failing.decision.deadline == dt.date(2027, 3, 15)
    assert failing.grade.code == "fail" and failing.panel_opinion == OPINION_104
    adjusted = next(r for r in rs.platforms if r.platform_id == 102)
    assert [(a.computed_score, a.adjusted_score) for a in adjusted.adjustments] == [
        (Decimal("82.33"), Decimal("80.5"))
    ]
    assert [n.platform_id for n in rs.notices] == [104]
    assert [w.code for w in rs.notices[0].weak_indicators][:1] != []
    assert rs.publication.pending == 1
    assert {g.code: n for g, n in rs.summary.grade_counts} == {
        "excellent": 1,
        "good": 1,
        "pass": 1,
        "fail": 1,
    }


def test_a_workspace_without_scores_still_reports(tmp_path: Path) -> None:
    with build_cycle(tmp_path, others_work=False) as workspace:
        files = write_reports(workspace, tmp_path / "empty")
    names = {f.name for f in files}
    assert "汇总表.pdf" in names and not any(n.startswith("整改通知书") for n in names)
    assert not any(n.startswith("专家个人评分表") for n in names)
    summary = text(tmp_path / "empty" / "汇总表.pdf").replace("\n", "")
    assert "待定" in summary
    assert "ICC(2,k) 无法计算：有专家评分的平台少于 2 个" in summary


# ------------------------------------------------ confirmation, ties and vetoes (issue 11)


def one_line(path: Path) -> str:
    return text(path).replace("\n", "")


def test_documents_say_draft_until_confirmed_then_the_day_and_any_change_since(
    ws: Workspace, tmp_path: Path
) -> None:
    from jlpanel.services.panel import confirm_results

    chosen = {"summary", "publication", "evaluation", "rectification", "signatures"}
    draft = write_reports(ws, tmp_path / "draft", documents=chosen)
    for f in draft:
        assert "结果尚未确定（草稿）" in one_line(f), f.name
        assert "None" not in one_line(f), f.name
    notice = one_line(tmp_path / "draft" / f"整改通知书-{PLATFORM_NAMES[104]}.pdf")
    # no deadline yet: it runs from the confirmation (12 months under the default rules)
    assert "请自结果确定之日起 12 个月内完成整改" in notice
    failing = one_line(tmp_path / "draft" / f"评价报告-{PLATFORM_NAMES[104]}.pdf")
    assert "自结果确定之日起 12 个月内整改" in failing and "整改期限" not in failing

    # "as if" decided on a day is still a draft: only the panel's confirmation confirms
    as_if = write_reports(ws, tmp_path / "as-if", documents={"summary"}, decision_date=DAY)
    assert "结果尚未确定（草稿）" in one_line(as_if[0])

    confirm_results(ws, on=dt.date(2026, 12, 7), author="组长")
    done = write_reports(ws, tmp_path / "done", documents=chosen)
    for f in done:
        page = one_line(f)
        assert "结果已于 2026年12月7日 确定" in page and "草稿" not in page, f.name
    notice = one_line(tmp_path / "done" / f"整改通知书-{PLATFORM_NAMES[104]}.pdf")
    assert "请于 2027年12月7日 前完成整改" in notice  # 2026-12-07 + 12 months
    failing = one_line(tmp_path / "done" / f"评价报告-{PLATFORM_NAMES[104]}.pdf")
    assert "整改期限 2027年12月7日" in failing

    english = write_reports(ws, tmp_path / "en", documents={"summary"}, language="en")
    assert "Results confirmed on 2026-12-07" in one_line(english[0])

    # a change after the confirmation: the documents say so and are drafts again
    adjust_score(ws, 101, 91.5, "专家组复核后调整", author="秘书")
    changed = write_reports(ws, tmp_path / "changed", documents={"summary"})
    assert "结果已于 2026年12月7日 确定，此后有 1 处变动，尚待专家组重新确定（草稿）" in one_line(
        changed[0]
    )


def test_veto_rulings_in_the_report_and_the_veto_mark_in_summary_and_list(
    ws: Workspace, tmp_path: Path
) -> None:
    from jlpanel.services.panel import rule_on_veto

    veto = ws.cycle_info().rubric.vetoes[0]
    rule_on_veto(ws, "JLPT-2023-101", veto.code, confirm=True, reason="服务记录系伪造，经核实")
    rule_on_veto(ws, "JLPT-2023-102", veto.code, confirm=False, reason="材料齐全，举报不实")
    write_reports(ws, tmp_path, documents={"summary", "publication", "evaluation"})

    confirmed = one_line(tmp_path / f"评价报告-{PLATFORM_NAMES[101]}.pdf")
    assert f"{veto.name.zh}：已经专家组认定" in confirmed
    assert "理由：专家组：服务记录系伪造，经核实" in confirmed
    assert "不合格（一票否决）" in confirmed
    dismissed = one_line(tmp_path / f"评价报告-{PLATFORM_NAMES[102]}.pdf")
    assert f"{veto.name.zh}：专家组已驳回" in dismissed
    assert "专家组：材料齐全，举报不实" in dismissed
    assert "一票否决）" not in dismissed  # the grade carries no mark: the veto does not apply

    # in the narrow grade column the mark goes on a line of its own: compare without spaces
    summary = "".join(text(tmp_path / "汇总表.pdf").split())
    assert "92.33不合格（一票否决）取消资格" in summary
    assert summary.count("不合格（一票否决）") == 1  # 101 only; 104 fails by its score
    listing = "".join(text(tmp_path / "公示名单.pdf").split())
    assert "吉林省第1研究院不合格（一票否决）" in listing and listing.count("一票否决") == 1


def test_a_veto_raised_but_not_ruled_on_says_so(ws: Workspace) -> None:
    from jlpanel.domain.results import compute_results
    from jlpanel.domain.rules import RuleSettings
    from jlpanel.services.reporting import _veto_notes
    from jlpanel.services.results import load_platform_inputs

    rubric = ws.cycle_info().rubric
    veto = rubric.vetoes[0]
    with ws.session() as s:
        inputs = {p.platform_id: p for p in load_platform_inputs(s)}
    inp = inputs["101"]
    sheets = [
        sh if n else type(sh)(**{**_fields(sh), "vetoes": {veto.code: "未见对外服务记录"}})
        for n, sh in enumerate(inp.sheets)
    ]
    raised = type(inp)(**{**_fields(inp), "sheets": sheets})
    for counts, words in ((False, "暂不计入结果"), (True, "按规则已计入结果")):
        rules = RuleSettings(unconfirmed_veto_counts=counts, veto_min_experts=1)
        result = compute_results(rubric, rules, [raised]).by_id("101")
        (note,) = _veto_notes(result, rubric, "zh")
        assert note.status == f"专家提出，专家组尚未认定（{words}）；1 位专家提出"
        assert note.reasons == "未见对外服务记录" and note.applies is counts


def _fields(obj: object) -> dict[str, object]:
    import dataclasses

    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}  # type: ignore[arg-type]


def test_the_summary_notes_each_tie_and_marks_an_undecided_one_in_the_rank_column(
    tmp_path: Path,
) -> None:
    from jlpanel.reports import documents as docs
    from jlpanel.reports.layout import render_pdf
    from jlpanel.reports.models import (
        GradeMark,
        ReportContext,
        ResultsSummary,
        SummaryRow,
        TieNote,
    )

    def row(rank: int, n: int, grade: GradeMark, *, tied: bool = False) -> SummaryRow:
        return SummaryRow(
            rank,
            f"JLPT-{n}",
            f"平台{n}",
            "某单位",
            Decimal("90.5"),
            grade,
            "保持资格",
            5,
            is_final=not tied,
            tied=tied,
        )

    excellent = GradeMark("excellent", "优秀")
    good = GradeMark("good", "良好")
    summary = ResultsSummary(
        rows=(
            row(1, 1, excellent),
            row(2, 2, excellent, tied=True),
            row(2, 3, excellent, tied=True),
            row(4, 4, good),
            row(5, 5, good),
        ),
        grade_counts=((excellent, 3), (good, 2)),
        counts=(("参评平台", 5),),
        ties=(
            TieNote("优秀比例线上并列", (("JLPT-2", "平台2"), ("JLPT-3", "平台3")), False),
            TieNote("后补助名额线上并列", (("JLPT-5", "平台5"), ("JLPT-4", "平台4")), True),
        ),
    )
    ctx = ReportContext("2026年度考核", confirmed_on=None)
    path = tmp_path / "summary.pdf"
    path.write_bytes(render_pdf(ctx, [docs.results_summary(ctx, summary)]))
    page = text(path)
    assert page.count("2\n并列") == 2  # both members of the undecided tie, in the rank column
    flat = page.replace("\n", "")
    assert "并列情况" in flat
    assert (
        "优秀比例线上并列：平台2（JLPT-2）、平台3（JLPT-3）。专家组尚未确定先后，名次栏标“并列”，"
        "相关结果待定。"
    ) in flat
    assert (
        "后补助名额线上并列：平台5（JLPT-5）、平台4（JLPT-4）。专家组已确定先后（按所列顺序）。"
        in flat
    )
    assert "结果尚未确定（草稿）" in flat


def test_the_evaluation_reports_are_built_one_at_a_time_as_they_are_laid_out(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Built all at once, a national set's evaluation reports and score sheets are some 50 MB
    # of view models in the writing process (issue 16); in one process, one at a time.
    monkeypatch.setenv("JLPANEL_WORKERS", "1")
    alive: list[int] = []

    def progress(done: int, total: int, name: str) -> bool:
        alive.append(sum(isinstance(o, PlatformReport) for o in gc.get_objects()))
        return True

    files = write_reports(ws, tmp_path / "one-by-one", progress=progress)
    evaluations = [f for f in files if f.name.startswith("评价报告-")]
    assert len(evaluations) == len(PLATFORM_NAMES) == 4
    assert len(alive) == len(files) + 1 and max(alive) == 1


def test_a_pinned_run_digests_the_text_of_the_whole_set(ws: Workspace) -> None:
    # The run id of a pinned run (same data, same bytes) digests the whole set's text, made
    # piece by piece: it must be the text of the set built whole.
    sources = gather_report_sources(ws, decision_date=DAY)
    kinds = parse_documents(None)
    for combined in (False, True):
        whole = repr((sorted(kinds), combined, sources.whole()))
        assert "".join(set_text(sources, kinds, combined)) == whole
    assert sources.whole() == gather_report_set(ws, decision_date=DAY)
    one = sources.platform_report(sources.platform_ids[0])
    for items in ([], [one], [one, one]):
        assert "".join(_tuple_text(items)) == repr(tuple(items))


def test_a_deferred_document_is_built_before_it_is_sent(ws: Workspace) -> None:
    sources = gather_report_sources(ws, decision_date=DAY)
    plans = plan_sources(sources, {DocumentKind.EVALUATION, DocumentKind.EXPERT_SHEETS})
    assert [p.file_name for p in plans] == [
        p.file_name
        for p in plan_files(sources.whole(), {DocumentKind.EVALUATION, DocumentKind.EXPERT_SHEETS})
    ]
    with pytest.raises(TypeError, match="built before it is sent"):
        pickle.dumps(plans[0])
    sent = pickle.loads(pickle.dumps(plans[0].resolved()))
    assert sent.sources == (("evaluation_report", (sources.whole().platforms[0],)),)


def test_the_results_are_computed_from_the_sheets_the_caller_read(ws: Workspace) -> None:
    # The reports read the sheets once, for the results and for the comments (issue 16).
    with ws.reading() as s:
        inputs = load_platform_inputs(s)
    assert compute_workspace_results(ws, inputs=inputs) == compute_workspace_results(ws)
    some = compute_workspace_results(ws, inputs=inputs[1:3])
    assert [p.platform_id for p in some.platforms] == [p.platform_id for p in inputs[1:3]]
