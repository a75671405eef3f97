"""Objective metrics computed by hand for a small dossier, and properties for junk dossiers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jlpanel.domain.dossier import (
    OUTCOME_KINDS,
    PUBLIC_INTEREST_CATEGORIES,
    USER_TYPES,
    BasicInfo,
    Dossier,
    FundingLine,
    MajorEvent,
    Outcome,
    Regulation,
    Resource,
    ServiceRecord,
    Severity,
    StaffMember,
)
from jlpanel.domain.dossier_checks import check_dossier
from jlpanel.domain.dossier_metrics import compute_metrics, is_online, is_senior_title
from jlpanel.domain.metrics import METRIC_KEYS, METRICS

PERIOD = (dt.date(2024, 1, 1), dt.date(2025, 12, 31))
EXPECTED_KEYS = METRIC_KEYS - {"dossier_warnings"}
SHARE_KEYS = {m.key for m in METRICS if m.is_share}


def s(row: int, day: dt.date | None, unit: str, user_type: str, **fields: object) -> ServiceRecord:
    return ServiceRecord(row, day, unit, user_type, **fields)  # type: ignore[arg-type]


# Six records in the period across four users (吉林大学 twice, once with a space), one record
# before the period that must not count.
SERVICES = (
    s(2, dt.date(2024, 3, 1), "吉林大学", "高校", is_external=True, is_out_of_province=False,
      volume=10.0, nature="有偿", fee_yuan=5000.0, contract_no="HT-1", supported_project="P1",
      satisfaction=5),
    s(3, dt.date(2024, 5, 1), "吉林 大学", "高校", is_external=True, volume=5.0, nature="无偿",
      public_interest_category="公益性科研", supported_project="P1", satisfaction=4),
    s(4, None, "长春某科技有限公司", "民营企业", is_external=True, is_out_of_province=False,
      volume=2.0, nature="有偿", fee_yuan=20000.0, supported_project=" P2 "),
    s(5, dt.date(2025, 6, 1), "长春某科技有限公司", "国有企业", is_external=True, volume=3.0,
      nature="有偿", fee_yuan=10000.0, contract_no="HT-2", satisfaction=3),
    s(6, dt.date(2025, 7, 1), "北京某研究所", "科研院所", is_external=True,
      is_out_of_province=True, volume=1.0, nature="无偿", satisfaction=4),
    s(7, dt.date(2025, 8, 1), "本单位实验室", "高校", is_external=False, volume=4.0,
      nature="无偿", public_interest_category="政府决策", satisfaction=6),
    s(8, dt.date(2023, 12, 31), "上海某外资公司", "外资企业", is_external=True,
      is_out_of_province=True, volume=100.0, nature="有偿", fee_yuan=99999.0,
      contract_no="HT-0", supported_project="P9", satisfaction=1),
)  # fmt: skip

DOSSIER = Dossier(
    basic=BasicInfo(
        name="吉林省大型科学仪器共享服务平台",
        filing_no="JLPT-2019-001",
        service_start_date=dt.date(2019, 1, 1),
        period_start=dt.date(2020, 1, 1),  # the cycle's period overrides these
        period_end=dt.date(2021, 12, 31),
    ),
    resources=(
        Resource(
            2,
            "R001",
            "电镜",
            "仪器",
            2,
            "台",
            100.5,
            stored_on=dt.date(2020, 1, 1),
            open_share=True,
            online_status="在线",
        ),
        Resource(
            3,
            "R002",
            "衍射仪",
            "仪器",
            3,
            "台",
            50.0,
            stored_on=dt.date(2024, 6, 1),
            open_share=False,
            online_status="离线",
        ),
        Resource(
            4,
            "R003",
            "土壤数据集",
            "数据",
            None,
            None,
            None,
            stored_on=dt.date(2025, 1, 1),
            open_share=None,
            online_status="在线",
        ),
    ),
    services=SERVICES,
    outcomes=(
        Outcome(2, "论文", "a", dt.date(2024, 5, 1)),
        Outcome(3, "论文", "b", dt.date(2023, 5, 1)),  # before the period
        Outcome(4, "专利", "c", dt.date(2025, 1, 1)),
        Outcome(5, "标准", "d", None),
        Outcome(6, "支撑项目", "e", dt.date(2024, 8, 1)),
        Outcome(7, "典型案例", "f", dt.date(2024, 9, 1)),
        Outcome(8, "科普活动", "g", dt.date(2024, 10, 1)),
        Outcome(9, "科普活动", "h", dt.date(2025, 10, 1)),
    ),
    staff=(
        StaffMember(2, "张三", "负责人", True, "研究员"),
        StaffMember(3, "李四", "技术员", True, "副教授"),
        StaffMember(4, "王五", "技术员", False, "助理研究员"),
        StaffMember(5, "赵六", "技术员", None, "工程师"),
    ),
    funding=(
        FundingLine(2, 2024, "财政", True, 100.0),
        FundingLine(3, 2024, "依托单位", True, 50.0),
        FundingLine(4, 2024, "服务收入", True, 20.0),
        FundingLine(5, 2024, "运行维护", False, 60.0),
        FundingLine(6, 2024, "人员", False, 40.0),
        FundingLine(7, 2025, "建设", None, 100.0),  # an expense by its category
    ),
    regulations=(Regulation(2, "a"), Regulation(3, "b"), Regulation(4, "c")),
    major_events=(MajorEvent(2, reported=True), MajorEvent(3, reported=False)),
)


def test_every_metric_but_the_warning_count_has_a_value():
    assert set(compute_metrics(DOSSIER, period=PERIOD)) == EXPECTED_KEYS


def test_service_metrics_computed_by_hand():
    m = compute_metrics(DOSSIER, period=PERIOD)
    assert m["service_count"] == 6  # rows 2–7; row 8 is before the period, row 4 undated
    assert m["service_volume"] == 25  # 10 + 5 + 2 + 3 + 1 + 4
    assert m["distinct_users"] == 4  # 吉林大学, 长春某科技有限公司, 北京某研究所, 本单位实验室
    assert m["external_user_share"] == 0.75  # all but 本单位实验室
    assert m["out_of_province_share"] == 0.25  # 北京某研究所
    # 长春某科技有限公司 is 民营企业 once and 国有企业 once: the first seen wins the tie.
    assert m["enterprise_user_share"] == 0.25
    assert m["private_enterprise_user_share"] == 0.25
    assert m["free_public_service_count"] == 2  # rows 3 and 7; row 6 has no category
    assert m["paid_service_count"] == 3  # rows 2, 4, 5
    assert m["paid_with_contract_share"] == pytest.approx(2 / 3)  # row 4 has none
    assert m["service_revenue"] == 3.5  # (5000 + 20000 + 10000) / 10000 万元
    assert m["satisfaction_mean"] == 4.0  # (5 + 4 + 3 + 4) / 4; row 7's 6 is no rating
    assert m["satisfaction_count"] == 4
    assert m["supported_projects"] == 2  # P1, P2
    # 2019-01-01 → 2025-12-31: 7 × 365 + 2 leap days − 1 = 2556 days
    assert m["external_service_years"] == pytest.approx(2556 / 365.25)


def test_resource_metrics_computed_by_hand():
    m = compute_metrics(DOSSIER, period=PERIOD)
    assert m["resource_count"] == 3
    assert m["resource_quantity"] == 5
    assert m["resource_value"] == 150.5
    assert m["resource_categories"] == 2
    assert m["resource_new_in_period"] == 2  # 2024-06-01 and 2025-01-01
    assert m["resource_open_share"] == pytest.approx(1 / 3)
    assert m["resource_online_share"] == pytest.approx(2 / 3)


def test_outcome_and_management_metrics_computed_by_hand():
    m = compute_metrics(DOSSIER, period=PERIOD)
    assert m["outcome_papers"] == 1  # the 2023 paper is before the period
    assert m["outcome_patents"] == 1
    assert m["outcome_standards"] == 1  # undated counts
    assert m["outcome_awards"] == 0
    assert m["outcome_projects"] == 1
    assert m["outcome_cases"] == 1
    assert m["popular_science_activities"] == 2
    assert m["staff_total"] == 4
    assert m["fulltime_staff"] == 2
    assert m["senior_title_share"] == 0.5  # 研究员, 副教授; 助理研究员 and 工程师 are not
    assert m["regulation_count"] == 3
    assert m["funding_income"] == 170
    assert m["funding_fiscal"] == 100
    assert m["funding_host"] == 50
    assert m["funding_expense"] == 200
    assert m["funding_operation_share"] == 0.3
    assert m["major_events"] == 2
    assert m["major_events_unreported"] == 1


def test_the_dossier_period_is_used_when_the_cycle_gives_none():
    m = compute_metrics(DOSSIER, period=None)
    # 2020–2021: only the undated row 4 counts
    assert m["service_count"] == 1
    assert m["distinct_users"] == 1
    assert m["resource_new_in_period"] == 1  # 2020-01-01
    assert m["external_service_years"] == pytest.approx((365 * 3 + 1 - 1) / 365.25)


def test_without_any_period_every_record_counts():
    basic = BasicInfo(name="吉林省X平台", filing_no="1", service_start_date=dt.date(2019, 1, 1))
    m = compute_metrics(Dossier(basic=basic, services=SERVICES), period=None)
    assert m["service_count"] == 7
    assert m["service_revenue"] == pytest.approx(13.4999)
    assert m["resource_new_in_period"] is None
    assert m["external_service_years"] is None


def test_an_empty_dossier_has_zero_counts_and_no_shares():
    m = compute_metrics(Dossier(BasicInfo(name="吉林省X平台", filing_no="1")), period=PERIOD)
    assert set(m) == EXPECTED_KEYS
    for key in SHARE_KEYS | {"satisfaction_mean", "external_service_years"}:
        assert m[key] is None, key
    for key in EXPECTED_KEYS - SHARE_KEYS - {"satisfaction_mean", "external_service_years"}:
        assert m[key] == 0, key


def test_service_years_are_never_negative():
    basic = BasicInfo(name="吉林省X平台", filing_no="1", service_start_date=dt.date(2026, 5, 1))
    assert compute_metrics(Dossier(basic), period=PERIOD)["external_service_years"] == 0


def test_junk_amounts_do_not_poison_sums():
    services = (
        s(2, None, "a", "高校", volume=float("nan"), nature="有偿", fee_yuan=float("inf")),
        s(3, None, "b", "高校", volume=2.0, nature="有偿", fee_yuan=10000.0),
    )
    m = compute_metrics(Dossier(BasicInfo("吉林省X平台", "1"), services=services), period=None)
    assert m["service_volume"] == 2
    assert m["service_revenue"] == 1


@pytest.mark.parametrize(
    ("title", "senior"),
    [
        ("研究员", True),
        ("副研究员", True),
        ("教授", True),
        ("副教授", True),
        ("高级工程师", True),
        ("正高级工程师", True),
        ("副高", True),
        ("助理研究员", False),
        ("工程师", False),
        ("讲师", False),
        (None, False),
    ],
)
def test_senior_titles(title: str | None, senior: bool):
    assert is_senior_title(title) is senior


@pytest.mark.parametrize(
    ("status", "online"),
    [("在线", True), ("已上线", True), ("Online", True), ("离线", False), ("未上线", False),
     ("不在线", False), ("维修", False), (None, False), ("", False)],
)  # fmt: skip
def test_online_status(status: str | None, online: bool):
    assert is_online(status) is online


# ------------------------------------------------------------------------- properties


def maybe(values: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), values)


words = st.one_of(st.text(max_size=6), st.sampled_from(["", " ", "有偿", "无偿", "R1", "R1；R2"]))
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
floats = st.floats(allow_nan=True, allow_infinity=True)
rows = st.integers(1, 30)

services = st.builds(
    ServiceRecord,
    source_row=rows,
    service_date=maybe(dates),
    user_unit=maybe(st.one_of(words, st.sampled_from(["吉林大学", "吉林 大学"]))),
    user_type=maybe(st.one_of(words, st.sampled_from(USER_TYPES))),
    is_external=maybe(st.booleans()),
    is_out_of_province=maybe(st.booleans()),
    resource_codes=maybe(words),
    volume=maybe(floats),
    fee_yuan=maybe(floats),
    nature=maybe(st.one_of(words, st.sampled_from(["有偿", "无偿", " 有偿 "]))),
    contract_no=maybe(words),
    public_interest_category=maybe(st.sampled_from(PUBLIC_INTEREST_CATEGORIES)),
    supported_project=maybe(words),
    satisfaction=maybe(st.integers(-10, 10)),
)
dossiers = st.builds(
    Dossier,
    basic=st.builds(
        BasicInfo,
        name=words,
        filing_no=words,
        name_en=maybe(words),
        credit_code=maybe(st.one_of(words, st.text(max_size=20))),
        service_start_date=maybe(dates),
        period_start=maybe(dates),
        period_end=maybe(dates),
    ),
    resources=st.lists(
        st.builds(
            Resource,
            source_row=rows,
            resource_code=maybe(words),
            category=maybe(words),
            quantity=maybe(floats),
            original_value=maybe(floats),
            stored_on=maybe(dates),
            open_share=maybe(st.booleans()),
            online_status=maybe(words),
        ),
        max_size=5,
    ).map(tuple),
    services=st.lists(services, max_size=12).map(tuple),
    outcomes=st.lists(
        st.builds(
            Outcome,
            source_row=rows,
            kind=maybe(st.one_of(words, st.sampled_from(OUTCOME_KINDS))),
            outcome_date=maybe(dates),
        ),
        max_size=5,
    ).map(tuple),
    staff=st.lists(
        st.builds(StaffMember, source_row=rows, full_time=maybe(st.booleans()), title=maybe(words)),
        max_size=4,
    ).map(tuple),
    funding=st.lists(
        st.builds(
            FundingLine,
            source_row=rows,
            category=maybe(st.one_of(words, st.sampled_from(["财政", "运行维护", "人员"]))),
            is_income=maybe(st.booleans()),
            amount_10k_yuan=maybe(floats),
        ),
        max_size=5,
    ).map(tuple),
    major_events=st.lists(
        st.builds(MajorEvent, source_row=rows, reported=maybe(st.booleans())), max_size=3
    ).map(tuple),
)
periods = maybe(st.tuples(dates, dates))


@settings(max_examples=300)
@given(dossiers, periods)
def test_checks_and_metrics_never_fail_on_junk(
    dossier: Dossier, period: tuple[dt.date, dt.date] | None
):
    findings = check_dossier(dossier, period=period)
    assert all(f.severity is Severity.WARNING for f in findings)
    assert all(f.message.zh and f.message.en and f.fix.zh and f.fix.en for f in findings)

    m = compute_metrics(dossier, period=period)
    assert set(m) == EXPECTED_KEYS
    for key in SHARE_KEYS:
        value = m[key]
        assert value is None or 0 <= value <= 1, (key, value)
    for key, value in m.items():
        if value is not None and key not in SHARE_KEYS and key.endswith(("_count", "_total")):
            assert value >= 0, (key, value)
    mean = m["satisfaction_mean"]
    assert mean is None or 1 <= mean <= 5
    assert m["distinct_users"] is not None and m["service_count"] is not None
    assert m["distinct_users"] <= m["service_count"]
