"""The demo's simulated panel: every demo expert scores their package and submits a file.

:func:`write_demo_scores` opens each expert's review package with :mod:`jlpanel.services.review`
— the expert's own path — declares, scores every indicator, comments where the rubric asks,
raises the vetoes the scenario calls for, and submits a signed score file to
``DIR/scores/<expert>.jlscore``. The scores are *not* merged: that is the secretary's step in
the demo. The same panel scored the store's earlier cycle (:mod:`jlpanel.services.demo_earlier`)
to the grades of :data:`_PREVIOUS`.

Each platform has a hidden true quality (the demo author's judgement of its plan: size,
age and deliberate problems); each expert's total is that quality plus the expert's bias and a
little noise, spread over the indicators by the platform's strengths and weaknesses. The
scenario (:data:`EXPECTED_DEMO`):

* 周文博 is lenient (+6 on average) and 张宏伟 severe (−6);
* two platforms have one expert far from everyone else (more than 15 points);
* one platform failed the previous cycle and fails again (→ 取消资格);
* one platform fails for the first time (→ 限期整改), and one that failed last time passes;
* two experts find fabricated service records on one platform (fraud veto → 取消资格, barred);
* five platforms are 良好 or better (→ 后补助候选), in a clear order;
* 李建军 declares a conflict of interest on one platform.

The margins are wide enough that the outcome holds for any seed.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from jlpanel.domain.exact import to_decimal
from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rubric import Indicator, Rubric
from jlpanel.domain.rules import Grade
from jlpanel.services.demo import _PLANS, SCORE_FOLDER
from jlpanel.services.errors import UserError

log = logging.getLogger(__name__)

#: The demo's earlier cycle, confirmed in the same store: the register's history.
PREVIOUS_CYCLE = "2024年度吉林省科技资源共享服务平台考核评价（演示）"
PREVIOUS_PERIOD = (dt.date(2022, 1, 1), dt.date(2023, 12, 31))
PREVIOUS_CYCLE_END = PREVIOUS_PERIOD[1]

_FILING = {plan.number: plan.filing_no for plan in _PLANS}

LENIENT_EXPERT = "周文博"
SEVERE_EXPERT = "张宏伟"
#: Each expert's bias in points (the lenient and severe ones, and small personal habits).
EXPERT_BIAS: Mapping[str, float] = {
    "王志刚": 0.5,
    "刘淑芬": -0.5,
    SEVERE_EXPERT: -6.0,
    "陈晓燕": 0.0,
    "李建军": 0.3,
    "赵丽华": -0.3,
    LENIENT_EXPERT: 6.0,
}
#: Per expert and platform noise is uniform in ±this many points.
NOISE = 1.2

#: The platforms of the scenario, by plan number.
_EXCELLENT_1, _EXCELLENT_2 = 1, 6
_GOOD_1, _GOOD_2 = 5, 23
_DISAGREE_LOW, _DISAGREE_HIGH = 7, 19
_FRAUD = 16  # its dossier lists services outside the period with resources not catalogued
_FIRST_FAIL = 18  # filed in 2025: less than a year of real external service
_SECOND_FAIL = 22
_RECOVERED = 14  # failed the previous cycle, passes now

#: The hidden true quality of each platform (its expected score), by plan number.
_QUALITY: Mapping[int, float] = {
    1: 95.5,
    2: 77.0,
    3: 76.0,
    4: 74.0,
    5: 88.5,
    6: 93.0,
    7: 84.8,  # the low outlier is trimmed, the severe expert stays in: about −1.3
    8: 72.5,
    9: 75.0,
    10: 68.0,
    11: 70.0,
    12: 66.0,
    13: 76.5,
    14: 65.0,
    15: 69.0,
    16: 73.0,
    17: 71.0,
    18: 51.0,
    19: 73.0,  # the high outlier is trimmed, the lenient expert stays in: about +1.3
    20: 67.0,
    21: 70.5,
    22: 54.0,
    23: 86.0,
    24: 77.5,
}
#: One expert far from all the others: (plan number, expert, offset from the quality).
_OUTLIERS: Mapping[int, tuple[str, float]] = {
    _DISAGREE_LOW: ("王志刚", -23.0),
    _DISAGREE_HIGH: ("刘淑芬", 23.0),
}
#: Relative strength of indicators (1 = as strong as the platform overall).
_PROFILES: Mapping[int, Mapping[str, float]] = {
    _FIRST_FAIL: {"A2": 0.6, "B1": 0.4, "B2": 0.55, "B3": 0.45, "B5": 0.8, "C2": 0.75},
    _SECOND_FAIL: {"A4": 0.5, "B1": 0.5, "B3": 0.4, "B5": 0.7, "C3": 0.7},
    _FRAUD: {"C5": 0.15, "B1": 0.85},
    _RECOVERED: {"A4": 0.8, "C5": 0.8},
    10: {"C1": 0.8, "B4": 0.85},
    17: {"C5": 0.7},
}
#: The experts who raise the fraud veto, and their reasons.
_FRAUD_VETOES: Mapping[str, str] = {
    "刘淑芬": (
        "服务记录中有使用资源编号在资源目录中查无此资源、服务日期在考核期之外的记录被计入考核期"
        "服务量，与工作总结所述服务情况不符；经专家组核对原始记录，认定存在编造运行服务记录的情形。"
    ),
    "李建军": (
        "运行服务记录与资源目录、考核期相互矛盾，部分服务记录无法核实真实发生，"
        "属于编造运行服务记录，依据管理办法应取消资格。"
    ),
}
#: 李建军's declared conflict of interest, with its reason.
_DECLARED: Mapping[tuple[str, int], str] = {
    ("李建军", 5): "本人近三年与依托单位技术中心合作承担横向课题，申请回避。",
}

#: The previous cycle's grades (plan number → grade); platforms filed after 2023 have none.
_PREVIOUS: Mapping[int, Grade] = {
    1: Grade.EXCELLENT,
    2: Grade.GOOD,
    3: Grade.GOOD,
    4: Grade.PASS,
    5: Grade.GOOD,
    6: Grade.EXCELLENT,
    7: Grade.GOOD,
    8: Grade.PASS,
    9: Grade.PASS,
    10: Grade.PASS,
    11: Grade.PASS,
    12: Grade.PASS,
    13: Grade.GOOD,
    14: Grade.FAIL,
    15: Grade.PASS,
    16: Grade.PASS,
    17: Grade.PASS,
    19: Grade.PASS,
    20: Grade.PASS,
    21: Grade.PASS,
    22: Grade.FAIL,
    23: Grade.GOOD,
    24: Grade.PASS,
}

#: What the panel's experts aim at in the earlier cycle, by the grade it came to.
_EARLIER_QUALITY: Mapping[Grade, float] = {
    Grade.EXCELLENT: 93.0,
    Grade.GOOD: 85.0,
    Grade.PASS: 71.5,
    Grade.FAIL: 52.0,
}

#: Filing number → (grade, decision) the merged demo must come to, for the scenario platforms.
EXPECTED_DEMO: Mapping[str, tuple[Grade, DecisionKind]] = {
    _FILING[_EXCELLENT_1]: (Grade.EXCELLENT, DecisionKind.FUNDING_CANDIDATE),
    _FILING[_EXCELLENT_2]: (Grade.EXCELLENT, DecisionKind.FUNDING_CANDIDATE),
    _FILING[_GOOD_1]: (Grade.GOOD, DecisionKind.FUNDING_CANDIDATE),
    _FILING[_GOOD_2]: (Grade.GOOD, DecisionKind.FUNDING_CANDIDATE),
    _FILING[_DISAGREE_LOW]: (Grade.GOOD, DecisionKind.FUNDING_CANDIDATE),
    _FILING[_DISAGREE_HIGH]: (Grade.PASS, DecisionKind.MAINTAIN),
    _FILING[_FRAUD]: (Grade.FAIL, DecisionKind.DISQUALIFY),
    _FILING[_FIRST_FAIL]: (Grade.FAIL, DecisionKind.RECTIFY),
    _FILING[_SECOND_FAIL]: (Grade.FAIL, DecisionKind.DISQUALIFY),
    _FILING[_RECOVERED]: (Grade.PASS, DecisionKind.MAINTAIN),
}
#: The post-hoc funding candidates in funding order.
EXPECTED_FUNDING_ORDER: tuple[str, ...] = tuple(
    _FILING[n] for n in (_EXCELLENT_1, _EXCELLENT_2, _GOOD_1, _GOOD_2, _DISAGREE_LOW)
)
#: The platforms that must be on the discussion list, and their outlying experts.
EXPECTED_DISAGREEMENTS: Mapping[str, str] = {
    _FILING[n]: expert for n, (expert, _) in _OUTLIERS.items()
}
#: The platform with the fraud veto, and the experts who raise it.
FRAUD_PLATFORM = _FILING[_FRAUD]
FRAUD_EXPERTS: tuple[str, ...] = tuple(_FRAUD_VETOES)
DECLARED_CONFLICTS: Mapping[tuple[str, str], str] = {
    (expert, _FILING[n]): reason for (expert, n), reason in _DECLARED.items()
}

#: What an expert writes when an indicator is in the 差 band, by indicator code.
_POOR_COMMENTS: Mapping[str, tuple[str, ...]] = {
    "A1": ("资源规模偏小，类别单一，难以支撑共享服务。", "资源目录条目少，原值和类别覆盖有限。"),
    "A2": ("考核期内新增资源很少，在库资源更新维护不足。", "资源建设缺少计划，目录长期未更新。"),
    "A3": ("资源标准规范不健全，质量控制缺少记录。", "资源描述粗略，分类与计量不统一。"),
    "A4": (
        "门户网站信息更新滞后，在线预约和检索功能不完善。",
        "资源在线共享程度低，信息公开不足。",
    ),
    "A5": ("资源整合范围窄，特色不突出。", "未形成有特色的资源体系。"),
    "B1": (
        "考核期内对外服务量明显偏少，服务记录稀疏。",
        "对外服务起步晚、服务次数少，尚未形成稳定的服务能力。",
    ),
    "B2": ("服务对象以本单位和少数固定用户为主，企业特别是民营企业用户很少。",),
    "B3": ("支撑科技创新的成效材料不足，缺少可核实的论文、专利或项目佐证。",),
    "B4": ("公益性服务和服务经济社会发展的案例很少。",),
    "B5": ("用户满意度偏低，缺少用户评价的收集和反馈机制。",),
    "C1": (
        "共享服务管理制度不健全，有偿服务未按规定签订合同。",
        "管理制度缺项，执行情况缺少记录。",
    ),
    "C2": ("专职人员不足，服务主要依靠兼职人员。",),
    "C3": ("运行经费保障不足，经费使用情况说明不清。",),
    "C4": ("依托单位支持力度不够，运行条件薄弱。",),
    "C5": (
        "申报材料中多项数据相互矛盾，真实性存疑。",
        "运行服务记录与资源目录、考核期不一致，材料真实性存在问题。",
    ),
}


@dataclass(frozen=True, slots=True)
class _Plan:
    """One expert's planned sheet for one platform."""

    points: dict[str, float]
    comments: dict[str, str]
    vetoes: dict[str, str]
    overall: str


