"""The dossier checks: one test per finding code, on small dossiers built in code."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from jlpanel.domain.credit_code import make_credit_code
from jlpanel.domain.dossier import (
    BasicInfo,
    Dossier,
    Finding,
    FundingLine,
    MajorEvent,
    Outcome,
    Regulation,
    Resource,
    ServiceRecord,
    Severity,
    StaffMember,
)
from jlpanel.domain.dossier_checks import FINDING_CAP, FINDING_TITLES, check_dossier

PERIOD = (dt.date(2024, 1, 1), dt.date(2025, 12, 31))
JILIN_CODE = make_credit_code("12220100MB1234567")


def service(row: int, **fields: object) -> ServiceRecord:
    """A paid service to an outside unit with a contract, in the period, changed by ``fields``."""
    values: dict[str, object] = {
        "service_date": dt.date(2024, 6, 1),
        "user_unit": f"吉林大学{row}",
        "user_type": "高校",
        "is_external": True,
        "is_out_of_province": False,
        "content": "扫描电镜测试",
        "resource_codes": "R001",
        "volume": 2.0,
        "unit": "机时",
        "fee_yuan": 1200.0,
        "nature": "有偿",
        "contract_no": f"HT-2024-{row:03d}",
        "satisfaction": 5,
    }
    values.update(fields)
    return ServiceRecord(source_row=row, **values)  # type: ignore[arg-type]


def clean_dossier(*, basic: dict[str, object] | None = None, **sheets: object) -> Dossier:
    """A dossier every check passes; ``basic`` changes 基本信息, ``sheets`` replace sheets."""
    info = BasicInfo(
        name="吉林省大型科学仪器共享服务平台",
        filing_no="JLPT-2019-001",
        name_en="Jilin Provincial Large Scientific Instrument Sharing Platform",
        host_unit="吉林省科学技术信息研究所",
        credit_code=JILIN_CODE,
        service_start_date=dt.date(2019, 5, 1),
        period_start=PERIOD[0],
        period_end=PERIOD[1],
    )
    info = dataclasses.replace(info, **(basic or {}))
    dossier = Dossier(
        basic=info,
        resources=(
            Resource(2, "R001", "扫描电子显微镜", "科研设施与仪器", 1, "台", 320.0),
            Resource(3, "R002", "X射线衍射仪", "科研设施与仪器", 1, "台", 210.0),
        ),
        services=(
            service(2),
            service(
                3,
                nature="无偿",
                fee_yuan=None,
                contract_no=None,
                public_interest_category="公益性科研",
                resource_codes="R001；R002",
            ),
        ),
        outcomes=(Outcome(2, "论文", "基于电镜的材料表征", dt.date(2024, 9, 1)),),
        staff=(StaffMember(2, "张三", "平台负责人", True, "研究员"),),
        funding=(
            FundingLine(2, 2024, "财政", True, 50.0),
            FundingLine(3, 2024, "运行维护", False, 30.0),
        ),
        regulations=(
            Regulation(2, "平台开放共享管理办法", "吉科信〔2020〕3号", dt.date(2020, 3, 1)),
        ),
        major_events=(MajorEvent(2, dt.date(2024, 4, 1), "主要人员变动", "更换平台负责人", True),),
    )
    return dataclasses.replace(dossier, **sheets)  # type: ignore[arg-type]


def only(findings: list[Finding], code: str) -> Finding:
    """The one finding with ``code``; fails when there is none or several."""
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, [f.code for f in findings]
    return matching[0]


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def check(dossier: Dossier, period: tuple[dt.date, dt.date] | None = PERIOD) -> list[Finding]:
    return check_dossier(dossier, period=period)


# ------------------------------------------------------------------------- clean


def test_a_clean_dossier_has_no_findings():
    assert check(clean_dossier()) == []
    assert check(clean_dossier(), period=None) == []


def test_every_code_has_a_title():
    assert {"paid_without_contract", "duplicate_rows", "no_external_service"} <= set(FINDING_TITLES)
    for title in FINDING_TITLES.values():
        assert title.zh and title.en


# ------------------------------------------------------------------------- 基本信息


@pytest.mark.parametrize(
    "name", ["吉林省大型仪器资源库", "吉林省科学数据中心", "吉林省生物种质资源共享服务平台"]
)
def test_the_three_name_forms_pass(name: str):
    assert "name_form" not in codes(check(clean_dossier(basic={"name": name})))


@pytest.mark.parametrize(
    "name", ["长春市科学仪器共享平台", "吉林省平台", "吉林省  中心", "吉林省仪器共享联盟", ""]
)
def test_a_name_outside_the_rule_is_a_warning_naming_it(name: str):
    f = only(check(clean_dossier(basic={"name": name})), "name_form")
    assert (f.severity, f.sheet, f.row, f.column) == (
        Severity.WARNING,
        "基本信息",
        None,
        "平台名称",
    )
    assert (f"“{name}”" if name else "为空") in f.message.zh
    assert "吉林省XX中心" in f.message.zh and "吉林省XX中心" in f.message.en
    assert f.fix.zh and f.fix.en


@pytest.mark.parametrize(
    "name_en",
    [
        "Jilin Provincial Scientific Data Center",
        "Jilin Provincial Germplasm Resource Center",
        "Jilin Provincial Instrument Sharing Platform",
        None,
        "",
    ],
)
def test_english_names_in_the_rule_or_absent_pass(name_en: str | None):
    assert "name_en_form" not in codes(check(clean_dossier(basic={"name_en": name_en})))


@pytest.mark.parametrize(
    "name_en",
    [
        "jilin provincial Scientific Data Center",
        "Jilin Province Scientific Data Center",
        "Jilin Provincial Center",
        "Jilin Provincial   Platform",
        "Jilin Provincial Scientific Data Centre",
        "Scientific Data Center of Jilin",
    ],
)
def test_english_names_outside_the_rule_are_warnings(name_en: str):
    f = only(check(clean_dossier(basic={"name_en": name_en})), "name_en_form")
    assert (f.sheet, f.row, f.column) == ("基本信息", None, "英文名称")
    assert name_en in f.message.zh and name_en in f.message.en


def test_missing_credit_code():
    f = only(check(clean_dossier(basic={"credit_code": "  "})), "credit_code_missing")
    assert (f.sheet, f.row, f.column) == ("基本信息", None, "统一社会信用代码")


def test_credit_code_with_a_bad_check_character_says_so():
    bad = JILIN_CODE[:17] + ("0" if JILIN_CODE[17] != "0" else "1")
    f = only(check(clean_dossier(basic={"credit_code": bad})), "credit_code_invalid")
    assert (f.sheet, f.row, f.column) == ("基本信息", None, "统一社会信用代码")
    assert bad in f.message.zh and "校验位" in f.message.zh
    assert f"“{JILIN_CODE[17]}”" in f.message.zh
    assert "check character" in f.message.en
    assert "credit_code_not_jilin" not in codes(check(clean_dossier(basic={"credit_code": bad})))


@pytest.mark.parametrize(
    ("code", "words"),
    [("1222010", "实际为 7 位"), ("12220100MB12345O7X", "第 16 位“O”")],
)
def test_credit_code_of_wrong_length_or_characters_says_which(code: str, words: str):
    f = only(check(clean_dossier(basic={"credit_code": code})), "credit_code_invalid")
    assert code in f.message.zh and words in f.message.zh


def test_credit_code_from_outside_jilin_names_the_division():
    f = only(
        check(clean_dossier(basic={"credit_code": "91350100M000100Y43"})), "credit_code_not_jilin"
    )
    assert (f.sheet, f.row, f.column) == ("基本信息", None, "统一社会信用代码")
    assert "350100" in f.message.zh and "350100" in f.message.en


def test_lower_case_jilin_code_is_fine():
    assert check(clean_dossier(basic={"credit_code": JILIN_CODE.lower()})) == []


def test_missing_service_start():
    f = only(check(clean_dossier(basic={"service_start_date": None})), "missing_service_start")
    assert (f.sheet, f.row, f.column) == ("基本信息", None, "对外服务起始日期")
    assert "short_external_service" not in codes(
        check(clean_dossier(basic={"service_start_date": None}))
    )


def test_less_than_a_year_of_external_service_names_the_dates_and_days():
    found = check(clean_dossier(basic={"service_start_date": dt.date(2025, 6, 1)}))
    f = only(found, "short_external_service")
    assert (f.sheet, f.row, f.column) == ("基本信息", None, "对外服务起始日期")
    # 2025-06-01 → 2025-12-31 is 30 + 31 + 31 + 30 + 31 + 30 + 30 = 213 days
    assert "2025-06-01" in f.message.zh and "2025-12-31" in f.message.zh
    assert "213 天" in f.message.zh and "213 days" in f.message.en


def test_exactly_one_year_of_external_service_is_enough():
    assert check(clean_dossier(basic={"service_start_date": dt.date(2024, 12, 31)})) == []
    f = only(
        check(clean_dossier(basic={"service_start_date": dt.date(2025, 1, 1)})),
        "short_external_service",
    )
    assert "364 天" in f.message.zh


def test_a_start_after_the_period_end_says_there_was_no_external_service():
    f = only(
        check(clean_dossier(basic={"service_start_date": dt.date(2026, 2, 1)})),
        "short_external_service",
    )
    assert "晚于考核期止" in f.message.zh


def test_a_29_february_start_counts_a_year_to_1_march():
    start = dt.date(2024, 2, 29)
    short = check(
        clean_dossier(basic={"service_start_date": start}), (PERIOD[0], dt.date(2025, 2, 28))
    )
    assert "short_external_service" in codes(short)
    enough = check(
        clean_dossier(basic={"service_start_date": start}), (PERIOD[0], dt.date(2025, 3, 1))
    )
    assert "short_external_service" not in codes(enough)


def test_the_cycle_period_overrides_the_dossier_period():
    dossier = clean_dossier(basic={"service_start_date": dt.date(2023, 6, 1)})
    assert check(dossier) == []  # a year and a half by 2025-12-31
    cycle = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert "short_external_service" in codes(check(dossier, cycle))


def test_without_any_period_the_period_checks_are_skipped():
    dossier = clean_dossier(
        basic={
            "period_start": None,
            "period_end": None,
            "service_start_date": dt.date(2025, 11, 1),
        },
        services=(service(2, service_date=dt.date(2010, 1, 1)),),
    )
    assert check(dossier, period=None) == []


# ------------------------------------------------------------------------- 服务记录


def test_paid_service_without_contract():
    dossier = clean_dossier(
        services=(service(2), service(7, contract_no=None, fee_yuan=3000.0, user_unit="长春某公司"))
    )
    f = only(check(dossier), "paid_without_contract")
    assert (f.severity, f.sheet, f.row, f.column) == (Severity.WARNING, "服务记录", 7, "合同编号")
    assert "第 7 行" in f.message.zh and "有偿" in f.message.zh
    assert "3,000 元" in f.message.zh and "长春某公司" in f.message.zh
    assert "Row 7" in f.message.en and "长春某公司" in f.message.en
    assert f.location("zh") == "服务记录 第7行 合同编号"


def test_paid_services_without_contract_are_one_finding_per_row():
    dossier = clean_dossier(services=(service(2, contract_no=" "), service(3, contract_no=None)))
    assert [(f.code, f.row) for f in check(dossier)] == [
        ("paid_without_contract", 2),
        ("paid_without_contract", 3),
    ]


def test_free_service_without_category():
    row = service(9, nature="无偿", fee_yuan=None, contract_no=None, public_interest_category=None)
    f = only(check(clean_dossier(services=(service(2), row))), "free_without_category")
    assert (f.sheet, f.row, f.column) == ("服务记录", 9, "公益类别")
    assert "无偿" in f.message.zh and "吉林大学9" in f.message.zh
    assert "政府决策" in f.fix.zh


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (dt.date(2023, 12, 31), "早于考核期起 2024-01-01"),
        (dt.date(2026, 1, 1), "晚于考核期止 2025-12-31"),
    ],
)
def test_service_dated_outside_the_period(day: dt.date, words: str):
    dossier = clean_dossier(services=(service(2), service(5, service_date=day)))
    f = only(check(dossier), "service_outside_period")
    assert (f.sheet, f.row, f.column) == ("服务记录", 5, "服务日期")
    assert day.isoformat() in f.message.zh and words in f.message.zh
    assert day.isoformat() in f.message.en


def test_the_dossier_period_is_used_when_the_cycle_gives_none():
    dossier = clean_dossier(
        basic={"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 12, 31)},
        services=(service(2, service_date=dt.date(2025, 3, 1)), service(3)),
    )
    assert [f.row for f in check(dossier, period=None) if f.code == "service_outside_period"] == [3]


def test_an_open_ended_period_checks_the_bound_it_has():
    dossier = clean_dossier(
        basic={"period_start": dt.date(2024, 1, 1), "period_end": None},
        services=(service(2), service(3, service_date=dt.date(2023, 5, 1))),
    )
    f = only(check(dossier, period=None), "service_outside_period")
    assert f.row == 3 and "2023-05-01" in f.message.zh


def test_undated_services_are_not_outside_the_period():
    dossier = clean_dossier(services=(service(2, service_date=None),))
    assert check(dossier) == []


def test_unknown_resource_codes_are_named():
    dossier = clean_dossier(services=(service(2), service(4, resource_codes="R001；R999、R998")))
    f = only(check(dossier), "unknown_resource_code")
    assert (f.sheet, f.row, f.column) == ("服务记录", 4, "使用资源编号")
    assert "R999、R998" in f.message.zh and "R001" not in f.message.zh
    assert "R999, R998" in f.message.en


def test_unknown_resource_codes_are_reported_on_every_row():
    dossier = clean_dossier(
        services=(service(2, resource_codes="X1"), service(3, resource_codes="X1"))
    )
    assert [(f.code, f.row) for f in check(dossier)] == [
        ("unknown_resource_code", 2),
        ("unknown_resource_code", 3),
    ]


def test_no_external_service_in_the_period():
    dossier = clean_dossier(
        services=(
            service(2, is_external=False),
            service(3, is_external=None),
            service(4, service_date=dt.date(2023, 6, 1)),  # external, but before the period
        )
    )
    found = check(dossier)
    f = only(found, "no_external_service")
    assert (f.sheet, f.row, f.column) == ("服务记录", None, "是否外单位")
    assert "2 条服务记录" in f.message.zh and "2024-01-01 至 2025-12-31" in f.message.zh
    assert "veto" in f.fix.en


def test_no_service_records_at_all_is_no_external_service():
    f = only(check(clean_dossier(services=())), "no_external_service")
    assert "没有任何服务记录" in f.message.zh


def test_an_undated_external_service_counts_as_external_service():
    dossier = clean_dossier(services=(service(2, service_date=None),))
    assert "no_external_service" not in codes(check(dossier))


# ------------------------------------------------------------------------- other sheets


def test_unreported_major_event():
    dossier = clean_dossier(
        major_events=(
            MajorEvent(2, dt.date(2024, 4, 1), "主要人员变动", "更换平台负责人", True),
            MajorEvent(3, dt.date(2025, 2, 1), "内部管理重大变化", "依托单位机构调整", False),
            MajorEvent(4, dt.date(2025, 3, 1), "主要人员变动", "更换联系人", None),
        )
    )
    f = only(check(dossier), "major_event_unreported")
    assert (f.sheet, f.row, f.column) == ("重大事项", 3, "是否已报备")
    assert "依托单位机构调整" in f.message.zh and "2025-02-01" in f.message.zh
    assert "依托单位机构调整" in f.message.en


def test_a_duplicated_service_row_names_the_row_it_repeats():
    dossier = clean_dossier(
        services=(service(5), service(6), dataclasses.replace(service(5), source_row=9))
    )
    f = only(check(dossier), "duplicate_rows")
    assert (f.sheet, f.row, f.column) == ("服务记录", 9, None)
    assert "第 9 行与第 5 行完全相同" in f.message.zh
    assert "吉林大学5" in f.message.zh  # a few of its cells, so staff can find it
    assert "repeats row 5" in f.message.en


def test_duplicates_are_found_in_every_row_sheet():
    dossier = clean_dossier(
        staff=(
            StaffMember(2, "张三", "平台负责人", True, "研究员"),
            StaffMember(3, "李四", "技术员", True, "工程师"),
            StaffMember(4, "张三", "平台负责人", True, "研究员"),
        ),
        funding=(
            FundingLine(2, 2024, "财政", True, 50.0),
            FundingLine(3, 2024, "财政", True, 50.0),
        ),
        resources=(
            Resource(2, "R001", "扫描电子显微镜"),
            Resource(3, "R002", "X射线衍射仪"),
            Resource(4, "R001", "扫描电子显微镜"),
        ),
    )
    found = [f for f in check(dossier) if f.code == "duplicate_rows"]
    assert [(f.sheet, f.row) for f in found] == [("资源目录", 4), ("人员", 4), ("经费", 3)]
    assert "姓名 张三，岗位 平台负责人，专职/兼职 专职" in found[1].message.zh
    assert "年度 2024，类别 财政，金额(万元) 50" in found[2].message.zh


def test_a_third_copy_names_the_first_row():
    rows = tuple(Regulation(r, "开放共享管理办法", "吉科信〔2020〕3号") for r in (2, 3, 4))
    found = [f for f in check(clean_dossier(regulations=rows)) if f.code == "duplicate_rows"]
    assert [f.row for f in found] == [3, 4]
    assert all("与第 2 行" in f.message.zh for f in found)


def test_blank_rows_are_not_duplicates():
    rows = (Outcome(2), Outcome(3), Outcome(4, "论文", "题目"))
    assert check(clean_dossier(outcomes=rows)) == []


# ------------------------------------------------------------------------- the cap


def test_findings_of_one_code_stop_at_the_cap_with_a_summary():
    rows = tuple(service(r, contract_no=None) for r in range(2, 2 + FINDING_CAP + 70))
    found = check(clean_dossier(services=rows))
    paid = [f for f in found if f.code == "paid_without_contract"]
    assert len(paid) == FINDING_CAP + 1
    assert [f.row for f in paid[:FINDING_CAP]] == list(range(2, 2 + FINDING_CAP))
    summary = paid[-1]
    assert (summary.sheet, summary.row, summary.column) == ("服务记录", None, "合同编号")
    assert "还有 70 条同类问题" in summary.message.zh and "70 more" in summary.message.en
    assert summary.severity is Severity.WARNING


def test_exactly_the_cap_has_no_summary():
    rows = tuple(service(r, contract_no=None) for r in range(2, 2 + FINDING_CAP))
    found = check(clean_dossier(services=rows))
    assert len(found) == FINDING_CAP
    assert all(f.row is not None for f in found)


def test_the_cap_is_per_code():
    rows = tuple(
        service(r, contract_no=None, resource_codes="X9") for r in range(2, 2 + FINDING_CAP + 5)
    )
    found = check(clean_dossier(services=rows))
    assert codes(found).count("paid_without_contract") == FINDING_CAP + 1
    assert codes(found).count("unknown_resource_code") == FINDING_CAP + 1


def test_all_findings_are_warnings():
    dossier = clean_dossier(
        basic={"name": "某平台", "credit_code": "123", "service_start_date": None},
        services=(service(2, contract_no=None, is_external=False, resource_codes="Z"),),
        major_events=(MajorEvent(2, reported=False),),
    )
    found = check(dossier)
    assert len(found) == 7
    assert {f.severity for f in found} == {Severity.WARNING}


def test_a_summary_spanning_sheets_names_them_all():
    staff = tuple(StaffMember(r, "张三", "技术员") for r in range(2, 2 + FINDING_CAP + 2))
    funding = tuple(FundingLine(r, 2024, "财政", True, 1.0) for r in (2, 3, 4))
    found = [
        f for f in check(clean_dossier(staff=staff, funding=funding)) if f.code == "duplicate_rows"
    ]
    assert len(found) == FINDING_CAP + 1
    summary = found[-1]
    # 51 staff copies: 50 kept, 1 left out; both extra funding copies are left out too
    assert summary.row is None and summary.sheet is None
    assert "还有 3 条" in summary.message.zh
    assert "人员" in summary.fix.zh and "经费" in summary.fix.zh
