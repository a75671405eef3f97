"""The report documents rendered from plain view models: fonts, pages, tables, line breaking."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from jlpanel.reports import documents as docs
from jlpanel.reports.fonts import FONT_NAME, register_fonts
from jlpanel.reports.labels import LABELS, Labels
from jlpanel.reports.layout import DocumentPart, PdfMeta, break_lines, para, render_pdf, styles
from jlpanel.reports.models import (
    ExpertPlatformScores,
    ExpertScoreSheet,
    GradeMark,
    IndicatorHead,
    PublicationEntry,
    PublicationList,
    ReportContext,
    ResultsSummary,
    SummaryRow,
)

pypdf = pytest.importorskip("pypdf")

CYCLE = "2026年度吉林省科技资源共享服务平台考核评价"
CTX = ReportContext(CYCLE, "zh", dt.date(2024, 1, 1), dt.date(2025, 12, 31), dt.date(2026, 3, 15))
GRADES = (
    GradeMark("excellent", "优秀"),
    GradeMark("good", "良好"),
    GradeMark("pass", "合格"),
    GradeMark("fail", "不合格"),
)
BASE14 = {
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Symbol",
    "ZapfDingbats",
}


def fonts_of(data: bytes) -> list[tuple[str, bool]]:
    """(BaseFont, has an embedded TrueType file) of every font every page uses, forms too."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found: list[tuple[str, bool]] = []

    def walk(resources: object, seen: set[int]) -> None:
        if resources is None:
            return
        res = resources.get_object()  # type: ignore[attr-defined]
        fonts = res.get("/Font")
        if fonts is not None:
            for ref in fonts.get_object().values():
                font = ref.get_object()
                descriptor = font.get("/FontDescriptor")
                embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
                found.append((str(font["/BaseFont"]), embedded))
        xobjects = res.get("/XObject")
        if xobjects is not None:
            for ref in xobjects.get_object().values():
                obj = ref.get_object()
                if id(obj) not in seen and obj.get("/Resources") is not None:
                    seen.add(id(obj))
                    walk(obj["/Resources"], seen)

    for page in reader.pages:
        walk(page.get("/Resources"), set())
    return found


def assert_only_embedded_cjk(data: bytes) -> None:
    fonts = fonts_of(data)
    assert fonts, "no font at all"
    for name, embedded in fonts:
        assert name.lstrip("/").split("+")[-1] not in BASE14, name
        assert FONT_NAME in name, name
        assert embedded, f"{name} is not embedded"