def _rng(seed: int, *parts: object) -> random.Random:
    # A string seed is hashed with SHA-512: the same on every run and platform.
    return random.Random("/".join(str(p) for p in (seed, *parts)))


def expert_target(seed: int, expert: str, plan_number: int, *, earlier: bool = False) -> float:
    """The total an expert aims at for a platform: quality + bias + noise (or the outlier).

    ``earlier`` aims at the earlier cycle's grade (:data:`_PREVIOUS`), with no outliers.
    """
    if earlier:
        quality = _EARLIER_QUALITY[_PREVIOUS[plan_number]]
        noise = _rng(seed, "earlier noise", expert, plan_number).uniform(-NOISE, NOISE)
        return min(100.0, max(0.0, quality + EXPERT_BIAS.get(expert, 0.0) + noise))
    quality = _QUALITY[plan_number]
    outlier = _OUTLIERS.get(plan_number)
    if outlier is not None and outlier[0] == expert:
        return min(100.0, max(0.0, quality + outlier[1]))
    noise = _rng(seed, "noise", expert, plan_number).uniform(-NOISE, NOISE)
    return min(100.0, max(0.0, quality + EXPERT_BIAS.get(expert, 0.0) + noise))


def _on_step(value: float, step: float) -> float:
    return round(round(value / step) * step, 10)


