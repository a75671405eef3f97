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
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionViewItem,
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
from jlpanel.gui.forms.ui_settings_dialog import Ui_SettingsDialog
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


class RuleAndSettingDelegate(WrappingItemDelegate):
    """A cell of the rule's name over its setting (the text after its first line break), the
    setting in bold so it does not read as more of the name; both wrap to the cell's width."""

    FLAGS = int(Qt.TextFlag.TextWordWrap)

    @staticmethod
    def parts(text: str, font: QFont) -> tuple[tuple[str, QFont], tuple[str, QFont]]:
        """(rule, its font), (setting, its font)."""
        # the style option has the line break as U+2028, the model as \n
        rule, _, setting = text.replace("\u2028", "\n").partition("\n")
        bold = QFont(font)
        bold.setBold(True)
        return (rule, font), (setting, bold)

    @staticmethod
    def inset(widget: QWidget | None) -> int:
        """Room left and right of the text inside the cell."""
        style = widget.style() if widget is not None else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget)
        return WrappingItemDelegate.PAD_X + margin + 1

    def _heights(self, text: str, font: QFont, width: int) -> list[tuple[str, QFont, int]]:
        return [
            (
                part,
                part_font,
                QFontMetrics(part_font)
                .boundingRect(QRect(0, 0, width, 100_000), self.FLAGS, part)
                .height(),
            )
            for part, part_font in self.parts(text, font)
            if part
        ]

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = max(option.rect.width() - 2 * self.inset(option.widget), 10)
        lines = self._heights(str(index.data() or ""), option.font, width)
        return QSize(
            super().sizeHint(option, index).width(),
            sum(h for _, _, h in lines) + 2 * self.PAD_Y,
        )

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        inset = self.inset(widget)
        rect = opt.rect.adjusted(inset, self.PAD_Y, -inset, -self.PAD_Y)
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setPen(opt.palette.color(role))
        top = rect.top()
        for part, font, height in self._heights(text, opt.font, rect.width()):
            painter.setFont(font)
            painter.drawText(QRect(rect.left(), top, rect.width(), height), self.FLAGS, part)
            top += height
        painter.restore()


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
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        # The windows' own language switch (menus ticked, status bar said), when there is one.
        self._set_language = set_language
        self.saved = load_preferences()
        self._loading = False
        self._suffixes: dict[QSpinBox, tuple[str, str]] = {}
        self._default_rubric: Rubric | None = None
        #: Funding weights of grades the form has no editor for, kept as they were.
        self._other_weights: dict[Grade, Decimal] = {}
        self._shown_rules = RuleSettings()

        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply)

        # ---- backups and export: each folder an edit (empty = the default, shown as its
        # placeholder) and 浏览…
        for field, edit, browse in (
            (ui.backupFolder, ui.backupFolderEdit, ui.backupBrowseButton),
            (ui.exportFolder, ui.exportFolderEdit, ui.exportBrowseButton),
        ):
            field.setFocusProxy(edit)
            browse.setIcon(icon("folder-open"))
            browse.clicked.connect(partial(self._browse, edit))
        ui.backupCountSpin.setRange(*BACKUP_COUNT_RANGE)
        ui.backupCountSpin.valueChanged.connect(partial(self._suffix_changed, ui.backupCountSpin))
        for note in (ui.languageNote, ui.backupNote, ui.exportNote, ui.rulesNote):
            set_muted(note)

        # ---- the rules: the editors of one grade each, by grade
        self.fundingChecks: dict[Grade, QCheckBox] = dict(
            zip(
                GRADE_ORDER,
                (
                    ui.fundingExcellentCheck,
                    ui.fundingGoodCheck,
                    ui.fundingPassCheck,
                    ui.fundingFailCheck,
                ),
                strict=True,
            )
        )
        self.weightSpins: dict[Grade, QDoubleSpinBox] = {
            Grade.EXCELLENT: ui.weightExcellentSpin,
            Grade.GOOD: ui.weightGoodSpin,
        }
        self.weightPrefixes: dict[Grade, QLabel] = {
            Grade.EXCELLENT: ui.weightExcellentLabel,
            Grade.GOOD: ui.weightGoodLabel,
        }
        ui.fundingRow.setFocusProxy(ui.fundingExcellentCheck)
        ui.weightsRow.setFocusProxy(ui.weightExcellentSpin)
        self._rule_editors = ui.rulesEditors
        ui.rulesEditors.installEventFilter(self)  # its size hint settles only once laid out, shown

        # What the rules being edited mean, in the words of the workspace's 规则 tab.
        # Beside the editors the table is narrow (at 150 % or in English): the setting goes on
        # a line under the rule's name, so the explanation keeps the width (it wraps, whole).
        self.meaning_model = RulesTableModel(self, setting_under_rule=True)
        ui.meaningTable.setModel(self.meaning_model)
        ui.meaningTable.setItemDelegate(WrappingItemDelegate(ui.meaningTable))
        ui.meaningTable.setItemDelegateForColumn(0, RuleAndSettingDelegate(ui.meaningTable))
        ui.meaningTable.viewport().installEventFilter(self)  # the rule column follows its width
        header = ui.meaningTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(
            self.meaning_model.meaning_column(), QHeaderView.ResizeMode.Stretch
        )
        spreadsheet(ui.meaningTable, export_name=lambda: translate("SettingsDialog", "规则"))
        ui.meaningTable.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        ui.restoreButton.clicked.connect(self.restore_rule_defaults)

        for spin in (
            ui.trimSpin,
            ui.minScoresSpin,
            ui.decimalsSpin,
            ui.vetoSpin,
            ui.monthsSpin,
        ):
            spin.valueChanged.connect(self._rules_edited)
            spin.valueChanged.connect(partial(self._suffix_changed, spin))
        for dspin in (
            ui.rangeSpin,
            ui.medianSpin,
            ui.excellentSpin,
            ui.goodSpin,
            ui.passSpin,
            ui.quotaSpin,
            ui.floorSpin,
            ui.budgetSpin,
            *self.weightSpins.values(),
        ):
            dspin.valueChanged.connect(self._rules_edited)
        for combo in (ui.policyCombo, ui.floorGradeCombo, ui.tieCombo, ui.splitCombo):
            # Sized to their items from the start (the form says so), see _fit_rules_width.
            combo.currentIndexChanged.connect(self._rules_edited)
        for check in self.fundingChecks.values():
            check.toggled.connect(self._rules_edited)

        self.load(self.saved)
        self._retranslate()
        # Room for the rules page (editors beside their meanings), no more: the other pages
        # are short, and a dialog filling a 1366×768 screen looks like a second window.
        screen = self.screen().availableGeometry()
        self.resize(min(1000, int(screen.width() * 0.9)), min(620, int(screen.height() * 0.85)))

    def _browse(self, edit: QLineEdit) -> None:
        """浏览…: choose the folder, starting from the one typed or the default."""
        title = (
            translate("SettingsDialog", "选择备份文件夹")
            if edit is self.ui.backupFolderEdit
            else translate("SettingsDialog", "选择默认导出文件夹")
        )
        start = edit.text().strip() or edit.placeholderText()
        chosen = QFileDialog.getExistingDirectory(self, title, start)
        if chosen:
            edit.setText(str(Path(chosen)))

    def _suffix_changed(self, spin: QSpinBox, _value: int) -> None:
        if spin in self._suffixes:
            self._fit_suffix(spin)

    def _fit_suffix(self, spin: QSpinBox) -> None:
        """The unit after a count, singular or plural (1 month, 2 months)."""
        one, other = self._suffixes[spin]
        spin.setSuffix(one if spin.value() == 1 else other)

    # -------------------------------------------------------------------------- state

    @property
    def apply_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Apply)

    @property
    def ok_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def load(self, prefs: Preferences) -> None:
        """Show ``prefs`` in the form."""
        (self.ui.enRadio if prefs.language == "en" else self.ui.zhRadio).setChecked(True)
        self.ui.backupFolderEdit.setText(prefs.backup_dir)
        self.ui.backupCountSpin.setValue(prefs.backup_count)
        self.ui.exportFolderEdit.setText(prefs.export_dir)
        self.show_rules(prefs.new_cycle_rules())

    def language(self) -> str:
        return "en" if self.ui.enRadio.isChecked() else "zh"

    def show_rules(self, rules: RuleSettings) -> None:
        """Put ``rules`` in the rule editors."""
        # Settings without an editor here (funding places, unconfirmed vetoes) are kept.
        self._shown_rules = rules
        self._loading = True
        try:
            self._fill_combos(rules)
            self._select(self.ui.policyCombo, rules.score_policy.value)
            self.ui.trimSpin.setValue(rules.trim_min_n)
            self.ui.rangeSpin.setValue(float(rules.disagreement_range))
            self.ui.medianSpin.setValue(float(rules.disagreement_from_median))
            self.ui.minScoresSpin.setValue(rules.min_valid_scores)
            self.ui.decimalsSpin.setValue(rules.score_decimals)
            self.ui.excellentSpin.setValue(float(rules.excellent_min))
            self.ui.goodSpin.setValue(float(rules.good_min))
            self.ui.passSpin.setValue(float(rules.pass_min))
            quota = rules.excellent_quota
            self.ui.quotaSpin.setValue(0.0 if quota is None else float(quota * 100))
            self.ui.floorSpin.setValue(float(rules.area_floor_pct or 0))
            self._select(self.ui.floorGradeCombo, rules.area_floor_max_grade.value)
            self._select(self.ui.tieCombo, rules.tie_break_area)
            self.ui.vetoSpin.setValue(rules.veto_min_experts)
            for grade, check in self.fundingChecks.items():
                check.setChecked(grade in rules.funding_grades)
            self.ui.budgetSpin.setValue(float(rules.funding_budget or 0))
            self._select(self.ui.splitCombo, rules.budget_split.value)
            # Weights of other grades (only possible in a hand-edited file) are kept as they are.
            self._other_weights = {
                g: Decimal(w) for g, w in rules.tier_weights.items() if g not in _WEIGHTED_GRADES
            }
            standard = RuleSettings().tier_weights
            for grade, spin in self.weightSpins.items():
                spin.setValue(float(rules.tier_weights.get(grade, standard.get(grade, Decimal(0)))))
            self.ui.monthsSpin.setValue(rules.rectification_months)
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
        self._refill(self.ui.policyCombo, [(p.value, text) for p, text in policies])
        self._refill(self.ui.floorGradeCombo, [(g.value, g.label.get(lang)) for g in GRADE_ORDER])
        areas = [(code, f"{code} {name}") for code, name in self._rubric_areas()]
        if rules.tie_break_area not in {code for code, _ in areas}:
            areas.append((rules.tie_break_area, rules.tie_break_area))
        self._refill(self.ui.tieCombo, areas)
        self._refill(
            self.ui.splitCombo,
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
        quota = to_decimal(self.ui.quotaSpin.value())
        floor = to_decimal(self.ui.floorSpin.value())
        budget = to_decimal(self.ui.budgetSpin.value())
        weights = dict(self._other_weights)
        weights.update({g: to_decimal(spin.value()) for g, spin in self.weightSpins.items()})
        return dataclasses.replace(
            self._shown_rules,
            score_policy=ScorePolicy(self.ui.policyCombo.currentData()),
            trim_min_n=self.ui.trimSpin.value(),
            disagreement_range=to_decimal(self.ui.rangeSpin.value()),
            disagreement_from_median=to_decimal(self.ui.medianSpin.value()),
            excellent_min=to_decimal(self.ui.excellentSpin.value()),
            good_min=to_decimal(self.ui.goodSpin.value()),
            pass_min=to_decimal(self.ui.passSpin.value()),
            excellent_quota=quota / 100 if quota > 0 else None,
            area_floor_pct=floor if floor > 0 else None,
            area_floor_max_grade=Grade(self.ui.floorGradeCombo.currentData()),
            tie_break_area=str(self.ui.tieCombo.currentData()),
            veto_min_experts=self.ui.vetoSpin.value(),
            funding_grades=tuple(g for g, c in self.fundingChecks.items() if c.isChecked()),
            funding_budget=budget if budget > 0 else None,
            budget_split=BudgetSplit(self.ui.splitCombo.currentData()),
            tier_weights=weights,
            rectification_months=self.ui.monthsSpin.value(),
            min_valid_scores=self.ui.minScoresSpin.value(),
            score_decimals=self.ui.decimalsSpin.value(),
        )

    def _rules_edited(self) -> None:
        if self._loading:
            return
        policy = self.ui.policyCombo.currentData()
        self.ui.trimSpin.setEnabled(policy == ScorePolicy.TRIMMED_MEAN.value)
        self.ui.floorGradeCombo.setEnabled(self.ui.floorSpin.value() > 0)
        has_budget = self.ui.budgetSpin.value() > 0
        self.ui.splitCombo.setEnabled(has_budget)
        by_tier = has_budget and self.ui.splitCombo.currentData() == BudgetSplit.BY_TIER.value
        for spin in self.weightSpins.values():
            spin.setEnabled(by_tier)
        try:
            rules = self.edited_rules()
        except RulesError:
            return  # the thresholds are mid-edit; OK says what is wrong
        self.meaning_model.set_rules(rules, self._rubric())
        self._fit_meaning_columns()

    def restore_rule_defaults(self) -> None:
        """恢复默认: the provincial rules in the editors (saved with OK or 应用)."""
        self.show_rules(RuleSettings())

    def problem(self) -> tuple[str, QWidget] | None:
        """What is wrong with the form, in the user's language, and the field to fix."""
        ui = self.ui
        if not ui.passSpin.value() <= ui.goodSpin.value() <= ui.excellentSpin.value():
            return (
                translate("SettingsDialog", "等次分数线须满足：合格 ≤ 良好 ≤ 优秀。"),
                ui.goodSpin,
            )
        for edit, what in (
            (ui.backupFolderEdit, translate("SettingsDialog", "备份文件夹")),
            (ui.exportFolderEdit, translate("SettingsDialog", "默认导出文件夹")),
        ):
            text = edit.text().strip()
            if text and not Path(text).expanduser().is_absolute():
                return (
                    translate("SettingsDialog", "{what}须是完整的路径：{path}").format(
                        what=what, path=text
                    ),
                    edit,
                )
        return None

    def preferences(self) -> Preferences:
        """What the form says, as preferences; RulesError when the rules do not fit together."""
        backup = self.ui.backupFolderEdit.text().strip()
        export = self.ui.exportFolderEdit.text().strip()
        return dataclasses.replace(
            self.saved,
            language=self.language(),
            backup_dir=str(Path(backup).expanduser()) if backup else "",
            backup_count=self.ui.backupCountSpin.value(),
            export_dir=str(Path(export).expanduser()) if export else "",
            rule_defaults=rule_defaults_for(self.edited_rules()),
        )

    # ------------------------------------------------------------------------ saving

    def _refuse(self, message: str, field: QWidget | None) -> None:
        log.info("settings refused: %s", message)
        if field is not None:
            page: QWidget | None = field
            while page is not None and self.ui.tabs.indexOf(page) < 0:
                page = page.parentWidget()
            if page is not None:
                self.ui.tabs.setCurrentWidget(page)
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
            (prefs.backup_folder() if prefs.backup_dir else None, self.ui.backupFolderEdit),
            (Path(prefs.export_dir) if prefs.export_dir else None, self.ui.exportFolderEdit),
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
        """The texts the form does not hold: the 应用 button, the folder fields, the units
        and the words that come from the grades and the rubric."""
        lang = current_language()
        self.apply_button.setText(translate("SettingsDialog", "应用(&A)"))
        plain_buttons(self.ui.buttonBox)

        self.ui.backupFolderEdit.setPlaceholderText(str(default_backup_folder()))

        experts = (
            translate("SettingsDialog", " 位专家", "one"),
            translate("SettingsDialog", " 位专家", "other"),
        )
        self._suffixes = {
            self.ui.trimSpin: experts,
            self.ui.vetoSpin: experts,
            self.ui.minScoresSpin: (
                translate("SettingsDialog", " 份", "one"),
                translate("SettingsDialog", " 份", "other"),
            ),
            self.ui.decimalsSpin: (
                translate("SettingsDialog", " 位", "one"),
                translate("SettingsDialog", " 位", "other"),
            ),
            self.ui.monthsSpin: (
                translate("SettingsDialog", " 个月", "one"),
                translate("SettingsDialog", " 个月", "other"),
            ),
            self.ui.backupCountSpin: (
                translate("SettingsDialog", " 份备份", "one"),
                translate("SettingsDialog", " 份备份", "other"),
            ),
        }
        for counter in self._suffixes:
            self._fit_suffix(counter)
        points = translate("SettingsDialog", " 分")
        for spin in (
            self.ui.rangeSpin,
            self.ui.medianSpin,
            self.ui.excellentSpin,
            self.ui.goodSpin,
            self.ui.passSpin,
        ):
            spin.setSuffix(points)

        at_least = translate("SettingsDialog", "{grade} ≥")
        self.ui.excellentLabel.setText(at_least.format(grade=Grade.EXCELLENT.label.get(lang)))
        self.ui.goodLabel.setText(at_least.format(grade=Grade.GOOD.label.get(lang)))
        self.ui.passLabel.setText(at_least.format(grade=Grade.PASS.label.get(lang)))
        self.ui.quotaSpin.setSuffix(" %")
        self.ui.quotaSpin.setSpecialValueText(translate("SettingsDialog", "不限"))
        self.ui.floorSpin.setSuffix(translate("SettingsDialog", " % 满分"))
        self.ui.floorSpin.setSpecialValueText(translate("RulesTableModel", "无"))
        for grade, check in self.fundingChecks.items():
            check.setText(grade.label.get(lang))
        self.ui.budgetSpin.setSuffix(translate("SettingsDialog", " 万元"))
        self.ui.budgetSpin.setSpecialValueText(translate("RulesTableModel", "无"))
        for grade, prefix in self.weightPrefixes.items():
            prefix.setText(f"{grade.label.get(lang)} ×")

        try:
            rules = self.edited_rules()
        except RulesError:
            rules = None
        if rules is not None:
            self._loading = True
            self._fill_combos(rules)
            self._loading = False
        self.meaning_model.retranslate()
        self._fit_meaning_columns()
        self._fit_rules_width()

    def _fit_meaning_columns(self) -> None:
        """The rule column: a third of the table, so each rule's name fits on a line when there
        is room, but no wider than the longest, nor narrower than its longest word (no word is
        cut) or six characters; the explanations have the rest."""
        table = self.ui.meaningTable
        if not shiboken6.isValid(table):
            return
        font = table.font()
        padding = 2 * RuleAndSettingDelegate.inset(table) + 2
        words, lines = [0], [0]
        for row in self.meaning_model.rows():
            for part, part_font in RuleAndSettingDelegate.parts(f"{row.rule}\n{row.setting}", font):
                metrics = QFontMetrics(part_font)
                words += [metrics.horizontalAdvance(w) for w in part.split()]
                lines.append(metrics.horizontalAdvance(part))
        wide = QFontMetrics(font).horizontalAdvance("吉")
        # a Chinese name is one "word" but wraps anywhere: nine characters are enough
        least = max(min(max(words), wide * 9) + padding, wide * 6)
        width = max(least, min(table.viewport().width() // 3, max(lines) + padding))
        if table.columnWidth(0) != width:
            table.horizontalHeader().resizeSection(0, width)

    def _fit_rules_width(self) -> None:
        """As wide as the rule editors need in this language, so none is cut off; their sizes
        settle when the page is laid out for showing, hence also the event filter."""
        if not shiboken6.isValid(self.ui.rulesScroll):
            return  # a layout request on the way out
        editors = self.ui.rulesScroll.widget()
        if editors is None:
            return
        scrollbar = self.ui.rulesScroll.verticalScrollBar().sizeHint().width()
        self.ui.rulesScroll.setMinimumWidth(editors.sizeHint().width() + scrollbar + 4)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self._rule_editors:
            QTimer.singleShot(0, self, self._fit_rules_width)
        elif event.type() == QEvent.Type.Resize and watched is self.ui.meaningTable.viewport():
            QTimer.singleShot(0, self, self._fit_meaning_columns)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "meaning_model"):
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self._retranslate()
        super().changeEvent(event)