def page_texts(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def summary_rows(n: int) -> tuple[SummaryRow, ...]:
    return tuple(
        SummaryRow(
            rank=k,
            filing_no=f"JLPT-{k:04d}",
            name=f"吉林省第{k}号科技资源共享服务平台",
            host_unit=f"吉林省第{k}研究院",
            score=100 - k * 0.37,
            grade=GRADES[min(k // 40, 3)],
            decision="后补助候选",
            n=5,
            is_final=True,
        )
        for k in range(1, n + 1)
    )


def summary(n: int) -> ResultsSummary:
    rows = summary_rows(n)
    counts = tuple((g, sum(1 for r in rows if r.grade == g)) for g in GRADES)
    return ResultsSummary(rows, counts, (("参评平台", n),))


def test_every_font_in_a_document_is_the_embedded_cjk_font() -> None:
    data = render_pdf(CTX, [docs.results_summary(CTX, summary(12))])
    assert_only_embedded_cjk(data)  # the chart's axis labels and the footer included


def test_a_long_table_splits_across_pages_repeating_its_header() -> None:
    texts = page_texts(render_pdf(CTX, [docs.results_summary(CTX, summary(120))]))
    assert len(texts) >= 3
    for n, text in enumerate(texts, 1):
        assert CYCLE in text  # the header
        assert f"第 {n} 页 / 共 {len(texts)} 页" in text  # the footer
    for text in texts[:2]:
        assert "名次" in text and "备案编号" in text and "依托单位" in text
    assert "JLPT-0120" in "".join(texts)
    assert "99.63" in texts[0]  # fixed decimals: 100 − 0.37


def test_each_document_of_a_combined_file_numbers_its_own_pages() -> None:
    parts = [
        docs.results_summary(CTX, summary(120)),
        docs.publication_list(
            CTX,
            PublicationList(
                (PublicationEntry(1, "JLPT-0001", "吉林省甲平台", "甲单位", GRADES[0], 1),), 2
            ),
        ),
    ]
    alone = page_texts(render_pdf(CTX, parts[:1]))
    combined = page_texts(render_pdf(CTX, parts, title="两个文件"))
    assert len(combined) == len(alone) + 1
    last = combined[-1]
    assert "第 1 页 / 共 1 页" in last and "考核评价结果公示" in last
    assert "另有 2 个平台考核结果尚未确定" in last
    assert f"第 1 页 / 共 {len(alone)} 页" in combined[0]


def test_the_expert_sheet_is_landscape_and_lists_every_indicator() -> None:
    heads = tuple(IndicatorHead(f"X{k}", f"指标{k}", 10.0) for k in range(1, 16))
    sheet = ExpertScoreSheet(
        7,
        "王建华",
        "吉林大学",
        "教授",
        heads,
        tuple(
            ExpertPlatformScores(
                f"JLPT-{p:04d}",
                f"平台{p}",
                tuple(float(k % 10) for k in range(15)),
                67.5,
                "总体较好",
                (("X3", "材料不全"),),
            )
            for p in range(60)
        ),
    )
    data = render_pdf(CTX, [docs.expert_score_sheet(CTX, sheet)])
    reader = pypdf.PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    texts = page_texts(data)
    assert len(texts) >= 2
    assert "X15" in texts[1]  # the header row again on page 2
    assert "王建华" in texts[0] and "67.5" in texts[0]
    assert "专家签字" in texts[-1]
    assert_only_embedded_cjk(data)


def test_identical_input_and_creation_date_give_identical_bytes() -> None:
    part = docs.results_summary(CTX, summary(5))
    meta = PdfMeta(dt.datetime(2026, 3, 20, 9, 30, tzinfo=dt.UTC), "0123456789abcdef")
    assert render_pdf(CTX, [part], meta=meta) == render_pdf(CTX, [part], meta=meta)


def test_rendering_needs_a_document() -> None:
    with pytest.raises(ValueError):
        render_pdf(CTX, [])


def test_a_custom_part_keeps_the_header_and_footer() -> None:
    part = DocumentPart("试验文档", lambda: [para("正文" * 1500, styles().body)])
    texts = page_texts(render_pdf(CTX, [part]))
    assert len(texts) >= 2
    assert all("试验文档" in t and CYCLE in t for t in texts)


class TestLineBreaking:
    def setup_method(self) -> None:
        register_fonts()

    def test_chinese_breaks_between_characters_within_the_width(self) -> None:
        text = "吉林省科技资源共享服务平台考核评价" * 4
        lines = break_lines(text, FONT_NAME, 10, 100)
        assert "".join(lines) == text
        assert all(len(line) <= 10 for line in lines)  # 10 pt glyphs in 100 pt
        assert len(lines[0]) == 10

    def test_closing_punctuation_never_starts_a_line(self) -> None:
        text = "一二三四五六七八九十，一二三四五六七八九十。"
        lines = break_lines(text, FONT_NAME, 10, 100)
        assert "".join(lines) == text
        assert not any(line[0] in "，。" for line in lines)

    def test_latin_words_stay_whole(self) -> None:
        words = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"]
        lines = break_lines(" ".join(words), FONT_NAME, 10, 80)
        assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines)
        assert " ".join(lines).split() == words

    def test_a_word_longer_than_a_line_is_cut(self) -> None:
        lines = break_lines("x" * 100, FONT_NAME, 10, 50)
        assert "".join(lines) == "x" * 100 and len(lines) > 1

    def test_hard_line_breaks_and_first_line_indent(self) -> None:
        lines = break_lines("甲乙\n丙丁", FONT_NAME, 10, 100)
        assert lines == ["甲乙", "丙丁"]
        assert len(break_lines("一二三四五六七八九十", FONT_NAME, 10, 100, 80)[0]) == 8


def test_every_label_has_both_languages_and_english_falls_back_to_nothing_missing() -> None:
    for key, text in LABELS.items():
        assert text.zh and text.en, key
    en = Labels("en")
    assert en("footer", page=2, total=5) == "Page 2 of 5"
    assert Labels("zh")("footer", page=2, total=5) == "第 2 页 / 共 5 页"
    assert "Measures" in en("notice_policy")


def test_a_repeated_font_subset_is_reused_with_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The documents of a report set repeat most of their font subsets: made once per process
    (a third of a report's time), and the PDF is byte for byte the one made without reuse."""
    from reportlab.pdfbase import pdfdoc, ttfonts

    from jlpanel.reports import fonts

    register_fonts()
    made: list[int] = []
    plain_make = ttfonts.TTFontFile.makeSubset
    plain_encode = pdfdoc.PDFStreamFilterZCompress.encode

    def counted(face: object, subset: list[int]) -> bytes:
        made.append(len(subset))
        return plain_make(face, subset)

    monkeypatch.setattr(ttfonts.TTFontFile, "makeSubset", counted)
    monkeypatch.setattr(fonts, "_subsets", type(fonts._subsets)())
    monkeypatch.setattr(fonts, "_deflated", type(fonts._deflated)())
    meta = PdfMeta(dt.datetime(2026, 3, 15, 9, 0, tzinfo=dt.UTC), "0123456789abcdef")
    part = docs.results_summary(CTX, summary(30))
    first = render_pdf(CTX, [part], meta=meta)
    assert made  # the summary's characters make at least one subset
    count = len(made)
    assert render_pdf(CTX, [part], meta=meta) == first
    assert len(made) == count  # the second time, every subset came from the cache
    # outside a rendering, reportlab's own classes are back: other PDFs are its own work
    assert ttfonts.TTFontFile.makeSubset is counted
    assert pdfdoc.PDFStreamFilterZCompress.encode is plain_encode
    # and with nothing kept the bytes are the same (a cache never changes a PDF)
    monkeypatch.setattr(fonts, "_subsets", type(fonts._subsets)())
    monkeypatch.setattr(fonts, "_deflated", type(fonts._deflated)())
    assert render_pdf(CTX, [part], meta=meta) == first
    assert len(made) == 2 * count


def test_a_font_subset_is_kept_for_its_font_file_never_for_an_object_id() -> None:
    """Two faces at the same address one after the other (the first gone) would share an
    id(): the subset is kept under the face's file and font instead."""
    from jlpanel.reports import fonts

    class Face:
        def __init__(self, filename: str) -> None:
            self.filename, self.subfontNameX = filename, b"-0"

    made: list[str] = []
    fonts._originals["subset"] = lambda face, subset: made.append(face.filename) or b"x"
    try:
        fonts._subsets.clear()
        fonts._make_subset(Face("a.ttc"), [1, 2])
        fonts._make_subset(Face("b.ttc"), [1, 2])  # same subset, another font: made again
        fonts._make_subset(Face("a.ttc"), [1, 2])  # a new object of the first font: kept
    finally:
        fonts._subsets.clear()
        fonts._originals.pop("subset", None)
    assert made == ["a.ttc", "b.ttc"]
