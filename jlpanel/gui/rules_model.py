"""The cycle's rule settings in plain words, as a table: rule · setting · what it means; for an
open cycle also the language its reports and exports are written in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from jlpanel.domain.aggregation import ScorePolicy
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rules import BudgetSplit, Grade, RuleSettings
from jlpanel.gui.formatting import fixed, points
from jlpanel.gui.i18n import counted, current_language, translate
from jlpanel.gui.table_support import AnyIndex


@dataclass(frozen=True, slots=True)
class RuleRow:
    """One line of the rules panel; ``numeric`` settings are right-aligned."""

    rule: str
    setting: str
    meaning: str
    numeric: bool = False


def _grades(grades: tuple[Grade, ...], language: str) -> str:
    separator = translate("RulesTableModel", "、")
    return separator.join(g.label.get(language) for g in grades)


# The languages a cycle's reports and exports can be written in, each named in itself so the
# choice reads the same whatever the UI language; the first is the default.
REPORT_LANGUAGES = (("zh", "中文"), ("en", "English"))


def report_language_name(language: str) -> str:
    """A report language named in itself, as the language choices show it: 中文, English."""
    return dict(REPORT_LANGUAGES).get(language, language)


def rule_rows(
    rules: RuleSettings, rubric: Rubric | None, language: str | None = None
) -> list[RuleRow]:
    """Every rule setting of a cycle in the current language; with ``language`` (the cycle's
    report language) a last row saying which it is."""
    lang = current_language()
    rows: list[RuleRow] = []

    if rules.score_policy is ScorePolicy.TRIMMED_MEAN:
        policy = translate("RulesTableModel", "截尾平均分")
        meaning = translate(
            "RulesTableModel",
            "去掉一个最高分和一个最低分后的平均分（≥{n}位专家时；不足{n}位时取平均分）",
        ).format(n=rules.trim_min_n)
    elif rules.score_policy is ScorePolicy.MEDIAN:
        policy = translate("RulesTableModel", "中位数")
        meaning = translate("RulesTableModel", "各位专家总分的中位数")
    else:
        policy = translate("RulesTableModel", "平均分")
        meaning = translate("RulesTableModel", "各位专家总分的平均分")
    rows.append(RuleRow(translate("RulesTableModel", "平台得分"), policy, meaning))

    above = translate("RulesTableModel", "> {value} 分")
    rows.append(
        RuleRow(
            translate("RulesTableModel", "分歧提示：总分极差"),
            above.format(value=points(rules.disagreement_range)),
            translate("RulesTableModel", "专家总分的最高分与最低分相差超过此值，平台列入讨论名单"),
            numeric=True,
        )
    )
    rows.append(
        RuleRow(
            translate("RulesTableModel", "分歧提示：偏离中位数"),
            above.format(value=points(rules.disagreement_from_median)),
            translate("RulesTableModel", "有专家总分偏离中位数超过此值，平台列入讨论名单"),
            numeric=True,
        )
    )

    at_least = translate("RulesTableModel", "≥ {value} 分")
    for grade, threshold in (
        (Grade.EXCELLENT, rules.excellent_min),
        (Grade.GOOD, rules.good_min),
        (Grade.PASS, rules.pass_min),
    ):
        rows.append(
            RuleRow(
                grade.label.get(lang),
                at_least.format(value=points(threshold)),
                translate("RulesTableModel", "平台得分达到此分数，评为{grade}").format(
                    grade=grade.label.get(lang)
                ),
                numeric=True,
            )
        )
    rows.append(
        RuleRow(
            Grade.FAIL.label.get(lang),
            translate("RulesTableModel", "< {value} 分").format(value=points(rules.pass_min)),
            translate("RulesTableModel", "得分低于合格线，或任何一项一票否决成立"),
            numeric=True,
        )
    )

    none = translate("RulesTableModel", "无")
    if rules.excellent_quota is None:
        quota = none
        meaning = translate("RulesTableModel", "不限制优秀的比例")
    else:
        quota = f"{points(round(rules.excellent_quota * 100, 2))}%"
        meaning = translate("RulesTableModel", "按排名，优秀不超过参评平台的此比例（向下取整）")
    rows.append(
        RuleRow(
            translate("RulesTableModel", "优秀比例上限"),
            quota,
            meaning,
            numeric=rules.excellent_quota is not None,
        )
    )

    if rules.area_floor_pct is None:
        floor = none
        meaning = translate("RulesTableModel", "不设分区得分下限")
    else:
        floor = f"{points(rules.area_floor_pct)}%"
        meaning = translate(
            "RulesTableModel", "每个分区得分须达到该分区满分的此比例，否则最高评为{grade}"
        ).format(grade=rules.area_floor_max_grade.label.get(lang))
    rows.append(
        RuleRow(
            translate("RulesTableModel", "分区下限"),
            floor,
            meaning,
            numeric=rules.area_floor_pct is not None,
        )
    )

    area_label = rules.tie_break_area
    known_areas = {a.code: a for a in rubric.areas} if rubric is not None else {}
    if rules.tie_break_area in known_areas:
        area_label += " " + known_areas[rules.tie_break_area].name.get(lang)
    rows.append(
        RuleRow(
            translate("RulesTableModel", "同分排序"),
            area_label,
            translate("RulesTableModel", "平台得分相同时，按此分区的得分排序"),
        )
    )

    rows.append(
        RuleRow(
            translate("RulesTableModel", "一票否决成立"),
            counted(
                rules.veto_min_experts,
                translate("RulesTableModel", "≥ {n} 位专家", "one"),
                translate("RulesTableModel", "≥ {n} 位专家", "other"),
            ),
            translate("RulesTableModel", "提出同一否决项的有效评分达到此人数时，否决成立"),
            numeric=True,
        )
    )

    rows.append(
        RuleRow(
            translate("RulesTableModel", "后补助候选"),
            _grades(rules.funding_grades, lang),
            translate("RulesTableModel", "评为这些等次的平台列为后补助候选，择优支持"),
        )
    )

    if rules.funding_budget is None or rules.budget_split is BudgetSplit.NONE:
        budget = none
        meaning = translate("RulesTableModel", "不在本程序中分配后补助经费")
    else:
        budget = translate("RulesTableModel", "{amount} 万元").format(
            amount=fixed(rules.funding_budget, 2)
        )
        if rules.budget_split is BudgetSplit.EQUAL:
            meaning = translate("RulesTableModel", "在候选平台之间平均分配")
        elif rules.budget_split is BudgetSplit.BY_SCORE:
            meaning = translate("RulesTableModel", "按候选平台的得分比例分配")
        else:
            weights = translate("RulesTableModel", "、").join(
                f"{g.label.get(lang)} ×{points(w)}" for g, w in rules.tier_weights.items()
            )
            meaning = translate("RulesTableModel", "按等次权重分配：{weights}").format(
                weights=weights
            )
    rows.append(
        RuleRow(
            translate("RulesTableModel", "后补助预算"),
            budget,
            meaning,
            numeric=budget != none,
        )
    )

    rows.append(
        RuleRow(
            translate("RulesTableModel", "整改期限"),
            counted(
                rules.rectification_months,
                translate("RulesTableModel", "{n} 个月", "one"),
                translate("RulesTableModel", "{n} 个月", "other"),
            ),
            translate(
                "RulesTableModel", "首次不合格的平台限期整改；连续两个周期不合格的取消平台资格"
            ),
            numeric=True,
        )
    )
    rows.append(
        RuleRow(
            translate("RulesTableModel", "最少有效评分"),
            counted(
                rules.min_valid_scores,
                translate("RulesTableModel", "{n} 份", "one"),
                translate("RulesTableModel", "{n} 份", "other"),
            ),
            translate("RulesTableModel", "平台须有不少于此数量的有效、无回避评分，结果才能确定"),
            numeric=True,
        )
    )
    rows.append(
        RuleRow(
            translate("RulesTableModel", "得分小数位"),
            counted(
                rules.score_decimals,
                translate("RulesTableModel", "{n} 位", "one"),
                translate("RulesTableModel", "{n} 位", "other"),
            ),
            translate("RulesTableModel", "平台得分按四舍五入保留的小数位数，再评定等次"),
            numeric=True,
        )
    )
    if language is not None:
        rows.append(
            RuleRow(
                translate("RulesTableModel", "报告语言"),
                report_language_name(language),
                translate(
                    "RulesTableModel",
                    "评价报告、汇总表等 PDF 和导出的工作簿使用此语言；"
                    "在 生成评审报告 (Ctrl+P) 中可以更改",
                ),
            )
        )
    return rows


class RulesTableModel(QAbstractTableModel):
    """The rules panel: one row per setting, columns 规则 · 设定 · 说明."""

    RULE, SETTING, MEANING = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rules: RuleSettings | None = None
        self._rubric: Rubric | None = None
        self._language: str | None = None
        self._rows: list[RuleRow] = []

    def set_rules(
        self, rules: RuleSettings | None, rubric: Rubric | None, language: str | None = None
    ) -> None:
        """Show ``rules`` (area names come from ``rubric``) and, when given, the cycle's report
        ``language``."""
        self.beginResetModel()
        self._rules = rules
        self._rubric = rubric
        self._language = language
        self._rows = rule_rows(rules, rubric, language) if rules is not None else []
        self.endResetModel()

    def retranslate(self) -> None:
        """Re-word every row and header in the current language."""
        self.set_rules(self._rules, self._rubric, self._language)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def rows(self) -> list[RuleRow]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.RULE: translate("RulesTableModel", "规则"),
                self.SETTING: translate("RulesTableModel", "设定"),
                self.MEANING: translate("RulesTableModel", "说明"),
            }.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if section == self.SETTING:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.rule, row.setting, row.meaning)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # The setting column is right-aligned throughout so the numbers line up and the
            # few words in it (无, 截尾平均分) do not make a ragged edge beside them.
            if column == self.SETTING:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None
