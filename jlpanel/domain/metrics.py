"""The catalogue of objective metrics computed from a dossier.

Rubric indicators name the metrics shown beside them by these keys; stage 2's dossier import
computes the values. Keeping the catalogue here lets a rubric be checked against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from jlpanel.domain.text import Text


@dataclass(frozen=True, slots=True)
class MetricDefinition:
    """A metric's key, display name, unit and number of decimals."""

    key: str
    name: Text
    unit: Text
    decimals: int = 0
    is_share: bool = False


def _m(
    key: str,
    zh: str,
    en: str,
    unit_zh: str = "",
    unit_en: str = "",
    decimals: int = 0,
    is_share: bool = False,
) -> MetricDefinition:
    return MetricDefinition(key, Text(zh, en), Text(unit_zh, unit_en), decimals, is_share)


METRICS: tuple[MetricDefinition, ...] = (
    # 资源 — resources
    _m("resource_count", "资源条目数", "Resource entries", "条", "entries"),
    _m("resource_quantity", "资源数量合计", "Total resource quantity"),
    _m("resource_value", "资源原值合计", "Original value of resources", "万元", "10k CNY", 1),
    _m("resource_categories", "资源类别数", "Resource categories", "类", "categories"),
    _m(
        "resource_new_in_period",
        "考核期内新入库资源",
        "Resources added in the period",
        "条",
        "entries",
    ),
    _m(
        "resource_open_share",
        "开放共享资源占比",
        "Share of resources open for sharing",
        "",
        "",
        1,
        True,
    ),
    _m("resource_online_share", "在线资源占比", "Share of resources online", "", "", 1, True),
    # 服务 — services
    _m("service_count", "服务次数", "Services", "次", "services"),
    _m("service_volume", "服务量合计", "Service volume"),
    _m("distinct_users", "服务用户数", "Distinct users", "家", "users"),
    _m("external_user_share", "外单位用户占比", "Share of external users", "", "", 1, True),
    _m("out_of_province_share", "省外用户占比", "Share of out-of-province users", "", "", 1, True),
    _m("enterprise_user_share", "企业用户占比", "Share of enterprise users", "", "", 1, True),
    _m(
        "private_enterprise_user_share",
        "民营企业用户占比",
        "Share of private-enterprise users",
        "",
        "",
        1,
        True,
    ),
    _m(
        "free_public_service_count",
        "无偿公益服务次数",
        "Free public-interest services",
        "次",
        "services",
    ),
    _m("paid_service_count", "有偿服务次数", "Paid services", "次", "services"),
    _m(
        "paid_with_contract_share",
        "有偿服务签订合同比例",
        "Paid services with a contract",
        "",
        "",
        1,
        True,
    ),
    _m("service_revenue", "服务收入", "Service revenue", "万元", "10k CNY", 2),
    _m("satisfaction_mean", "用户满意度均值", "Mean user satisfaction", "分（1–5）", "of 5", 2),
    _m("satisfaction_count", "满意度评价数", "Satisfaction ratings", "条", "ratings"),
    _m("supported_projects", "支撑科研项目数", "Research projects supported", "项", "projects"),
    _m("external_service_years", "对外服务年限", "Years of external service", "年", "years", 1),
    # 成效 — outcomes
    _m("outcome_papers", "论文", "Papers", "篇", "papers"),
    _m("outcome_patents", "专利", "Patents", "件", "patents"),
    _m("outcome_standards", "标准", "Standards", "项", "standards"),
    _m("outcome_awards", "获奖", "Awards", "项", "awards"),
    _m("outcome_projects", "支撑项目成效", "Project outcomes", "项", "items"),
    _m("outcome_cases", "典型案例", "Case studies", "个", "cases"),
    _m("popular_science_activities", "科普活动", "Popular-science activities", "次", "activities"),
    # 管理 — management
    _m("staff_total", "人员总数", "Staff", "人", "people"),
    _m("fulltime_staff", "专职人员", "Full-time staff", "人", "people"),
    _m("senior_title_share", "高级职称占比", "Share with senior titles", "", "", 1, True),
    _m("regulation_count", "管理制度数", "Management regulations", "项", "regulations"),
    _m("funding_income", "经费收入合计", "Total funding income", "万元", "10k CNY", 1),
    _m("funding_fiscal", "财政经费", "Government funding", "万元", "10k CNY", 1),
    _m("funding_host", "依托单位投入", "Host-unit funding", "万元", "10k CNY", 1),
    _m("funding_expense", "经费支出合计", "Total expenditure", "万元", "10k CNY", 1),
    _m(
        "funding_operation_share",
        "运行维护支出占比",
        "Share spent on operation and maintenance",
        "",
        "",
        1,
        True,
    ),
    _m("major_events", "重大事项", "Major changes", "项", "items"),
    _m("major_events_unreported", "未报备重大事项", "Major changes not reported", "项", "items"),
    _m("dossier_warnings", "材料校验提示", "Dossier check warnings", "条", "warnings"),
)

METRIC_KEYS: frozenset[str] = frozenset(m.key for m in METRICS)


def metric(key: str) -> MetricDefinition:
    """The definition of metric ``key``; KeyError when the catalogue has none."""
    for m in METRICS:
        if m.key == key:
            return m
    raise KeyError(key)
