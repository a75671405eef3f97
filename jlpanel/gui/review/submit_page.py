"""提交评分: what is still missing, or the summary to check, then the signed score file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from jlpanel.gui.common import formatting
from jlpanel.gui.common.i18n import counted, translate
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.theme import (
    DONE,
    UNSUBMITTED,
    WARN,
    RoomyItemDelegate,
    WrappingItemDelegate,
    icon,
    scaled_font,
    set_muted,
)
from jlpanel.gui.forms.ui_submit_page import Ui_SubmitPage
from jlpanel.gui.review.desk_models import ProblemsModel, SummaryModel

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.domain.rubric import Rubric
    from jlpanel.services.review import (
        PackageInfo,
        PlatformWork,
        RevisionState,
        SubmitProblem,
        SubmittedScoreFile,
    )

ERROR_COLOUR = WARN
DONE_COLOUR = DONE
UNSUBMITTED_COLOUR = UNSUBMITTED


class SubmitPage(QWidget):
    """The submit step of expert mode."""

    #: Go to this problem: (platform id, kind, code).
    jump_requested = Signal(int, str, str)
    save_requested = Signal()
    save_copy_requested = Signal()
    reopen_requested = Signal()
    open_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SubmitPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.rubric: Rubric | None = None
        self.info: PackageInfo | None = None
        self.last: SubmittedScoreFile | None = None
        self.revision: RevisionState | None = None
        self.problem_count = 0
        self.problems_model = ProblemsModel(self)
        self.summary_model = SummaryModel(self)

        problems = self.ui.problemsTable
        problems.setModel(self.problems_model)
        problems.setItemDelegate(WrappingItemDelegate(problems))
        problems.setWordWrap(True)
        problems.verticalHeader().hide()
        problems.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = problems.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(ProblemsModel.PLATFORM, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ProblemsModel.ITEM, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ProblemsModel.PROBLEM, QHeaderView.ResizeMode.Stretch)
        problems.activated.connect(self._on_problem_activated)
        spreadsheet(problems, sort=False, open_row=self._on_problem_activated)  # desk order

        summary = self.ui.summaryTable
        summary.setModel(self.summary_model)
        summary.setItemDelegate(RoomyItemDelegate(summary))
        summary.verticalHeader().hide()
        summary.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        summary.verticalHeader().setDefaultSectionSize(summary.fontMetrics().height() + 12)
        summary.horizontalHeader().setHighlightSections(False)
        summary.horizontalHeader().setStretchLastSection(True)
        spreadsheet(summary, sort=False)  # in the package's order, as on the desk

        self.ui.titleLabel.setFont(scaled_font(self.ui.titleLabel, 1.4, bold=True))
        self.ui.stateLabel.setFont(scaled_font(self.ui.stateLabel, 1.05))
        set_muted(self.ui.problemsHintLabel)
        self.ui.saveButton.setIcon(icon("document-sign"))
        self.ui.saveCopyButton.setIcon(icon("edit-copy"))
        self.ui.openFolderButton.setIcon(icon("folder-open"))
        self.ui.reopenButton.setIcon(icon("edit-undo"))
        self.ui.saveButton.clicked.connect(self.save_requested)
        self.ui.saveCopyButton.clicked.connect(self.save_copy_requested)
        self.ui.reopenButton.clicked.connect(self.reopen_requested)
        self.ui.openFolderButton.clicked.connect(self.open_folder_requested)

    # ------------------------------------------------------------------------- content

    def show_state(
        self,
        rubric: Rubric,
        info: PackageInfo,
        problems: Sequence[SubmitProblem],
        works: Sequence[PlatformWork],
        last: SubmittedScoreFile | None = None,
        revision: RevisionState | None = None,
    ) -> None:
        """Show what ``check_complete`` found, or the summary of a complete sheet.

        ``revision`` says which revision the secretary has and whether this one differs.
        """
        self.rubric = rubric
        self.info = info
        self.revision = revision
        self.last = last if info.locked else None
        self.problems_model.set_problems(problems, rubric)
        self.problem_count = len(problems)
        self.summary_model.set_works(works, rubric)
        if problems:
            self.ui.pages.setCurrentWidget(self.ui.problemsPage)
            self._fit_problem_columns()
            table = self.ui.problemsTable
            table.selectionModel().setCurrentIndex(
                self.problems_model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.ui.pages.setCurrentWidget(self.ui.completePage)
            self._fit_summary_columns()
        self._retranslate()

    @property
    def complete(self) -> bool:
        return self.ui.pages.currentWidget() is self.ui.completePage

    def _fit_problem_columns(self) -> None:
        table = self.ui.problemsTable
        metrics = table.fontMetrics()
        model = self.problems_model
        for column, cap in ((ProblemsModel.PLATFORM, 320), (ProblemsModel.ITEM, 260)):
            texts = [str(model.data(model.index(r, column)) or "") for r in range(model.rowCount())]
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = max((metrics.horizontalAdvance(t) for t in [*texts, title]), default=80)
            table.setColumnWidth(column, min(cap, widest + 32))

    def _fit_summary_columns(self) -> None:
        """Each column as wide as its header or its widest cell (the last one stretches)."""
        table = self.ui.summaryTable
        model = self.summary_model
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        header_metrics = header.fontMetrics()
        cell = table.fontMetrics().horizontalAdvance("00.0（一般）") + 28
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            lines = title.splitlines() or [""]
            wanted = max(header_metrics.horizontalAdvance(line) for line in lines) + 28
            if 1 <= column <= model.areas:
                wanted = max(wanted, cell)
            table.setColumnWidth(column, max(table.columnWidth(column), wanted))
        table.setColumnWidth(0, min(table.columnWidth(0) + 16, 380))

    def focus_content(self) -> None:
        """The keyboard on the problems list, or on 保存评分文件."""
        if self.ui.pages.currentWidget() is self.ui.problemsPage:
            self.ui.problemsTable.setFocus()
        elif self.ui.saveButton.isVisible():
            self.ui.saveButton.setFocus()
        else:
            self.ui.summaryTable.setFocus()

    def _on_problem_activated(self, index: QModelIndex) -> None:
        problem = self.problems_model.problem(index.row())
        self.jump_requested.emit(problem.platform_id, problem.kind, problem.code)

    # -------------------------------------------------------------------------- text

    def revision_text(self) -> str:
        """Which revision the secretary has, beside the one being edited ("" when none)."""
        revision = self.revision
        if revision is None or revision.locked or not revision.submitted:
            return ""
        if revision.unsubmitted:
            return translate(
                "SubmitPage", "秘书处已有第 {submitted} 版；当前修改为第 {current} 版，尚未提交。"
            ).format(submitted=revision.submitted, current=revision.current)
        return translate(
            "SubmitPage", "秘书处已有第 {submitted} 版；重新打开后尚未修改，无须再次提交。"
        ).format(submitted=revision.submitted)

    def _retranslate(self) -> None:
        info = self.info
        revision_text = self.revision_text()
        self.ui.revisionLabel.setText(revision_text)
        self.ui.revisionLabel.setVisible(bool(revision_text))
        unsubmitted = self.revision is not None and self.revision.unsubmitted
        self.ui.revisionLabel.setStyleSheet(
            f"color: {UNSUBMITTED_COLOUR}; font-weight: bold;" if unsubmitted else ""
        )
        if info is None:
            self.ui.stateLabel.setText("—")
            return
        problems = self.problem_count
        works = self.summary_model.works()
        conflicts = sum(1 for w in works if w.state.value == "conflict")
        scored = len(works) - conflicts
        locked = info.locked
        if problems:
            text = counted(
                problems,
                translate(
                    "SubmitPage",
                    "{platforms} 个平台尚未完成（共 {n} 处需要处理），全部处理后才能提交：",
                    "one",
                ),
                translate(
                    "SubmitPage",
                    "{platforms} 个平台尚未完成（共 {n} 处需要处理），全部处理后才能提交：",
                    "other",
                ),
            ).replace("{platforms}", str(self.problems_model.platforms()))
            colour = ERROR_COLOUR
        elif locked:
            text = translate("SubmitPage", "评分已提交（第 {revision} 版），评分表已锁定。").format(
                revision=info.revision
            )
            colour = DONE_COLOUR
        else:
            if conflicts:
                text = translate(
                    "SubmitPage",
                    "{scored} 个平台已全部评完（另有 {conflicts} 个已回避）。请核对下表，"
                    "然后保存评分文件（第 {revision} 版）；保存后评分表锁定。",
                ).format(scored=scored, conflicts=conflicts, revision=info.revision + 1)
            else:  # never "另有 0 个已回避"
                text = translate(
                    "SubmitPage",
                    "{scored} 个平台已全部评完。请核对下表，"
                    "然后保存评分文件（第 {revision} 版）；保存后评分表锁定。",
                ).format(scored=scored, revision=info.revision + 1)
            colour = ""
        self.ui.stateLabel.setText(text)
        self.ui.stateLabel.setStyleSheet(f"color: {colour};" if colour else "")
        self.ui.saveButton.setVisible(not locked)
        self.ui.saveButton.setDefault(not locked)
        self.ui.reopenButton.setVisible(locked)
        self.ui.saveCopyButton.setVisible(locked)
        self.ui.openFolderButton.setVisible(locked and self.last is not None)
        last = self.last
        if locked and last is not None:
            result = translate(
                "SubmitPage",
                "已保存评分文件（第 {revision} 版，{size}）：\n{path}\n"
                "提交时间 {time} · 校验码 {digest}\n请把该文件交给评审秘书。",
            ).format(
                revision=last.revision,
                size=formatting.file_size(last.size),
                path=last.path,
                time=last.submitted_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                digest=last.sha256[:16],
            )
        elif locked:
            result = translate(
                "SubmitPage",
                "本评审包已提交第 {revision} 版评分。如需再存一份评分文件，请点“再存一份”。",
            ).format(revision=info.revision)
        else:
            result = translate(
                "SubmitPage",
                "评分文件经签名，只含您本人的声明、评分和评语；建议直接保存到U盘交给评审秘书。",
            )
        self.ui.resultLabel.setText(result)
        if locked and last is not None:
            self.ui.resultLabel.setPalette(self.palette())  # the file: full contrast
        else:
            set_muted(self.ui.resultLabel)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self.problems_model.retranslate()
            self.summary_model.retranslate()
            if self.complete:
                self._fit_summary_columns()
            self._retranslate()
        super().changeEvent(event)
