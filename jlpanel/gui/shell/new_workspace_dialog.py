"""The 新建工作区 dialog: cycle name, period, rubric, the reports' language and where to save
the file.

The dialog only gathers a :class:`NewWorkspaceRequest`; the main window creates the workspace
(off the GUI thread) and hands back either success or the error to show here, so a refused
request leaves the dialog open with its fields as typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QStandardPaths, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QPushButton, QWidget

from jlpanel.gui.common.i18n import translate
from jlpanel.gui.common.rules_model import REPORT_LANGUAGES
from jlpanel.gui.common.theme import plain_buttons, set_muted
from jlpanel.gui.forms.ui_new_workspace_dialog import Ui_NewWorkspaceDialog

WORKSPACE_SUFFIX = ".jlpanel"


@dataclass(frozen=True, slots=True)
class NewWorkspaceRequest:
    """Everything needed to create a cycle workspace: plain data for a worker thread."""

    path: Path
    cycle_name: str
    period_start: dt.date
    period_end: dt.date
    rubric_file: Path | None
    # The language of the cycle's PDF reports and exported workbooks ("zh" or "en").
    language: str = "zh"


def with_suffix(path: Path) -> Path:
    """``path`` with the workspace extension appended when it lacks it."""
    return (
        path
        if path.suffix.lower() == WORKSPACE_SUFFIX
        else path.with_name(path.name + WORKSPACE_SUFFIX)
    )


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The two calendar years before ``today``'s: 2024-01-01 … 2025-12-31 in 2026."""
    return dt.date(today.year - 2, 1, 1), dt.date(today.year - 1, 12, 31)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class NewWorkspaceDialog(QDialog):
    """Asks for a new cycle; emits ``create_requested`` when OK is clicked on valid input."""

    create_requested = Signal(object)  # NewWorkspaceRequest

    def __init__(self, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewWorkspaceDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        today = today or dt.date.today()
        start, end = default_period(today)
        self.ui.nameEdit.setText(
            translate("NewWorkspaceDialog", "{year}年度考核评价").format(year=today.year)
        )
        self.ui.startDateEdit.setDate(_qdate(start))
        self.ui.endDateEdit.setDate(_qdate(end))
        # Chinese unless the user picks English here: the UI language is the operator's, the
        # reports are the province's.
        for code, name in REPORT_LANGUAGES:
            self.ui.languageCombo.addItem(name, code)
        self.ui.languageCombo.setCurrentIndex(0)
        set_muted(self.ui.languageHint)
        self.ui.errorText.hide()
        self._busy = False

        self.ui.nameEdit.textChanged.connect(self._validate)
        self.ui.pathEdit.textChanged.connect(self._validate)
        self.ui.rubricPathEdit.textChanged.connect(self._validate)
        self.ui.startDateEdit.dateChanged.connect(self._validate)
        self.ui.endDateEdit.dateChanged.connect(self._validate)
        self.ui.fileRubricRadio.toggled.connect(self._on_rubric_choice)
        self.ui.pathBrowseButton.clicked.connect(self.browse_path)
        self.ui.rubricBrowseButton.clicked.connect(self.browse_rubric)
        self.ui.buttonBox.accepted.connect(self._on_ok)
        self._retranslate()
        self._validate()
        # The height for that width: the word-wrapped hints may need a second line.
        width = max(640, self.sizeHint().width())
        height = self.heightForWidth(width)
        self.resize(width, max(height, self.minimumSizeHint().height()))

    # --------------------------------------------------------------------------- state

    @property
    def ok_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def request(self) -> NewWorkspaceRequest:
        """What the fields say now."""
        rubric = self.ui.rubricPathEdit.text().strip()
        return NewWorkspaceRequest(
            path=with_suffix(Path(self.ui.pathEdit.text().strip())),
            cycle_name=self.ui.nameEdit.text().strip(),
            period_start=_pydate(self.ui.startDateEdit.date()),
            period_end=_pydate(self.ui.endDateEdit.date()),
            rubric_file=Path(rubric) if self.ui.fileRubricRadio.isChecked() and rubric else None,
            language=self.report_language(),
        )

    def report_language(self) -> str:
        """The language chosen for the reports and exports: "zh" or "en"."""
        return str(self.ui.languageCombo.currentData())

    def set_report_language(self, language: str) -> None:
        """Choose the reports' language ("zh" or "en")."""
        index = self.ui.languageCombo.findData(language)
        if index >= 0:
            self.ui.languageCombo.setCurrentIndex(index)

    def problem(self) -> str | None:
        """Why OK is disabled, or None when the fields are complete."""
        if not self.ui.nameEdit.text().strip():
            return translate("NewWorkspaceDialog", "请填写考核周期名称。")
        if self.ui.endDateEdit.date() < self.ui.startDateEdit.date():
            return translate("NewWorkspaceDialog", "考核期的结束日期早于开始日期。")
        if self.ui.fileRubricRadio.isChecked() and not self.ui.rubricPathEdit.text().strip():
            return translate("NewWorkspaceDialog", "请选择评分细则文件。")
        if not self.ui.pathEdit.text().strip():
            return translate("NewWorkspaceDialog", "请选择工作区文件的保存位置。")
        return None

    def _validate(self) -> None:
        problem = self.problem()
        self.ok_button.setEnabled(problem is None and not self._busy)
        self.ok_button.setToolTip(problem or "")

    def _on_rubric_choice(self, from_file: bool) -> None:
        self.ui.rubricPathEdit.setEnabled(from_file)
        self.ui.rubricBrowseButton.setEnabled(from_file)
        if from_file and not self.ui.rubricPathEdit.text():
            self.ui.rubricPathEdit.setFocus()
        self._validate()

    def set_busy(self, busy: bool) -> None:
        """Freeze the form while the workspace is being created."""
        self._busy = busy
        for widget in (
            self.ui.nameEdit,
            self.ui.startDateEdit,
            self.ui.endDateEdit,
            self.ui.defaultRubricRadio,
            self.ui.fileRubricRadio,
            self.ui.languageCombo,
            self.ui.pathEdit,
            self.ui.pathBrowseButton,
        ):
            widget.setEnabled(not busy)
        from_file = self.ui.fileRubricRadio.isChecked()
        self.ui.rubricPathEdit.setEnabled(not busy and from_file)
        self.ui.rubricBrowseButton.setEnabled(not busy and from_file)
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setEnabled(not busy)
        self._validate()

    def show_error(self, message: str) -> None:
        """Show why the workspace could not be created (in the user's language)."""
        self.ui.errorText.setPlainText(message)
        self.ui.errorText.show()

    def clear_error(self) -> None:
        self.ui.errorText.clear()
        self.ui.errorText.hide()

    # ------------------------------------------------------------------------- actions

    def _on_ok(self) -> None:
        if self.problem() is not None or self._busy:
            return
        self.clear_error()
        self.create_requested.emit(self.request())

    def browse_path(self) -> None:
        """Choose where to save the workspace (the extension is added when missing)."""
        current = self.ui.pathEdit.text().strip()
        if current:
            suggestion = current
        else:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            suggestion = str(Path(folder) / f"{self.ui.nameEdit.text().strip()}{WORKSPACE_SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("NewWorkspaceDialog", "工作区保存为"),
            suggestion,
            translate("NewWorkspaceDialog", "jlpanel 工作区 (*.jlpanel)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.ui.pathEdit.setText(str(with_suffix(Path(path))))

    def browse_rubric(self) -> None:
        """Choose a rubric file (.toml or .json)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("NewWorkspaceDialog", "选择评分细则文件"),
            self.ui.rubricPathEdit.text().strip(),
            translate("NewWorkspaceDialog", "评分细则 (*.toml *.json)"),
        )
        if path:
            self.ui.rubricPathEdit.setText(path)

    # ------------------------------------------------------------------------ language

    def _retranslate(self) -> None:
        self.ok_button.setText(translate("NewWorkspaceDialog", "新建"))
        plain_buttons(self.ui.buttonBox)
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self._retranslate()
        super().changeEvent(event)
