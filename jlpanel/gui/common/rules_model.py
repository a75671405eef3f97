"""The cycle's rule settings in plain words, as a table: rule · setting · what it means; for an
open cycle also the language its reports and exports are written in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rule_words import describe_rules
from jlpanel.domain.rules import RuleSettings
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.table_support import AnyIndex


@dataclass(frozen=True, slots=True)
class RuleRow:
    """One line of the rules panel; ``numeric`` settings are right-aligned."""

    rule: str
    setting: str
    meaning: str
    numeric: bool = False


# The languages a cycle's reports and exports can be written in, each named in itself so the
# choice reads the same whatever the UI language; the first is the default.
REPORT_LANGUAGES = (("zh", "中文"), ("en", "English"))


def report_language_name(language: str) -> str:
    """A report language named in itself, as the language choices show it: 中文, English."""
    return dict(REPORT_LANGUAGES).get(language, language)


def rule_rows(
    rules: RuleSettings, rubric: Rubric | None, language: str | None = None
) -> list[RuleRow]:
    """Every rule setting of a cycle in the current language (the domain's one wording,
    :func:`describe_rules`); with ``language`` (the cycle's report language) a last row saying
    which it is."""
    lang = current_language()
    rows = [
        RuleRow(s.rule.get(lang), s.setting.get(lang), s.meaning.get(lang), s.numeric)
        for s in describe_rules(rules, rubric)
    ]
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
