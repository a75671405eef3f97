"""A cycle's rules in words (DESIGN §5): the one place that turns RuleSettings into sentences.

The rules tab and the settings dialog list :func:`describe_rules`; the reports state the score
policy and the discussion criteria with :func:`score_policy_words` and
:func:`discussion_criteria`; the charts draw :func:`grade_thresholds`. Nothing else words a
rule, so every place states the cycle's own settings, never the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jlpanel.domain.aggregation import ScorePolicy
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rules import BudgetSplit, Grade, RuleSettings
from jlpanel.domain.text import Text


def setting_number(value: Decimal | int) -> str:
    """A setting as written: 15, 7.5, 0.25 (no exponent, no trailing zeros)."""
    exact = Decimal(value).normalize()
    return f"{exact:f}"


def _count(n: int, zh: str, en_one: str, en_other: str) -> Text:
    return Text(zh.format(n=n), (en_one if n == 1 else en_other).format(n=n))


@dataclass(frozen=True, slots=True)
class RuleStatement:
    """One rule setting in words: what it is, how it is set, and what it means."""

    key: str
    rule: Text
    setting: Text
    meaning: Text
    #: The setting is a number (right-aligned in a table).
    numeric: bool = False


def score_policy_words(rules: RuleSettings) -> Text:
    """How the platform score is computed, with the cycle's trimming threshold."""
    if rules.score_policy is ScorePolicy.TRIMMED_MEAN:
        n = rules.trim_min_n
        return Text(
            f"专家总分的截尾平均（{n} 位及以上专家时去掉一个最高分和一个最低分，不足 {n} 位时"
            "取平均分）",
            f"trimmed mean of the expert totals (highest and lowest dropped with {n} or more "
            f"experts; below {n}, the plain mean)",
        )
    if rules.score_policy is ScorePolicy.MEDIAN:
        return Text("专家总分的中位数", "median of the expert totals")
    return Text("专家总分的算术平均", "mean of the expert totals")


def discussion_criteria(rules: RuleSettings) -> Text:
    """When a platform goes on the discussion list, with the cycle's limits."""
    spread, distance = (
        setting_number(rules.disagreement_range),
        setting_number(rules.disagreement_from_median),
    )
    return Text(
        f"专家总分极差超过 {spread} 分，或有专家偏离中位数超过 {distance} 分",
        f"the expert totals span more than {spread} points, or an expert is more than "
        f"{distance} points from the median",
    )


def grade_thresholds(rules: RuleSettings) -> tuple[tuple[Grade, Decimal], ...]:
    """The lowest score of each passing grade, lowest first (the charts' threshold lines)."""
    return (
        (Grade.PASS, rules.pass_min),
        (Grade.GOOD, rules.good_min),
        (Grade.EXCELLENT, rules.excellent_min),
    )


