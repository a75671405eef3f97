"""设置: language, backups, the export folder and the rules a new cycle starts with.

Everything here is a :class:`~jlpanel.services.preferences.Preferences` field, shared with the
command line. The rules of an existing cycle belong to its workspace and are not touched; the
rules page only seeds the workspaces created from now on (GUI 新建工作区 and ``jlpanel new``).
OK and 应用 check the folders and the rules first: on any problem a message says what is wrong,
in the user's language, and nothing is saved.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jlpanel.domain.aggregation import ScorePolicy
from jlpanel.domain.exact import to_decimal
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rules import GRADE_ORDER, BudgetSplit, Grade, RulesError, RuleSettings
from jlpanel.gui.common.i18n import apply_language, current_language, translate
from jlpanel.gui.common.rules_model import RulesTableModel
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.theme import WrappingItemDelegate, icon, plain_buttons, set_muted
from jlpanel.services.errors import UserError
from jlpanel.services.preferences import (
    BACKUP_COUNT_RANGE,
    Preferences,
    check_writable_folder,
    default_backup_folder,
    load_preferences,
    rule_defaults_for,
    save_preferences,
)

log = logging.getLogger(__name__)

#: The grades whose post-hoc funding weight can be set (the usual candidates).
_WEIGHTED_GRADES = (Grade.EXCELLENT, Grade.GOOD)


def _spin(low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    box.setAccelerated(True)
    return box


def _dspin(low: float, high: float, step: float, decimals: int) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(decimals)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    box.setAccelerated(True)
    box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
    return box


class FolderField(QWidget):
    """A folder: a line edit (empty = the default, shown as its placeholder) and 浏览…."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.browseButton = QPushButton()
        self.browseButton.setIcon(icon("folder-open"))
        self.browseButton.clicked.connect(self.browse)
        self.title = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browseButton)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text().strip()

    def browse(self) -> None:
        start = self.text() or self.edit.placeholderText()
        chosen = QFileDialog.getExistingDirectory(self, self.title, start)
        if chosen:
            self.edit.setText(str(Path(chosen)))


