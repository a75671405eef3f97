"""The consensus round: adjust a platform's score with a required reason, and edit the panel
opinion (专家组意见) prefilled from the template."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jlpanel.gui.common.crash import show_user_error
from jlpanel.gui.common.formatting import fixed
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.theme import plain_buttons, scaled_font, set_muted
from jlpanel.services.errors import UserError

if TYPE_CHECKING:
    from jlpanel.services.dashboard import PlatformPanel
    from jlpanel.services.workspace import Workspace


class AdjustScoreDialog(QDialog):
    """调整得分: the new score and the reason (required; OK stays disabled without one)."""

    def __init__(
        self, workspace: Workspace, panel: PlatformPanel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.panel = panel
        self.setWindowTitle(translate("ConsensusDialog", "调整得分"))
        title = QLabel(f"{panel.name}（{panel.filing_no}）")
        title.setFont(scaled_font(title, 1.15, bold=True))
        computed = "—" if panel.computed_score is None else fixed(panel.computed_score, 2)
        info = QLabel(
            translate("ConsensusDialog", "按规则计算的得分：{score}").format(score=computed)
        )
        set_muted(info)
        self.scoreSpin = QDoubleSpinBox()
        self.scoreSpin.setRange(0.0, 100.0)
        self.scoreSpin.setDecimals(2)
        self.scoreSpin.setSingleStep(0.5)
        start = panel.score if panel.score is not None else (panel.computed_score or 0)
        self.scoreSpin.setValue(float(start))
        self.clearCheck = QCheckBox(translate("ConsensusDialog", "取消调整，恢复按规则计算的得分"))
        self.clearCheck.setEnabled(panel.adjustment is not None)
        self.clearCheck.toggled.connect(lambda on: self.scoreSpin.setEnabled(not on))
        self.reasonEdit = QPlainTextEdit()
        self.reasonEdit.setPlaceholderText(
            translate("ConsensusDialog", "写明调整的理由，例如专家组讨论的结论（必填）")
        )
        self.reasonEdit.setMinimumHeight(90)
        form = QFormLayout()
        form.addRow(translate("ConsensusDialog", "调整后得分"), self.scoreSpin)
        form.addRow("", self.clearCheck)
        form.addRow(translate("ConsensusDialog", "理由"), self.reasonEdit)
        note = QLabel(translate("ConsensusDialog", "调整及理由记入审计日志，并在评价报告中注明。"))
        set_muted(note)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        plain_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.reasonEdit.textChanged.connect(self._update)
        self._update()
        self.resize(520, 360)

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _update(self) -> None:
        self.ok_button().setEnabled(bool(self.reasonEdit.toPlainText().strip()))

    def accept(self) -> None:
        from jlpanel.services.consensus import adjust_score

        score = None if self.clearCheck.isChecked() else self.scoreSpin.value()
        try:
            adjust_score(
                self.workspace, self.panel.platform_id, score, self.reasonEdit.toPlainText()
            )
        except UserError as exc:
            show_user_error(self, exc)
            return
        super().accept()


class PanelOpinionDialog(QDialog):
    """专家组意见: the saved opinion, or the template's draft, for the secretary to edit."""

    def __init__(
        self, workspace: Workspace, platform_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from jlpanel.services.consensus import panel_opinion

        self.workspace = workspace
        self.platform_id = platform_id
        self.setWindowTitle(translate("ConsensusDialog", "专家组意见"))
        heading = QLabel(title)
        heading.setFont(scaled_font(heading, 1.15, bold=True))
        self.editor = QPlainTextEdit()
        saved = panel_opinion(workspace, platform_id)
        self.from_template = saved is None
        self.editor.setPlainText(saved if saved is not None else self.template())
        self.templateButton = QPushButton(translate("ConsensusDialog", "按模板重新生成"))
        self.templateButton.clicked.connect(lambda: self.editor.setPlainText(self.template()))
        note = QLabel(
            translate("ConsensusDialog", "草稿按评分结果生成，请根据专家组讨论修改后保存。")
        )
        set_muted(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        plain_buttons(self.buttons)
        self.buttons.addButton(self.templateButton, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 440)

    def template(self) -> str:
        from jlpanel.services.consensus import panel_opinion_template

        return panel_opinion_template(self.workspace, self.platform_id, current_language())

    def accept(self) -> None:
        from jlpanel.services.consensus import save_panel_opinion

        try:
            save_panel_opinion(self.workspace, self.platform_id, self.editor.toPlainText())
        except UserError as exc:
            show_user_error(self, exc)
            return
        super().accept()