def describe_rules(rules: RuleSettings, rubric: Rubric | None = None) -> tuple[RuleStatement, ...]:
    """Every rule setting of a cycle in words, in the order a reader meets them."""
    out: list[RuleStatement] = []
    policy_name = {
        ScorePolicy.TRIMMED_MEAN: Text("截尾平均分", "Trimmed mean"),
        ScorePolicy.MEDIAN: Text("中位数", "Median"),
        ScorePolicy.MEAN: Text("平均分", "Mean"),
    }[rules.score_policy]
    out.append(
        RuleStatement(
            "score_policy",
            Text("平台得分", "Platform score"),
            policy_name,
            score_policy_words(rules),
        )
    )
    spread, distance = (
        setting_number(rules.disagreement_range),
        setting_number(rules.disagreement_from_median),
    )
    out.append(
        RuleStatement(
            "disagreement_range",
            Text("分歧提示：总分极差", "Disagreement: range of totals"),
            Text(f"> {spread} 分", f"> {spread} points"),
            Text(
                "专家总分的最高分与最低分相差超过此值，平台列入讨论名单",
                "When the highest and lowest expert totals differ by more than this, the "
                "platform goes on the discussion list",
            ),
            numeric=True,
        )
    )
    out.append(
        RuleStatement(
            "disagreement_from_median",
            Text("分歧提示：偏离中位数", "Disagreement: distance from median"),
            Text(f"> {distance} 分", f"> {distance} points"),
            Text(
                "有专家总分偏离中位数超过此值，平台列入讨论名单",
                "When an expert's total is further than this from the median, the platform "
                "goes on the discussion list",
            ),
            numeric=True,
        )
    )
    keys = {Grade.EXCELLENT: "excellent_min", Grade.GOOD: "good_min", Grade.PASS: "pass_min"}
    for grade, threshold in reversed(grade_thresholds(rules)):
        out.append(
            RuleStatement(
                keys[grade],
                grade.label,
                Text(f"≥ {setting_number(threshold)} 分", f"≥ {setting_number(threshold)} points"),
                Text(
                    f"平台得分达到此分数，评为{grade.label.zh}",
                    f"A platform score at or above this is graded {grade.label.en}",
                ),
                numeric=True,
            )
        )
    out.append(
        RuleStatement(
            "fail",
            Grade.FAIL.label,
            Text(
                f"< {setting_number(rules.pass_min)} 分",
                f"< {setting_number(rules.pass_min)} points",
            ),
            Text(
                "得分低于合格线，或任何一项一票否决成立",
                "A score below the pass mark, or any veto that applies",
            ),
            numeric=True,
        )
    )
    none = Text("无", "None")
    if rules.excellent_quota is None:
        out.append(
            RuleStatement(
                "excellent_quota",
                Text("优秀比例上限", "Cap on Excellent"),
                none,
                Text("不限制优秀的比例", "No limit on the share of Excellent grades"),
            )
        )
    else:
        share = setting_number(rules.excellent_quota * 100)
        out.append(
            RuleStatement(
                "excellent_quota",
                Text("优秀比例上限", "Cap on Excellent"),
                Text(f"{share}%", f"{share}%"),
                Text(
                    "按排名，优秀不超过结果已确定平台的此比例（向下取整）；结果未确定的平台"
                    "不占名额，名额线上并列的由专家组确定先后",
                    "By rank, at most this share of the platforms with a final result can be "
                    "Excellent (rounded down); a platform without a final result takes no "
                    "place, and a tie at the cut is ordered by the panel",
                ),
                numeric=True,
            )
        )
    if rules.area_floor_pct is None:
        out.append(
            RuleStatement(
                "area_floor_pct",
                Text("分区下限", "Area floor"),
                none,
                Text("不设分区得分下限", "No minimum score per area"),
            )
        )
    else:
        best = rules.area_floor_max_grade.label
        out.append(
            RuleStatement(
                "area_floor_pct",
                Text("分区下限", "Area floor"),
                Text(
                    f"{setting_number(rules.area_floor_pct)}%",
                    f"{setting_number(rules.area_floor_pct)}%",
                ),
                Text(
                    f"每个分区得分须达到该分区满分的此比例，否则最高评为{best.zh}",
                    "Each area must reach this share of its maximum, otherwise the best "
                    f"possible grade is {best.en}",
                ),
                numeric=True,
            )
        )
    area = Text(rules.tie_break_area, rules.tie_break_area)
    if rubric is not None and any(a.code == rules.tie_break_area for a in rubric.areas):
        name = rubric.area(rules.tie_break_area).name
        area = Text(f"{rules.tie_break_area} {name.zh}", f"{rules.tie_break_area} {name.en}")
    out.append(
        RuleStatement(
            "tie_break_area",
            Text("同分排序", "Ties"),
            area,
            Text(
                "平台得分相同时，按此分区的得分排序；仍完全相同且影响优秀名额、后补助名额或"
                "经费分配的，列为并列，由专家组写明理由确定先后",
                "Platforms with equal scores are ranked by their score in this area; a tie "
                "that remains where it matters (the Excellent cap, the funding places or the "
                "budget split) is shown as tied and ordered by the panel with a reason",
            ),
        )
    )
    out.append(
        RuleStatement(
            "veto_min_experts",
            Text("一票否决成立", "Veto applies"),
            _count(rules.veto_min_experts, "≥ {n} 位专家", "≥ {n} expert", "≥ {n} experts"),
            Text(
                "提出同一否决项的有效评分达到此人数时，否决成立",
                "A veto applies when at least this many valid score sheets raise it",
            ),
            numeric=True,
        )
    )
    out.append(
        RuleStatement(
            "unconfirmed_veto_counts",
            Text("未经认定的否决", "Unconfirmed vetoes"),
            Text("计入", "Count") if rules.unconfirmed_veto_counts else Text("暂不计入", "Wait"),
            Text(
                "专家提出的一票否决在专家组认定或驳回之前"
                + ("即计入结果" if rules.unconfirmed_veto_counts else "不计入结果"),
                "An expert's veto claim "
                + ("counts" if rules.unconfirmed_veto_counts else "does not count")
                + " until the panel confirms or dismisses it",
            ),
        )
    )
    separator = Text("、", ", ")
    out.append(
        RuleStatement(
            "funding_grades",
            Text("后补助候选", "Post-hoc funding candidates"),
            Text(
                separator.zh.join(g.label.zh for g in rules.funding_grades),
                separator.en.join(g.label.en for g in rules.funding_grades),
            ),
            Text(
                "评为这些等次的平台列为后补助候选，择优支持",
                "Platforms with these grades become candidates for post-hoc funding, awarded "
                "on merit",
            ),
        )
    )
    if rules.funding_places is None:
        places = Text("不限", "No limit")
        meaning = Text("候选平台均可获得支持", "Every candidate can be funded")
    else:
        places = _count(rules.funding_places, "{n} 个", "{n} platform", "{n} platforms")
        meaning = Text(
            "按排名支持前若干个候选平台；名额线上并列的由专家组确定先后",
            "The best-ranked candidates up to this number are funded; a tie at the cut is "
            "ordered by the panel",
        )
    out.append(
        RuleStatement(
            "funding_places",
            Text("后补助名额", "Funding places"),
            places,
            meaning,
            numeric=rules.funding_places is not None,
        )
    )
    if rules.funding_budget is None or rules.budget_split is BudgetSplit.NONE:
        budget = none
        meaning = Text("不在本程序中分配后补助经费", "Funding is not allocated in this program")
    else:
        amount = f"{rules.funding_budget.quantize(Decimal('0.01')):,}"
        budget = Text(f"{amount} 万元", f"{amount} × 10k CNY")
        if rules.budget_split is BudgetSplit.EQUAL:
            meaning = Text("在候选平台之间平均分配", "Split equally among the candidates")
        elif rules.budget_split is BudgetSplit.BY_SCORE:
            meaning = Text(
                "按候选平台的得分比例分配", "Split in proportion to the candidates' scores"
            )
        else:
            weights = [(g.label, setting_number(w)) for g, w in rules.tier_weights.items()]
            meaning = Text(
                "按等次权重分配：" + "、".join(f"{g.zh} ×{w}" for g, w in weights),
                "Split by grade weights: " + ", ".join(f"{g.en} ×{w}" for g, w in weights),
            )
    out.append(
        RuleStatement(
            "funding_budget",
            Text("后补助预算", "Post-hoc funding budget"),
            budget,
            meaning,
            numeric=budget != none,
        )
    )
    out.append(
        RuleStatement(
            "rectification_months",
            Text("整改期限", "Rectification period"),
            _count(rules.rectification_months, "{n} 个月", "{n} month", "{n} months"),
            Text(
                "首次不合格的平台自结果确定之日起限期整改；连续两个周期不合格的取消平台资格",
                "A platform failing for the first time must rectify within this period from "
                "the day the results are confirmed; failing two cycles in a row loses its "
                "status",
            ),
            numeric=True,
        )
    )
    out.append(
        RuleStatement(
            "min_valid_scores",
            Text("最少有效评分", "Minimum valid scores"),
            _count(rules.min_valid_scores, "{n} 份", "{n} score", "{n} scores"),
            Text(
                "平台须有不少于此数量的有效、无回避评分，结果才能确定",
                "A result can be final only with at least this many valid, conflict-free scores",
            ),
            numeric=True,
        )
    )
    out.append(
        RuleStatement(
            "score_decimals",
            Text("得分小数位", "Score decimals"),
            _count(rules.score_decimals, "{n} 位", "{n} decimal place", "{n} decimal places"),
            Text(
                "平台得分按四舍五入保留的小数位数，再评定等次",
                "Platform scores are rounded half up to this many decimals before grading",
            ),
            numeric=True,
        )
    )
    return tuple(out)