def _spread(rubric: Rubric, target: float, weights: Mapping[str, float]) -> dict[str, float]:
    """Indicator points summing to ``target`` (on the grid), shaped by ``weights``."""
    indicators = rubric.indicators

    def filled(share: float) -> float:
        return math.fsum(
            min(float(i.max_points), share * weights[i.code] * float(i.max_points))
            for i in indicators
        )

    low, high = 0.0, 10.0
    for _ in range(60):  # bisection: the sum grows with the share
        mid = (low + high) / 2
        if filled(mid) < target:
            low = mid
        else:
            high = mid
    points = {
        i.code: _on_step(
            min(float(i.max_points), high * weights[i.code] * float(i.max_points)), float(i.step)
        )
        for i in indicators
    }
    step = min(float(i.step) for i in indicators)
    wanted = _on_step(min(target, float(rubric.total_points)), step)
    # Rounding moved the sum: give or take a step where it disturbs the shape least.
    for _ in range(200):
        gap = round(wanted - math.fsum(points.values()), 10)
        if abs(gap) < step / 2:
            break
        up = gap > 0

        def room(i: Indicator, up: bool = up) -> float:
            return (float(i.max_points) - points[i.code]) if up else points[i.code]

        candidates = [i for i in indicators if room(i) >= float(i.step) - 1e-9]
        if not candidates:
            break
        best = max(
            candidates, key=lambda i: (room(i) / float(i.max_points), float(i.max_points), i.code)
        )
        points[best.code] = round(
            points[best.code] + (float(best.step) if up else -float(best.step)), 10
        )
    return points


