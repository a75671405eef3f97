"""The panel secretary's three pages: 评分汇总 (who has submitted what), 讨论与共识 (the
discussion list, a platform's scores beside their statistics, adjusting and the panel opinion)
and 考核结果 (scores, grades, decisions, the lists, the charts and history).

Each page takes the open workspace with ``set_workspace`` and reloads with ``refresh``; the
services are imported inside the functions so SQLAlchemy stays off the start-up path.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QScrollArea,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from jlpanel.domain.exact import to_decimal
from jlpanel.gui.common.crash import report_exception, show_user_error
from jlpanel.gui.common.done_message import show_done
from jlpanel.gui.common.dossier_models import findings_text
from jlpanel.gui.common.formatting import date, fixed, number
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.table_support import Column, RowsModel
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.tasks import hold, release, run_task
from jlpanel.gui.common.theme import (
    DONE,
    WARN,
    RoomyItemDelegate,
    WrappingItemDelegate,
    icon,
    scaled_font,
    set_muted,
)
from jlpanel.gui.forms.ui_discussion_page import Ui_DiscussionPage
from jlpanel.gui.forms.ui_results_page import Ui_ResultsPage
from jlpanel.gui.forms.ui_scores_summary_page import Ui_ScoresSummaryPage
from jlpanel.gui.secretary.charts import GradeChart, SpreadBar, SpreadChart
from jlpanel.gui.secretary.secretary_models import (
    GROUP_START_ROLE,
    STATE_LOOK,
    MatrixModel,
    PanelScoresModel,
    grade_text_colour,
    score_text,
    state_text,
)
from jlpanel.services.errors import UserError

if TYPE_CHECKING:
    from jlpanel.domain.agreement import AgreementStatistic, PanelAgreement
    from jlpanel.domain.results import CycleResults, Tie
    from jlpanel.domain.rules import RuleSettings
    from jlpanel.services.dashboard import (
        DiscussionItem,
        LeniencyLine,
        PlatformPanel,
        SpreadPoint,
        VetoClaimLine,
    )
    from jlpanel.services.history import HistoryLine
    from jlpanel.services.merge import MergeStatus, StatusPlatform
    from jlpanel.services.panel import ConfirmationStatus, TieLine
    from jlpanel.services.results import (
        DisqualificationLine,
        FundingLine,
        GradeDistribution,
        NotFinalLine,
        RectificationLine,
        ResultLine,
    )
    from jlpanel.services.workspace import Workspace

log = logging.getLogger(__name__)

#: An expert whose totals are this many points above (below) the panels' on average is
#: lenient (strict).
LENIENCY_POINTS = 4

#: A page shows a background read in steps this many milliseconds apart (a timer, not a
#: queued call: the window's posted events run all in one go, its timers after them).
TURN_MS = 1


def _setup_table(
    view: QTableView,
    model: Any,
    *,
    stretch: int | None = None,
    capped: int | None = None,
) -> None:
    """Make ``view`` (a form's table) a read-only row-selecting table over ``model``.

    ``capped`` names a column
    (a long platform name) kept at most about 8 characters wide, eliding the rest, so the
    ``stretch`` column keeps room on a narrow window.
    """
    view.setModel(model)
    view.setItemDelegate(RoomyItemDelegate(view))
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        column = stretch

        def stretch_again() -> None:
            # section modes set before a model has columns are lost: set them on every reset
            if model.columnCount() > column:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            if capped is not None and model.columnCount() > capped:
                header.setSectionResizeMode(capped, QHeaderView.ResizeMode.Interactive)
                widest = view.fontMetrics().horizontalAdvance("吉") * 8
                view.setColumnWidth(capped, min(view.sizeHintForColumn(capped), widest))

        model.modelReset.connect(stretch_again)
        stretch_again()
    else:
        header.setStretchLastSection(True)
    spreadsheet(view, sort=isinstance(model, RowsModel))  # a matrix keeps its rows' order


def _heading(label: QLabel) -> None:
    label.setFont(scaled_font(label, 1.15, bold=True))


def _select_row(view: QTableView, row: int) -> None:
    model = view.model()
    if 0 <= row < model.rowCount():
        view.selectionModel().setCurrentIndex(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )


class _Page(QWidget):
    """A secretary page: holds the workspace, retranslates on a language change."""

    #: Something changed the workspace (merge, adjustment…): other pages should reload.
    changed = Signal()
    #: A sentence for the status bar.
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        #: The shown data is older than the workspace: reload when the page is next shown.
        self.stale = False
        #: Bumped by every read started and by a workspace change: a read that finishes
        #: after another began (or for another workspace) is dropped.
        self._generation = 0
        #: Bumped by every showing of read data: the turns left of an older one are dropped.
        self._shows = 0
        #: The tokens (:func:`hold`) of showings with a step left; a page deleted meanwhile
        #: (its timers then never fire) lets go of them.
        held: set[object] = set()
        self._held = held

        def let_go_all() -> None:
            for token in list(held):
                release(token)

        self.destroyed.connect(let_go_all)

    def set_workspace(self, workspace: Workspace | None, *, load: bool = True) -> None:
        """Show ``workspace``; with ``load=False`` only when the page is next shown."""
        if workspace is not self.workspace:
            self._generation += 1
            self.forget()
        self.workspace = workspace
        self.stale = True
        if load:
            self.reload()

    def forget(self) -> None:
        """Drop what was shown of the previous workspace."""

    def reload(self) -> None:
        """Reload from the workspace now (a no-op without one)."""
        self.stale = False
        if self.workspace is not None:
            self.refresh()

    def reload_in_background(self) -> None:
        """Reload from the workspace in the background (a no-op without one): on a large
        cycle the services' reading and aggregating would freeze the window for seconds.
        What was shown stays until the new data arrives."""
        self.stale = False
        if self.workspace is None:
            return
        self._generation += 1
        run_task(
            self.reader(self.workspace, current_language()),
            partial(self._on_read, self._generation),
            partial(self._on_read_failed, self._generation),
            read=True,
        )

    def _on_read(self, generation: int, data: Any) -> None:
        if generation == self._generation and self.workspace is not None:
            self._shows += 1
            steps = self.turns(data)
            token = hold()  # the steps left count as pending (tests and benchmarks wait)
            self._held.add(token)
            self._show_in_turns(self._shows, self.workspace, steps, token)

    def turns(self, data: Any) -> list[Callable[[], None]]:
        """:meth:`show_data` in steps, each in a turn of the event loop of its own after a
        background read: the layout and paint of all of a 2,000-platform page at once
        blocked the window for over 100 ms (issue 16)."""
        return [partial(self.show_data, data)]

    def _show_in_turns(
        self, shows: int, workspace: Workspace, steps: list[Callable[[], None]], token: object
    ) -> None:
        """The first of ``steps`` now, the others each after the window's next turn (a timer,
        so the heartbeat, layout and paint come between); dropped once newer data is shown
        or the workspace changed. ``token`` (:func:`hold`) is released after the last."""
        if shows != self._shows or workspace is not self.workspace or not steps:
            self._let_go(token)
            return
        try:
            steps[0]()
        finally:
            if len(steps) > 1:
                later = partial(self._show_in_turns, shows, workspace, steps[1:], token)
                QTimer.singleShot(TURN_MS, self, later)
            else:
                self._let_go(token)

    def _let_go(self, token: object) -> None:
        self._held.discard(token)
        release(token)

    def _on_read_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            report_exception(exc, self)

    def reload_if_stale(self) -> None:
        if self.stale:
            self.reload_in_background()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.reload_if_stale()

    def refresh(self) -> None:
        """Read the workspace again now (after the user's own change on this page)."""
        if self.workspace is None:
            return
        self._generation += 1  # a background read still under way is older
        self._shows += 1
        self.show_data(self.reader(self.workspace, current_language())())

    def reader(self, workspace: Workspace, language: str) -> Callable[[], Any]:
        """The background read: :meth:`read` over plain data."""
        return partial(self.read, workspace, language)

    @staticmethod
    def read(workspace: Workspace, language: str) -> Any:  # pragma: no cover - overridden
        """What the page shows, read and aggregated; runs off the GUI thread (no widgets)."""
        raise NotImplementedError

    def show_data(self, data: Any) -> None:  # pragma: no cover - overridden
        """Show what :meth:`read` returned."""
        raise NotImplementedError

    def retranslate(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # the services word some texts in the language: read again, now or when shown
            self.stale = True
            if self.isVisible():
                self.reload_in_background()
        super().changeEvent(event)


# =============================================================================== 评分汇总


class ScoresSummaryPage(_Page):
    """评分汇总: the platform × expert matrix, who is still missing, and 合并评分文件."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ScoresSummaryPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        _heading(ui.titleLabel)
        ui.mergeButton.setIcon(icon("document-import"))
        ui.paperButton.setIcon(icon("edit-score"))
        ui.refreshButton.setIcon(icon("view-refresh"))
        set_muted(ui.legendLabel)
        self.matrix_model = MatrixModel(self)
        _setup_table(ui.matrixTable, self.matrix_model, stretch=0)
        ui.matrixTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        # Sized from the states' words and the names (_size_columns): to its contents, a
        # 2,000 × 200 matrix would ask for every cell on every layout.
        ui.matrixTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        ui.mergeButton.clicked.connect(self.open_merge_dialog)
        ui.paperButton.clicked.connect(self.open_paper_dialog)
        ui.refreshButton.clicked.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
        self.matrix_model.retranslate()

    @staticmethod
    def read(workspace: Workspace, language: str) -> MergeStatus:
        from jlpanel.services.merge import merge_status

        return merge_status(workspace)

    def show_data(self, data: Any) -> None:
        status: MergeStatus = data
        self.matrix_model.set_status(status)
        self._size_columns()
        missing = status.still_missing
        if not status.experts:
            text = translate("SecretaryView", "还没有导入专家名单")
            colour = WARN
        elif not missing:
            text = translate("SecretaryView", "全部评分已收齐。")
            colour = DONE
        else:
            who = "、".join(
                translate("SecretaryView", "{name}（缺 {n} 个）").format(name=e.name, n=e.missing)
                for e in missing
            )
            text = translate("SecretaryView", "仍缺评分：{who}").format(who=who)
            colour = WARN
        self.ui.missingLabel.setText(text)
        self.ui.missingLabel.setStyleSheet(f"color: {colour};")

    def forget(self) -> None:
        self.matrix_model.set_status(None)
        self.ui.missingLabel.setText("")

    def _size_columns(self) -> None:
        """The experts' columns as wide as their names or the widest state with its icon, the
        count as wide as its widest; the platform's column stretches."""
        status = self.matrix_model.status()
        table = self.ui.matrixTable
        header = table.horizontalHeader()
        if status is None or not status.experts:
            return
        metrics = table.fontMetrics()
        icon_width = table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        pad = 2 * RoomyItemDelegate.PAD_X + RoomyItemDelegate.ICON_GAP + 8
        states = max(metrics.horizontalAdvance(state_text(s)) for s in STATE_LOOK)
        for column in range(1, len(status.experts) + 1):
            header.resizeSection(
                column, max(header.sectionSizeHint(column), states + icon_width + pad)
            )
        last = len(status.experts) + 1
        most = max((expected for _done, expected in self.matrix_model.counts()), default=0)
        counts = metrics.horizontalAdvance(f"{most} / {most}")
        header.resizeSection(last, max(header.sectionSizeHint(last), counts + pad))

    def still_missing_text(self) -> str:
        return self.ui.missingLabel.text()

    def open_merge_dialog(self) -> Any:
        """Open 合并评分文件; the matrix reloads after every merge."""
        if self.workspace is None:
            return None
        from jlpanel.gui.secretary.merge_dialog import MergeDialog

        dialog = MergeDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self._on_merged)
        dialog.open()
        return dialog

    def open_paper_dialog(self) -> Any:
        """Open 录入纸质评分表; the matrix reloads after every sheet stored."""
        if self.workspace is None:
            return None
        from jlpanel.gui.secretary.paper_dialog import PaperEntryDialog

        dialog = PaperEntryDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.entered.connect(self._on_paper_entered)
        dialog.open()
        return dialog

    def _on_paper_entered(self, expert: str, platform: str) -> None:
        self.refresh()
        self.status_message.emit(
            translate("SecretaryView", "已录入 {expert} 对“{platform}”的纸质评分").format(
                expert=expert, platform=platform
            )
        )
        self.changed.emit()

    def _on_merged(self, outcomes: list[Any]) -> None:
        from jlpanel.gui.secretary.merge_dialog import merge_summary

        self.refresh()
        self.status_message.emit(merge_summary(outcomes))
        self.changed.emit()


# ============================================================================ 讨论与共识


def _discussion_columns() -> list[Column[DiscussionItem]]:
    return [
        Column(lambda: translate("SecretaryView", "备案编号"), lambda d: d.filing_no),
        Column(lambda: translate("SecretaryView", "平台"), lambda d: d.name),
        Column(
            lambda: translate("SecretaryView", "讨论事项"),
            lambda d: "；".join(_discussion_reasons(d)),
            tooltip=lambda d: "\n".join(_discussion_reasons(d)),
        ),
        Column(
            lambda: translate("SecretaryView", "极差"),
            lambda d: _fixed_or_dash(d.range),
            numeric=True,
            colour=lambda d: WARN if d.flags else None,
            header_tip=lambda: translate(
                "SecretaryView", "极差：专家总分的最高分减最低分，即专家之间相差最大的分数"
            ),
            tooltip=lambda d: translate(
                "SecretaryView", "专家总分 n={n}：最低 {low}，中位数 {mid}，最高 {high}"
            ).format(
                n=d.n,
                low=_fixed_or_dash(d.minimum),
                mid=_fixed_or_dash(d.median),
                high=_fixed_or_dash(d.maximum),
            ),
        ),
        Column(
            lambda: translate("SecretaryView", "得分"),
            lambda d: score_text(d.score),
            numeric=True,
            header_tip=lambda: translate(
                "SecretaryView", "得分：按本周期规则由有效评分算出的平台得分（调整后为调整的得分）"
            ),
        ),
    ]


def _fixed_or_dash(value: Any) -> str:
    return "—" if value is None else fixed(value, 1)


def _discussion_reasons(d: DiscussionItem) -> list[str]:
    """Why a platform is on the discussion list, one line each: disagreements, veto claims
    with their status, and an undecided tie."""
    lines = [f.text for f in d.flags]
    lines += [translate("SecretaryView", "否决：{claim}").format(claim=c.text) for c in d.claims]
    if d.tie is not None:
        lines.append(translate("SecretaryView", "并列待排序：{where}").format(where=d.tie))
    return lines


def _leniency_columns() -> list[Column[LeniencyLine]]:
    return [
        Column(lambda: translate("SecretaryView", "专家"), lambda x: x.name),
        Column(
            lambda: translate("SecretaryView", "评分平台数"),
            lambda x: str(x.n),
            numeric=True,
            header_tip=lambda: translate(
                "SecretaryView", "评分平台数：该专家评了、且至少还有一位专家评了的平台数"
            ),
        ),
        Column(
            lambda: translate("SecretaryView", "平均偏离"),
            lambda x: f"{x.mean_deviation:+.2f}",
            numeric=True,
            colour=lambda x: WARN if abs(x.mean_deviation) >= LENIENCY_POINTS else None,
            header_tip=lambda: translate(
                "SecretaryView",
                "平均偏离：该专家的总分减去同一平台全体专家总分的平均，再对其评过的平台取平均；"
                "正数偏宽，负数偏严",
            ),
        ),
        Column(
            lambda: translate("SecretaryView", "平均 z 值"),
            lambda x: f"{x.mean_z:+.2f}",
            numeric=True,
            header_tip=lambda: translate(
                "SecretaryView",
                "z 值（z 分数）：专家总分偏离同组平均有几个标准差，即（本人总分 − 同组平均）÷ "
                "同组标准差；再对其评过的平台取平均。0 附近为适中，+1 表示平均高出一个标准差"
                "（偏宽），−1 表示平均低一个标准差（偏严）",
            ),
        ),
        Column(
            lambda: translate("SecretaryView", "倾向"),
            lambda x: (
                translate("SecretaryView", "偏宽")
                if x.mean_deviation >= LENIENCY_POINTS
                else translate("SecretaryView", "偏严")
                if x.mean_deviation <= -LENIENCY_POINTS
                else translate("SecretaryView", "适中")
            ),
            header_tip=lambda: translate(
                "SecretaryView", "倾向：平均偏离达到 +{n} 分为偏宽，达到 −{n} 分为偏严，其余适中"
            ).format(n=LENIENCY_POINTS),
        ),
    ]


def _agreement_columns() -> list[Column[AgreementStatistic]]:
    from jlpanel.domain.agreement import format_coefficient, format_raters

    def shown(x: AgreementStatistic, text: str) -> str:
        return text if x.available else "—"

    return [
        Column(
            lambda: translate("SecretaryView", "统计量"),
            lambda x: x.kind.label.get(current_language()),
            tooltip=lambda x: x.reading.get(current_language()),
        ),
        Column(
            lambda: translate("SecretaryView", "数值"),
            lambda x: format_coefficient(x.value),
            numeric=True,
            tooltip=lambda x: x.reading.get(current_language()),
        ),
        Column(
            lambda: translate("SecretaryView", "平台数 n"),
            lambda x: shown(x, str(x.platforms)),
            numeric=True,
        ),
        Column(
            lambda: translate("SecretaryView", "专家数 k"),
            lambda x: shown(x, format_raters(x.raters)),
            numeric=True,
        ),
        Column(
            lambda: translate("SecretaryView", "所用评分"),
            lambda x: x.scope.get(current_language()),
            tooltip=lambda x: x.scope.get(current_language()),
        ),
    ]


class _CompactDelegate(RoomyItemDelegate):
    """Narrow number cells: less air beside the text, no room kept for an icon; a line before
    the first column of a group (the experts, the statistics)."""

    PAD_X = 5
    ICON_GAP = 0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: For a font (key): what the style adds to a text's advance, and a row's height.
        self._around: dict[str, tuple[int, int]] = {}
        #: For a font (key) and whether the cell has nothing or "": an empty cell's size.
        self._empty: dict[str, QSize] = {}
        #: For a font (key) and a text: its advance. The same numbers recur in every column,
        #: and each layout of a platform's scores measured all its cells again.
        self._advances: dict[tuple[str, str], int] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The style's size, from the text's advance: the table fits its columns to their
        contents for every platform shown, and the style's own measure asks the model for a
        dozen roles a cell. Its cells are one line of text without icons, so the advance and
        what the style adds around it, learnt once a font, give the same size."""
        text = index.data()
        if text is not None and not isinstance(text, str):
            return super().sizeHint(option, index)
        font = index.data(Qt.ItemDataRole.FontRole)
        font = font.resolve(option.font) if isinstance(font, QFont) else option.font
        if not text:  # an empty cell (nothing, or ""): the same size for every one of a font
            key = f"{font.key()}|{text is None}"
            empty = self._empty.get(key)
            if empty is None:
                empty = self._empty[key] = super().sizeHint(option, index)
            return QSize(empty)
        font_key = font.key()
        advance = self._advances.get((font_key, text))
        if advance is None:
            if len(self._advances) > 20_000:  # every platform's names, in every font: start over
                self._advances.clear()
            advance = math.ceil(QFontMetricsF(font).horizontalAdvance(text))
            self._advances[font_key, text] = advance
        around = self._around.get(font_key)
        if around is None:
            hint = super().sizeHint(option, index)
            around = self._around[font.key()] = (hint.width() - advance, hint.height())
        return QSize(advance + around[0], around[1])

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        if index.data(GROUP_START_ROLE):
            painter.save()
            painter.setPen(option.palette.color(QPalette.ColorRole.Dark))
            painter.drawLine(option.rect.topLeft(), option.rect.bottomLeft())
            painter.restore()


class _FirstColumnFit(QObject):
    """Keeps a table's first column (long names) to the width the other columns leave, between
    about seven characters and its whole text; a cut name ends in … and its tooltip has it all.

    The numbers thus stay in view on a narrow window rather than behind the scroll bar.
    """

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        # one fit after a burst of resizes; a timer of its own dies with the table
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        header = view.horizontalHeader()
        header.sectionResized.connect(self._on_resized)
        view.model().modelReset.connect(self.schedule)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _on_resized(self, section: int, _old: int, _new: int) -> None:
        if section != 0:
            self.schedule()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.schedule()
        return False

    def schedule(self) -> None:
        self._timer.start()

    def fit(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        if header.count() == 0:
            return
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        others = sum(header.sectionSize(c) for c in range(1, header.count()))
        whole = max(view.sizeHintForColumn(0), header.sectionSizeHint(0))
        least = view.fontMetrics().horizontalAdvance("吉") * 7
        width = max(min(least, whole), min(whole, view.viewport().width() - others))
        if header.sectionSize(0) != width:
            header.resizeSection(0, width)


class _FillRowDelegate(RoomyItemDelegate):
    """A cell that asks for one line's height and wraps into whatever height its row has."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        one_line = QStyleOptionViewItem(option)
        one_line.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        hint = super().sizeHint(one_line, index)
        single = option.fontMetrics.lineSpacing() + 2 * self.pad_y
        return QSize(hint.width(), min(hint.height(), single))


#: A list up to this long has every row measured to its wrapped text at once; a longer one
#: measures the rows in view, as they come into view.
MEASURE_ALL_ROWS = 60


class _RowsToContents(QObject):
    """Each row of ``view`` as tall as its wrapped text, measuring only what is seen.

    Qt's ResizeToContents asks the delegates for every row on every layout: a 2,000-platform
    cycle's discussion list (800 rows) blocked the window for 1.5 s on each new list, each
    selection and each show. Here a list of up to :data:`MEASURE_ALL_ROWS` rows is measured
    whole; a longer one in the rows in view, again when it scrolls, is resized or re-worded.
    """

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        #: The rows measured since the last change that could re-wrap them.
        self._measured: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model = view.model()
        model.modelReset.connect(self._on_reset)
        for changed in (model.layoutChanged, model.dataChanged, model.rowsInserted):
            changed.connect(self._again)
        view.horizontalHeader().sectionResized.connect(self._again)
        view.verticalScrollBar().valueChanged.connect(self._timer.start)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self._timer.start()
        return False

    def _on_reset(self) -> None:
        self._measured.clear()
        self.fit()  # at once, so the page lays out with the rows' heights

    def _again(self, *_args: object) -> None:
        self._measured.clear()
        self._timer.start()

    def measured_rows(self) -> set[int]:
        """The rows measured since the list last changed (for tests)."""
        return set(self._measured)

    def fit(self) -> None:
        count = self.view.model().rowCount()
        if count <= MEASURE_ALL_ROWS:
            rows: Any = range(count)
        else:
            rows = self._rows_in_view(count)
        for row in rows:
            self._measure(row)

    def _rows_in_view(self, count: int) -> Any:
        header, bottom = self.view.verticalHeader(), self.view.viewport().height()
        row = max(0, self.view.rowAt(0))
        while row < count and header.sectionViewportPosition(row) < bottom:
            yield row  # measured before the next one's place is asked
            row += 1

    def _measure(self, row: int) -> None:
        if row in self._measured:
            return
        self._measured.add(row)
        height = self.view.sizeHintForRow(row)
        header = self.view.verticalHeader()
        if height > 0 and header.sectionSize(row) != height:
            header.resizeSection(row, height)


class _RowsInView(QObject):
    """Keeps ``view`` at least as tall as its first ``rows`` rows, whose height follows their
    wrapped text: a column's new width or a new list measures them again."""

    def __init__(self, view: QTableView, rows: int) -> None:
        super().__init__(view)
        self.view, self.rows = view, rows
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.horizontalHeader().sectionResized.connect(self._timer.start)
        view.model().modelReset.connect(self._on_reset)
        self.fit()

    def _on_reset(self) -> None:
        self.fit()  # at once, so the page lays out with it; again once the columns settle
        self._timer.start()

    def fit(self) -> None:
        view = self.view
        shown = min(self.rows, view.model().rowCount())
        rows = sum(view.sizeHintForRow(r) for r in range(shown))
        rows += (self.rows - shown) * view.verticalHeader().defaultSectionSize()
        height = (
            view.horizontalHeader().sizeHint().height()
            + rows
            + view.horizontalScrollBar().sizeHint().height()
            + 2 * view.frameWidth()
        )
        if height == view.minimumHeight():
            return
        view.setMinimumHeight(height)
        # A scroll area learns of its content's new height only from a layout request of
        # its own: without one the column kept its old height, and the list's rows were
        # drawn under the heading that follows.
        parent = view.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QCoreApplication.postEvent(parent, QEvent(QEvent.Type.LayoutRequest))


def _compact_scores(view: QTableView) -> None:
    """The platform's score table at its narrowest: the experts' and statistics' columns as
    wide as their numbers, the indicator names taking what is left."""
    view.setItemDelegate(_CompactDelegate(view))
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    _FirstColumnFit(view)


def _fit_rows(view: QTableView, rows: int) -> None:
    """Make ``view`` exactly as tall as its header and ``rows`` rows."""
    height = view.horizontalHeader().sizeHint().height()
    height += rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()
    view.setFixedHeight(height)


def _platform_to_show(
    current: int | None,
    discussion: Sequence[DiscussionItem],
    platforms: Sequence[StatusPlatform],
) -> int | None:
    """The platform 讨论与共识 shows: ``current`` while it is still there (another workspace
    starts again), else the first to discuss, else the first platform."""
    if current is not None and all(p.id != current for p in platforms):
        current = None
    if current is None and discussion:
        current = discussion[0].platform_id
    if current is None and platforms:
        current = platforms[0].id
    return current


@dataclass(frozen=True, slots=True)
class _DiscussionData:
    """What 讨论与共识 shows, read off the GUI thread."""

    rules: RuleSettings
    results: CycleResults
    discussion: list[DiscussionItem]
    leniency: list[LeniencyLine]
    agreement: PanelAgreement
    platforms: tuple[StatusPlatform, ...]
    #: The panel of the platform to show, read with the rest.
    panel: PlatformPanel | None


class DiscussionPage(_Page):
    """讨论与共识: the discussion list sorted by spread, a platform's scores beside their
    statistics, expert leniency and the panel's agreement (information only), 调整得分 and
    专家组意见."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panel: PlatformPanel | None = None
        self._results: CycleResults | None = None
        self._rules: RuleSettings | None = None
        self._agreement: PanelAgreement | None = None
        self.ui = Ui_DiscussionPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        for title in (ui.listTitle, ui.leniencyTitle, ui.agreementTitle):
            _heading(title)
        for note in (ui.listNote, ui.leniencyNote, ui.agreementNote, ui.notesLabel):
            set_muted(note)
        ui.flagsLabel.setStyleSheet(f"color: {WARN};")
        ui.adjustButton.setIcon(icon("edit-score"))
        ui.opinionButton.setIcon(icon("document-sign"))

        self.discussion_model: RowsModel[DiscussionItem] = RowsModel(_discussion_columns(), self)
        table = ui.discussionTable
        _setup_table(table, self.discussion_model, stretch=2, capped=1)
        # The platform's name (in about 8 characters' width) wraps onto as many lines as it
        # needs: on a 1366-pixel screen it was cut to "吉林省黑土…". What is to discuss fills
        # the lines the name takes and ends in … beyond them (whole in its tooltip, and on the
        # right for the platform shown): a narrow column never makes a row a page tall.
        table.setItemDelegateForColumn(1, WrappingItemDelegate(table))
        table.setItemDelegateForColumn(2, _FillRowDelegate(table))
        table.setWordWrap(True)
        self._row_heights = _RowsToContents(table)
        # three platforms at least on a small screen: the left side scrolls rather than
        # squeezing the list to one row
        _RowsInView(table, 3)
        self.leniency_model: RowsModel[LeniencyLine] = RowsModel(_leniency_columns(), self)
        _setup_table(ui.leniencyTable, self.leniency_model)
        self.agreement_model: RowsModel[AgreementStatistic] = RowsModel(_agreement_columns(), self)
        _setup_table(ui.agreementTable, self.agreement_model, stretch=4)
        # Its height fits two rows exactly: a narrow column elides instead of scrolling.
        _fit_rows(ui.agreementTable, 2)
        self.scores_model = PanelScoresModel(self)
        _setup_table(ui.scoresTable, self.scores_model)
        ui.scoresTable.horizontalHeader().setStretchLastSection(False)
        _compact_scores(ui.scoresTable)

        # The scores table wants the width (seven experts and six statistics): it gets two thirds.
        ui.splitter.setStretchFactor(0, 1)
        ui.splitter.setStretchFactor(1, 2)
        self._sized = False

        ui.discussionTable.selectionModel().selectionChanged.connect(self._on_discussion)
        ui.platformCombo.currentIndexChanged.connect(self._on_platform_chosen)
        ui.adjustButton.clicked.connect(self.adjust_score)
        ui.opinionButton.clicked.connect(self.edit_opinion)
        ui.vetoButton.clicked.connect(self.rule_on_veto)
        self.retranslate()
        self._show_panel(None)

    def showEvent(self, event: Any) -> None:
        if not self._sized:  # the list gets a third of the width the first time
            self._sized = True
            width = max(self.width(), 800)
            self.ui.splitter.setSizes([int(width / 3), width - int(width / 3)])
        super().showEvent(event)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
        self._word_discussion_note()
        self._show_agreement()
        self.discussion_model.retranslate()
        self.leniency_model.retranslate()
        self.agreement_model.retranslate()

    def _word_discussion_note(self) -> None:
        """The list's criteria with the cycle's own limits (the domain's one wording), from
        the rules read at the last refresh: re-wording never touches the workspace."""
        from jlpanel.domain.rule_words import discussion_criteria
        from jlpanel.domain.rules import RuleSettings

        rules = self._rules or RuleSettings()
        self.ui.listNote.setText(
            translate(
                "SecretaryView",
                "{criteria}的平台，按极差从大到小排列；"
                "其后是有专家主张一票否决、或并列尚待专家组排序的平台。",
            ).format(criteria=discussion_criteria(rules).get(current_language()))
        )

    def reader(self, workspace: Workspace, language: str) -> Callable[[], Any]:
        return partial(self.read, workspace, language, self.current_platform_id())

    @staticmethod
    def read(workspace: Workspace, language: str, current: int | None = None) -> _DiscussionData:
        """With the panel of the platform to show: ``current`` while it is still there, else
        the first to discuss, else the first platform."""
        from jlpanel.services.dashboard import (
            agreement_view,
            discussion_list,
            leniency_view,
            platform_panel,
        )
        from jlpanel.services.merge import merge_status
        from jlpanel.services.results import compute_workspace_results

        rules = workspace.cycle_info().rules
        results = compute_workspace_results(workspace)
        discussion = discussion_list(workspace, language, results=results)
        platforms = merge_status(workspace).platforms
        shown = _platform_to_show(current, discussion, platforms)
        return _DiscussionData(
            rules,
            results,
            discussion,
            leniency_view(workspace, results=results),
            agreement_view(workspace, results=results),
            platforms,
            None if shown is None else platform_panel(workspace, shown, language, results=results),
        )

    def turns(self, data: Any) -> list[Callable[[], None]]:
        """The discussion list, the other lists, then the platform's panel: all at once
        blocked the window for 120 ms on the first showing of a 2,000-platform cycle's page."""
        shown = self.current_platform_id()
        return [
            partial(self._show_discussion, data),
            partial(self._show_others, data),
            partial(self._show_read_panel, shown, data),
        ]

    def _show_read_panel(self, shown: int | None, data: _DiscussionData) -> None:
        if self.current_platform_id() != shown:  # the user's own choice meanwhile stays
            return
        self.show_platform(_platform_to_show(shown, data.discussion, data.platforms), data.panel)

    def show_data(self, data: Any) -> None:
        read: _DiscussionData = data
        current = self.current_platform_id()
        self._show_lists(read)
        self.show_platform(_platform_to_show(current, read.discussion, read.platforms), read.panel)

    def _show_lists(self, read: _DiscussionData) -> None:
        """All but the platform's panel."""
        self._show_discussion(read)
        self._show_others(read)

    def _show_discussion(self, read: _DiscussionData) -> None:
        self._rules = read.rules
        self.scores_model.set_rules(self._rules)
        self._word_discussion_note()
        self._results = read.results
        self.discussion_model.set_rows(read.discussion)

    def _show_others(self, read: _DiscussionData) -> None:
        """The leniency and agreement, the platforms to choose from."""
        self.leniency_model.set_rows(read.leniency)
        self._agreement = read.agreement
        self.agreement_model.set_rows(self._agreement.statistics)
        self._show_agreement()
        platforms = read.platforms
        self.ui.platformCombo.blockSignals(True)
        self.ui.platformCombo.clear()
        for p in platforms:
            self.ui.platformCombo.addItem(f"{p.name}（{p.filing_no}）", p.id)
        self.ui.platformCombo.blockSignals(False)

    def forget(self) -> None:
        self._panel = None
        self._results = None
        self.discussion_model.set_rows([])
        self.leniency_model.set_rows([])
        self._agreement = None
        self.agreement_model.set_rows([])
        self._show_agreement()
        self.scores_model.set_panel(None)
        self.ui.platformCombo.clear()

    def _show_agreement(self) -> None:
        agreement = self._agreement
        self.ui.agreementReading.setText(
            ""
            if agreement is None
            else translate("SecretaryView", "解读：{reading}").format(
                reading=agreement.reading.get(current_language())
            )
        )

    def agreement(self) -> PanelAgreement | None:
        """The panel's agreement as shown."""
        return self._agreement

    def current_platform_id(self) -> int | None:
        return self._panel.platform_id if self._panel is not None else None

    def discussion_items(self) -> list[DiscussionItem]:
        return self.discussion_model.rows()

    def _on_discussion(self, *_args: object) -> None:
        rows = self.ui.discussionTable.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self.discussion_model.row(rows[0].row()).platform_id
        # show_platform selects the row of the platform it shows: that is no new choice (it
        # read the platform's panel again on the GUI thread, 0.1 s at 2,000 platforms)
        if chosen != self.current_platform_id():
            self.show_platform(chosen)

    def _on_platform_chosen(self, index: int) -> None:
        if index >= 0:
            self.show_platform(self.ui.platformCombo.itemData(index))

    def show_platform(self, platform_id: int | None, read: PlatformPanel | None = None) -> None:
        """Show one platform's scores beside their statistics (``read`` already, when it is
        that platform's in the language shown)."""
        if self.workspace is None or platform_id is None:
            self._show_panel(None)
            return
        from jlpanel.services.dashboard import platform_panel

        if read is not None and read.platform_id == platform_id:
            panel = read
        else:
            panel = platform_panel(
                self.workspace, platform_id, current_language(), results=self._results
            )
        self._show_panel(panel)
        index = self.ui.platformCombo.findData(platform_id)
        if index >= 0 and index != self.ui.platformCombo.currentIndex():
            self.ui.platformCombo.blockSignals(True)
            self.ui.platformCombo.setCurrentIndex(index)
            self.ui.platformCombo.blockSignals(False)
        for row, item in enumerate(self.discussion_model.rows()):
            if item.platform_id == platform_id:
                current = self.ui.discussionTable.selectionModel().selectedRows()
                if not current or current[0].row() != row:
                    self.ui.discussionTable.blockSignals(True)
                    _select_row(self.ui.discussionTable, row)
                    self.ui.discussionTable.blockSignals(False)
                break

    def panel(self) -> PlatformPanel | None:
        return self._panel

    def _show_panel(self, panel: PlatformPanel | None) -> None:
        self._panel = panel
        self.scores_model.set_panel(panel)
        self.ui.adjustButton.setEnabled(panel is not None)
        self.ui.opinionButton.setEnabled(panel is not None)
        self.ui.vetoButton.setEnabled(bool(self.veto_claims()))
        if panel is None:
            self.ui.panelSummary.setText(translate("SecretaryView", "选择一个平台"))
            self._set_notes(self.ui.flagsLabel, "")
            self._set_notes(self.ui.notesLabel, "")
            return
        grade = panel.grade.label.get(current_language()) if panel.grade else "—"
        summary = translate(
            "SecretaryView", "有效评分 {n} 份　计算得分 {computed}　最终得分 {score}　等级 {grade}"
        ).format(
            n=panel.n_valid,
            computed=score_text(panel.computed_score),
            score=score_text(panel.score),
            grade=grade,
        )
        if not panel.is_final:
            summary += "　" + translate("SecretaryView", "（有效评分不足，结果未定）")
        self.ui.panelSummary.setText(summary)
        # one line where it fits: a small screen keeps its height for the scores
        self._set_notes(self.ui.flagsLabel, "　".join("⚑ " + f.text for f in panel.disagreements))
        notes: list[str] = []
        if panel.adjustment is not None:
            notes.append(
                translate("SecretaryView", "已调整为 {score} 分，理由：{reason}").format(
                    score=fixed(panel.adjustment.score, 2), reason=panel.adjustment.reason
                )
            )
        claims = self.veto_claims()
        for c in claims:
            notes.append(translate("SecretaryView", "一票否决：{claim}").format(claim=c.text))
        for v in () if claims else panel.vetoes:
            notes.append(
                translate("SecretaryView", "一票否决（{name}）— {expert}：{reason}").format(
                    name=v.name, expert=v.expert_name, reason=v.reason
                )
            )
        if panel.conflicted:
            notes.append(
                translate("SecretaryView", "回避：{names}").format(
                    names="、".join(panel.conflicted)
                )
            )
        for x in panel.excluded:
            notes.append(
                translate("SecretaryView", "未计入（{name}）：{problems}").format(
                    name=x.name, problems="；".join(x.problems)
                )
            )
        self._set_notes(self.ui.notesLabel, "\n".join(notes))

    @staticmethod
    def _set_notes(label: QLabel, text: str) -> None:
        """Notes under the scores, the label out of the layout when there are none."""
        label.setText(text)
        label.setVisible(bool(text))

    def adjust_score(self) -> Any:
        """Open 调整得分 for the shown platform."""
        if self.workspace is None or self._panel is None:
            return None
        from jlpanel.gui.secretary.consensus_dialog import AdjustScoreDialog

        dialog = AdjustScoreDialog(self.workspace, self._panel, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_adjusted)
        dialog.open()
        return dialog

    def veto_claims(self) -> list[VetoClaimLine]:
        """The veto claims (and rulings) on the shown platform."""
        if self._panel is None:
            return []
        for item in self.discussion_model.rows():
            if item.platform_id == self._panel.platform_id:
                return list(item.claims)
        return []

    def rule_on_veto(self) -> Any:
        """Open 认定/驳回否决 for the shown platform's veto claims."""
        claims = self.veto_claims()
        if self.workspace is None or self._panel is None or not claims:
            return None
        from jlpanel.gui.secretary.panel_dialogs import VetoRulingDialog

        p = self._panel
        dialog = VetoRulingDialog(
            self.workspace, p.filing_no, f"{p.name}（{p.filing_no}）", claims, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_ruled)
        dialog.open()
        return dialog

    def _on_ruled(self) -> None:
        self.refresh()
        self.status_message.emit(translate("SecretaryView", "已记录专家组对一票否决的认定"))
        self.changed.emit()

    def _on_adjusted(self) -> None:
        self.refresh()
        self.status_message.emit(translate("SecretaryView", "已调整得分"))
        self.changed.emit()

    def edit_opinion(self) -> Any:
        """Open 专家组意见 for the shown platform."""
        if self.workspace is None or self._panel is None:
            return None
        from jlpanel.gui.secretary.consensus_dialog import PanelOpinionDialog

        p = self._panel
        dialog = PanelOpinionDialog(
            self.workspace, p.platform_id, f"{p.name}（{p.filing_no}）", self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.status_message.emit(translate("SecretaryView", "已保存专家组意见"))
        )
        dialog.open()
        return dialog


# =============================================================================== 考核结果


def _rank_text(r: ResultLine, tie: Tie | None) -> str:
    if r.rank is None:
        return "—"
    if tie is not None and not tie.decided:
        return translate("SecretaryView", "{rank}（并列）").format(rank=r.rank)
    return str(r.rank)


def _rank_tooltip(tie: Tie | None) -> str:
    if tie is None:
        return ""
    from jlpanel.domain.results import TIE_LABELS

    where = TIE_LABELS[tie.where].get(current_language())
    if tie.decided:
        return translate("SecretaryView", "{where}，已由专家组确定先后").format(where=where)
    return translate("SecretaryView", "{where}，尚待专家组确定先后（并列排序…）").format(
        where=where
    )


#: The decision's column in the results table.
RESULTS_DECISION = 5


def _results_columns(tie_of: Callable[[ResultLine], Tie | None]) -> list[Column[ResultLine]]:
    return [
        Column(
            lambda: translate("SecretaryView", "名次"),
            lambda r: _rank_text(r, tie_of(r)),
            numeric=True,
            colour=lambda r: WARN if (t := tie_of(r)) is not None and not t.decided else None,
            tooltip=lambda r: _rank_tooltip(tie_of(r)),
        ),
        Column(lambda: translate("SecretaryView", "备案编号"), lambda r: r.filing_no),
        Column(lambda: translate("SecretaryView", "平台"), lambda r: r.name),
        Column(
            lambda: translate("SecretaryView", "得分"),
            lambda r: score_text(r.score) + (" *" if r.adjusted else ""),
            numeric=True,
            tooltip=lambda r: (
                translate("SecretaryView", "计算得分 {c}，调整理由：{reason}").format(
                    c=score_text(r.computed_score), reason=r.adjustment_reason
                )
                if r.adjusted
                else score_text(r.score)
            ),
        ),
        Column(
            lambda: translate("SecretaryView", "等级"),
            lambda r: r.grade_label or "—",
            colour=lambda r: grade_text_colour(r.grade),
        ),
        Column(
            lambda: translate("SecretaryView", "决定"),
            lambda r: r.decision_label,
            tooltip=lambda r: r.decision_reason or r.decision_label,
        ),
        Column(lambda: translate("SecretaryView", "整改期限"), lambda r: date(r.deadline)),
        Column(lambda: "n", lambda r: str(r.n_valid), numeric=True),
        Column(
            lambda: translate("SecretaryView", "结果"),
            lambda r: (
                translate("SecretaryView", "可定")
                if r.is_final
                else translate("SecretaryView", "待定")
            ),
            colour=lambda r: None if r.is_final else WARN,
        ),
    ]


def _funding_columns() -> list[Column[FundingLine]]:
    return [
        Column(
            lambda: translate("SecretaryView", "顺位"), lambda f: str(f.funding_rank), numeric=True
        ),
        Column(lambda: translate("SecretaryView", "平台"), lambda f: f.name),
        Column(lambda: translate("SecretaryView", "依托单位"), lambda f: f.host_unit),
        Column(
            lambda: translate("SecretaryView", "得分"), lambda f: score_text(f.score), numeric=True
        ),
        Column(
            lambda: translate("SecretaryView", "等级"),
            lambda f: f.grade.label.get(current_language()),
            colour=lambda f: grade_text_colour(f.grade),
        ),
        Column(
            lambda: translate("SecretaryView", "建议金额（万元）"),
            lambda f: "—" if f.amount is None else number(f.amount, 2),
            numeric=True,
        ),
    ]


def _rectification_columns() -> list[Column[RectificationLine]]:
    return [
        Column(lambda: translate("SecretaryView", "平台"), lambda r: r.name),
        Column(lambda: translate("SecretaryView", "依托单位"), lambda r: r.host_unit),
        Column(
            lambda: translate("SecretaryView", "得分"), lambda r: score_text(r.score), numeric=True
        ),
        Column(lambda: translate("SecretaryView", "整改期限"), lambda r: date(r.deadline)),
        Column(lambda: translate("SecretaryView", "原因"), lambda r: r.reason),
    ]


def _disqualification_columns() -> list[Column[DisqualificationLine]]:
    return [
        Column(lambda: translate("SecretaryView", "平台"), lambda d: d.name),
        Column(lambda: translate("SecretaryView", "依托单位"), lambda d: d.host_unit),
        Column(
            lambda: translate("SecretaryView", "得分"), lambda d: score_text(d.score), numeric=True
        ),
        Column(
            lambda: translate("SecretaryView", "禁止申报"),
            lambda d: (
                translate("SecretaryView", "是") if d.barred else translate("SecretaryView", "否")
            ),
            colour=lambda d: WARN if d.barred else None,
        ),
        Column(lambda: translate("SecretaryView", "原因"), lambda d: d.reason),
    ]


def _not_final_columns() -> list[Column[NotFinalLine]]:
    return [
        Column(lambda: translate("SecretaryView", "平台"), lambda x: x.name),
        Column(
            lambda: translate("SecretaryView", "有效评分"),
            lambda x: f"{x.n_valid} / {x.required}",
            numeric=True,
            colour=lambda _x: WARN,
        ),
        Column(
            lambda: translate("SecretaryView", "待收评分"), lambda x: "、".join(x.awaiting) or "—"
        ),
        Column(
            lambda: translate("SecretaryView", "无效评分"), lambda x: "、".join(x.invalid) or "—"
        ),
    ]


def _history_columns() -> list[Column[HistoryLine]]:
    return [
        Column(lambda: translate("SecretaryView", "备案编号"), lambda h: h.filing_no),
        Column(lambda: translate("SecretaryView", "平台"), lambda h: h.platform_name),
        Column(lambda: translate("SecretaryView", "考核周期"), lambda h: h.cycle_name),
        Column(
            lambda: translate("SecretaryView", "等级"),
            lambda h: h.grade.label.get(current_language()),
            colour=lambda h: grade_text_colour(h.grade),
        ),
        Column(lambda: translate("SecretaryView", "来源"), lambda h: h.source),
    ]


@dataclass(frozen=True, slots=True)
class _ResultsData:
    """What 考核结果 shows, read off the GUI thread. Not the cycle's results themselves: the
    last of them dropped on the GUI thread took 45 ms there at 2,000 platforms."""

    #: The ties by platform.
    ties: dict[int, Tie]
    lines: list[ResultLine]
    tie_lines: list[TieLine]
    confirmation: ConfirmationStatus
    funding: list[FundingLine]
    rectification: list[RectificationLine]
    disqualification: list[DisqualificationLine]
    not_final: list[NotFinalLine]
    history: list[HistoryLine]
    distribution: GradeDistribution
    #: The spread chart's bars, worded off the GUI thread too (2,000 at national size).
    bars: list[SpreadBar]
    thresholds: list[float]
    rules: RuleSettings


def _spread_bars(points: Sequence[SpreadPoint]) -> list[SpreadBar]:
    """The spread chart's bars with their tooltips."""
    return [
        SpreadBar(
            label=p.name,
            minimum=float(p.minimum),
            median=float(p.median),
            maximum=float(p.maximum),
            score=None if p.score is None else float(p.score),
            flagged=p.flagged,
            tooltip=translate(
                "SecretaryView",
                "{name}：最低 {low}，中位数 {mid}，最高 {high}，得分 {score}",
            ).format(
                name=p.name,
                low=fixed(p.minimum, 1),
                mid=fixed(p.median, 1),
                high=fixed(p.maximum, 1),
                score=score_text(p.score),
            ),
        )
        for p in points
    ]


class ResultsPage(_Page):
    """考核结果: score, rank, grade and decision per platform; the funding ranking with the
    budget split; rectification, disqualification and not-final lists; history; charts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ResultsPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        _heading(ui.titleLabel)
        ui.storeButton.setIcon(icon("document-sign"))
        ui.historyButton.setIcon(icon("document-import"))
        ui.refreshButton.setIcon(icon("view-refresh"))
        ui.confirmButton.setIcon(icon("document-sign"))
        set_muted(ui.spreadLegend)

        # the panel's decisions: confirmation state, 确定结果, 重新打开, 并列排序
        self._ties: dict[int, Tie] = {}
        self._tie_lines: list[TieLine] = []
        self._confirmation: ConfirmationStatus | None = None
        # The message after 确定结果 (the last one shown).
        self.done_message: QMessageBox | None = None

        self.results_model: RowsModel[ResultLine] = RowsModel(
            _results_columns(lambda r: self._ties.get(r.platform_id)), self
        )
        # The decision is cut at about 8 characters (whole in its tooltip), so the platform's
        # name keeps the room ("Post-hoc funding candidate" took it in English).
        _setup_table(ui.resultsTable, self.results_model, stretch=2, capped=RESULTS_DECISION)
        self.funding_model: RowsModel[FundingLine] = RowsModel(_funding_columns(), self)
        _setup_table(ui.fundingTable, self.funding_model, stretch=2)
        self.rectification_model: RowsModel[RectificationLine] = RowsModel(
            _rectification_columns(), self
        )
        _setup_table(ui.rectificationTable, self.rectification_model)
        self.disqualification_model: RowsModel[DisqualificationLine] = RowsModel(
            _disqualification_columns(), self
        )
        _setup_table(ui.disqualificationTable, self.disqualification_model)
        self.not_final_model: RowsModel[NotFinalLine] = RowsModel(_not_final_columns(), self)
        _setup_table(ui.notFinalTable, self.not_final_model)
        self.history_model: RowsModel[HistoryLine] = RowsModel(_history_columns(), self)
        _setup_table(ui.historyTable, self.history_model, stretch=1)

        self.spreadChart = SpreadChart()
        ui.spreadScroll.setWidget(self.spreadChart)
        self.gradeChart = GradeChart()
        ui.gradeLayout.addWidget(self.gradeChart)

        ui.leftSplitter.setStretchFactor(0, 3)
        ui.leftSplitter.setStretchFactor(1, 2)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.splitter.setSizes([800, 540])

        ui.refreshButton.clicked.connect(self.refresh)
        ui.confirmButton.clicked.connect(self.confirm_results)
        ui.reopenButton.clicked.connect(self.reopen_results)
        ui.tieButton.clicked.connect(self.order_tie)
        ui.historyButton.clicked.connect(self.import_history)
        ui.storeButton.clicked.connect(self.store_results)
        ui.applyBudgetButton.clicked.connect(self.apply_budget)
        self.retranslate()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
        self._show_confirmation()
        current = self.ui.splitCombo.currentData()
        self.ui.splitCombo.clear()
        for value, text in (
            ("none", translate("SecretaryView", "不分配")),
            ("equal", translate("SecretaryView", "平均分配")),
            ("by_score", translate("SecretaryView", "按得分比例")),
            ("by_tier", translate("SecretaryView", "按等级档次")),
        ):
            self.ui.splitCombo.addItem(text, value)
        if current is not None:
            self.ui.splitCombo.setCurrentIndex(max(self.ui.splitCombo.findData(current), 0))
        for model in (
            self.results_model,
            self.funding_model,
            self.rectification_model,
            self.disqualification_model,
            self.not_final_model,
            self.history_model,
        ):
            model.retranslate()

    @staticmethod
    def read(workspace: Workspace, language: str) -> _ResultsData:
        from jlpanel.domain.rule_words import grade_thresholds
        from jlpanel.services import results as rs
        from jlpanel.services.dashboard import spread_chart_data
        from jlpanel.services.panel import confirmation_status, tie_lines
        from jlpanel.services.register import earlier_history

        ws = workspace
        when = rs.stored_decision_date(ws)
        results: CycleResults = rs.compute_workspace_results(ws, decision_date=when)
        rules = ws.cycle_info().rules
        return _ResultsData(
            ties={int(r.platform_id): r.tie for r in results.platforms if r.tie is not None},
            lines=rs.results_table(ws, language, results=results, decision_date=when),
            tie_lines=[t for t in tie_lines(ws, language, results=results) if not t.decided],
            confirmation=confirmation_status(ws, results=results),
            funding=rs.funding_ranking(ws, results=results, decision_date=when),
            rectification=rs.rectification_list(ws, language, results=results, decision_date=when),
            disqualification=rs.disqualification_list(
                ws, language, results=results, decision_date=when
            ),
            not_final=rs.not_final(ws, results=results, decision_date=when),
            history=earlier_history(ws, language),
            distribution=rs.grade_distribution(ws, results=results, decision_date=when),
            bars=_spread_bars(spread_chart_data(ws, results=results)),
            thresholds=[float(v) for _, v in grade_thresholds(rules)],
            rules=rules,
        )

    def turns(self, data: Any) -> list[Callable[[], None]]:
        """The lists under the tabs, the charts, then the results table."""
        return [
            partial(self._show_lists, data),
            partial(self._show_charts, data),
            partial(self._show_results, data),
        ]

    def show_data(self, data: Any) -> None:
        for step in self.turns(data):
            step()

    def _show_lists(self, read: _ResultsData) -> None:
        self.funding_model.set_rows(read.funding)
        self.rectification_model.set_rows(read.rectification)
        self.disqualification_model.set_rows(read.disqualification)
        self.not_final_model.set_rows(read.not_final)
        self.history_model.set_rows(read.history)
        self.ui.tabs.setTabText(
            3,
            translate("SecretaryView", "结果未定")
            + (f"（{self.not_final_model.rowCount()}）" if self.not_final_model.rowCount() else ""),
        )

    def _show_charts(self, read: _ResultsData) -> None:
        from jlpanel.domain.rules import GRADE_ORDER

        language = current_language()
        distribution = read.distribution
        rows: list[tuple[str | None, str, int]] = [
            (g.value, g.label.get(language), distribution.counts.get(g, 0)) for g in GRADE_ORDER
        ]
        if distribution.ungraded:
            rows.append((None, translate("SecretaryView", "未评定"), distribution.ungraded))
        self.gradeChart.set_rows(rows)
        self.spreadChart.set_thresholds(read.thresholds)
        self.spreadChart.set_bars(read.bars)

    def _show_results(self, read: _ResultsData) -> None:
        lines = read.lines
        self._ties = read.ties
        self._tie_lines = read.tie_lines
        self._confirmation = read.confirmation
        self._show_confirmation()
        self.results_model.set_rows(lines)
        rules = read.rules
        self.ui.budgetSpin.setValue(float(rules.funding_budget or 0))
        self.ui.splitCombo.setCurrentIndex(
            max(self.ui.splitCombo.findData(rules.budget_split.value), 0)
        )
        final = sum(1 for r in lines if r.is_final)
        self.ui.summaryLabel.setText(
            translate(
                "SecretaryView", "共 {n} 个平台，结果可定 {final} 个，待定 {pending} 个"
            ).format(n=len(lines), final=final, pending=len(lines) - final)
        )

    def forget(self) -> None:
        for model in (
            self.results_model,
            self.funding_model,
            self.rectification_model,
            self.disqualification_model,
            self.not_final_model,
            self.history_model,
        ):
            model.set_rows([])
        self.spreadChart.set_bars([])
        self.gradeChart.set_rows([])
        self.ui.summaryLabel.setText("")
        self._ties = {}
        self._tie_lines = []
        self._confirmation = None
        self._show_confirmation()

    def _show_confirmation(self) -> None:
        """The confirmation line and which of 确定结果 / 重新打开 / 并列排序 apply."""
        status = self._confirmation
        undecided = len(self._tie_lines)
        if status is None:
            text, colour = "", None
        elif status.confirmed_on is None:
            text, colour = translate("SecretaryView", "考核结果尚未确定"), WARN
        elif status.changes:
            text = translate(
                "SecretaryView",
                "结果已于 {date} 确定，确定后结果有变化（{n} 处），需重新确定",
            ).format(date=date(status.confirmed_on), n=len(status.changes))
            colour = WARN
        else:
            text = translate("SecretaryView", "考核结果已于 {date} 确定（{who}）").format(
                date=date(status.confirmed_on), who=status.author or "—"
            )
            colour = DONE
        if status is not None and undecided:
            text += translate("SecretaryView", "；{n} 处并列尚待专家组排序").format(n=undecided)
        self.ui.confirmationLabel.setText(text)
        self.ui.confirmationLabel.setStyleSheet(f"color: {colour};" if colour else "")
        if status is not None and status.changes:
            self.ui.confirmationLabel.setToolTip(
                "\n".join(
                    f"{c.filing_no} {c.field}: {c.confirmed} → {c.now}" for c in status.changes
                )
            )
        else:
            self.ui.confirmationLabel.setToolTip("")
        has_workspace = self.workspace is not None and status is not None
        self.ui.confirmButton.setEnabled(has_workspace and not (status and status.confirmed))
        self.ui.reopenButton.setEnabled(has_workspace and bool(status and status.confirmed_on))
        self.ui.tieButton.setEnabled(has_workspace and undecided > 0)

    def confirmation_text(self) -> str:
        """The confirmation line as shown."""
        return self.ui.confirmationLabel.text()

    def confirm_results(self) -> None:
        """确定结果: fix the results as of today; refused (with the ties named) while a tie
        that matters is undecided."""
        if self.workspace is None:
            return
        from jlpanel.services.panel import confirm_results

        try:
            status = confirm_results(self.workspace)
        except UserError as exc:
            show_user_error(self, exc)
            self.refresh()
            return
        except Exception as exc:  # a bug: the crash dialog
            report_exception(exc, self)
            return
        self.refresh()
        message = translate("SecretaryView", "考核结果已于 {date} 确定").format(
            date=date(status.confirmed_on)
        )
        self.status_message.emit(message)
        # Confirming writes no file of its own: the folder is the workspace's, where the
        # reports and the export go unless the user chooses otherwise.
        self.done_message = show_done(
            self,
            translate("SecretaryView", "确定结果"),
            message,
            folder=self.workspace.folder,
            details=translate(
                "SecretaryView", "下一步：生成评审报告 (Ctrl+P)，导出结果 (Ctrl+E)。"
            ),
        )
        self.changed.emit()

    def reopen_results(self) -> Any:
        """Open 重新打开, which asks for the reason."""
        if self.workspace is None:
            return None
        from jlpanel.gui.secretary.panel_dialogs import ReopenDialog

        dialog = ReopenDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._after_decision(translate("SecretaryView", "已重新打开考核结果"))
        )
        dialog.open()
        return dialog

    def order_tie(self) -> Any:
        """Open 并列排序 over the undecided ties that matter."""
        if self.workspace is None or not self._tie_lines:
            return None
        from jlpanel.gui.secretary.panel_dialogs import TieOrderDialog

        dialog = TieOrderDialog(self.workspace, self._tie_lines, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._after_decision(translate("SecretaryView", "已记录并列平台的先后"))
        )
        dialog.open()
        return dialog

    def _after_decision(self, message: str) -> None:
        self.refresh()
        self.status_message.emit(message)
        self.changed.emit()

    def result_lines(self) -> list[ResultLine]:
        return self.results_model.rows()

    def apply_budget(self) -> None:
        """Store the funding budget and its split in the cycle's rules, then reload."""
        if self.workspace is None:
            return
        import dataclasses

        from jlpanel.domain.rules import BudgetSplit
        from jlpanel.services.workspace import update_rules

        rules = self.workspace.cycle_info().rules
        budget = to_decimal(self.ui.budgetSpin.value())
        split = BudgetSplit(self.ui.splitCombo.currentData())
        new = dataclasses.replace(
            rules,
            funding_budget=budget if budget > 0 else None,
            budget_split=split if budget > 0 else BudgetSplit.NONE,
        )
        try:
            update_rules(self.workspace, new)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.refresh()
        self.status_message.emit(translate("SecretaryView", "已更新后补助预算"))
        self.changed.emit()

    def store_results(self) -> None:
        """Compute the results and store them (with the decisions) in the workspace."""
        if self.workspace is None:
            return
        from jlpanel.services.results import compute_and_store_results

        try:
            compute_and_store_results(self.workspace)
        except UserError as exc:
            show_user_error(self, exc)
            return
        except Exception as exc:  # a bug: the crash dialog
            report_exception(exc, self)
            return
        self.refresh()
        self.status_message.emit(translate("SecretaryView", "已保存考核结果与决定"))
        self.changed.emit()

    def import_history(self) -> None:
        """Import earlier cycles' grades from a history sheet or an earlier workspace."""
        if self.workspace is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("SecretaryView", "导入历史结果"),
            "",
            translate("SecretaryView", "历史结果表或往期工作区 (*.xlsx *.jlpanel);;所有文件 (*)"),
        )
        if not name:
            return
        from pathlib import Path

        from jlpanel.services.history import import_history

        try:
            outcome = import_history(self.workspace, Path(name), replace=True)
        except UserError as exc:
            show_user_error(self, exc)
            return
        language = current_language()
        if outcome.ok:
            text = translate(
                "SecretaryView", "已导入 {added} 条，替换 {replaced} 条历史结果。"
            ).format(added=outcome.added, replaced=outcome.replaced)
            if outcome.warnings:
                text += "\n\n" + "\n".join(findings_text(outcome.warnings, language))
            QMessageBox.information(self, translate("SecretaryView", "导入历史结果"), text)
        else:
            QMessageBox.warning(
                self,
                translate("SecretaryView", "导入历史结果"),
                translate("SecretaryView", "未导入：\n{problems}").format(
                    problems="\n".join(findings_text(outcome.findings, language))
                ),
            )
        self.refresh()
        self.changed.emit()
