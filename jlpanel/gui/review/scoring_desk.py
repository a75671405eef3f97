"""The scoring desk: the expert's platforms, the dossier, and the indicator panel.

Every edit is stored the moment it is entered (``services.review`` commits it before
returning, so a killed program loses nothing already entered); the desk then reads the
platform's sheet back and shows it. Enter moves on through the sheet: the next indicator,
then the comments the rubric demands, then the next platform, then the submit step.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QApplication, QHeaderView, QSizePolicy, QWidget

from jlpanel.gui.common import formatting
from jlpanel.gui.common.crash import report_exception
from jlpanel.gui.common.dossier_source import PackageDossiers
from jlpanel.gui.common.dossier_view import DossierView
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.theme import UNSUBMITTED, WrappingItemDelegate
from jlpanel.gui.forms.ui_scoring_desk import Ui_ScoringDesk
from jlpanel.gui.review.desk_models import DeskPlatformModel, progress_text
from jlpanel.gui.review.indicator_panel import Field, IndicatorPanel
from jlpanel.services.errors import UserError

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.domain.rubric import Rubric
    from jlpanel.services.review import (
        Edit,
        PackageInfo,
        PlatformWork,
        ReviewSession,
        RevisionState,
    )

log = logging.getLogger(__name__)

#: The "not submitted" banner and list line.
UNSUBMITTED_COLOUR = UNSUBMITTED

#: Where the cursor goes when a platform is shown.
Target = tuple[Field, str]


class ScoringDesk(QWidget):
    """Platform list · dossier · indicator panel, over an open review package."""

    #: An edit was stored (the window shows 已保存 hh:mm:ss).
    saved = Signal()
    #: A status-line message; True when it says what is wrong.
    message = Signal(str, bool)
    #: A platform's progress changed (the window updates what depends on it).
    progress_changed = Signal()
    #: Enter after the last thing to do: go to the submit step.
    submit_requested = Signal()
    #: The panel shows this platform (its dossier follows in the background).
    platform_shown = Signal(int)
    #: 重新打开修改 in the locked banner.
    reopen_requested = Signal()
    #: 提交评分… in the "not submitted" banner.
    submit_now_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ScoringDesk()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.session: ReviewSession | None = None
        self.rubric: Rubric | None = None
        self.info: PackageInfo | None = None
        self.works: list[PlatformWork] = []
        self.platform_id: int | None = None
        self.locked = False
        #: The sheet against the last submitted score file (None: not known yet).
        self.revision: RevisionState | None = None
        #: perf_counter of the last platform switch (for timing the switch).
        self.switch_started = 0.0

        self.model = DeskPlatformModel(self)
        table = self.ui.platformTable
        table.setModel(self.model)
        # Names wrap onto as many lines as the list's width needs: never cut to "分析测试…".
        table.setItemDelegate(WrappingItemDelegate(table))
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(DeskPlatformModel.NAME, QHeaderView.ResizeMode.Stretch)
        self._size_list_columns()
        table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        # The desk is moving the list's current row itself (not the expert's click).
        self._selecting = False

        self.dossier_view = DossierView(self.ui.dossierPane)
        self.dossier_view.set_back_enabled(False)
        self.dossier_view.set_compact(True)
        self.ui.dossierLayout.addWidget(self.dossier_view)
        self.dossier_view.overview_loaded.connect(self._on_overview)
        self.panel = IndicatorPanel(self.ui.panelPane)
        self.ui.panelLayout.addWidget(self.panel)
        self.panel.score_committed.connect(self._on_score)
        self.panel.comment_committed.connect(self._on_comment)
        self.panel.veto_committed.connect(self._on_veto)
        self.panel.bonus_committed.connect(self._on_bonus)
        self.panel.overall_committed.connect(self._on_overall)
        self.panel.message.connect(self.message)

        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 5)
        self.ui.splitter.setStretchFactor(2, 5)
        self.ui.lockedFrame.setStyleSheet(
            "QFrame#lockedFrame { background: #fff8e6; border: 1px solid #e0c58a; }"
        )
        self.ui.lockedFrame.hide()
        self.ui.lockedLayout.setStretchFactor(self.ui.lockedLabel, 1)
        # Wrapped: a one-line banner would set the window's minimum width (a long language).
        self.ui.lockedLabel.setWordWrap(True)
        self.ui.lockedFrame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.ui.outerLayout.setStretchFactor(self.ui.splitter, 1)
        self.ui.reopenButton.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.ui.reopenButton.clicked.connect(self.reopen_requested)
        self.ui.submitButton.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.ui.submitButton.clicked.connect(self.submit_now_requested)
        self.ui.revisionLabel.setStyleSheet(f"color: {UNSUBMITTED_COLOUR}; font-weight: bold;")
        self.ui.revisionLabel.hide()
        self.ui.submitButton.hide()

    def _size_list_columns(self) -> None:
        # Fixed widths: measuring every row's contents each time a score is saved would cost
        # a platform switch much of its budget.
        table = self.ui.platformTable
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        for column, sample in (
            (DeskPlatformModel.PROGRESS, "15/15"),
            (DeskPlatformModel.TOTAL, "100.0"),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, widest + 16)  # the name gets what is left

    def fit_splitter(self, width: int) -> None:
        """Share ``width`` between list, dossier and panel (the panel needs the most room)."""
        # 911 px (1366×768 at 150 %): 220 · 290 · 400; 1366 px: 270 · 555 · 540.
        listing = max(220, min(320, int(width * 0.2)))
        panel = max(min(540, int(width * 0.44)), int(width * 0.38))
        self.ui.splitter.setSizes([listing, max(300, width - listing - panel), panel])

    # -------------------------------------------------------------------------- content

    def set_session(
        self,
        session: ReviewSession,
        info: PackageInfo,
        works: Sequence[PlatformWork],
    ) -> None:
        """The open package, what it says about itself and every platform's work."""
        self.session = session
        self.rubric = session.rubric
        self.info = info
        self.dossier_view.set_context(PackageDossiers(session), session.rubric)
        self.panel.set_rubric(session.rubric)
        self.set_works(works)
        self.set_locked(info)

    def set_works(self, works: Sequence[PlatformWork]) -> None:
        """Every platform's work (after declarations changed); declared conflicts are left off."""
        assert self.rubric is not None
        self.works = list(works)
        scoring = [w for w in works if w.state.value != "conflict"]
        current = self.platform_id
        self.model.set_works(scoring, len(self.rubric.indicators))
        self._show_progress()
        if current is not None and self.model.row_of(current) >= 0:
            self._select_row(self.model.row_of(current))
            self._refresh_current()
        elif scoring:
            self.show_platform(scoring[0].platform.id, focus=None)
        else:
            self.platform_id = None
            self.panel.show_work(None)
            self.dossier_view.clear()
        self.progress_changed.emit()

    def set_locked(self, info: PackageInfo) -> None:
        """Show the package's lock state (submitted: read-only, with 重新打开修改)."""
        self.info = info
        self.locked = info.locked
        self.panel.set_locked(info.locked)
        self._show_banner()

    def set_revision(self, revision: RevisionState) -> None:
        """Show whether a reopened sheet has changes not yet submitted (the banner, the list)."""
        self.revision = revision
        self.model.set_changed(revision.changed if revision.unsubmitted else frozenset())
        self._show_banner()

    @property
    def unsubmitted(self) -> bool:
        return self.revision is not None and self.revision.unsubmitted and not self.locked

    def _show_banner(self) -> None:
        unsubmitted = self.unsubmitted
        self.ui.lockedFrame.setVisible(self.locked or unsubmitted)
        self.ui.reopenButton.setVisible(self.locked)
        self.ui.submitButton.setVisible(unsubmitted)
        self.ui.revisionLabel.setVisible(unsubmitted)
        self._retranslate_lock()

    def banner_text(self) -> str:
        """What the banner above the desk says ("" when it is hidden)."""
        return self.ui.lockedLabel.text() if self.ui.lockedFrame.isVisibleTo(self) else ""

    def _retranslate_lock(self) -> None:
        info = self.info
        revision = self.revision
        if self.unsubmitted and revision is not None:
            self.ui.lockedLabel.setText(
                translate(
                    "ScoringDesk",
                    "第 {current} 版未提交：重新打开后修改了 {n} 个平台（已保存在评审包中），"
                    "秘书处仍只有第 {submitted} 版。",
                ).format(
                    current=revision.current,
                    n=len(revision.changed),
                    submitted=revision.submitted,
                )
            )
            self.ui.revisionLabel.setText(
                translate("ScoringDesk", "第 {current} 版未提交（粗体为修改过的平台）").format(
                    current=revision.current
                )
            )
            return
        if info is None or not info.locked:
            return
        self.ui.lockedLabel.setText(
            translate(
                "ScoringDesk",
                "评分已提交（第 {revision} 版），评分表已锁定，只能查看。"
                "如需修改，请重新打开；修改后须再次提交（第 {next} 版）。",
            ).format(revision=info.revision, next=info.revision + 1)
        )

    def _show_progress(self) -> None:
        counts: dict[str, int] = {}
        for work in self.works:
            counts[work.state.value] = counts.get(work.state.value, 0) + 1
        parts = [
            translate("ScoringDesk", "{state} {n}").format(state=progress_text(state), n=n)
            for state in ("done", "partial", "not_started", "conflict")
            if (n := counts.get(state, 0))
        ]
        separator = translate("ScoringDesk", " · ")
        self.ui.progressLabel.setText(separator.join(parts) or "—")

    def progress_counts(self) -> dict[str, int]:
        """How many platforms are in each state."""
        counts: dict[str, int] = {}
        for work in self.works:
            counts[work.state.value] = counts.get(work.state.value, 0) + 1
        return counts

    def work_of(self, platform_id: int) -> PlatformWork | None:
        return next((w for w in self.works if w.platform.id == platform_id), None)

    # ------------------------------------------------------------------- switching

    def _select_row(self, row: int) -> None:
        # Not by blocking the selection model's signals: the view would miss them and keep
        # painting the previous row as selected.
        table = self.ui.platformTable
        self._selecting = True
        try:
            table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._selecting = False
        table.scrollTo(self.model.index(row, 0))

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._selecting:
            platform_id = self.model.work(current.row()).platform.id
            if platform_id != self.platform_id:
                self.show_platform(platform_id, focus=None)

    def show_platform(self, platform_id: int, *, focus: Target | str | None = "first") -> None:
        """Show a platform: its sheet on the panel at once, its dossier in the background.

        ``focus`` is where the cursor goes: "first" (the first thing left to do), a
        (field, code) target, or None (stay where it is).
        """
        if self.session is None:
            return
        self.switch_started = time.perf_counter()
        self.commit_pending()
        row = self.model.row_of(platform_id)
        if row < 0:
            return
        from jlpanel.services.review import platform_work

        work = self._call(platform_work, self.session, platform_id)
        if work is None:
            return
        self.platform_id = platform_id
        self._update_work(work)
        self._select_row(row)
        overview = self.dossier_view.overview
        same = overview is not None and overview.platform_id == platform_id
        self.panel.show_work(work, overview.metrics if same and overview else None)
        if not same or self.dossier_view.platform_id != platform_id:
            self.dossier_view.show_platform(platform_id, work.platform)
        if focus == "first":
            self.focus_target(self.first_target(work))
        elif isinstance(focus, tuple):
            self.focus_target(focus)
        self.platform_shown.emit(platform_id)

    def step_platform(self, step: int) -> bool:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous platform (wrapping round)."""
        count = self.model.rowCount()
        if not count:
            return False
        row = self.model.row_of(self.platform_id) if self.platform_id is not None else -1
        target = (row + step) % count if row >= 0 else 0
        self.show_platform(self.model.work(target).platform.id)
        return True

    def _on_overview(self, platform_id: int) -> None:
        overview = self.dossier_view.overview
        if overview is not None and platform_id == self.platform_id:
            self.panel.set_metrics(overview.metrics)

    def _refresh_current(self) -> None:
        if self.session is None or self.platform_id is None:
            return
        from jlpanel.services.review import platform_work

        work = self._call(platform_work, self.session, self.platform_id)
        if work is not None:
            self._update_work(work)
            self.panel.apply_work(work)

    def commit_pending(self) -> None:
        """A field being typed in when the platform changes: store it first (nothing lost)."""
        focused = QApplication.focusWidget()
        if self.panel.field_of(focused) is not None and focused is not None:
            focused.clearFocus()  # its editingFinished stores a valid value

    # ---------------------------------------------------------------------- targets

    def first_target(self, work: PlatformWork) -> Target:
        """The first thing to do on a platform: an unscored indicator, a missing comment."""
        assert self.rubric is not None
        for indicator in self.rubric.indicators:
            if work.sheet.points.get(indicator.code) is None:
                return Field.SCORE, indicator.code
        missing = self._missing_comment(work)
        if missing is not None:
            return Field.COMMENT, missing
        return Field.SCORE, self.rubric.indicators[0].code

    def _missing_comment(self, work: PlatformWork) -> str | None:
        assert self.rubric is not None
        for indicator in self.rubric.indicators:
            value = work.sheet.points.get(indicator.code)
            if (
                value is not None
                and indicator.requires_comment(value)
                and not (work.sheet.comments.get(indicator.code) or "").strip()
            ):
                return indicator.code
        return None

    def focus_target(self, target: Target) -> None:
        self.panel.focus_field(*target)

    def advance_from(self, field: Field, code: str) -> None:
        """After Enter: the next indicator's score, then missing comments, then the next
        unscored indicator, then the next platform with work left, then the submit step."""
        assert self.rubric is not None
        work = self.panel.work
        if work is None:
            return
        codes = [i.code for i in self.rubric.indicators]
        if field is Field.SCORE and code in codes and code != codes[-1]:
            self.focus_target((Field.SCORE, codes[codes.index(code) + 1]))
            return
        if field is Field.BONUS:
            items = list(self.panel.bonus_rows)
            if code in items and code != items[-1]:
                self.focus_target((Field.BONUS, items[items.index(code) + 1]))
            else:
                self.focus_target((Field.OVERALL, ""))
            return
        missing = self._missing_comment(work)
        if missing is not None:
            if field is Field.COMMENT and missing == code:
                self.message.emit(
                    translate("ScoringDesk", "{code} 的得分须填写评语").format(code=code), True
                )
            self.focus_target((Field.COMMENT, missing))
            return
        unscored = next((c for c in codes if work.sheet.points.get(c) is None), None)
        if unscored is not None:
            self.focus_target((Field.SCORE, unscored))
            return
        self._next_platform_or_submit()

    def _next_platform_or_submit(self) -> None:
        works = self.model.works()
        row = self.model.row_of(self.platform_id) if self.platform_id is not None else -1
        order = works[row + 1 :] + works[: max(row, 0)]
        for work in order:
            if work.state.value != "done":
                self.show_platform(work.platform.id)
                self.message.emit(
                    translate("ScoringDesk", "已完成该平台，转到下一个：{name}").format(
                        name=work.platform.name
                    ),
                    False,
                )
                return
        self.submit_requested.emit()

    # ---------------------------------------------------------------------- saving

    def _call(self, function: Callable[..., Any], *args: Any) -> Any:
        """Call a service; a UserError goes to the status line (and returns None)."""
        try:
            return function(*args)
        except UserError as exc:
            self.message.emit(exc.message(current_language()), True)
            return None
        except Exception as exc:
            report_exception(exc, self)
            return None

    def _stored(self) -> None:
        """After an edit: read the platform back, show it, tell the window."""
        self._refresh_current()
        self._show_progress()
        self.saved.emit()
        self.progress_changed.emit()

    def _edit(self, function: Callable[..., Any], *args: Any) -> bool:
        if self.session is None or self.platform_id is None or self.locked:
            return False
        try:
            function(self.session, self.platform_id, *args)
        except UserError as exc:
            self.message.emit(exc.message(current_language()), True)
            return False
        except Exception as exc:
            report_exception(exc, self)
            return False
        self._stored()
        return True

    def _on_score(self, code: str, value: float | None, advance: bool) -> None:
        from jlpanel.services.review import set_score

        if self.panel.stored_points(code) != value:
            if not self._edit(set_score, code, value):
                from jlpanel.gui.review.indicator_panel import set_state

                set_state(self.panel.rows[code].score_edit, "invalid")
                return
            self.message.emit(self._saved_text(code, value), False)
        if advance:
            self.advance_from(Field.SCORE, code)

    def _saved_text(self, code: str, value: float | None) -> str:
        if value is None:
            return translate("ScoringDesk", "已清除 {code} 的得分").format(code=code)
        return translate("ScoringDesk", "已保存 {code}：{points} 分").format(
            code=code, points=formatting.points(value)
        )

    def _on_comment(self, code: str, text: str, advance: bool) -> None:
        from jlpanel.services.review import set_comment

        if (self.panel.stored_comment(code) or "") != text and not self._edit(
            set_comment, code, text or None
        ):
            return
        if advance:
            self.advance_from(Field.COMMENT, code)

    def _on_veto(self, code: str, reason: str | None, advance: bool) -> None:
        from jlpanel.services.review import set_veto

        work = self.panel.work
        stored = work.sheet.vetoes.get(code) if work else None
        if stored != reason and not self._edit(set_veto, code, reason):
            return
        if advance:
            self.advance_from(Field.VETO_REASON, code)

    def _on_bonus(self, code: str, value: float | None, advance: bool) -> None:
        from jlpanel.services.review import set_bonus

        work = self.panel.work
        stored = work.sheet.bonus.get(code) if work else None
        if stored != value and not self._edit(set_bonus, code, value):
            return
        if advance:
            self.advance_from(Field.BONUS, code)

    def _on_overall(self, text: str, advance: bool) -> None:
        from jlpanel.services.review import set_overall_comment

        work = self.panel.work
        stored = (work.sheet.overall_comment if work else "") or ""
        if stored != text and not self._edit(set_overall_comment, text or None):
            return
        if advance:
            self.advance_from(Field.OVERALL, "")

    def _update_work(self, work: PlatformWork) -> None:
        self.works = [work if w.platform.id == work.platform.id else w for w in self.works]
        self.model.update_work(work)

    # ------------------------------------------------------------------ undo / redo

    def revert_focused(self) -> bool:
        """Ctrl+Z in a field with unsaved typing: put the stored value back first."""
        where = self.panel.field_of(QApplication.focusWidget())
        return where is not None and self.panel.revert(*where)

    def show_edit(self, edit: Edit | None, works: Sequence[PlatformWork]) -> None:
        """After undo/redo: every platform's work again, the changed value in view."""
        self.set_works(works)
        if edit is None:
            return
        if edit.table == "declarations":
            return
        target: Target | None = None
        if edit.code is not None:
            target = {
                "scores": (Field.SCORE, edit.code),
                "vetoes": (Field.VETO, edit.code),
                "bonus_scores": (Field.BONUS, edit.code),
            }.get(edit.table)
        if edit.table == "scores" and edit.code is not None:
            work = self.work_of(edit.platform_id)
            if work is not None and self.panel.rows[edit.code].indicator.requires_comment(
                work.sheet.points.get(edit.code) or Decimal(-1)
            ):
                target = (Field.COMMENT, edit.code)
        if target is None and edit.table == "overall_comments":
            target = (Field.OVERALL, "")
        if self.model.row_of(edit.platform_id) >= 0:
            self.show_platform(edit.platform_id, focus=target or "first")

    # -------------------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self.model.retranslate()
            self._size_list_columns()
            self._show_progress()
            self._retranslate_lock()
        super().changeEvent(event)


def focused_field_widget(desk: ScoringDesk) -> QWidget | None:
    """The panel's field that has the keyboard focus (None when another widget has it)."""
    widget = QApplication.focusWidget()
    return widget if desk.panel.field_of(widget) is not None else None
