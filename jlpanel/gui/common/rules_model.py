"""The cycle's rule settings in plain words, as a table: rule · setting · what it means; for an
open cycle also the language its reports and exports are written in."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt

from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rule_words import describe_rules
from jlpanel.domain.rules import RuleSettings
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.table_support import Column, RowsModel


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


class RulesTableModel(RowsModel[RuleRow]):
    """The rules panel: one row per setting, columns 规则 · 设定 · 说明.

    ``setting_under_rule`` (a narrow pane beside the rule editors) makes it two columns, the
    setting on a line of its own under the rule's name, so the explanation keeps the width;
    :meth:`meaning_column` says which column the explanation is in."""

    RULE, SETTING, MEANING = range(3)

    def __init__(self, parent: QObject | None = None, *, setting_under_rule: bool = False) -> None:
        rule: Column[RuleRow] = Column(
            lambda: translate("RulesTableModel", "规则"), lambda r: r.rule
        )
        # The setting column is right-aligned throughout so the numbers line up and the few
        # words in it (无, 截尾平均分) do not make a ragged edge beside them.
        setting: Column[RuleRow] = Column(
            lambda: translate("RulesTableModel", "设定"), lambda r: r.setting, numeric=True
        )
        meaning: Column[RuleRow] = Column(
            lambda: translate("RulesTableModel", "说明"), lambda r: r.meaning
        )
        if setting_under_rule:
            rule = Column(
                lambda: translate("RulesTableModel", "规则与设定"),
                lambda r: f"{r.rule}\n{r.setting}",
            )
            super().__init__([rule, meaning], parent)
        else:
            super().__init__([rule, setting, meaning], parent)
        self._meaning_column = 1 if setting_under_rule else self.MEANING
        self._rules: RuleSettings | None = None
        self._rubric: Rubric | None = None
        self._language: str | None = None

    def set_rules(
        self, rules: RuleSettings | None, rubric: Rubric | None, language: str | None = None
    ) -> None:
        """Show ``rules`` (area names come from ``rubric``) and, when given, the cycle's report
        ``language``."""
        self._rules = rules
        self._rubric = rubric
        self._language = language
        self.set_rows(rule_rows(rules, rubric, language) if rules is not None else [])

    def retranslate(self) -> None:
        """Re-word every row and header in the current language."""
        self.set_rules(self._rules, self._rubric, self._language)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def meaning_column(self) -> int:
        """The column of the explanations."""
        return self._meaning_column
