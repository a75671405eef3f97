"""Conflicts of interest: the same-institution rule, the roster's 回避单位, declared ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jlpanel.domain.conflicts import (
    ConflictFinding,
    ConflictSource,
    ExpertProfile,
    Match,
    NameCheckDecision,
    NameCheckStatus,
    PlatformPeople,
    PlatformProfile,
    confirmed_same_name_reason,
    find_conflicts,
    match_units,
    name_check_status,
    normalise_unit,
    same_name_conflicts,
    split_units,
)
from jlpanel.domain.text import Text

JLU_PLATFORM = PlatformProfile("P1", "吉林省分析测试资源共享服务平台", "吉林大学")
CHEM_PLATFORM = PlatformProfile("P2", "吉林省化学资源共享服务平台", "吉林大学化学学院")
AGRI_PLATFORM = PlatformProfile("P3", "吉林省农作物种质资源库", "吉林省农业科学院")


def only(conflicts: list[ConflictFinding]) -> ConflictFinding:
    assert len(conflicts) == 1, conflicts
    return conflicts[0]


# ------------------------------------------------------------------------------- names


def test_units_are_split_on_every_separator_and_deduplicated() -> None:
    cell = "吉林大学；北华大学;长春理工大学、延边大学\n吉林农业大学，东北师范大学；吉林大学；"
    assert split_units(cell) == (
        "吉林大学",
        "北华大学",
        "长春理工大学",
        "延边大学",
        "吉林农业大学",
        "东北师范大学",
    )
    assert split_units(None) == ()
    assert split_units(" ；; ") == ()


def test_normalising_drops_spaces_brackets_and_quotes_and_folds_width() -> None:
    assert normalise_unit(" 吉林大学（中心校区） ") == "吉林大学中心校区"
    assert normalise_unit("【吉林 大学】") == "吉林大学"
    assert normalise_unit("“吉林大学”") == "吉林大学"
    assert normalise_unit("ＪＩＬＩＮ University") == "jilinuniversity"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("吉林大学", "吉林大学", Match.EQUAL),
        ("吉林大学 ", "（吉林大学）", Match.EQUAL),
        ("吉林大学化学学院", "吉林大学", Match.FIRST_CONTAINS_SECOND),
        ("吉林大学", "吉林大学化学学院", Match.SECOND_CONTAINS_FIRST),
        # The shorter name has three characters: containment does not count.
        ("吉林省", "吉林省农业科学院", None),
        ("吉大", "吉林大学", None),
        ("东北师范大学", "吉林大学", None),
        ("", "吉林大学", None),
        (None, "吉林大学", None),
        ("（）", "吉林大学", None),
    ],
)
def test_unit_matching(first: str | None, second: str | None, expected: Match | None) -> None:
    assert match_units(first, second) is expected


@given(st.text(max_size=12), st.text(max_size=12))
def test_matching_is_symmetric(first: str, second: str) -> None:
    flipped = {
        Match.FIRST_CONTAINS_SECOND: Match.SECOND_CONTAINS_FIRST,
        Match.SECOND_CONTAINS_FIRST: Match.FIRST_CONTAINS_SECOND,
        Match.EQUAL: Match.EQUAL,
        None: None,
    }
    assert match_units(second, first) is flipped[match_units(first, second)]


@given(st.text(max_size=20))
def test_normalising_is_idempotent(name: str) -> None:
    assert normalise_unit(normalise_unit(name)) == normalise_unit(name)


# ------------------------------------------------------------------------- the rules


def test_same_institution_equal_names() -> None:
    expert = ExpertProfile("王志刚", "王志刚", "吉林大学")
    finding = only(find_conflicts([expert], [JLU_PLATFORM]))
    assert finding == ConflictFinding(
        "王志刚",
        "P1",
        ConflictSource.SAME_INSTITUTION,
        Text(
            "专家工作单位“吉林大学”与依托单位“吉林大学”相同",
            "The expert's institution '吉林大学' is the host unit '吉林大学'",
        ),
    )


def test_same_institution_when_the_host_unit_contains_the_institution() -> None:
    expert = ExpertProfile("E", "王志刚", "吉林大学")
    finding = only(find_conflicts([expert], [CHEM_PLATFORM]))
    assert finding.source is ConflictSource.SAME_INSTITUTION
    assert (
        finding.reason.zh
        == "依托单位“吉林大学化学学院”的名称包含专家工作单位“吉林大学”，视为同一单位"
    )


def test_same_institution_when_the_institution_contains_the_host_unit() -> None:
    expert = ExpertProfile("E", "李四", "吉林大学化学学院")
    finding = only(find_conflicts([expert], [JLU_PLATFORM]))
    assert (
        finding.reason.zh
        == "专家工作单位“吉林大学化学学院”的名称包含依托单位“吉林大学”，视为同一单位"
    )
    assert "contains the name of the host unit '吉林大学'" in finding.reason.en


def test_no_conflict_for_an_unrelated_or_missing_institution() -> None:
    experts = [ExpertProfile("A", "甲", "东北师范大学"), ExpertProfile("B", "乙", None)]
    platforms = [JLU_PLATFORM, PlatformProfile("P9", "无依托单位平台", None)]
    assert find_conflicts(experts, platforms) == []


def test_roster_unit_equal_to_the_host_unit() -> None:
    expert = ExpertProfile("E", "陈晓燕", "吉林省科学技术信息研究所", ("吉林省农业科学院",))
    finding = only(find_conflicts([expert], [AGRI_PLATFORM]))
    assert finding.source is ConflictSource.ROSTER
    assert finding.reason == Text(
        "专家名单所列回避单位“吉林省农业科学院”与依托单位“吉林省农业科学院”相同",
        "The roster lists '吉林省农业科学院' as a unit to avoid: it is the host unit "
        "'吉林省农业科学院'",
    )


def test_roster_unit_contained_in_the_host_unit() -> None:
    expert = ExpertProfile("E", "张三", "东北林业大学", ("吉林大学",))
    finding = only(find_conflicts([expert], [CHEM_PLATFORM]))
    assert finding.reason.zh == "依托单位“吉林大学化学学院”的名称包含专家名单所列回避单位“吉林大学”"


def test_roster_unit_matched_against_the_platform_name() -> None:
    # The host unit is unrelated; the unit to avoid is part of the platform's name.
    platform = PlatformProfile("P4", "吉林省长白山生物种质资源库", "吉林省林业科学研究院")
    expert = ExpertProfile("E", "张宏伟", "东北林业大学", ("长白山生物种质",))
    finding = only(find_conflicts([expert], [platform]))
    assert finding.source is ConflictSource.ROSTER
    assert finding.reason.zh == (
        "平台名称“吉林省长白山生物种质资源库”包含专家名单所列回避单位“长白山生物种质”"
    )


def test_roster_unit_naming_the_platform_exactly() -> None:
    expert = ExpertProfile("E", "张宏伟", "东北林业大学", ("吉林省农作物种质资源库",))
    finding = only(find_conflicts([expert], [AGRI_PLATFORM]))
    assert finding.reason.zh == "专家名单所列回避单位“吉林省农作物种质资源库”即本平台"


def test_several_matching_units_give_one_finding_with_every_reason() -> None:
    platform = PlatformProfile("P5", "吉林省北华大学林学资源平台", "北华大学林学院")
    expert = ExpertProfile(
        "E", "张宏伟", "东北林业大学", ("北华大学", "北华大学林学院", "延边大学")
    )
    finding = only(find_conflicts([expert], [platform]))
    assert finding.reason.zh == (
        "依托单位“北华大学林学院”的名称包含专家名单所列回避单位“北华大学”；"
        "专家名单所列回避单位“北华大学林学院”与依托单位“北华大学林学院”相同"
    )
    assert finding.reason.en.count("; ") == 1


def test_an_expert_can_conflict_by_rule_and_by_roster_at_once() -> None:
    expert = ExpertProfile("E", "王志刚", "吉林大学", ("吉林大学化学学院",))
    found = find_conflicts([expert], [CHEM_PLATFORM])
    assert [f.source for f in found] == [ConflictSource.SAME_INSTITUTION, ConflictSource.ROSTER]


def test_declared_conflicts_join_in_order_and_unknown_keys_are_dropped() -> None:
    experts = [ExpertProfile("A", "甲", "吉林大学"), ExpertProfile("B", "乙", "东北师范大学")]
    platforms = [JLU_PLATFORM, AGRI_PLATFORM]
    declared = [
        ConflictFinding(
            "B", "P3", ConflictSource.DECLARED, Text("曾参与该平台建设", "Helped build it")
        ),
        ConflictFinding("A", "P1", ConflictSource.DECLARED, Text("本单位", "Own unit")),
        ConflictFinding("Z", "P1", ConflictSource.DECLARED, Text("未知专家", "Unknown")),
        ConflictFinding("B", "P3", ConflictSource.DECLARED, Text("重复", "Repeated")),
    ]
    found = find_conflicts(experts, platforms, declared)
    assert [(f.expert_key, f.platform_key, f.source) for f in found] == [
        ("A", "P1", ConflictSource.SAME_INSTITUTION),
        ("A", "P1", ConflictSource.DECLARED),
        ("B", "P3", ConflictSource.DECLARED),
    ]
    assert found[2].reason.zh == "曾参与该平台建设"  # the first declaration is kept


def test_source_labels_exist_in_both_languages() -> None:
    for source in ConflictSource:
        assert source.label.zh and source.label.en


# ------------------------------------------------------------------------ same names

WANG = ExpertProfile("E1", "王志刚", "长春工业大学")
CHEN = ExpertProfile("E2", "陈静", "东北师范大学")
LIU = ExpertProfile("E3", "刘洋", "延边大学")


def test_an_expert_named_as_director_contact_or_staff_is_found_once_per_platform() -> None:
    people = [
        PlatformPeople("P1", director="陈 静", contact="王志刚", staff=(("王志刚\u200b", 4),)),
        PlatformPeople("P2", director="张三", staff=(("刘洋", None),)),
        PlatformPeople("P3", director="李四"),
    ]

    found = same_name_conflicts([WANG, CHEN, LIU], people)

    assert [(f.expert_key, f.platform_key) for f in found] == [
        ("E1", "P1"),
        ("E2", "P1"),
        ("E3", "P2"),
    ]
    wang, chen, liu = found
    # Every place the name appears, in the order of the dossier: facts only, no advice.
    assert wang.reason.zh == (
        "专家“王志刚”与本平台材料中的联系人“王志刚”、人员表第 4 行“王志刚\u200b”同名"
    )
    assert wang.reason.en == (
        "The expert '王志刚' has the name of the contact person '王志刚'; the staff sheet, "
        "row 4 '王志刚\u200b' in this platform's dossier"
    )
    assert "平台负责人“陈 静”" in chen.reason.zh
    assert "人员表“刘洋”" in liu.reason.zh and "the staff sheet '刘洋'" in liu.reason.en


def test_no_same_name_without_a_name_in_common() -> None:
    assert same_name_conflicts([WANG], [PlatformPeople("P1", director="王志强")]) == []
    assert (
        same_name_conflicts([ExpertProfile("E9", " ")], [PlatformPeople("P1", director=" ")]) == []
    )


@pytest.mark.parametrize(
    ("decision", "decided_on", "expected"),
    [
        (None, None, NameCheckStatus.TO_CHECK),
        (NameCheckDecision.CLEAR, "同名：人员表第 4 行", NameCheckStatus.CLEARED),
        # Cleared on another finding: the dossier changed since, so it is to check again.
        (NameCheckDecision.CLEAR, "同名：人员表第 3 行", NameCheckStatus.TO_CHECK),
        (NameCheckDecision.CONFIRM, "同名：人员表第 4 行", NameCheckStatus.CONFIRMED),
        (NameCheckDecision.CONFIRM, "同名：人员表第 3 行", NameCheckStatus.CONFIRMED),
    ],
)
def test_a_decision_holds_for_the_reason_it_was_made_on(
    decision: NameCheckDecision | None, decided_on: str | None, expected: NameCheckStatus
) -> None:
    assert name_check_status("同名：人员表第 4 行", decision, decided_on) is expected


def test_a_confirmation_stands_when_the_name_is_no_longer_found() -> None:
    assert name_check_status(None, NameCheckDecision.CONFIRM, "同名") is NameCheckStatus.CONFIRMED
    assert name_check_status(None, NameCheckDecision.CLEAR, "同名") is NameCheckStatus.TO_CHECK


def test_the_conflict_of_a_confirmed_same_name_says_so_with_the_note() -> None:
    finding = Text("专家“王志刚”与本平台材料中的联系人“王志刚”同名", "same name")
    plain = confirmed_same_name_reason(finding)
    assert plain.zh == f"经核实为同一人：{finding.zh}"
    assert plain.en == "Checked by staff and confirmed as the same person: same name"
    noted = confirmed_same_name_reason(finding, "  电话核实  ")
    assert noted.zh.endswith("（备注：电话核实）")
    assert noted.en.endswith("(note: 电话核实)")
    assert ConflictSource.SAME_NAME.label.zh == "同名核实回避"
    assert NameCheckStatus.CLEARED.label.get("en") == "Cleared: not the same person"