class SettingsDialog(QDialog):
    """设置: four pages, OK / 取消 / 应用; Esc cancels."""

    #: The preferences were saved (OK or 应用); carries the new Preferences.
    applied = Signal(object)

    LANGUAGE_PAGE, BACKUP_PAGE, EXPORT_PAGE, RULES_PAGE = range(4)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        set_language: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        # The windows' own language switch (menus ticked, status bar said), when there is one.
        self._set_language = set_language
        self.saved = load_preferences()
        self._loading = False
        self._suffixes: dict[QSpinBox, tuple[str, str]] = {}
        self._default_rubric: Rubric | None = None
        #: Funding weights of grades the form has no editor for, kept as they were.
        self._other_weights: dict[Grade, Decimal] = {}
        self._shown_rules = RuleSettings()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._language_page(), "")
        self.tabs.addTab(self._backup_page(), "")
        self.tabs.addTab(self._export_page(), "")
        self.tabs.addTab(self._rules_page(), "")

        self.buttonBox = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttonBox)

        self.load(self.saved)
        self._retranslate()
        # Room for the rules page (editors beside their meanings), no more: the other pages
        # are short, and a dialog filling a 1366×768 screen looks like a second window.
        screen = self.screen().availableGeometry()
        self.resize(min(1000, int(screen.width() * 0.9)), min(620, int(screen.height() * 0.85)))

    # ------------------------------------------------------------------------ pages

    def _language_page(self) -> QWidget:
        page = QWidget()
        self.languageLabel = QLabel()
        # Each language is named in its own language, as in the menu, so either can find it.
        self.zhRadio = QRadioButton("中文")
        self.enRadio = QRadioButton("English")
        self.languageGroup = QButtonGroup(self)
        self.languageGroup.addButton(self.zhRadio)
        self.languageGroup.addButton(self.enRadio)
        self.languageLabel.setBuddy(self.zhRadio)
        self.languageNote = QLabel()
        self.languageNote.setWordWrap(True)
        set_muted(self.languageNote)
        layout = QVBoxLayout(page)
        layout.addWidget(self.languageLabel)
        layout.addWidget(self.zhRadio)
        layout.addWidget(self.enRadio)
        layout.addSpacing(8)
        layout.addWidget(self.languageNote)
        layout.addStretch(1)
        return page

    def _backup_page(self) -> QWidget:
        page = QWidget()
        self.backupFolder = FolderField()
        self.backupFolderLabel = QLabel()
        self.backupFolderLabel.setBuddy(self.backupFolder.edit)
        low, high = BACKUP_COUNT_RANGE
        self.backupCountSpin = _spin(low, high)
        self.backupCountLabel = QLabel()
        self.backupCountLabel.setBuddy(self.backupCountSpin)
        self.backupCountSpin.valueChanged.connect(
            partial(self._suffix_changed, self.backupCountSpin)
        )
        self.backupNote = QLabel()
        self.backupNote.setWordWrap(True)
        set_muted(self.backupNote)
        form = QFormLayout()
        form.addRow(self.backupFolderLabel, self.backupFolder)
        form.addRow(self.backupCountLabel, self.backupCountSpin)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.backupNote)
        layout.addStretch(1)
        return page

    def _export_page(self) -> QWidget:
        page = QWidget()
        self.exportFolder = FolderField()
        self.exportFolderLabel = QLabel()
        self.exportFolderLabel.setBuddy(self.exportFolder.edit)
        self.exportNote = QLabel()
        self.exportNote.setWordWrap(True)
        set_muted(self.exportNote)
        form = QFormLayout()
        form.addRow(self.exportFolderLabel, self.exportFolder)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.exportNote)
        layout.addStretch(1)
        return page

    def _rules_page(self) -> QWidget:
        page = QWidget()
        self.rulesNote = QLabel()
        self.rulesNote.setWordWrap(True)
        set_muted(self.rulesNote)

        # ---- platform score
        self.policyCombo = QComboBox()
        self.trimSpin = _spin(3, 99)
        self.rangeSpin = _dspin(0.0, 100.0, 1.0, 1)
        self.medianSpin = _dspin(0.0, 100.0, 1.0, 1)
        self.minScoresSpin = _spin(1, 99)
        self.decimalsSpin = _spin(0, 4)
        self.scoreBox = QGroupBox()
        score = QFormLayout(self.scoreBox)
        self.policyLabel = self._row(score, self.policyCombo)
        self.trimLabel = self._row(score, self.trimSpin)
        self.rangeLabel = self._row(score, self.rangeSpin)
        self.medianLabel = self._row(score, self.medianSpin)
        self.minScoresLabel = self._row(score, self.minScoresSpin)
        self.decimalsLabel = self._row(score, self.decimalsSpin)

        # ---- grades
        self.excellentSpin = _dspin(0.0, 100.0, 1.0, 2)
        self.goodSpin = _dspin(0.0, 100.0, 1.0, 2)
        self.passSpin = _dspin(0.0, 100.0, 1.0, 2)
        self.quotaSpin = _dspin(0.0, 100.0, 5.0, 1)
        self.floorSpin = _dspin(0.0, 100.0, 5.0, 1)
        self.floorGradeCombo = QComboBox()
        self.tieCombo = QComboBox()
        self.vetoSpin = _spin(1, 99)
        self.gradesBox = QGroupBox()
        grades = QFormLayout(self.gradesBox)
        self.excellentLabel = self._row(grades, self.excellentSpin)
        self.goodLabel = self._row(grades, self.goodSpin)
        self.passLabel = self._row(grades, self.passSpin)
        self.quotaLabel = self._row(grades, self.quotaSpin)
        self.floorLabel = self._row(grades, self.floorSpin)
        self.floorGradeLabel = self._row(grades, self.floorGradeCombo)
        self.tieLabel = self._row(grades, self.tieCombo)
        self.vetoLabel = self._row(grades, self.vetoSpin)

        # ---- decisions and funding
        self.fundingChecks: dict[Grade, QCheckBox] = {g: QCheckBox() for g in GRADE_ORDER}
        checks = QWidget()
        check_row = QHBoxLayout(checks)
        check_row.setContentsMargins(0, 0, 0, 0)
        for check in self.fundingChecks.values():
            check_row.addWidget(check)
        check_row.addStretch(1)
        checks.setFocusProxy(self.fundingChecks[Grade.EXCELLENT])
        self.budgetSpin = _dspin(0.0, 1_000_000.0, 10.0, 2)
        self.splitCombo = QComboBox()
        self.weightSpins: dict[Grade, QDoubleSpinBox] = {
            g: _dspin(0.0, 10.0, 0.1, 2) for g in _WEIGHTED_GRADES
        }
        self.weightPrefixes: dict[Grade, QLabel] = {g: QLabel() for g in _WEIGHTED_GRADES}
        weights = QWidget()
        weight_row = QHBoxLayout(weights)
        weight_row.setContentsMargins(0, 0, 0, 0)
        for grade in _WEIGHTED_GRADES:
            self.weightPrefixes[grade].setBuddy(self.weightSpins[grade])
            weight_row.addWidget(self.weightPrefixes[grade])
            weight_row.addWidget(self.weightSpins[grade])
        weight_row.addStretch(1)
        weights.setFocusProxy(self.weightSpins[Grade.EXCELLENT])
        self.monthsSpin = _spin(1, 60)
        self.fundingBox = QGroupBox()
        funding = QFormLayout(self.fundingBox)
        self.fundingLabel = self._row(funding, checks)
        self.fundingLabel.setBuddy(self.fundingChecks[Grade.EXCELLENT])
        self.budgetLabel = self._row(funding, self.budgetSpin)
        self.splitLabel = self._row(funding, self.splitCombo)
        self.weightsLabel = self._row(funding, weights)
        self.weightsLabel.setBuddy(self.weightSpins[Grade.EXCELLENT])
        self.monthsLabel = self._row(funding, self.monthsSpin)

        editors = QWidget()
        column = QVBoxLayout(editors)
        column.addWidget(self.scoreBox)
        column.addWidget(self.gradesBox)
        column.addWidget(self.fundingBox)
        column.addStretch(1)
        self.rulesScroll = QScrollArea()
        self.rulesScroll.setWidgetResizable(True)
        self.rulesScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rulesScroll.setWidget(editors)
        self.rulesScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._rule_editors = editors
        editors.installEventFilter(self)  # its size hint settles only once laid out, shown

        # What the rules being edited mean, in the words of the workspace's 规则 tab.
        self.meaningLabel = QLabel()
        self.meaning_model = RulesTableModel(self)
        self.meaningTable = QTableView()
        self.meaningTable.setModel(self.meaning_model)
        self.meaningTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.meaningTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.meaningTable.setWordWrap(True)
        self.meaningTable.verticalHeader().hide()
        self.meaningTable.setItemDelegate(WrappingItemDelegate(self.meaningTable))
        self.meaningTable.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a read-out, not a stop
        self.meaningTable.setMinimumWidth(420)
        header = self.meaningTable.horizontalHeader()
        header.setSectionResizeMode(RulesTableModel.RULE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(RulesTableModel.RULE, 150)  # long rule names wrap
        header.setSectionResizeMode(
            RulesTableModel.SETTING, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(RulesTableModel.MEANING, QHeaderView.ResizeMode.Stretch)
        spreadsheet(self.meaningTable, export_name=lambda: translate("SettingsDialog", "规则"))
        self.meaningTable.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        right = QVBoxLayout()
        right.addWidget(self.meaningLabel)
        right.addWidget(self.meaningTable, 1)

        self.restoreButton = QPushButton()
        self.restoreButton.clicked.connect(self.restore_rule_defaults)
        body = QHBoxLayout()
        body.addWidget(self.rulesScroll, 0)
        body.addLayout(right, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.restoreButton)
        bottom.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.rulesNote)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

        for spin in (
            self.trimSpin,
            self.minScoresSpin,
            self.decimalsSpin,
            self.vetoSpin,
            self.monthsSpin,
        ):
            spin.valueChanged.connect(self._rules_edited)
            spin.valueChanged.connect(partial(self._suffix_changed, spin))
        for dspin in (
            self.rangeSpin,
            self.medianSpin,
            self.excellentSpin,
            self.goodSpin,
            self.passSpin,
            self.quotaSpin,
            self.floorSpin,
            self.budgetSpin,
            *self.weightSpins.values(),
        ):
            dspin.valueChanged.connect(self._rules_edited)
        for combo in (self.policyCombo, self.floorGradeCombo, self.tieCombo, self.splitCombo):
            # Sized to their items from the start (not on first show), see _fit_rules_width.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._rules_edited)
        for check in self.fundingChecks.values():
            check.toggled.connect(self._rules_edited)
        return page

    def _suffix_changed(self, spin: QSpinBox, _value: int) -> None:
        if spin in self._suffixes:
            self._fit_suffix(spin)

    def _fit_suffix(self, spin: QSpinBox) -> None:
        """The unit after a count, singular or plural (1 month, 2 months)."""
        one, other = self._suffixes[spin]
        spin.setSuffix(one if spin.value() == 1 else other)

    @staticmethod
    def _row(form: QFormLayout, field: QWidget) -> QLabel:
        label = QLabel()
        label.setBuddy(field)
        form.addRow(label, field)
        return label

    # -------------------------------------------------------------------------- state

    @property
    def apply_button(self) -> QPushButton:
        return self.buttonBox.button(QDialogButtonBox.StandardButton.Apply)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def load(self, prefs: Preferences) -> None:
        """Show ``prefs`` in the form."""
        (self.enRadio if prefs.language == "en" else self.zhRadio).setChecked(True)
        self.backupFolder.edit.setText(prefs.backup_dir)
        self.backupCountSpin.setValue(prefs.backup_count)
        self.exportFolder.edit.setText(prefs.export_dir)
        self.show_rules(prefs.new_cycle_rules())

    def language(self) -> str:
        return "en" if self.enRadio.isChecked() else "zh"

    def show_rules(self, rules: RuleSettings) -> None:
        """Put ``rules`` in the rule editors."""
        # Settings without an editor here (funding places, unconfirmed vetoes) are kept.
        self._shown_rules = rules
        self._loading = True
        try:
            self._fill_combos(rules)
            self._select(self.policyCombo, rules.score_policy.value)
            self.trimSpin.setValue(rules.trim_min_n)
            self.rangeSpin.setValue(float(rules.disagreement_range))
            self.medianSpin.setValue(float(rules.disagreement_from_median))
            self.minScoresSpin.setValue(rules.min_valid_scores)
            self.decimalsSpin.setValue(rules.score_decimals)
            self.excellentSpin.setValue(float(rules.excellent_min))
            self.goodSpin.setValue(float(rules.good_min))
            self.passSpin.setValue(float(rules.pass_min))
            quota = rules.excellent_quota
            self.quotaSpin.setValue(0.0 if quota is None else float(quota * 100))
            self.floorSpin.setValue(float(rules.area_floor_pct or 0))
            self._select(self.floorGradeCombo, rules.area_floor_max_grade.value)
            self._select(self.tieCombo, rules.tie_break_area)
            self.vetoSpin.setValue(rules.veto_min_experts)
            for grade, check in self.fundingChecks.items():
                check.setChecked(grade in rules.funding_grades)
            self.budgetSpin.setValue(float(rules.funding_budget or 0))
            self._select(self.splitCombo, rules.budget_split.value)
            # Weights of other grades (only possible in a hand-edited file) are kept as they are.
            self._other_weights = {
                g: Decimal(w) for g, w in rules.tier_weights.items() if g not in _WEIGHTED_GRADES
            }
            standard = RuleSettings().tier_weights
            for grade, spin in self.weightSpins.items():
                spin.setValue(float(rules.tier_weights.get(grade, standard.get(grade, Decimal(0)))))
            self.monthsSpin.setValue(rules.rectification_months)
        finally:
            self._loading = False
        self._rules_edited()

    def _fill_combos(self, rules: RuleSettings) -> None:
        """(Re)word the choices of the combos, keeping what is chosen."""
        lang = current_language()
        policies = (
            (ScorePolicy.TRIMMED_MEAN, translate("RulesTableModel", "截尾平均分")),
            (ScorePolicy.MEDIAN, translate("RulesTableModel", "中位数")),
            (ScorePolicy.MEAN, translate("RulesTableModel", "平均分")),
        )
        self._refill(self.policyCombo, [(p.value, text) for p, text in policies])
        self._refill(self.floorGradeCombo, [(g.value, g.label.get(lang)) for g in GRADE_ORDER])
        areas = [(code, f"{code} {name}") for code, name in self._rubric_areas()]
        if rules.tie_break_area not in {code for code, _ in areas}:
            areas.append((rules.tie_break_area, rules.tie_break_area))
        self._refill(self.tieCombo, areas)
        self._refill(
            self.splitCombo,
            [
                (BudgetSplit.NONE.value, translate("SecretaryView", "不分配")),
                (BudgetSplit.EQUAL.value, translate("SecretaryView", "平均分配")),
                (BudgetSplit.BY_SCORE.value, translate("SecretaryView", "按得分比例")),
                (BudgetSplit.BY_TIER.value, translate("SecretaryView", "按等级档次")),
            ],
        )

    def _rubric(self) -> Rubric:
        """The shipped rubric (a new cycle's unless another file is chosen), for area names."""
        if self._default_rubric is None:
            from jlpanel.services.rubrics import default_rubric

            self._default_rubric = default_rubric()
        return self._default_rubric

    def _rubric_areas(self) -> list[tuple[str, str]]:
        lang = current_language()
        return [(a.code, a.name.get(lang)) for a in self._rubric().areas]

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        blocked = combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        if current is not None:
            combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(blocked)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def edited_rules(self) -> RuleSettings:
        """The rules the editors say; RulesError when they do not fit together."""
        # Spin boxes give floats; their repr is the decimal shown, taken exactly.
        quota = to_decimal(self.quotaSpin.value())
        floor = to_decimal(self.floorSpin.value())
        budget = to_decimal(self.budgetSpin.value())
        weights = dict(self._other_weights)
        weights.update({g: to_decimal(spin.value()) for g, spin in self.weightSpins.items()})
        return dataclasses.replace(
            self._shown_rules,
            score_policy=ScorePolicy(self.policyCombo.currentData()),
            trim_min_n=self.trimSpin.value(),
            disagreement_range=to_decimal(self.rangeSpin.value()),
            disagreement_from_median=to_decimal(self.medianSpin.value()),
            excellent_min=to_decimal(self.excellentSpin.value()),
            good_min=to_decimal(self.goodSpin.value()),
            pass_min=to_decimal(self.passSpin.value()),
            excellent_quota=quota / 100 if quota > 0 else None,
            area_floor_pct=floor if floor > 0 else None,
            area_floor_max_grade=Grade(self.floorGradeCombo.currentData()),
            tie_break_area=str(self.tieCombo.currentData()),
            veto_min_experts=self.vetoSpin.value(),
            funding_grades=tuple(g for g, c in self.fundingChecks.items() if c.isChecked()),
            funding_budget=budget if budget > 0 else None,
            budget_split=BudgetSplit(self.splitCombo.currentData()),
            tier_weights=weights,
            rectification_months=self.monthsSpin.value(),
            min_valid_scores=self.minScoresSpin.value(),
            score_decimals=self.decimalsSpin.value(),
        )

    def _rules_edited(self) -> None:
        if self._loading:
            return
        policy = self.policyCombo.currentData()
        self.trimSpin.setEnabled(policy == ScorePolicy.TRIMMED_MEAN.value)
        self.floorGradeCombo.setEnabled(self.floorSpin.value() > 0)
        has_budget = self.budgetSpin.value() > 0
        self.splitCombo.setEnabled(has_budget)
        by_tier = has_budget and self.splitCombo.currentData() == BudgetSplit.BY_TIER.value
        for spin in self.weightSpins.values():
            spin.setEnabled(by_tier)
        try:
            rules = self.edited_rules()
        except RulesError:
            return  # the thresholds are mid-edit; OK says what is wrong
        self.meaning_model.set_rules(rules, self._rubric())

    def restore_rule_defaults(self) -> None:
        """恢复默认: the provincial rules in the editors (saved with OK or 应用)."""
        self.show_rules(RuleSettings())

    def problem(self) -> tuple[str, QWidget] | None:
        """What is wrong with the form, in the user's language, and the field to fix."""
        if not self.passSpin.value() <= self.goodSpin.value() <= self.excellentSpin.value():
            return (
                translate("SettingsDialog", "等次分数线须满足：合格 ≤ 良好 ≤ 优秀。"),
                self.goodSpin,
            )
        for field, what in (
            (self.backupFolder, translate("SettingsDialog", "备份文件夹")),
            (self.exportFolder, translate("SettingsDialog", "默认导出文件夹")),
        ):
            text = field.text()
            if text and not Path(text).expanduser().is_absolute():
                return (
                    translate("SettingsDialog", "{what}须是完整的路径：{path}").format(
                        what=what, path=text
                    ),
                    field.edit,
                )
        return None

    def preferences(self) -> Preferences:
        """What the form says, as preferences; RulesError when the rules do not fit together."""
        return dataclasses.replace(
            self.saved,
            language=self.language(),
            backup_dir=str(Path(self.backupFolder.text()).expanduser())
            if self.backupFolder.text()
            else "",
            backup_count=self.backupCountSpin.value(),
            export_dir=str(Path(self.exportFolder.text()).expanduser())
            if self.exportFolder.text()
            else "",
            rule_defaults=rule_defaults_for(self.edited_rules()),
        )

    # ------------------------------------------------------------------------ saving

    def _refuse(self, message: str, field: QWidget | None) -> None:
        log.info("settings refused: %s", message)
        if field is not None:
            page: QWidget | None = field
            while page is not None and self.tabs.indexOf(page) < 0:
                page = page.parentWidget()
            if page is not None:
                self.tabs.setCurrentWidget(page)
            field.setFocus()
        QMessageBox.warning(self, translate("SettingsDialog", "设置"), message)

    def apply(self) -> bool:
        """Check and save the form, then apply it; False (nothing saved) on a problem."""
        problem = self.problem()
        if problem is not None:
            self._refuse(*problem)
            return False
        try:
            prefs = self.preferences()
        except RulesError as exc:
            message = translate("SettingsDialog", "新周期默认规则有误：") + "\n" + str(exc)
            self._refuse(message, None)
            return False
        for folder, field in (
            (prefs.backup_folder() if prefs.backup_dir else None, self.backupFolder.edit),
            (Path(prefs.export_dir) if prefs.export_dir else None, self.exportFolder.edit),
        ):
            if folder is None:
                continue
            try:
                check_writable_folder(folder)
            except UserError as exc:
                self._refuse(exc.message(current_language()), field)
                return False
        try:
            save_preferences(prefs)
        except OSError as exc:
            self._refuse(
                translate("SettingsDialog", "无法保存设置：\n{error}").format(error=exc), None
            )
            return False
        language_changed = prefs.language != current_language()
        self.saved = prefs
        log.info("preferences saved: %s", prefs)
        if language_changed:
            if self._set_language is not None:
                self._set_language(prefs.language)
            else:
                apply_language(prefs.language)
        self.applied.emit(prefs)
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()

    # ----------------------------------------------------------------------- language

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("SettingsDialog", "设置"))
        for page, text in (
            (self.LANGUAGE_PAGE, translate("SettingsDialog", "语言")),
            (self.BACKUP_PAGE, translate("SettingsDialog", "备份")),
            (self.EXPORT_PAGE, translate("SettingsDialog", "导出")),
            (self.RULES_PAGE, translate("SettingsDialog", "新周期默认规则")),
        ):
            self.tabs.setTabText(page, text)
        self.apply_button.setText(translate("SettingsDialog", "应用(&A)"))
        plain_buttons(self.buttonBox)

        self.languageLabel.setText(translate("SettingsDialog", "界面语言(&L)："))
        self.languageNote.setText(
            translate(
                "SettingsDialog",
                "按“确定”或“应用”后立即切换，命令行的提示也使用这种语言。",
            )
        )

        self.backupFolderLabel.setText(translate("SettingsDialog", "备份文件夹(&F)："))
        self.backupFolder.edit.setPlaceholderText(str(default_backup_folder()))
        self.backupFolder.browseButton.setText(translate("SettingsDialog", "浏览(&B)…"))
        self.backupFolder.title = translate("SettingsDialog", "选择备份文件夹")
        self.backupCountLabel.setText(translate("SettingsDialog", "每类备份保留(&K)："))
        self.backupNote.setText(
            translate(
                "SettingsDialog",
                "打开工作区、导入材料、导入专家名单、合并评分、确定结果和升级工作区之前，都会先把"
                "工作区备份到这个文件夹（每个考核周期一个子文件夹），并立即校验备份。每类备份各保留"
                "上面的份数，超过时删除该类最旧的一份；最新一份校验通过的备份始终保留。只查看结果、"
                "导出和生成报告时不备份。留空则使用上面灰色显示的默认文件夹。",
            )
        )

        self.exportFolderLabel.setText(translate("SettingsDialog", "默认导出文件夹(&E)："))
        self.exportFolder.edit.setPlaceholderText(translate("SettingsDialog", "工作区所在的文件夹"))
        self.exportFolder.browseButton.setText(translate("SettingsDialog", "浏览(&B)…"))
        self.exportFolder.title = translate("SettingsDialog", "选择默认导出文件夹")
        self.exportNote.setText(
            translate(
                "SettingsDialog",
                "生成评审报告和导出考核结果时，先打开这个文件夹；本次运行中选过别的文件夹后，"
                "改用最近一次选的。留空则使用工作区所在的文件夹。",
            )
        )

        self._retranslate_rules()

    def _retranslate_rules(self) -> None:
        lang = current_language()
        self.rulesNote.setText(
            translate(
                "SettingsDialog",
                "新建的考核周期工作区从这些规则开始（图形界面和 jlpanel new 都一样）。"
                "已有的工作区保留各自的规则，不受影响。",
            )
        )
        self.scoreBox.setTitle(translate("SettingsDialog", "平台得分"))
        self.gradesBox.setTitle(translate("SettingsDialog", "等次"))
        self.fundingBox.setTitle(translate("SettingsDialog", "后补助与整改"))
        self.policyLabel.setText(translate("SettingsDialog", "计分方法(&M)："))
        self.trimLabel.setText(translate("SettingsDialog", "截尾起始人数(&T)："))
        experts = (
            translate("SettingsDialog", " 位专家", "one"),
            translate("SettingsDialog", " 位专家", "other"),
        )
        self._suffixes = {
            self.trimSpin: experts,
            self.vetoSpin: experts,
            self.minScoresSpin: (
                translate("SettingsDialog", " 份", "one"),
                translate("SettingsDialog", " 份", "other"),
            ),
            self.decimalsSpin: (
                translate("SettingsDialog", " 位", "one"),
                translate("SettingsDialog", " 位", "other"),
            ),
            self.monthsSpin: (
                translate("SettingsDialog", " 个月", "one"),
                translate("SettingsDialog", " 个月", "other"),
            ),
            self.backupCountSpin: (
                translate("SettingsDialog", " 份备份", "one"),
                translate("SettingsDialog", " 份备份", "other"),
            ),
        }
        for counter in self._suffixes:
            self._fit_suffix(counter)
        self.rangeLabel.setText(translate("SettingsDialog", "分歧提示：总分极差 >(&J)"))
        self.medianLabel.setText(translate("SettingsDialog", "分歧提示：偏离中位数 >(&Z)"))
        points = translate("SettingsDialog", " 分")
        for spin in (
            self.rangeSpin,
            self.medianSpin,
            self.excellentSpin,
            self.goodSpin,
            self.passSpin,
        ):
            spin.setSuffix(points)
        self.minScoresLabel.setText(translate("SettingsDialog", "最少有效评分(&V)："))
        self.decimalsLabel.setText(translate("SettingsDialog", "得分小数位(&X)："))

        at_least = translate("SettingsDialog", "{grade} ≥")
        self.excellentLabel.setText(at_least.format(grade=Grade.EXCELLENT.label.get(lang)))
        self.goodLabel.setText(at_least.format(grade=Grade.GOOD.label.get(lang)))
        self.passLabel.setText(at_least.format(grade=Grade.PASS.label.get(lang)))
        self.quotaLabel.setText(translate("SettingsDialog", "优秀比例上限(&Q)："))
        self.quotaSpin.setSuffix(" %")
        self.quotaSpin.setSpecialValueText(translate("SettingsDialog", "不限"))
        self.floorLabel.setText(translate("SettingsDialog", "分区下限(&F)："))
        self.floorSpin.setSuffix(translate("SettingsDialog", " % 满分"))
        self.floorSpin.setSpecialValueText(translate("RulesTableModel", "无"))
        self.floorGradeLabel.setText(translate("SettingsDialog", "未达分区下限时最高(&G)："))
        self.tieLabel.setText(translate("SettingsDialog", "同分时按此分区排序(&S)："))
        self.vetoLabel.setText(translate("SettingsDialog", "一票否决成立人数(&O)："))

        self.fundingLabel.setText(translate("SettingsDialog", "后补助候选(&C)："))
        for grade, check in self.fundingChecks.items():
            check.setText(grade.label.get(lang))
        self.budgetLabel.setText(translate("SettingsDialog", "后补助预算(&U)："))
        self.budgetSpin.setSuffix(translate("SettingsDialog", " 万元"))
        self.budgetSpin.setSpecialValueText(translate("RulesTableModel", "无"))
        self.splitLabel.setText(translate("SettingsDialog", "分配方式(&W)："))
        self.weightsLabel.setText(translate("SettingsDialog", "档次权重(&I)："))
        for grade, prefix in self.weightPrefixes.items():
            prefix.setText(f"{grade.label.get(lang)} ×")
        self.monthsLabel.setText(translate("SettingsDialog", "整改期限(&N)："))

        self.meaningLabel.setText(translate("SettingsDialog", "这些规则的含义："))
        self.restoreButton.setText(translate("SettingsDialog", "恢复默认(&R)"))
        self.restoreButton.setToolTip(
            translate("SettingsDialog", "把新周期默认规则恢复为省里的默认规则")
        )
        try:
            rules = self.edited_rules()
        except RulesError:
            rules = None
        if rules is not None:
            self._loading = True
            self._fill_combos(rules)
            self._loading = False
        self.meaning_model.retranslate()
        self._fit_rules_width()

    def _fit_rules_width(self) -> None:
        """As wide as the rule editors need in this language, so none is cut off; their sizes
        settle when the page is laid out for showing, hence also the event filter."""
        if not shiboken6.isValid(self.rulesScroll):
            return  # a layout request on the way out
        editors = self.rulesScroll.widget()
        if editors is None:
            return
        scrollbar = self.rulesScroll.verticalScrollBar().sizeHint().width()
        self.rulesScroll.setMinimumWidth(editors.sizeHint().width() + scrollbar + 4)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self._rule_editors:
            QTimer.singleShot(0, self, self._fit_rules_width)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "restoreButton"):
            self._retranslate()
        super().changeEvent(event)
