"""The objective metrics (domain.metrics) computed from one dossier.

The period is the cycle's evaluation period, or the dossier's own 考核期起/止 when the cycle
gives none; a missing bound leaves that side open.

Definitions:

- Service records count when they fall in the period; a record without a 服务日期 counts too
  (the date is a warning of its own, not a reason to drop the service), a record dated
  outside the period does not. Outcomes (服务成效) follow the same rule by their 日期.
  Resources, staff, funding, regulations and major events are counted as submitted.
- Shares are fractions from 0 to 1, None when their denominator is 0.
- A metric read from an optional column is None (未提供), not 0, when there are rows and not
  one of them fills that column: the column was left out, and 0 would be a finding against
  the platform (no external users) that the dossier never made. This holds for the shares of
  external / out-of-province users (是否外单位 / 是否省外), ``service_volume`` (服务量),
  ``service_revenue`` (收费金额), ``resource_quantity`` / ``resource_value``,
  ``resource_open_share`` / ``resource_online_share``, ``fulltime_staff`` (专职/兼职) and
  ``senior_title_share`` (职称).
- ``resource_count``: entries in 资源目录; ``resource_quantity`` / ``resource_value``: sums of
  数量 and 原值(万元); ``resource_categories``: distinct 资源类别.
- ``resource_new_in_period``: entries whose 入库日期 lies in the period (None without any
  period bound).
- ``resource_open_share``: entries with 是否开放共享 是, over all entries.
  ``resource_online_share``: entries whose 在线状态 says online (在线 / 上线 / online / 是,
  without 不 / 未 / 非), over all entries.
- ``service_count``: records; ``service_volume``: sum of 服务量.
- ``distinct_users``: distinct 用户单位 after removing all spaces; blank units are no user.
- ``external_user_share`` / ``out_of_province_share``: users with 是否外单位 / 是否省外 是 on
  any of their records, over distinct users.
- ``enterprise_user_share`` / ``private_enterprise_user_share``: users whose type is an
  enterprise type / 民营企业, over distinct users; a user's type is the 用户类型 it carries
  most often (the first seen on a tie).
- ``free_public_service_count``: 无偿 records with a 公益类别; ``paid_service_count``: 有偿
  records; ``paid_with_contract_share``: 有偿 records with a 合同编号, over 有偿 records.
- ``service_revenue``: 收费金额(元) of 有偿 records / 10 000 (万元).
- ``satisfaction_mean`` / ``satisfaction_count``: over records rated 1–5.
- ``supported_projects``: distinct 支撑项目 (spaces removed).
- ``external_service_years``: (period end − 对外服务起始日期) / 365.25, never below 0; None
  without either date.
- ``outcome_papers`` … ``outcome_awards``: outcomes of 类型 论文 / 专利 / 标准 / 获奖;
  ``outcome_projects``: 支撑项目; ``outcome_cases``: 典型案例;
  ``popular_science_activities``: 科普活动.
- ``staff_total``: people in 人员; ``fulltime_staff``: 专职; ``senior_title_share``: people
  whose 职称 contains 正高 / 副高 / 教授 / 研究员 / 高级 but not 助理 (助理研究员 is a
  middle title), over all staff.
- ``funding_income`` / ``funding_expense``: sums of 金额(万元) of income / expense lines (a
  line without 收入/支出 is placed by its 类别); ``funding_fiscal`` / ``funding_host``: income
  of 类别 财政 / 依托单位; ``funding_operation_share``: 运行维护 over all expense.
- ``regulation_count``: rows of 管理制度; ``major_events``: rows of 重大事项;
  ``major_events_unreported``: those with 是否已报备 否.

``dossier_warnings`` is left to the caller, who has the findings.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator

from jlpanel.domain.dossier import (
    ENTERPRISE_USER_TYPES,
    EXPENSE_CATEGORIES,
    FREE,
    INCOME_CATEGORIES,
    PAID,
    PRIVATE_ENTERPRISE,
    SERVICE_NATURES,
    Dossier,
    FundingLine,
    ServiceRecord,
)

#: A period with either bound possibly open.
OpenPeriod = tuple[dt.date | None, dt.date | None]

_SENIOR_TITLE_MARKERS = ("正高", "副高", "教授", "研究员", "高级")
_ONLINE_MARKERS = ("在线", "上线")
_ONLINE_WORDS = frozenset({"online", "yes", "是", "y"})
_NEGATIONS = ("不", "未", "非")
_OUTCOME_METRICS = {
    "论文": "outcome_papers",
    "专利": "outcome_patents",
    "标准": "outcome_standards",
    "获奖": "outcome_awards",
    "支撑项目": "outcome_projects",
    "典型案例": "outcome_cases",
    "科普活动": "popular_science_activities",
}
_OPERATION = "运行维护"
_FISCAL = "财政"
_HOST = "依托单位"


def effective_period(dossier: Dossier, period: tuple[dt.date, dt.date] | None) -> OpenPeriod:
    """The period to judge the dossier by: the cycle's, else the dossier's 考核期起/止."""
    if period is not None:
        return period
    return dossier.basic.period_start, dossier.basic.period_end


def in_period(day: dt.date | None, period: OpenPeriod) -> bool:
    """Whether a dated row belongs to the period; undated rows do."""
    if day is None:
        return True
    start, end = period
    return (start is None or day >= start) and (end is None or day <= end)


def squash(text: str | None) -> str:
    """``text`` without any whitespace, so "吉林 大学" and "吉林大学" are one unit."""
    return "".join(text.split()) if text else ""


def is_senior_title(title: str | None) -> bool:
    """Whether a 职称 is 副高 or above."""
    if not title or "助理" in title:
        return False
    return any(marker in title for marker in _SENIOR_TITLE_MARKERS)


def is_online(status: str | None) -> bool:
    """Whether a 在线状态 says the resource is online."""
    text = squash(status).lower()
    if not text or any(neg in text for neg in _NEGATIONS):
        return False
    return text in _ONLINE_WORDS or any(marker in text for marker in _ONLINE_MARKERS)


def _finite(value: float | None) -> float:
    if value is None or not math.isfinite(value):
        return 0.0
    return float(value)


def _share(part: float, whole: float) -> float | None:
    if whole <= 0:
        return None
    return min(1.0, max(0.0, part / whole))


def _is_income(line: FundingLine) -> bool | None:
    if line.is_income is not None:
        return line.is_income
    category = (line.category or "").strip()
    if category in INCOME_CATEGORIES:
        return True
    if category in EXPENSE_CATEGORIES:
        return False
    return None


def compute_metrics(
    dossier: Dossier, *, period: tuple[dt.date, dt.date] | None
) -> dict[str, float | None]:
    """Every metric of the catalogue but ``dossier_warnings``, from ``dossier``.

    See the module docstring for the definitions. One pass over the service records.
    """
    bounds = effective_period(dossier, period)
    values: dict[str, float | None] = {}
    values.update(_resource_metrics(dossier, bounds))
    values.update(_service_metrics(dossier, bounds))
    values.update(_outcome_metrics(dossier, bounds))
    values.update(_management_metrics(dossier))
    return values


def _resource_metrics(dossier: Dossier, bounds: OpenPeriod) -> dict[str, float | None]:
    resources = dossier.resources
    count = len(resources)
    has_period = bounds[0] is not None or bounds[1] is not None
    new_in_period: float | None = None
    if has_period:
        new_in_period = float(
            sum(1 for r in resources if r.stored_on is not None and in_period(r.stored_on, bounds))
        )
    categories = {squash(r.category) for r in resources} - {""}
    return {
        "resource_count": float(count),
        "resource_quantity": _provided_sum([r.quantity for r in resources]),
        "resource_value": _provided_sum([r.original_value for r in resources]),
        "resource_categories": float(len(categories)),
        "resource_new_in_period": new_in_period,
        "resource_open_share": _provided(
            [r.open_share for r in resources],
            _share(sum(1 for r in resources if r.open_share is True), count),
        ),
        "resource_online_share": _provided(
            [r.online_status for r in resources],
            _share(sum(1 for r in resources if is_online(r.online_status)), count),
        ),
    }


def _service_metrics(dossier: Dossier, bounds: OpenPeriod) -> dict[str, float | None]:
    # Open bounds become the extreme dates so the hot loop makes two plain comparisons.
    start = bounds[0] or dt.date.min
    end = bounds[1] or dt.date.max
    count = 0
    volume = 0.0
    free_public = 0
    paid = 0
    paid_with_contract = 0
    revenue_yuan = 0.0
    rating_sum = 0
    rating_count = 0
    # The loop only tallies raw cell values; users and projects repeat a lot, so they are
    # normalised once per distinct spelling afterwards rather than once per record.
    unit_types: dict[tuple[str | None, str | None], int] = {}
    raw_external: set[str | None] = set()
    raw_out_of_province: set[str | None] = set()
    raw_projects: set[str | None] = set()
    # Which optional columns hold anything at all: a metric over an absent column is 未提供.
    stated_external = stated_province = stated_volume = stated_fee = False

    for s in dossier.services:
        day = s.service_date
        if day is not None and (day < start or day > end):
            continue
        count += 1
        if s.volume is not None:
            volume += s.volume
            stated_volume = True
        if s.fee_yuan is not None:
            stated_fee = True
        if s.is_external is not None:
            stated_external = True
        if s.is_out_of_province is not None:
            stated_province = True
        nature = s.nature
        if nature is not None and nature not in SERVICE_NATURES:
            nature = nature.strip()
        if nature == FREE:
            if s.public_interest_category and s.public_interest_category.strip():
                free_public += 1
        elif nature == PAID:
            paid += 1
            if s.contract_no and s.contract_no.strip():
                paid_with_contract += 1
            if s.fee_yuan is not None:
                revenue_yuan += s.fee_yuan
        rating = s.satisfaction
        if rating is not None and 1 <= rating <= 5:
            rating_sum += rating
            rating_count += 1
        raw_projects.add(s.supported_project)
        unit = s.user_unit
        key = (unit, s.user_type)
        unit_types[key] = unit_types.get(key, 0) + 1
        if s.is_external is True:
            raw_external.add(unit)
        if s.is_out_of_province is True:
            raw_out_of_province.add(unit)

    # Junk cells (NaN, ±inf) must not poison a sum shown to experts; redo the rare bad sum.
    if not math.isfinite(volume):
        volume = _sum(s.volume for s in _in_period(dossier, bounds))
    if not math.isfinite(revenue_yuan):
        revenue_yuan = _sum(s.fee_yuan for s in _in_period(dossier, bounds) if _is_paid(s))

    units = {raw: squash(raw) for raw, _ in unit_types}
    users = set(units.values()) - {""}
    external_users = {units[raw] for raw in raw_external} - {""}
    out_of_province_users = {units[raw] for raw in raw_out_of_province} - {""}
    # (user, type) → records; insertion order remembers which type was seen first.
    type_counts: dict[tuple[str, str], int] = {}
    for (raw_unit, raw_type), n in unit_types.items():
        unit = units[raw_unit]
        user_type = (raw_type or "").strip()
        if unit and user_type:
            type_counts[unit, user_type] = type_counts.get((unit, user_type), 0) + n
    main_type: dict[str, tuple[int, str]] = {}
    for (unit, user_type), n in type_counts.items():
        best = main_type.get(unit)
        if best is None or n > best[0]:
            main_type[unit] = (n, user_type)
    enterprise = sum(1 for _, t in main_type.values() if t in ENTERPRISE_USER_TYPES)
    private = sum(1 for _, t in main_type.values() if t == PRIVATE_ENTERPRISE)
    n_users = len(users)
    projects = {squash(p) for p in raw_projects} - {""}

    return {
        "service_count": float(count),
        "service_volume": float(volume) if stated_volume or not count else None,
        "distinct_users": float(n_users),
        "external_user_share": (
            _share(len(external_users), n_users) if stated_external or not count else None
        ),
        "out_of_province_share": (
            _share(len(out_of_province_users), n_users) if stated_province or not count else None
        ),
        "enterprise_user_share": _share(enterprise, n_users),
        "private_enterprise_user_share": _share(private, n_users),
        "free_public_service_count": float(free_public),
        "paid_service_count": float(paid),
        "paid_with_contract_share": _share(paid_with_contract, paid),
        "service_revenue": float(revenue_yuan) / 10_000 if stated_fee or not count else None,
        "satisfaction_mean": rating_sum / rating_count if rating_count else None,
        "satisfaction_count": float(rating_count),
        "supported_projects": float(len(projects)),
        "external_service_years": _service_years(dossier.basic.service_start_date, bounds[1]),
    }


def _in_period(dossier: Dossier, bounds: OpenPeriod) -> Iterator[ServiceRecord]:
    return (s for s in dossier.services if in_period(s.service_date, bounds))


def _is_paid(s: ServiceRecord) -> bool:
    return (s.nature or "").strip() == PAID


def _service_years(start: dt.date | None, end: dt.date | None) -> float | None:
    if start is None or end is None:
        return None
    return max(0.0, (end - start).days / 365.25)


def _outcome_metrics(dossier: Dossier, bounds: OpenPeriod) -> dict[str, float | None]:
    counts = dict.fromkeys(_OUTCOME_METRICS.values(), 0)
    for o in dossier.outcomes:
        key = _OUTCOME_METRICS.get((o.kind or "").strip())
        if key is not None and in_period(o.outcome_date, bounds):
            counts[key] += 1
    return {key: float(n) for key, n in counts.items()}


def _sum(amounts: Iterable[float | None]) -> float:
    """The sum of the finite amounts; blanks and junk (NaN, ±inf) count as nothing."""
    return sum((_finite(a) for a in amounts), 0.0)


def _provided(column: list[object], value: float | None) -> float | None:
    """``value``, or None (未提供) when rows exist and not one of them fills the column."""
    if column and all(v is None for v in column):
        return None
    return value


def _provided_sum(amounts: list[float | None]) -> float | None:
    return _provided(list(amounts), _sum(amounts))


def _management_metrics(dossier: Dossier) -> dict[str, float | None]:
    staff = dossier.staff
    income = [f for f in dossier.funding if _is_income(f) is True]
    expense = [f for f in dossier.funding if _is_income(f) is False]
    total_expense = _sum(f.amount_10k_yuan for f in expense)
    operation = _sum(f.amount_10k_yuan for f in expense if (f.category or "").strip() == _OPERATION)
    return {
        "staff_total": float(len(staff)),
        "fulltime_staff": _provided(
            [p.full_time for p in staff], float(sum(1 for p in staff if p.full_time is True))
        ),
        "senior_title_share": _provided(
            [p.title for p in staff],
            _share(sum(1 for p in staff if is_senior_title(p.title)), len(staff)),
        ),
        "regulation_count": float(len(dossier.regulations)),
        "funding_income": _sum(f.amount_10k_yuan for f in income),
        "funding_fiscal": _sum(
            f.amount_10k_yuan for f in income if (f.category or "").strip() == _FISCAL
        ),
        "funding_host": _sum(
            f.amount_10k_yuan for f in income if (f.category or "").strip() == _HOST
        ),
        "funding_expense": total_expense,
        "funding_operation_share": _share(operation, total_expense),
        "major_events": float(len(dossier.major_events)),
        "major_events_unreported": float(
            sum(1 for e in dossier.major_events if e.reported is False)
        ),
    }
