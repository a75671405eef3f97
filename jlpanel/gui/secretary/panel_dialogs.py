"""The panel's own decisions (DESIGN §5), each with a required written reason: the order of
platforms in a tie that matters (并列排序), a ruling on a veto claim (认定/驳回否决) and
reopening confirmed results (重新打开)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from jlpanel.gui.common.crash import show_user_error
from jlpanel.gui.common.i18n import translate
from jlpanel.gui.common.theme import plain_buttons, scaled_font, set_muted
from jlpanel.services.errors import UserError

if TYPE_CHECKING:
    from jlpanel.services.dashboard import VetoClaimLine
    from jlpanel.services.panel import TieLine
    from jlpanel.services.workspace import Workspace


def _reason_edit(placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(80)
    edit.setTabChangesFocus(True)  # Tab leaves the box, so the dialog stays keyboard-reachable
    return edit


class _ReasonDialog(QDialog):
    """A dialog whose OK stays disabled until a reason is written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reasonEdit = _reason_edit(translate("PanelDialogs", "写明理由（必填）"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        plain_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reasonEdit.textChanged.connect(self._update)

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def reason(self) -> str:
        return self.reasonEdit.toPlainText().strip()

    def can_accept(self) -> bool:
        return bool(self.reason())

    def _update(self) -> None:
        self.ok_button().setEnabled(self.can_accept())


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(scaled_font(label, 1.15, bold=True))
    label.setWordWrap(True)
    return label


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    set_muted(label)
    return label


# ------------------------------------------------------------------------------- ties


class TieOrderDialog(_ReasonDialog):
    """并列排序: pick an undecided tie, put its platforms in the panel's order, give a reason."""

    def __init__(
        self, workspace: Workspace, ties: Sequence[TieLine], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.ties = list(ties)
        self.setWindowTitle(translate("PanelDialogs", "并列排序"))
        note = _note(
            translate(
                "PanelDialogs",
                "这些平台的得分与服务成效分完全相同，且并列影响结果。请按专家组讨论确定的先后"
                "排列（排在前面的名次在前），并写明理由；排序及理由记入审计日志。",
            )
        )
        self.tieCombo = QComboBox()
        for tie in self.ties:
            self.tieCombo.addItem(f"{tie.where}：{'、'.join(tie.names)}")
        self.memberList = QListWidget()
        self.memberList.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.memberList.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.memberList.setMinimumHeight(110)
        self.upButton = QPushButton(translate("PanelDialogs", "上移(&U)"))
        self.downButton = QPushButton(translate("PanelDialogs", "下移(&D)"))
        moves = QVBoxLayout()
        moves.addWidget(self.upButton)
        moves.addWidget(self.downButton)
        moves.addStretch(1)
        order = QHBoxLayout()
        order.addWidget(self.memberList, 1)
        order.addLayout(moves)
        form = QFormLayout()
        tie_label = QLabel(translate("PanelDialogs", "并列(&T)"))
        tie_label.setBuddy(self.tieCombo)
        form.addRow(tie_label, self.tieCombo)
        order_label = QLabel(translate("PanelDialogs", "先后顺序(&O)"))
        order_label.setBuddy(self.memberList)
        form.addRow(order_label, order)
        reason_label = QLabel(translate("PanelDialogs", "理由(&R)"))
        reason_label.setBuddy(self.reasonEdit)
        form.addRow(reason_label, self.reasonEdit)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(translate("PanelDialogs", "确定并列平台的先后")))
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.tieCombo.currentIndexChanged.connect(self._show_tie)
        self.upButton.clicked.connect(lambda: self.move_current(-1))
        self.downButton.clicked.connect(lambda: self.move_current(1))
        self.memberList.currentRowChanged.connect(self._update_moves)
        self._show_tie(0)
        self._update()
        self.resize(600, 420)

    def _show_tie(self, index: int) -> None:
        self.memberList.clear()
        if not 0 <= index < len(self.ties):
            return
        tie = self.ties[index]
        for filing_no, name in zip(tie.filing_nos, tie.names, strict=True):
            item = QListWidgetItem(f"{name}（{filing_no}）")
            item.setData(Qt.ItemDataRole.UserRole, filing_no)
            self.memberList.addItem(item)
        self.memberList.setCurrentRow(0)
        self._update_moves()

    def _update_moves(self, *_args: object) -> None:
        row = self.memberList.currentRow()
        self.upButton.setEnabled(row > 0)
        self.downButton.setEnabled(0 <= row < self.memberList.count() - 1)

    def move_current(self, step: int) -> None:
        """Move the current platform ``step`` places (−1 up, 1 down)."""
        row = self.memberList.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.memberList.count():
            return
        item = self.memberList.takeItem(row)
        self.memberList.insertItem(target, item)
        self.memberList.setCurrentRow(target)

    def order(self) -> list[str]:
        """The filing numbers as listed, best first."""
        return [
            self.memberList.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.memberList.count())
        ]

    def can_accept(self) -> bool:
        return bool(self.reason()) and self.memberList.count() >= 2

    def accept(self) -> None:
        from jlpanel.services.panel import order_tie

        try:
            order_tie(self.workspace, self.order(), self.reasonEdit.toPlainText())
        except UserError as exc:
            show_user_error(self, exc)
            return
        super().accept()


# ----------------------------------------------------------------------------- vetoes


class VetoRulingDialog(_ReasonDialog):
    """认定/驳回否决: the claims on one platform; confirm or dismiss one veto, with a reason."""

    def __init__(
        self,
        workspace: Workspace,
        filing_no: str,
        title: str,
        claims: Sequence[VetoClaimLine],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.filing_no = filing_no
        self.claims = list(claims)
        self.setWindowTitle(translate("PanelDialogs", "认定或驳回一票否决"))
        self.vetoCombo = QComboBox()
        seen: list[str] = []
        for c in self.claims:
            if c.code not in seen:
                seen.append(c.code)
                self.vetoCombo.addItem(c.name, c.code)
        self.claimsLabel = QLabel()
        self.claimsLabel.setWordWrap(True)
        self.claimsLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.confirmRadio = QRadioButton(
            translate("PanelDialogs", "认定(&C)：否决成立，等级为不合格")
        )
        self.dismissRadio = QRadioButton(
            translate("PanelDialogs", "驳回(&D)：否决不成立，按得分评定")
        )
        self.ruling = QButtonGroup(self)
        self.ruling.addButton(self.confirmRadio)
        self.ruling.addButton(self.dismissRadio)
        form = QFormLayout()
        veto_label = QLabel(translate("PanelDialogs", "否决项(&V)"))
        veto_label.setBuddy(self.vetoCombo)
        form.addRow(veto_label, self.vetoCombo)
        form.addRow(translate("PanelDialogs", "专家意见"), self.claimsLabel)
        rulings = QVBoxLayout()
        rulings.addWidget(self.confirmRadio)
        rulings.addWidget(self.dismissRadio)
        form.addRow(translate("PanelDialogs", "专家组认定"), rulings)
        reason_label = QLabel(translate("PanelDialogs", "理由(&R)"))
        reason_label.setBuddy(self.reasonEdit)
        form.addRow(reason_label, self.reasonEdit)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(title))
        layout.addWidget(
            _note(
                translate(
                    "PanelDialogs",
                    "专家组对该否决的认定优先于专家的主张；认定及理由记入审计日志，并在评价报告中注明。",
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.vetoCombo.currentIndexChanged.connect(self._show_claims)
        self.ruling.buttonToggled.connect(self._update)
        self._show_claims(0)
        self._update()
        self.resize(600, 420)

    def current_code(self) -> str | None:
        code = self.vetoCombo.currentData()
        return None if code is None else str(code)

    def _show_claims(self, _index: int) -> None:
        code = self.current_code()
        self.claimsLabel.setText("\n".join(c.text for c in self.claims if c.code == code))

    def can_accept(self) -> bool:
        return (
            bool(self.reason())
            and self.current_code() is not None
            and (self.confirmRadio.isChecked() or self.dismissRadio.isChecked())
        )

    def accept(self) -> None:
        from jlpanel.services.panel import rule_on_veto

        code = self.current_code()
        if code is None:
            return
        try:
            rule_on_veto(
                self.workspace,
                self.filing_no,
                code,
                confirm=self.confirmRadio.isChecked(),
                reason=self.reasonEdit.toPlainText(),
            )
        except UserError as exc:
            show_user_error(self, exc)
            return
        super().accept()


# ----------------------------------------------------------------------- confirmation


class ReopenDialog(_ReasonDialog):
    """重新打开: reopen confirmed results so the rules can change, with the reason."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(translate("PanelDialogs", "重新打开考核结果"))
        reason_label = QLabel(translate("PanelDialogs", "理由(&R)"))
        reason_label.setBuddy(self.reasonEdit)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(translate("PanelDialogs", "重新打开已确定的结果")))
        layout.addWidget(
            _note(
                translate(
                    "PanelDialogs",
                    "重新打开后可以修改规则和决定，之后须重新确定结果。已确定的整改期限不变。"
                    "理由记入审计日志。",
                )
            )
        )
        layout.addWidget(reason_label)
        layout.addWidget(self.reasonEdit, 1)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(520, 300)

    def accept(self) -> None:
        from jlpanel.services.panel import reopen_results

        try:
            reopen_results(self.workspace, self.reasonEdit.toPlainText())
        except UserError as exc:
            show_user_error(self, exc)
            return
        super().accept()
