"""录入纸质评分表: the secretary types in one expert's paper sheet for one platform.

The form is laid out on the rubric's grid: a spin box per indicator (its maximum and step from
the rubric, "—" until scored) with a multi-line comment, the vetoes with their reasons, the
bonus items, the overall comment and who entered the sheet. Saving goes through
``services.paper.enter_paper_scores``, the service ``jlpanel paper`` uses, so the same rules
apply, the sheet is stored with provenance ``paper`` and the change is audited. A problem is
shown next to the field it belongs to, in the user's language.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jlpanel.domain.exact import to_decimal
from jlpanel.domain.scoresheet import ProblemKind, Provenance, ScoreSheet, validate_sheet
from jlpanel.gui.common.crash import show_user_error
from jlpanel.gui.common.formatting import points as points_text
from jlpanel.gui.common.geometry import resize_to_fit
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.theme import WARN, plain_buttons, scaled_font, set_muted
from jlpanel.services.errors import UserError

if TYPE_CHECKING:
    from jlpanel.domain.dossier import Finding
    from jlpanel.domain.rubric import Rubric
    from jlpanel.services.paper import PaperExpertChoice, PaperPlatformChoice
    from jlpanel.services.workspace import Workspace

#: The colour of a problem shown beside its field.


def _decimals(step: Decimal) -> int:
    exponent = step.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _comment_box(placeholder: str, height: int = 44) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)  # Tab goes on to the next field, as on a paper form
    edit.setFixedHeight(height)
    return edit


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {WARN};")
    label.hide()
    return label


class PointsBox(QDoubleSpinBox):
    """Points on a grid: 0 to ``maximum`` by ``step``; "—" (one step below 0) is not scored."""

    def __init__(self, maximum: Decimal, step: Decimal, *, optional: bool = True) -> None:
        super().__init__()
        self.step = step
        self.optional = optional
        self.setDecimals(_decimals(step))
        self.setSingleStep(float(step))
        self.setRange(-float(step) if optional else 0.0, float(maximum))
        if optional:
            self.setSpecialValueText("—")
            self.setValue(self.minimum())
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(90)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter goes on to the next field, as on the expert's desk; it must not save the
        # half-typed sheet through the dialog's default button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.interpretText()
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def points(self) -> Decimal | None:
        """The exact points shown, or None when not scored."""
        if self.optional and self.value() <= self.minimum():
            return None
        return to_decimal(round(self.value(), self.decimals()))

    def clear_points(self) -> None:
        self.setValue(self.minimum())


class PaperEntryDialog(QDialog):
    """One expert's paper sheet for one platform, typed in and stored as ``paper``."""

    #: The sheet was stored: (expert name, platform name).
    entered = Signal(str, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from jlpanel.services.paper import paper_choices
        from jlpanel.services.workspace import current_actor

        self.workspace = workspace
        self.rubric: Rubric = workspace.cycle_info().rubric
        self.choices: list[PaperExpertChoice] = paper_choices(workspace)
        self.setWindowTitle(translate("PaperDialog", "录入纸质评分表"))

        self.noteLabel = QLabel(
            translate(
                "PaperDialog",
                "按专家交回的纸质评分表逐项录入。只能选择分配给该专家且无需回避的平台；"
                "保存后评分标为“纸质录入”，并记入审计日志。",
            )
        )
        self.noteLabel.setWordWrap(True)
        set_muted(self.noteLabel)
        self.expertCombo = QComboBox()
        self.platformCombo = QComboBox()
        self.platformCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.enteredLabel = QLabel()
        self.enteredLabel.setWordWrap(True)
        self.replaceCheck = QCheckBox(translate("PaperDialog", "替换已录入的纸质评分(&R)"))
        self.conflictCheck = QCheckBox(
            translate("PaperDialog", "专家在纸质表上声明回避，不评分(&D)")
        )
        self.conflictReason = _comment_box(translate("PaperDialog", "回避理由（必填）"))
        self.conflictReason.hide()  # shown while the conflict is ticked
        self.conflictError = _error_label()
        self.enteredByEdit = QLineEdit(current_actor())
        self.enteredByEdit.setMaxLength(100)
        self.enteredByError = _error_label()
        top = QFormLayout()
        top.addRow(translate("PaperDialog", "专家(&E)："), self.expertCombo)
        top.addRow(translate("PaperDialog", "平台(&P)："), self.platformCombo)
        top.addRow("", self.enteredLabel)
        top.addRow("", self.replaceCheck)
        top.addRow("", self.conflictCheck)
        top.addRow("", self.conflictReason)
        top.addRow("", self.conflictError)

        self.pointBoxes: dict[str, PointsBox] = {}
        self.commentEdits: dict[str, QPlainTextEdit] = {}
        self.vetoChecks: dict[str, QCheckBox] = {}
        self.vetoReasons: dict[str, QPlainTextEdit] = {}
        self.bonusBoxes: dict[str, PointsBox] = {}
        #: Field code (indicator, veto or bonus item) → the label beside it for its problem.
        self.errorLabels: dict[str, QLabel] = {}
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setColumnStretch(3, 1)
        self._build_grid(grid)

        self.overallEdit = _comment_box(translate("PaperDialog", "专家的总体评价意见"), 72)
        self.overallEdit.setObjectName("overallEdit")
        overall_row = grid.rowCount()
        grid.addWidget(QLabel(translate("PaperDialog", "总体评价(&O)：")), overall_row, 0, 1, 2)
        grid.addWidget(self.overallEdit, overall_row, 2, 1, 2)

        scroll = QScrollArea()
        scroll.setWidget(grid_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        # A declared conflict is not scored: the sheet's grid is off while it is ticked.
        self.conflictCheck.toggled.connect(self.conflictReason.setVisible)
        self.conflictCheck.toggled.connect(lambda on: grid_widget.setEnabled(not on))

        bottom = QFormLayout()
        bottom.addRow(translate("PaperDialog", "录入人(&W)："), self.enteredByEdit)
        bottom.addRow("", self.enteredByError)
        self.messageLabel = _error_label()
        self.savedLabel = QLabel()
        self.savedLabel.setWordWrap(True)
        self.savedLabel.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        plain_buttons(self.buttons)
        self.saveButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.saveButton.setText(translate("PaperDialog", "保存(&S)"))
        self.saveButton.setToolTip(translate("PaperDialog", "保存这张纸质评分表 (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("PaperDialog", "关闭")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.activated.connect(self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.noteLabel)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.messageLabel)
        layout.addWidget(self.savedLabel)
        layout.addWidget(self.buttons)

        for choice in self.choices:
            self.expertCombo.addItem(choice.name, choice.id)
        self.expertCombo.currentIndexChanged.connect(self._on_expert)
        self.platformCombo.currentIndexChanged.connect(self._on_platform)
        self._on_expert()
        resize_to_fit(self, 920, 720)

    # ------------------------------------------------------------------ building

    def _build_grid(self, grid: QGridLayout) -> None:
        row = 0
        for area in self.rubric.areas:
            heading = QLabel(
                translate("PaperDialog", "{name}（满分 {max}）").format(
                    name=area.name.get(current_language()), max=points_text(area.max_points)
                )
            )
            heading.setFont(scaled_font(heading, 1.05, bold=True))
            grid.addWidget(heading, row, 0, 1, 4)
            row += 1
            for ind in area.indicators:
                name = QLabel(f"{ind.code}  {ind.name.get(current_language())}")
                name.setWordWrap(True)
                box = PointsBox(ind.max_points, ind.step)
                box.setObjectName(f"points_{ind.code}")
                box.setToolTip(
                    translate("PaperDialog", "满分 {max}，以 {step} 分为单位；“—”表示未评").format(
                        max=points_text(ind.max_points), step=points_text(ind.step)
                    )
                )
                name.setBuddy(box)
                hint = QLabel(
                    translate("PaperDialog", "/ {max}").format(max=points_text(ind.max_points))
                )
                set_muted(hint)
                comment = _comment_box(translate("PaperDialog", "评语（得分偏低时必填）"))
                error = _error_label()
                grid.addWidget(name, row, 0)
                grid.addWidget(box, row, 1)
                grid.addWidget(hint, row, 2)
                grid.addWidget(comment, row, 3)
                grid.addWidget(error, row + 1, 1, 1, 3)
                box.valueChanged.connect(self._check_live)
                self.pointBoxes[ind.code] = box
                self.commentEdits[ind.code] = comment
                self.errorLabels[ind.code] = error
                row += 2
        if self.rubric.vetoes:
            heading = QLabel(translate("PaperDialog", "一票否决（认定时勾选并写明理由）"))
            heading.setFont(scaled_font(heading, 1.05, bold=True))
            grid.addWidget(heading, row, 0, 1, 4)
            row += 1
            for veto in self.rubric.vetoes:
                check = QCheckBox(veto.name.get(current_language()))
                check.setToolTip(veto.description.get(current_language()))
                reason = _comment_box(translate("PaperDialog", "否决理由"))
                reason.setEnabled(False)
                check.toggled.connect(reason.setEnabled)
                check.toggled.connect(self._check_live)
                error = _error_label()
                grid.addWidget(check, row, 0, 1, 3)
                grid.addWidget(reason, row, 3)
                grid.addWidget(error, row + 1, 1, 1, 3)
                self.vetoChecks[veto.code] = check
                self.vetoReasons[veto.code] = reason
                self.errorLabels[veto.code] = error
                row += 2
        if self.rubric.bonus_items:
            heading = QLabel(
                translate("PaperDialog", "加分项（合计不超过 {cap} 分，可不填）").format(
                    cap=points_text(self.rubric.bonus_cap)
                )
            )
            heading.setFont(scaled_font(heading, 1.05, bold=True))
            grid.addWidget(heading, row, 0, 1, 4)
            row += 1
            for item in self.rubric.bonus_items:
                name = QLabel(item.name.get(current_language()))
                name.setWordWrap(True)
                name.setToolTip(item.description.get(current_language()))
                box = PointsBox(item.max_points, item.step)
                box.setObjectName(f"bonus_{item.code}")
                name.setBuddy(box)
                hint = QLabel(
                    translate("PaperDialog", "/ {max}").format(max=points_text(item.max_points))
                )
                set_muted(hint)
                error = _error_label()
                grid.addWidget(name, row, 0)
                grid.addWidget(box, row, 1)
                grid.addWidget(hint, row, 2)
                grid.addWidget(error, row + 1, 1, 1, 3)
                box.valueChanged.connect(self._check_live)
                self.bonusBoxes[item.code] = box
                self.errorLabels[item.code] = error
                row += 2

    # ------------------------------------------------------------------ choosing

    def expert(self) -> PaperExpertChoice | None:
        index = self.expertCombo.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def platform(self) -> PaperPlatformChoice | None:
        expert = self.expert()
        index = self.platformCombo.currentIndex()
        if expert is None or not 0 <= index < len(expert.platforms):
            return None
        return expert.platforms[index]

    def choose(self, expert_name: str, platform_name: str) -> None:
        """Select an expert and one of their platforms by name (as a user would)."""
        self.expertCombo.setCurrentIndex(self.expertCombo.findText(expert_name))
        expert = self.expert()
        for n, platform in enumerate(expert.platforms if expert else ()):
            if platform.name == platform_name:
                self.platformCombo.setCurrentIndex(n)

    def _on_expert(self) -> None:
        expert = self.expert()
        self.platformCombo.blockSignals(True)
        self.platformCombo.clear()
        for platform in expert.platforms if expert else ():
            self.platformCombo.addItem(f"{platform.filing_no}  {platform.name}", platform.id)
        self.platformCombo.blockSignals(False)
        self._on_platform()

    def _on_platform(self) -> None:
        self.savedLabel.hide()
        platform = self.platform()
        entered = platform.entered if platform else None
        if not self.choices:
            self.enteredLabel.setText(
                translate("PaperDialog", "还没有分配给专家的平台：请先分配专家。")
            )
        elif entered == Provenance.PACKAGE.value:
            self.enteredLabel.setText(
                translate(
                    "PaperDialog", "该专家已通过评审包提交了这个平台的评分，纸质评分不能覆盖。"
                )
            )
        elif entered == Provenance.PAPER.value:
            self.enteredLabel.setText(
                translate(
                    "PaperDialog", "已录入过该专家对这个平台的纸质评分；如需更正，请勾选“替换”。"
                )
            )
        else:
            self.enteredLabel.setText("")
        self.enteredLabel.setVisible(bool(self.enteredLabel.text()))
        self.replaceCheck.setVisible(entered == Provenance.PAPER.value)
        self.replaceCheck.setChecked(False)
        self.conflictCheck.setChecked(False)
        self.conflictCheck.setEnabled(platform is not None and entered is None)
        self.saveButton.setEnabled(platform is not None and entered != Provenance.PACKAGE.value)
        self._clear_errors()

    # ------------------------------------------------------------------ the sheet

    def sheet(self) -> ScoreSheet | None:
        """The typed-in sheet for the chosen expert and platform."""
        expert, platform = self.expert(), self.platform()
        if expert is None or platform is None:
            return None
        comments = {
            code: edit.toPlainText().strip()
            for code, edit in self.commentEdits.items()
            if edit.toPlainText().strip()
        }
        vetoes = {
            code: self.vetoReasons[code].toPlainText().strip()
            for code, check in self.vetoChecks.items()
            if check.isChecked()
        }
        bonus = {
            code: value
            for code, box in self.bonusBoxes.items()
            if (value := box.points()) is not None
        }
        return ScoreSheet(
            expert_id=str(expert.id),
            platform_id=str(platform.id),
            points={code: box.points() for code, box in self.pointBoxes.items()},
            comments=comments,
            vetoes=vetoes,
            bonus=bonus,
            overall_comment=self.overallEdit.toPlainText().strip(),
            provenance=Provenance.PAPER,
            revision=0,
        )

    def _clear_errors(self) -> None:
        for label in (
            *self.errorLabels.values(),
            self.enteredByError,
            self.conflictError,
            self.messageLabel,
        ):
            label.clear()
            label.hide()

    def _show_error(self, label: QLabel, text: str) -> None:
        shown = label.text()
        label.setText(f"{shown}\n{text}" if shown else text)
        label.show()

    def error_text(self, code: str) -> str:
        """The problem shown beside the field of ``code`` (empty when none)."""
        label = self.errorLabels[code]
        return "" if label.isHidden() else label.text()

    def _check_live(self) -> None:
        """As points are typed: off the grid or out of range, said beside the field."""
        sheet = self.sheet()
        if sheet is None:
            return
        for label in self.errorLabels.values():
            label.clear()
            label.hide()
        language = current_language()
        for problem in validate_sheet(sheet, self.rubric, complete=False):
            if problem.kind is ProblemKind.VETO_REASON_REQUIRED:
                continue  # a reason is asked for when saving, not while the box is ticked
            shown = self.errorLabels.get(problem.code)
            if shown is not None:
                self._show_error(shown, problem.message.get(language))

    def _show_findings(self, findings: tuple[Finding, ...]) -> None:
        language = current_language()
        for finding in findings:
            text = finding.message.get(language)
            label = self.errorLabels.get(finding.column or "")
            if label is not None:
                self._show_error(label, text)
            else:
                fix = finding.fix.get(language)
                self._show_error(
                    self.messageLabel, f"{text}（{fix}）" if language == "zh" else f"{text} ({fix})"
                )
        fields = {**self.pointBoxes, **self.bonusBoxes, **self.vetoReasons, **self.commentEdits}
        for finding in findings:
            field = fields.get(finding.column or "")
            if field is not None:
                field.setFocus()
                break

    def save(self) -> bool:
        """Store the sheet through the paper service; problems are shown beside their fields."""
        from jlpanel.services.paper import enter_paper_scores

        sheet, expert, platform = self.sheet(), self.expert(), self.platform()
        if sheet is None or expert is None or platform is None:
            return False
        self._clear_errors()
        who = self.enteredByEdit.text().strip()
        if not who:
            self._show_error(self.enteredByError, translate("PaperDialog", "请填写录入人"))
            self.enteredByEdit.setFocus()
            return False
        declared: dict[int, str] = {}
        if self.conflictCheck.isChecked():
            reason = self.conflictReason.toPlainText().strip()
            if not reason:
                self._show_error(
                    self.conflictError, translate("PaperDialog", "请写明专家声明的回避理由")
                )
                self.conflictReason.setFocus()
                return False
            declared[platform.id] = reason
        try:
            outcome = enter_paper_scores(
                self.workspace,
                expert.id,
                [] if declared else [sheet],
                replace=self.replaceCheck.isChecked(),
                entered_by=who,
                declared=declared,
            )
        except UserError as exc:
            show_user_error(self, exc)
            return False
        if not outcome.ok:
            self._show_findings(outcome.findings)
            return False
        self.entered.emit(expert.name, platform.name)
        self._after_save(expert.id, platform.id)
        if declared:
            saved = translate("PaperDialog", "已记录 {expert} 对“{platform}”的回避声明。")
        else:
            saved = translate("PaperDialog", "已保存 {expert} 对“{platform}”的纸质评分。")
        self._show_saved(saved.format(expert=expert.name, platform=platform.name))
        return True

    def _show_saved(self, text: str) -> None:
        self.savedLabel.setText(text)
        self.savedLabel.show()

    def _after_save(self, expert_id: int, platform_id: int) -> None:
        """Clear the form and go on to the expert's next platform with no scores yet."""
        from jlpanel.services.paper import paper_choices

        self.choices = paper_choices(self.workspace)
        for box in (*self.pointBoxes.values(), *self.bonusBoxes.values()):
            box.clear_points()
        for edit in (
            *self.commentEdits.values(),
            *self.vetoReasons.values(),
            self.overallEdit,
            self.conflictReason,
        ):
            edit.clear()
        for check in self.vetoChecks.values():
            check.setChecked(False)
        # A declared conflict takes the platform (and perhaps the expert) off the lists.
        self.expertCombo.blockSignals(True)
        self.expertCombo.clear()
        for choice in self.choices:
            self.expertCombo.addItem(choice.name, choice.id)
        self.expertCombo.setCurrentIndex(
            next((n for n, c in enumerate(self.choices) if c.id == expert_id), 0)
        )
        self.expertCombo.blockSignals(False)
        self._on_expert()
        expert = self.expert()
        platforms = expert.platforms if expert else ()
        following = next(
            (n for n, p in enumerate(platforms) if p.entered is None and p.id != platform_id),
            next((n for n, p in enumerate(platforms) if p.id == platform_id), 0),
        )
        self.platformCombo.setCurrentIndex(following)
        if self.pointBoxes:
            next(iter(self.pointBoxes.values())).setFocus()