def _weights(seed: int, rubric: Rubric, plan_number: int, expert: str) -> dict[str, float]:
    base = _rng(seed, "profile", plan_number)
    own = _rng(seed, "taste", expert, plan_number)
    profile = _PROFILES.get(plan_number, {})
    return {
        i.code: profile.get(i.code, 1.0) * base.uniform(0.92, 1.08) * own.uniform(0.95, 1.05)
        for i in rubric.indicators
    }


def _overall(total: float, weakest: Sequence[str], plan_number: int | None) -> str:
    weak = "、".join(weakest)
    if plan_number == _FIRST_FAIL:
        return (
            f"平台对外服务起始时间短，考核期内服务量少，{weak}等方面差距明显，"
            "尚未达到考核要求，建议限期整改。"
        )
    if total >= 90:
        return "平台资源整合度高，服务成效突出，运行管理规范，在省内同类平台中起到示范作用。"
    if total >= 80:
        return f"平台资源基础较好，服务成效较明显，管理较规范；{weak}方面仍有提升空间。"
    if total >= 60:
        return f"平台总体达到考核要求，但{weak}等方面较为薄弱，建议加强。"
    return f"平台{weak}等方面问题突出，未达到考核要求，建议限期整改。"


def plan_sheet(
    seed: int, rubric: Rubric, expert: str, plan_number: int, *, earlier: bool = False
) -> _Plan:
    """What ``expert`` gives platform ``plan_number``: points, comments, vetoes, overall
    (``earlier``: in the demo's earlier cycle, where no one raises a veto)."""
    target = expert_target(seed, expert, plan_number, earlier=earlier)
    points = _spread(rubric, target, _weights(seed, rubric, plan_number, expert))
    pick = _rng(seed, "words", expert, plan_number)
    comments: dict[str, str] = {}
    for indicator in rubric.indicators:
        value = points[indicator.code]
        if indicator.requires_comment(to_decimal(value)):
            bank = _POOR_COMMENTS.get(indicator.code)
            comments[indicator.code] = (
                pick.choice(bank)
                if bank
                else next(
                    (g.text.zh for g in indicator.guidance if value in g.band),
                    f"{indicator.name.zh}明显不足。",
                )
            )
    vetoes: dict[str, str] = {}
    if plan_number == _FRAUD and expert in _FRAUD_VETOES and not earlier:
        vetoes["fraud"] = _FRAUD_VETOES[expert]
    shares = sorted(rubric.indicators, key=lambda i: (points[i.code] / float(i.max_points), i.code))
    weakest = [i.name.zh for i in shares[:2]]
    overall = _overall(math.fsum(points.values()), weakest, None if earlier else plan_number)
    if vetoes:
        overall = "经核对运行服务记录，发现材料存在编造情形，提出“弄虚作假”一票否决。" + overall
    return _Plan(points, comments, vetoes, overall)


