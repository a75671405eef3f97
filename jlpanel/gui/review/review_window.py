"""Expert mode: one review package in its own window — declare, score, submit.

Three steps, one page each: the 回避与保密声明 (first, until every platform is declared),
the scoring desk, and 提交评分. Everything the expert enters is stored in the package as it is
entered; the status bar says when the last edit was saved. Scoring is meant to be done from
the keyboard (see :func:`keyboard_help`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from jlpanel.gui.common.crash import report_exception, show_failure, show_user_error
from jlpanel.gui.common.geometry import restore_window_geometry
from jlpanel.gui.common.i18n import current_language, language_actions, switch_language, translate
from jlpanel.gui.common.settings import app_settings
from jlpanel.gui.common.tasks import run_task
from jlpanel.gui.common.theme import WARN, icon
from jlpanel.gui.review.declaration_page import DeclarationChange, DeclarationPage
from jlpanel.gui.review.indicator_panel import Field
from jlpanel.gui.review.scoring_desk import ScoringDesk
from jlpanel.gui.review.submit_page import SubmitPage
from jlpanel.services.errors import UserError

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.gui.common.help_window import HelpWindow
    from jlpanel.services.review import (
        PackageInfo,
        PlatformWork,
        ReviewSession,
        RevisionState,
        SubmittedScoreFile,
    )

log = logging.getLogger(__name__)

_GEOMETRY_KEY = "reviewWindow/geometry"
_SCORE_FOLDER_KEY = "review/scoreFolder"


@dataclasses.dataclass(frozen=True, slots=True)
class OpenedPackage:
    """A package opened off the GUI thread, with everything its window shows first."""

    session: ReviewSession
    info: PackageInfo
    works: list[PlatformWork]


def open_review_package(path: Path) -> OpenedPackage:
    """Open a package and read its state (runs on a pool thread)."""
    from jlpanel.services.review import open_package, package_info, progress

    session = open_package(path)
    try:
        return OpenedPackage(session, package_info(session), progress(session))
    except BaseException:
        session.close()
        raise


def _submit(session: ReviewSession, path: Path) -> SubmittedScoreFile:
    from jlpanel.services.review import submit

    return submit(session, path)


def _save_copy(session: ReviewSession, path: Path) -> SubmittedScoreFile:
    from jlpanel.services.review import save_copy

    return save_copy(session, path)


def keyboard_help() -> list[tuple[str, str]]:
    """The keyboard map of the desk: (keys, what they do)."""
    return [
        (
            translate("ReviewWindow", "数字 + Enter"),
            translate("ReviewWindow", "保存得分并转到下一项"),
        ),
        (
            translate("ReviewWindow", "Tab / Shift+Tab"),
            translate("ReviewWindow", "得分与评语之间移动"),
        ),
        (
            translate("ReviewWindow", "Shift+Enter（评语中）"),
            translate("ReviewWindow", "评语换行（Enter 保存并转到下一项）"),
        ),
        (
            translate("ReviewWindow", "Ctrl+PgDown / Ctrl+PgUp"),
            translate("ReviewWindow", "下一个 / 上一个平台"),
        ),
        (
            translate("ReviewWindow", "Alt+1 … Alt+4"),
            translate("ReviewWindow", "转到 A / B / C 分区、否决与加分"),
        ),
        (
            translate("ReviewWindow", "空格（声明页）"),
            translate("ReviewWindow", "本行在“无利益冲突”和“申请回避”之间切换"),
        ),
        (translate("ReviewWindow", "Ctrl+Z"), translate("ReviewWindow", "撤销上一次修改")),
        (translate("ReviewWindow", "Ctrl+Shift+Z / Ctrl+Y"), translate("ReviewWindow", "重做")),
        (translate("ReviewWindow", "F1"), translate("ReviewWindow", "显示或隐藏评分指引")),
        (translate("ReviewWindow", "Shift+F1"), translate("ReviewWindow", "用户指南")),
        (
            translate("ReviewWindow", "Ctrl+Enter"),
            translate("ReviewWindow", "提交评分（保存评分文件）"),
        ),
        (
            translate("ReviewWindow", "Ctrl+1 / Ctrl+2 / Ctrl+3"),
            translate("ReviewWindow", "声明 / 评分 / 提交"),
        ),
    ]


class ReviewWindow(QMainWindow):
    """The expert's window on one review package."""

    #: The window closed (its package is closed).
    closed = Signal()
    #: A score file was written (the SubmittedScoreFile).
    submitted = Signal(object)
    #: Submitting was refused or failed; carries the message.
    submit_failed = Signal(str)
    #: The sheet was reopened after a submission.
    reopened = Signal()
    #: Another package was asked for (File → 打开评审包).
    open_requested = Signal()

    def __init__(self, opened: OpenedPackage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReviewWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session: ReviewSession | None = opened.session
        self.info: PackageInfo = opened.info
        self.works: list[PlatformWork] = opened.works
        self.last_submission: SubmittedScoreFile | None = None
        self.last_saved: dt.datetime | None = None
        self.help_window: HelpWindow | None = None
        self._busy = False
        #: The sheet against the last submitted score file.
        self.revision: RevisionState | None = None
        #: The question 提交 / 稍后提交 / 取消 while it is shown.
        self.unsubmitted_box: QMessageBox | None = None
        #: What to do once the score file asked for from that question is written.
        self._after_submit: Callable[[], object] | None = None
        #: 稍后提交 was chosen: close without asking again.
        self._leaving = False
        #: The question about declarations not confirmed while it is shown.
        self.declarations_box: QMessageBox | None = None
        #: 放弃修改并关闭 was chosen for them.
        self._discarding = False

        self.stack = QStackedWidget(self)
        self.declaration_page = DeclarationPage(self.stack)
        self.desk = ScoringDesk(self.stack)
        self.submit_page = SubmitPage(self.stack)
        for page in (self.declaration_page, self.desk, self.submit_page):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.stack.currentChanged.connect(self._on_page_changed)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().setSizeGripEnabled(True)

        self.declaration_page.confirmed.connect(self._on_declared)
        self.declaration_page.continue_requested.connect(self.show_desk)
        self.desk.saved.connect(self._on_saved)
        self.desk.message.connect(self._on_message)
        self.desk.progress_changed.connect(self._update_actions)
        self.desk.submit_requested.connect(self.show_submit)
        self.desk.reopen_requested.connect(self.reopen)
        self.desk.submit_now_requested.connect(self.submit_now)
        self.declaration_page.model.undo_stack.indexChanged.connect(self._on_declaration_edited)
        self.submit_page.jump_requested.connect(self.jump_to)
        self.submit_page.save_requested.connect(self.save_score_file)
        self.submit_page.save_copy_requested.connect(self.save_copy)
        self.submit_page.reopen_requested.connect(self.reopen)
        self.submit_page.open_folder_requested.connect(self.open_score_folder)

        self.declaration_page.set_package(self.info, self.works)
        self.desk.set_session(opened.session, self.info, self.works)
        self._refresh_revision()
        self._retranslate()
        self._restore_geometry()
        if self.declaration_page.complete:
            self.show_desk()
        else:
            self.show_declaration()

    # ------------------------------------------------------------------------ building

    def _action(self, name: str, shortcuts: list[str], slot: Callable[[], object]) -> QAction:
        action = QAction(icon(name) if name else QIcon(), "", self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        self.addAction(action)  # works with the menus hidden, and from every widget
        return action

    def _create_actions(self) -> None:
        self.steps = QActionGroup(self)
        self.steps.setExclusive(True)
        self.declaration_action = self._action("document-sign", ["Ctrl+1"], self.show_declaration)
        self.desk_action = self._action("edit-score", ["Ctrl+2"], self.show_desk)
        self.submit_step_action = self._action("document-send", ["Ctrl+3"], self.show_submit)
        for action in (self.declaration_action, self.desk_action, self.submit_step_action):
            action.setCheckable(True)
            self.steps.addAction(action)
        # The menu shows the first: Ctrl+Enter, as the guide and the status bar spell it.
        self.submit_action = self._action("", ["Ctrl+Enter", "Ctrl+Return"], self.submit_now)
        self.undo_action = self._action("edit-undo", ["Ctrl+Z"], self.undo)
        self.redo_action = self._action("edit-redo", ["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        self.next_action = self._action("", ["Ctrl+PgDown"], partial(self.step_platform, 1))
        self.previous_action = self._action("", ["Ctrl+PgUp"], partial(self.step_platform, -1))
        self.guidance_action = self._action("", ["F1"], self.toggle_guidance)
        self.reopen_action = self._action("edit-undo", [], self.reopen)
        self.open_action = self._action("document-open", ["Ctrl+O"], self.request_open)
        self.close_action = self._action("document-close", ["Ctrl+W"], self.close)
        self.keys_action = self._action("", ["Ctrl+/"], self.show_keyboard_help)
        # F1 is the scoring guidance here; the user guide is Shift+F1.
        self.guide_action = self._action("", ["Shift+F1"], self.show_guide)
        self.about_action = self._action("", [], self.show_about)
        self.settings_action = self._action("", ["Ctrl+,"], self.show_settings)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.area_actions = []
        for number in range(1, 10):
            action = self._action("", [f"Alt+{number}"], partial(self.show_area, number - 1))
            self.area_actions.append(action)
        self.language_actions = language_actions(self, self.set_language)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.close_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.review_menu = bar.addMenu("")
        for action in (self.declaration_action, self.desk_action, self.submit_step_action):
            self.review_menu.addAction(action)
        self.review_menu.addSeparator()
        self.review_menu.addAction(self.previous_action)
        self.review_menu.addAction(self.next_action)
        self.review_menu.addAction(self.guidance_action)
        self.review_menu.addSeparator()
        self.review_menu.addAction(self.submit_action)
        self.review_menu.addAction(self.reopen_action)
        self.settings_menu = bar.addMenu("")
        self.language_menu = QMenu(self.settings_menu)
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.settings_menu.addMenu(self.language_menu)
        self.settings_menu.addSeparator()
        self.settings_menu.addAction(self.settings_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.keys_action)
        self.help_menu.addAction(self.about_action)

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("reviewToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.declaration_action, self.desk_action, self.submit_step_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.reopen_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _retranslate(self) -> None:
        self.file_menu.setTitle(translate("ReviewWindow", "文件(&F)"))
        self.edit_menu.setTitle(translate("ReviewWindow", "编辑(&E)"))
        self.review_menu.setTitle(translate("ReviewWindow", "评审(&R)"))
        self.settings_menu.setTitle(translate("ReviewWindow", "设置(&S)"))
        self.help_menu.setTitle(translate("ReviewWindow", "帮助(&H)"))
        self.language_menu.setTitle(translate("ReviewWindow", "语言 / Language(&L)"))
        self.declaration_action.setText(translate("ReviewWindow", "① 回避与保密声明"))
        self.declaration_action.setToolTip(translate("ReviewWindow", "回避与保密声明 (Ctrl+1)"))
        self.desk_action.setText(translate("ReviewWindow", "② 评分"))
        self.desk_action.setToolTip(translate("ReviewWindow", "评分 (Ctrl+2)"))
        self.submit_step_action.setText(translate("ReviewWindow", "③ 提交评分"))
        self.submit_step_action.setToolTip(translate("ReviewWindow", "检查并提交评分 (Ctrl+3)"))
        self.submit_action.setText(translate("ReviewWindow", "提交评分(&S)…"))
        self.undo_action.setText(translate("ReviewWindow", "撤销(&U)"))
        self.undo_action.setToolTip(translate("ReviewWindow", "撤销上一次修改 (Ctrl+Z)"))
        self.redo_action.setText(translate("ReviewWindow", "重做(&R)"))
        self.redo_action.setToolTip(translate("ReviewWindow", "重做 (Ctrl+Shift+Z 或 Ctrl+Y)"))
        self.next_action.setText(translate("ReviewWindow", "下一个平台(&N)"))
        self.previous_action.setText(translate("ReviewWindow", "上一个平台(&P)"))
        self.guidance_action.setText(translate("ReviewWindow", "评分指引(&G)"))
        self.reopen_action.setText(translate("ReviewWindow", "重新打开修改(&O)"))
        self.reopen_action.setToolTip(
            translate("ReviewWindow", "解除锁定以修改评分；修改后须再次提交")
        )
        self.open_action.setText(translate("ReviewWindow", "打开评审包(&O)…"))
        self.close_action.setText(translate("ReviewWindow", "关闭(&C)"))
        self.keys_action.setText(translate("ReviewWindow", "键盘操作(&K)"))
        self.about_action.setText(translate("ReviewWindow", "关于 jlpanel(&A)…"))
        self.settings_action.setText(translate("ReviewWindow", "设置(&P)…"))
        self.guide_action.setText(translate("ReviewWindow", "用户指南(&G)"))
        self.toolbar.setWindowTitle(translate("ReviewWindow", "工具栏"))
        self.language_actions[current_language()].setChecked(True)
        self.setWindowTitle(
            translate("ReviewWindow", "{expert} · {cycle} — jlpanel 专家评审").format(
                expert=self.info.expert_name, cycle=self.info.cycle_name
            )
        )
        self._show_saved()
        self._update_actions()

    def _restore_geometry(self) -> None:
        restore_window_geometry(self, _GEOMETRY_KEY, QSize(1400, 860))

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.desk.fit_splitter(self.width())

    # ------------------------------------------------------------------------- state

    @property
    def locked(self) -> bool:
        return self.info.locked

    def _update_actions(self) -> None:
        declared = self.declaration_page.complete
        idle = not self._busy and self.session is not None
        self.desk_action.setEnabled(idle and declared)
        self.submit_step_action.setEnabled(idle and declared)
        self.submit_action.setEnabled(idle and declared and not self.locked)
        self.declaration_action.setEnabled(idle)
        on_desk = self.stack.currentWidget() is self.desk
        for action in (self.next_action, self.previous_action, *self.area_actions):
            action.setEnabled(idle and on_desk)
        self.guidance_action.setEnabled(on_desk)
        self.reopen_action.setEnabled(idle and self.locked)
        self.reopen_action.setVisible(self.locked)
        can_undo = can_redo = False
        if self.stack.currentWidget() is self.declaration_page and self.declaration_page.editing:
            # Declarations not confirmed yet have their own steps to take back.
            can_undo = idle and self.declaration_page.can_undo()
            can_redo = idle and self.declaration_page.can_redo()
        elif idle and not self.locked and self.session is not None:
            from jlpanel.services.review import history

            try:
                can_undo, can_redo = history(self.session)
            except Exception:  # a closed package: nothing to undo
                log.debug("history unavailable", exc_info=True)
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)

    def _on_page_changed(self, _index: int) -> None:
        if self.statusBar().styleSheet():  # an error about a field of the page left
            self._on_message("", False)
        page = self.stack.currentWidget()
        self.declaration_action.setChecked(page is self.declaration_page)
        self.desk_action.setChecked(page is self.desk)
        self.submit_step_action.setChecked(page is self.submit_page)
        self._update_actions()

    def status(self, message: str) -> None:
        """Say in the status bar what just happened."""
        self.statusBar().showMessage(message)

    def _on_message(self, text: str, error: bool) -> None:
        if not text:
            self.statusBar().clearMessage()
            self.statusBar().setStyleSheet("")
            return
        self.statusBar().setStyleSheet(f"QStatusBar {{ color: {WARN}; }}" if error else "")
        self.statusBar().showMessage(text)

    def _on_saved(self) -> None:
        self.last_saved = dt.datetime.now()
        self._refresh_revision()
        self._show_saved()
        self._update_actions()

    def _refresh_revision(self) -> None:
        """Compare the sheet with the last submitted file: the "not submitted" banner."""
        if self.session is None:
            return
        from jlpanel.services.review import revision_state

        try:
            self.revision = revision_state(self.session)
        except UserError as exc:
            self._on_message(exc.message(current_language()), True)
            return
        self.desk.set_revision(self.revision)

    @property
    def unsubmitted(self) -> bool:
        """A reopened sheet with changes the last score file does not have."""
        return self.revision is not None and self.revision.unsubmitted

    def _on_declaration_edited(self) -> None:
        self._show_saved()
        self._update_actions()

    def _show_saved(self) -> None:
        if self.declaration_page.unconfirmed:
            text = translate("ReviewWindow", "回避声明尚未确认")
        elif self.unsubmitted and self.revision is not None:
            text = translate("ReviewWindow", "第 {revision} 版未提交").format(
                revision=self.revision.current
            )
            if self.last_saved is not None:
                text += translate("ReviewWindow", " · 已保存 {time}").format(
                    time=self.last_saved.strftime("%H:%M:%S")
                )
        elif self.locked:
            text = translate("ReviewWindow", "已提交第 {revision} 版 · 已锁定").format(
                revision=self.info.revision
            )
        elif self.last_saved is not None:
            text = translate("ReviewWindow", "已保存 {time}").format(
                time=self.last_saved.strftime("%H:%M:%S")
            )
        else:
            text = translate("ReviewWindow", "每项修改即时保存")
        self.saved_label.setText(text)

    def _works(self) -> list[PlatformWork]:
        from jlpanel.services.review import progress

        assert self.session is not None
        self.works = progress(self.session)
        return self.works

    def reload(self) -> None:
        """Read the package again (after it was changed outside this window)."""
        self._refresh_info()
        works = self._works()
        self.declaration_page.set_package(self.info, works)
        self.desk.set_works(works)
        self.desk.set_locked(self.info)
        self._refresh_revision()
        self._show_saved()
        self._update_actions()

    def _refresh_info(self) -> None:
        from jlpanel.services.review import package_info

        assert self.session is not None
        self.info = package_info(self.session)

    # ------------------------------------------------------------------------- steps

    def show_declaration(self) -> None:
        """The 回避与保密声明 page."""
        self.stack.setCurrentWidget(self.declaration_page)
        self.declaration_page.focus_first()

    def show_desk(self) -> None:
        """The scoring desk (once every platform is declared)."""
        if not self.declaration_page.complete:
            self.show_declaration()
            self.status(translate("ReviewWindow", "请先完成回避与保密声明"))
            return
        self.stack.setCurrentWidget(self.desk)
        work = self.desk.panel.work
        if work is not None and not self.locked:
            current = self.desk.panel.current
            if current is not None and self.desk.panel.focus_field(*current):
                return
            self.desk.focus_target(self.desk.first_target(work))
        else:
            self.desk.ui.platformTable.setFocus()

    def show_submit(self) -> bool:
        """The submit step: what is missing, or the summary. Returns whether it is complete."""
        if self.session is None:
            return False
        if not self.declaration_page.complete:
            self.show_declaration()
            return False
        from jlpanel.services.review import check_complete

        self.desk.commit_pending()
        problems = check_complete(self.session)
        self._refresh_revision()
        self.submit_page.show_state(
            self.session.rubric,
            self.info,
            problems,
            self._works(),
            self.last_submission,
            self.revision,
        )
        self.stack.setCurrentWidget(self.submit_page)
        self.submit_page.focus_content()
        if problems:
            self.status(translate("ReviewWindow", "评分尚未完成：双击列表中的一项跳到该处"))
        elif self.locked:
            self.statusBar().clearMessage()
        else:
            self.status(translate("ReviewWindow", "评分已全部完成，可以保存评分文件（Ctrl+Enter）"))
        return not problems

    def submit_now(self) -> None:
        """Ctrl+Enter: check, and when complete ask where to save the score file."""
        if self._busy or self.locked:
            return
        if self.show_submit():
            self.save_score_file()

    def jump_to(self, platform_id: int, kind: str, code: str) -> None:
        """A problem of the submit step: show where it is."""
        if kind == "undeclared":
            self.show_declaration()
            return
        self.stack.setCurrentWidget(self.desk)
        panel = self.desk.panel
        target: tuple[Field, str] | str = "first"
        if code in panel.rows:
            field = Field.COMMENT if kind == "comment_required" else Field.SCORE
            target = (field, code)
        elif code in panel.veto_rows:
            target = (Field.VETO_REASON, code)
        elif code in panel.bonus_rows:
            target = (Field.BONUS, code)
        self.desk.show_platform(platform_id, focus=target)

    def step_platform(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp."""
        if self.stack.currentWidget() is self.desk:
            self.desk.step_platform(step)

    def show_area(self, number: int) -> None:
        """Alt+N: an area's tab on the panel."""
        if self.stack.currentWidget() is self.desk:
            self.desk.panel.show_area(number)

    def toggle_guidance(self) -> None:
        """F1."""
        if self.stack.currentWidget() is not self.desk:
            return
        shown = self.desk.panel.toggle_guidance()
        self.status(
            translate("ReviewWindow", "评分指引已显示（F1 隐藏）")
            if shown
            else translate("ReviewWindow", "评分指引已隐藏（F1 显示）")
        )

    # ---------------------------------------------------------------------- declaring

    def _on_declared(self, changes: list[DeclarationChange]) -> None:
        if self.session is None:
            return
        from jlpanel.services.review import declare

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for change in changes:
                declare(self.session, change.platform_id, change.conflict, change.reason)
        except UserError as exc:
            show_user_error(self, exc)
            return
        except Exception as exc:
            report_exception(exc, self)
            return
        finally:
            QApplication.restoreOverrideCursor()
        works = self._works()
        self.declaration_page.set_package(self.info, works)
        self.desk.set_works(works)
        conflicts = sum(1 for c in changes if c.conflict)
        self.status(
            translate("ReviewWindow", "声明已保存：申请回避 {n} 个平台").format(n=conflicts)
            if conflicts
            else translate("ReviewWindow", "声明已保存")
        )
        if changes:
            self._on_saved()
        self.show_desk()

    # --------------------------------------------------------------------- undo / redo

    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    def _step(self, *, undo: bool) -> None:
        if self.session is None or self._busy:
            return
        if self.stack.currentWidget() is self.declaration_page and self.declaration_page.editing:
            self._step_declaration(undo=undo)
            return
        if undo and self.desk.revert_focused():
            self.status(translate("ReviewWindow", "已恢复为保存的值"))
            return
        from jlpanel.services import review

        try:
            edit = review.undo(self.session) if undo else review.redo(self.session)
        except UserError as exc:
            self._on_message(exc.message(current_language()), True)
            return
        if edit is None:
            self.status(
                translate("ReviewWindow", "没有可撤销的修改")
                if undo
                else translate("ReviewWindow", "没有可重做的修改")
            )
            self._update_actions()
            return
        works = self._works()
        if edit.table == "declarations":
            self.declaration_page.set_package(self.info, works)
        if self.stack.currentWidget() is not self.desk and edit.table != "declarations":
            self.stack.setCurrentWidget(self.desk)
        self.desk.show_edit(edit, works)
        what = self._describe_edit(edit)
        self.status(
            translate("ReviewWindow", "已撤销：{what}").format(what=what)
            if undo
            else translate("ReviewWindow", "已重做：{what}").format(what=what)
        )
        self._on_saved()

    def _step_declaration(self, *, undo: bool) -> None:
        """Ctrl+Z / Ctrl+Y on declarations not confirmed yet (the page's own steps)."""
        page = self.declaration_page
        what = page.undo() if undo else page.redo()
        if what is None:
            self.status(
                translate("ReviewWindow", "没有可撤销的修改")
                if undo
                else translate("ReviewWindow", "没有可重做的修改")
            )
        else:
            self.status(
                translate("ReviewWindow", "已撤销：{what}").format(what=what)
                if undo
                else translate("ReviewWindow", "已重做：{what}").format(what=what)
            )
        self._update_actions()

    def _describe_edit(self, edit: object) -> str:
        from jlpanel.services.review import Edit

        assert isinstance(edit, Edit) and self.session is not None
        platform = self.session.platform(edit.platform_id)
        kinds = {
            "scores": translate("ReviewWindow", "{code} 得分或评语"),
            "vetoes": translate("ReviewWindow", "否决项 {code}"),
            "bonus_scores": translate("ReviewWindow", "加分项 {code}"),
            "overall_comments": translate("ReviewWindow", "总体评价"),
            "declarations": translate("ReviewWindow", "回避声明"),
        }
        what = kinds.get(edit.table, edit.table).format(code=edit.code or "")
        return f"{platform.filing_no} {what}"

    # ---------------------------------------------------------------------- submitting

    def _score_folder(self) -> Path:
        value = app_settings().value(_SCORE_FOLDER_KEY, "")
        if isinstance(value, str) and value and Path(value).is_dir():
            return Path(value)
        return self.info.path.parent

    def _ask_score_path(self, title: str, name: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            title,
            str(self._score_folder() / name),
            translate("ReviewWindow", "jlpanel 评分文件 (*.jlscore)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".jlscore":
            path = path.with_name(path.name + ".jlscore")
        settings = app_settings()
        settings.setValue(_SCORE_FOLDER_KEY, str(path.parent))
        settings.sync()
        return path

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QApplication.restoreOverrideCursor()
        self._update_actions()

    def save_score_file(self) -> None:
        """保存评分文件…: ask where (the last folder, a USB stick), then sign and write it."""
        if self.session is None or self._busy or self.locked:
            return
        from jlpanel.services.review import default_score_file_name

        path = self._ask_score_path(
            translate("ReviewWindow", "保存评分文件"), default_score_file_name(self.session)
        )
        if path is None:
            return
        self._set_busy(True)
        self.status(translate("ReviewWindow", "正在保存评分文件…"))
        run_task(partial(_submit, self.session, path), self._on_submitted, self._on_submit_failed)

    def _on_submitted(self, written: SubmittedScoreFile) -> None:
        self._set_busy(False)
        self.last_submission = written
        self._after_lock_change()
        self.status(
            translate("ReviewWindow", "已保存评分文件（第 {revision} 版）：{path}").format(
                revision=written.revision, path=written.path
            )
        )
        log.info("score file revision %s written to %s", written.revision, written.path)
        self.submitted.emit(written)
        then, self._after_submit = self._after_submit, None
        if then is not None:  # 提交 in the question before closing or opening another
            then()

    def _on_submit_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._after_submit = None
        self._refresh_info()
        self._after_lock_change()
        message = show_failure(self, exc)
        self.submit_failed.emit(message)

    def _after_lock_change(self) -> None:
        self._refresh_info()
        self.desk.set_locked(self.info)
        self._refresh_revision()
        self.declaration_page.set_locked(self.info.locked)
        if self.stack.currentWidget() is self.submit_page or self.locked:
            from jlpanel.services.review import check_complete

            assert self.session is not None
            self.submit_page.show_state(
                self.session.rubric,
                self.info,
                check_complete(self.session),
                self._works(),
                self.last_submission,
                self.revision,
            )
        self._show_saved()
        self._update_actions()

    def save_copy(self) -> None:
        """再存一份: the submitted score file again, byte for byte, somewhere else."""
        if self.session is None or self._busy or not self.locked:
            return
        from jlpanel.services.review import default_score_file_name

        path = self._ask_score_path(
            translate("ReviewWindow", "再存一份评分文件"), default_score_file_name(self.session)
        )
        if path is None:
            return
        self._set_busy(True)
        run_task(
            partial(_save_copy, self.session, path), self._on_submitted, self._on_submit_failed
        )

    def reopen(self) -> None:
        """重新打开修改: unlock; the next submission carries the next revision."""
        if self.session is None or self._busy or not self.locked:
            return
        from jlpanel.services.review import reopen

        try:
            reopen(self.session)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.last_submission = None
        self._after_lock_change()
        self.status(
            translate(
                "ReviewWindow", "已重新打开评分表：修改后请再次提交（将为第 {revision} 版）"
            ).format(revision=self.info.revision + 1)
        )
        self.reopened.emit()
        self.show_desk()

    def open_score_folder(self) -> None:
        if self.last_submission is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_submission.path.parent)))

    # ------------------------------------------------------------------------ settings

    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it."""
        applied = switch_language(language)
        self.language_actions[applied].setChecked(True)

    def show_guide(self) -> None:
        """帮助 → 用户指南 (Shift+F1): the guide, at the experts' chapter."""
        from jlpanel.gui.common.help_window import open_guide

        self.help_window = open_guide(self, self.help_window, "expert")

    def show_keyboard_help(self) -> None:
        rows = "".join(
            f"<tr><td style='padding-right:16px'><b>{keys}</b></td><td>{what}</td></tr>"
            for keys, what in keyboard_help()
        )
        QMessageBox.information(
            self,
            translate("ReviewWindow", "键盘操作"),
            f"<table>{rows}</table>",
        )

    def show_settings(self) -> None:
        """设置 → 设置…: the same preferences as the main window's (window-modal)."""
        from jlpanel.gui.common.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self, set_language=self.set_language)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        from jlpanel.gui.common.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._on_message("", False)  # a message in the other language is stale
            self._retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------- unsubmitted changes

    def request_open(self) -> None:
        """文件 → 打开评审包 (Ctrl+O): after asking about changes not yet submitted."""
        if self._busy:
            return
        if not self.ask_unsubmitted(self.open_requested.emit):
            self.open_requested.emit()

    def ask_unconfirmed(self, then: Callable[[], object]) -> bool:
        """Declarations changed but not confirmed (they are stored only on 确认): ask before
        they are dropped. Returns False when there is nothing to ask."""
        if self.declarations_box is not None:
            self.declarations_box.raise_()
            return True
        if self.session is None or not self.declaration_page.unconfirmed:
            return False
        self.show_declaration()
        box = QMessageBox(self)
        box.setObjectName("unconfirmedBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("ReviewWindow", "回避声明尚未确认"))
        box.setText(translate("ReviewWindow", "您对回避声明的修改尚未确认。"))
        box.setInformativeText(
            translate(
                "ReviewWindow",
                "声明在点“确认并开始评审”后才保存；现在关闭，这些修改将不会保存。",
            )
        )
        back = box.addButton(
            translate("ReviewWindow", "返回声明(&R)"), QMessageBox.ButtonRole.RejectRole
        )
        box.addButton(
            translate("ReviewWindow", "放弃修改并关闭(&D)"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(partial(self._on_unconfirmed_answer, box, back, then))
        self.declarations_box = box
        box.open()
        return True

    def _on_unconfirmed_answer(
        self, box: QMessageBox, back: QAbstractButton, then: Callable[[], object], _result: int
    ) -> None:
        clicked = box.clickedButton()
        self.declarations_box = None
        if clicked is back or clicked is None:
            self.declaration_page.focus_table()
            return
        then()

    def _discard_and_close(self) -> None:
        self._discarding = True
        if not self.close():
            self._discarding = False

    def _close_later(self) -> None:
        self._leaving = True
        if not self.close():
            self._leaving = False

    def ask_unsubmitted(self, then: Callable[[], object]) -> bool:
        """With changes the secretary has not got, ask 提交 / 稍后提交 / 取消 (window-modal).

        Returns False when there is nothing to ask (go on now). Otherwise ``then`` is called
        once the answer allows: after the score file is written (提交), or at once (稍后提交:
        the changes are kept in the package, as every edit is); 取消 does nothing.
        """
        if self.session is None:
            return False
        if self.unsubmitted_box is not None:  # asked already: show the question again
            self.unsubmitted_box.raise_()
            self.unsubmitted_box.activateWindow()
            return True
        self.desk.commit_pending()  # a score still being typed counts
        self._refresh_revision()
        self._show_saved()
        revision = self.revision
        if revision is None or not revision.unsubmitted:
            return False
        box = QMessageBox(self)
        box.setObjectName("unsubmittedBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("ReviewWindow", "修改尚未提交"))
        box.setText(
            translate("ReviewWindow", "第 {current} 版评分尚未提交。").format(
                current=revision.current
            )
        )
        box.setInformativeText(
            translate(
                "ReviewWindow",
                "重新打开后修改了 {n} 个平台，秘书处仍只有第 {submitted} 版。"
                "修改已保存在评审包中，不会丢失。\n\n"
                "提交：检查并保存第 {current} 版评分文件。\n"
                "稍后提交：保留修改，以后打开评审包再提交。",
            ).format(
                n=len(revision.changed), submitted=revision.submitted, current=revision.current
            )
        )
        submit = box.addButton(
            translate("ReviewWindow", "提交(&S)…"), QMessageBox.ButtonRole.AcceptRole
        )
        later = box.addButton(
            translate("ReviewWindow", "稍后提交(&L)"), QMessageBox.ButtonRole.DestructiveRole
        )
        cancel = box.addButton(translate("ReviewWindow", "取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(submit)
        box.setEscapeButton(cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(partial(self._on_unsubmitted_answer, box, submit, later, then))
        self.unsubmitted_box = box
        box.open()
        return True

    def _on_unsubmitted_answer(
        self,
        box: QMessageBox,
        submit: QAbstractButton,
        later: QAbstractButton,
        then: Callable[[], object],
        _result: int,
    ) -> None:
        clicked = box.clickedButton()
        self.unsubmitted_box = None
        if clicked is submit:
            self._after_submit = then
            self.submit_now()
            if not self._busy:  # incomplete, or the Save dialog was cancelled: stay
                self._after_submit = None
        elif clicked is later:
            self.status(translate("ReviewWindow", "修改已保存在评审包中，尚未提交"))
            then()
        else:
            self.status(translate("ReviewWindow", "已取消：修改尚未提交"))

    # -------------------------------------------------------------------------- closing

    def close_package(self) -> None:
        """Store what is being typed, then close the package file."""
        if self.session is None:
            return
        self.desk.commit_pending()
        QThreadPool.globalInstance().waitForDone()
        QApplication.sendPostedEvents()
        self.desk.dossier_view.set_context(None, None)
        self.session.close()
        self.session = None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:  # a score file is being written
            event.ignore()
            return
        if not self._discarding and self.ask_unconfirmed(self._discard_and_close):
            event.ignore()
            return
        if not self._leaving and self.ask_unsubmitted(self._close_later):
            event.ignore()  # the question decides
            return
        settings = app_settings()
        settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        settings.sync()
        self.close_package()
        super().closeEvent(event)
        self.closed.emit()
