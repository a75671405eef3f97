"""Rubric loading and validation, on the shipped default and on broken documents."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from factories import small_rubric_doc

from jlpanel.domain.rubric import (
    MAX_DEPTH,
    Level,
    RubricDocumentError,
    RubricError,
    derive_bands,
    parse_rubric_text,
    rubric_from_dict,
)
from jlpanel.domain.text import Text

DEFAULT = Path(__file__).parents[2] / "resources" / "rubrics" / "default.toml"


def problems(doc: dict[str, Any]) -> tuple[str, ...]:
    with pytest.raises(RubricError) as info:
        rubric_from_dict(doc)
    return info.value.problems


def test_default_rubric_is_the_design_table():
    rubric = parse_rubric_text(DEFAULT.read_text("utf-8"))
    assert [(a.code, a.max_points) for a in rubric.areas] == [("A", 35), ("B", 40), ("C", 25)]
    assert [(i.code, i.max_points) for i in rubric.indicators] == [
        ("A1", 10),
        ("A2", 6),
        ("A3", 7),
        ("A4", 7),
        ("A5", 5),
        ("B1", 10),
        ("B2", 7),
        ("B3", 10),
        ("B4", 6),
        ("B5", 7),
        ("C1", 6),
        ("C2", 7),
        ("C3", 6),
        ("C4", 3),
        ("C5", 3),
    ]
    assert rubric.indicator("A2").name.zh == "资源增量与更新"
    assert {v.code for v in rubric.vetoes} == {"fraud", "filing", "no_service"}
    assert rubric.veto("fraud").bars and not rubric.veto("filing").bars
    assert 0 < rubric.bonus_cap <= 10
    for ind in rubric.indicators:
        assert ind.step == 0.5
        assert len(ind.guidance) == 4
        for g in ind.guidance:
            # real wording in both languages, not a placeholder
            assert len(g.text.zh) >= 15, (ind.code, g.level)
            assert len(g.text.en) >= 30, (ind.code, g.level)
        assert ind.evidence and ind.metrics
        assert Level.POOR in ind.comment_required_levels


def test_point_bands_on_a_seven_point_indicator():
    rubric = parse_rubric_text(DEFAULT.read_text("utf-8"))
    bands = {g.level: (g.band.low, g.band.high) for g in rubric.indicator("A3").guidance}
    # 80 % of 7 = 5.6 → 6; 55 % = 3.85 → 4; 30 % = 2.1 → 2.5
    assert bands == {
        Level.EXCELLENT: (6, 7),
        Level.GOOD: (4, 5.5),
        Level.FAIR: (2.5, 3.5),
        Level.POOR: (0, 2),
    }
    ten = {g.level: (g.band.low, g.band.high) for g in rubric.indicator("A1").guidance}
    assert ten == {
        Level.EXCELLENT: (8, 10),
        Level.GOOD: (5.5, 7.5),
        Level.FAIR: (3, 5),
        Level.POOR: (0, 2.5),
    }


def test_levels_of_points():
    ind = parse_rubric_text(DEFAULT.read_text("utf-8")).indicator("A1")
    assert [ind.level_of(p) for p in (10, 8, 7.5, 5.5, 5, 3, 2.5, 0)] == [
        Level.EXCELLENT,
        Level.EXCELLENT,
        Level.GOOD,
        Level.GOOD,
        Level.FAIR,
        Level.FAIR,
        Level.POOR,
        Level.POOR,
    ]


def test_json_and_toml_give_the_same_rubric():
    doc = small_rubric_doc()
    from_json = parse_rubric_text(json.dumps(doc), suffix=".json")
    assert from_json.indicators == rubric_from_dict(doc).indicators


def test_duplicate_codes_are_named():
    doc = small_rubric_doc()
    doc["areas"][1]["indicators"][0]["code"] = "A1"
    assert any("code 'A1' is used twice" in p for p in problems(doc))


def test_indicator_maxima_must_add_up_to_the_area():
    doc = small_rubric_doc()
    doc["areas"][0]["indicators"][0]["max_points"] = 30
    found = problems(doc)
    assert "area A: indicator maxima add up to 30, not the area's 35" in found


def test_area_maxima_must_add_up_to_100():
    doc = small_rubric_doc()
    doc["areas"][2]["max_points"] = 20
    doc["areas"][2]["indicators"][0]["max_points"] = 20
    assert "areas: area maxima add up to 95, not 100" in problems(doc)


def test_step_must_divide_the_maximum():
    doc = small_rubric_doc()
    doc["areas"][0]["indicators"][0]["step"] = 2
    assert "indicator A1: step 2 does not divide max_points 35" in problems(doc)


def test_explicit_bands_must_cover_zero_to_max():
    doc = small_rubric_doc()
    g = doc["areas"][2]["indicators"][0]["guidance"]
    g["excellent"].update(min=20, max=25)
    g["good"].update(min=14, max=19.5)
    g["fair"].update(min=8, max=12)  # gap: 12.5–13.5 belongs to nobody
    g["poor"].update(min=0, max=7.5)
    found = problems(doc)
    assert any("fair band ends at 12 and the good band starts at 14" in p for p in found)


def test_guidance_text_required_for_every_level():
    doc = small_rubric_doc()
    del doc["areas"][0]["indicators"][0]["guidance"]["poor"]
    assert "indicator A1.guidance.poor: guidance text for this level is missing" in problems(doc)


def test_unknown_metric_key():
    doc = small_rubric_doc()
    doc["areas"][0]["indicators"][0]["metrics"] = ["resource_count", "made_up"]
    assert "indicator A1: metric 'made_up' is not in the metric catalogue" in problems(doc)


def test_levels_must_meet_without_gaps():
    doc = small_rubric_doc()
    doc["levels"] = [
        {"code": "excellent", "name_zh": "优", "min_pct": 80, "max_pct": 100},
        {"code": "good", "name_zh": "良", "min_pct": 60, "max_pct": 79},
        {"code": "fair", "name_zh": "一般", "min_pct": 30, "max_pct": 60},
        {"code": "poor", "name_zh": "差", "min_pct": 0, "max_pct": 30},
    ]
    assert any("good ends at 79" in p for p in problems(doc))


def test_every_problem_is_reported_at_once():
    doc = copy.deepcopy(small_rubric_doc())
    doc["rubric"]["total_points"] = 90
    doc["areas"][0]["indicators"][0]["step"] = 0
    doc["vetoes"][0]["bars"] = "yes"
    assert len(problems(doc)) >= 3


def test_not_toml_at_all():
    with pytest.raises(RubricError) as info:
        parse_rubric_text("this is = = not toml")
    assert "not valid TOML" in str(info.value)


def test_derived_bands_cover_the_grid_for_every_maximum():
    from jlpanel.domain.rubric import LevelDefinition, Text

    levels = [
        LevelDefinition(lv, Text("", ""), lo, hi)
        for lv, lo, hi in (
            (Level.EXCELLENT, 80, 100),
            (Level.GOOD, 55, 80),
            (Level.FAIR, 30, 55),
            (Level.POOR, 0, 30),
        )
    ]
    for max_points in (3, 5, 6, 7, 10, 25, 40):
        bands = derive_bands(max_points, 0.5, levels)
        assert bands[Level.POOR].low == 0 and bands[Level.EXCELLENT].high == max_points
        assert bands[Level.FAIR].low == bands[Level.POOR].high + Decimal("0.5")
        assert bands[Level.GOOD].low == bands[Level.FAIR].high + Decimal("0.5")
        assert bands[Level.EXCELLENT].low == bands[Level.GOOD].high + Decimal("0.5")


# --------------------------------------------------------------------- hostile documents


def document_refusal(text: str, suffix: str) -> Text:
    with pytest.raises(RubricDocumentError) as info:
        parse_rubric_text(text, suffix=suffix)
    reason = info.value.reason
    reason.zh.encode("utf-8")  # printable as it is: nothing unencodable leaks into it
    reason.en.encode("utf-8")
    return reason


def json_with(edit: Callable[[dict[str, Any]], None]) -> str:
    doc = copy.deepcopy(small_rubric_doc())
    edit(doc)
    return json.dumps(doc, ensure_ascii=False)


def toml_with(old: str, new: str) -> str:
    text = DEFAULT.read_text("utf-8")
    assert old in text
    return text.replace(old, new, 1)


def nested(lists: int) -> Any:
    value: Any = "底"
    for _ in range(lists):
        value = [value]
    return value


def set_note(value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        doc["rubric"]["note"] = value

    return edit


def name_a1(value: str) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        doc["areas"][0]["indicators"][0]["name_zh"] = value

    return edit


A1 = "areas[0].indicators[0]"
DEEP_JSON = json_with(set_note("X"))[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}"


@pytest.mark.parametrize(
    ("text", "suffix", "zh", "en"),
    [
        (DEEP_JSON, ".json", "文档嵌套过深", "the document is nested too deeply"),
        (
            DEFAULT.read_text("utf-8") + "\nx = " + "[" * 100_000 + "]" * 100_000 + "\n",
            ".toml",
            "文档嵌套过深",
            "the document is nested too deeply",
        ),
        (
            DEFAULT.read_text("utf-8") + "\nx = " + "{a=" * 3000 + "1" + "}" * 3000 + "\n",
            ".toml",
            "文档嵌套过深",
            "the document is nested too deeply",
        ),
        (
            json_with(set_note(nested(MAX_DEPTH))),
            ".json",
            f"rubric.note{'[0]' * (MAX_DEPTH - 2)} 嵌套超过 {MAX_DEPTH} 层",
            f"is nested more than {MAX_DEPTH} levels deep",
        ),
        (
            json_with(name_a1("\ud800")),
            ".json",
            f"{A1}.name_zh 含有无效的 Unicode 字符（孤立的代理项",
            f"{A1}.name_zh holds an invalid Unicode character (a lone surrogate",
        ),
        (
            json_with(set_note({"\udfff": 1})),
            ".json",
            "rubric.note.\\udfff 含有无效的 Unicode 字符",
            "rubric.note.\\udfff holds an invalid Unicode character",
        ),
        (
            json_with(name_a1("资源\x00体量")),
            ".json",
            f"{A1}.name_zh 含有空字符",
            f"{A1}.name_zh holds a NUL character",
        ),
        (
            json_with(set_note(0)).replace('"note": 0', '"note": ' + "9" * 5000),
            ".json",
            "含有一个 5000 位的整数",
            "holds an integer of 5000 digits",
        ),
        (
            toml_with("max_points = 10\n", "max_points = " + "9" * 5000 + "\n"),
            ".toml",
            "含有位数过多的整数",
            "holds an integer of too many digits",
        ),
        (
            toml_with("max_points = 10\n", "max_points = 1" + "0" * 1000 + "\n"),
            ".toml",
            f"{A1}.max_points 的数值 1000000000",
            f"{A1}.max_points holds 1000000000",
        ),
        (
            toml_with("step = 0.5\n", "step = 1e-300\n"),
            ".toml",
            f"{A1}.step 的数值 1e-300 超出范围（绝对值不超过 1,000,000，小数不超过 6 位）",
            f"{A1}.step holds 1e-300, out of range (at most 1,000,000 in size, with at most 6 "
            "decimal places)",
        ),
        (
            toml_with("total_points = 100\n", "total_points = 1e300\n"),
            ".toml",
            "rubric.total_points 的数值 1e+300 超出范围",
            "rubric.total_points holds 1e+300, out of range",
        ),
        (
            json_with(set_note(0)).replace('"note": 0', '"note": 1e309'),
            ".json",
            "rubric.note 的数值 inf 超出范围",
            "rubric.note holds inf, out of range",
        ),
        (
            toml_with('version = "2026.1"\n', 'version = "2026.1"\nissued = 2026-01-01\n'),
            ".toml",
            "rubric.issued 是日期或时间",
            "rubric.issued is a date or time",
        ),
    ],
    ids=[
        "json_100000_deep",
        "toml_100000_deep_arrays",
        "toml_3000_deep_tables",
        "json_deeper_than_the_limit",
        "json_lone_surrogate_in_a_name",
        "json_lone_surrogate_in_a_key",
        "json_nul_in_a_name",
        "json_integer_of_5000_digits",
        "toml_integer_of_5000_digits",
        "toml_integer_of_1001_digits",
        "toml_step_of_1e-300",
        "toml_total_of_1e300",
        "json_1e309",
        "toml_date",
    ],
)
def test_a_hostile_document_is_refused_with_its_reason(text: str, suffix: str, zh: str, en: str):
    reason = document_refusal(text, suffix)
    assert zh in reason.zh
    assert en in reason.en


def test_what_is_just_inside_the_limits_is_a_rubric():
    def edit(doc: dict[str, Any]) -> None:
        doc["rubric"]["note"] = [nested(MAX_DEPTH - 3), 1_000_000, -1_000_000, 0.000001]

    assert parse_rubric_text(json_with(edit), suffix=".json").id


def test_a_document_given_as_data_refuses_huge_numbers_too():
    doc = copy.deepcopy(small_rubric_doc())
    doc["areas"][0]["indicators"][0]["step"] = 1e-300
    doc["rubric"]["total_points"] = 1e300
    found = problems(doc)
    assert any("indicator A1: step must be at most 1,000,000 in size" in p for p in found)
    assert any("(got 1e+300)" in p for p in found)