def _plan_number(filing_no: str) -> int:
    for number, filing in _FILING.items():
        if filing == filing_no:
            return number
    raise UserError(
        f"演示评分不认识该平台：{filing_no}",
        f"The demo panel does not know the platform {filing_no}",
    )


def write_demo_scores(
    folder: Path,
    packages: Sequence[Path],
    *,
    seed: int,
    written: list[Path] | None = None,
    expert_started: Callable[[str], None] | None = None,
) -> list[Path]:
    """Score every demo package as its expert would and submit it to
    ``folder/scores/<expert>.jlscore`` (the scores are left for the secretary to merge).

    Returns the score files; each is also appended to ``written`` as soon as it exists, so a
    caller can remove them if a later step fails. ``expert_started`` is called with each
    expert's name before their package is scored (progress; raising there stops the work).
    """
    return score_demo_packages(
        folder / SCORE_FOLDER,
        packages,
        seed=seed,
        written=written,
        expert_started=expert_started,
    )


def score_demo_packages(
    score_dir: Path,
    packages: Sequence[Path],
    *,
    seed: int,
    written: list[Path] | None = None,
    expert_started: Callable[[str], None] | None = None,
    earlier: bool = False,
) -> list[Path]:
    """Score every package as its demo expert would and submit it into ``score_dir`` as
    ``<expert>.jlscore``; returns the score files (see :func:`write_demo_scores`). The same
    seed scores a platform alike in every cycle it is packaged for; ``earlier`` scores the
    demo's earlier cycle (:data:`_PREVIOUS`'s grades, no conflicts declared, no vetoes)."""
    from jlpanel.services import review as rv
    from jlpanel.services.packages import safe_file_name

    made: list[Path] = []
    if written is None:
        written = []
    for package in packages:
        with rv.open_package(package) as session:
            info = rv.package_info(session)
            expert = info.expert_name
            if expert_started is not None:
                expert_started(expert)
            target = score_dir / f"{safe_file_name(expert)}{rv.SCORE_FILE_SUFFIX}"
            if target.exists():
                raise UserError(
                    f"评分文件已存在，未覆盖：{target}",
                    f"The score file exists already and was not overwritten: {target}",
                )
            rubric = session.rubric
            for platform in session.platforms:
                number = _plan_number(platform.filing_no)
                declared = None if earlier else _DECLARED.get((expert, number))
                if declared is not None:
                    rv.declare(session, platform.id, True, declared)
                    continue
                rv.declare(session, platform.id, False)
                sheet = plan_sheet(seed, rubric, expert, number, earlier=earlier)
                for code, value in sheet.points.items():
                    rv.set_score(session, platform.id, code, value)
                for code, text in sheet.comments.items():
                    rv.set_comment(session, platform.id, code, text)
                for code, reason in sheet.vetoes.items():
                    rv.set_veto(session, platform.id, code, reason)
                rv.set_overall_comment(session, platform.id, sheet.overall)
            score_dir.mkdir(parents=True, exist_ok=True)
            written.append(target)
            rv.submit(session, target)
            made.append(target)
            log.info("demo expert %s scored %d platforms", expert, len(session.platforms))

    return made
