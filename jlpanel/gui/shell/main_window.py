"""The main window: start page or open workspace, menus, toolbar and status bar."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from jlpanel.gui.common.crash import report_exception, show_user_error
from jlpanel.gui.common.geometry import restore_window_geometry
from jlpanel.gui.common.i18n import current_language, language_actions, switch_language, translate
from jlpanel.gui.common.settings import RecentFiles, app_settings
from jlpanel.gui.common.tasks import run_task
from jlpanel.gui.common.theme import icon
from jlpanel.gui.shell.demo_build import (
    DemoBuildDialog,
    demo_folder,
    demo_workspace,
)
from jlpanel.gui.shell.new_workspace_dialog import NewWorkspaceDialog, NewWorkspaceRequest
from jlpanel.gui.shell.start_page import StartPage
from jlpanel.gui.shell.workspace_view import WorkspaceView
from jlpanel.gui.staff.import_dialog import ImportDialog, summary_text
from jlpanel.services.errors import (
    CycleChoiceError,
    DamagedWorkspaceError,
    StoredCycle,
    UserError,
    WorkspaceInUseError,
)

if TYPE_CHECKING:  # the services pull in SQLAlchemy: loaded on first open, not at start-up
    from jlpanel.gui.common.about_dialog import AboutDialog
    from jlpanel.gui.common.help_window import HelpWindow
    from jlpanel.gui.common.settings_dialog import SettingsDialog
    from jlpanel.gui.common.shortcuts_dialog import ShortcutsDialog
    from jlpanel.gui.review.review_window import OpenedPackage, ReviewWindow
    from jlpanel.gui.secretary.report_dialog import ReportDialog, ResultExport
    from jlpanel.gui.shell.server_dialog import ServerDialog
    from jlpanel.services.backups import Restored
    from jlpanel.services.demo import DemoSummary
    from jlpanel.services.intake import ImportOutcome
    from jlpanel.services.preferences import Preferences
    from jlpanel.services.workspace import CycleInfo, Workspace

log = logging.getLogger(__name__)

_GEOMETRY_KEY = "mainWindow/geometry"
#: How long a status-bar line about what just happened stays (ms): long enough to read.
STATUS_SHOWN_MS = 20_000
#: A review package (expert mode) rather than a cycle workspace.
REVIEW_SUFFIX = ".jlreview"
_TEMPLATE_FOLDER_KEY = "template/lastFolder"


# ------------------------------------------------------------------ work done off the GUI thread


def _open_in_background(
    path: Path | str, preferences: Preferences, read_only: bool = False, cycle: str | None = None
) -> tuple[Workspace, CycleInfo]:
    from jlpanel.services import demo  # noqa: F401 - imported here, not on the GUI thread
    from jlpanel.services.workspace import open_workspace

    # Claimed while shown: a second jlpanel learns who has it (and may open it read-only).
    # The open backup is copied after the store is shown (MainWindow._take_open_backup).
    workspace = open_workspace(
        path,
        preferences=preferences,
        claim=not read_only,
        read_only=read_only,
        cycle=cycle,
        backup_later=True,
    )
    try:
        return workspace, workspace.cycle_info()
    except BaseException:
        workspace.close()
        raise


#: How long after the window is built the store's modules start importing in the background:
#: after the first paint (``--quit-after-start`` measures start-up without them), long before
#: a user's first 打开 can come.
WARM_UP_DELAY_MS = 300


def _import_for_stores() -> None:
    """Import what opening a store and showing its pages need (SQLAlchemy and the services:
    about 0.8 s here). Imported by the open's own background task instead, these imports
    hold Python's lock against the window while the store is shown: 50–120 ms of the open's
    longest gap at any size (issue 16).

    The rest of an open's one-time work is done here too: the ORM's mappers configured (the
    first query's 100 ms), the schema's revisions read (every open checks the store's), and
    a server's driver loaded with its SQLAlchemy dialect and the address shown by the open —
    together the 150–200 ms a PostgreSQL store's open held the window at any size."""
    from sqlalchemy.orm import configure_mappers

    import jlpanel.gui.shell.server_dialog
    import jlpanel.services.dashboard
    import jlpanel.services.demo
    import jlpanel.services.dossiers
    import jlpanel.services.merge
    import jlpanel.services.panel
    import jlpanel.services.register
    import jlpanel.services.results
    import jlpanel.services.workspace  # noqa: F401
    from jlpanel.storage.workspace import known_revisions

    configure_mappers()
    known_revisions()
    with contextlib.suppress(ImportError):  # a store on a server: psycopg 3
        import psycopg  # noqa: F401
        import sqlalchemy.dialects.postgresql.psycopg  # noqa: F401


def _restore_in_background(path: Path, backup: Path, preferences: Preferences) -> Restored:
    from jlpanel.services.backups import restore_workspace

    return restore_workspace(path, backup, preferences=preferences)


def _create_in_background(request: NewWorkspaceRequest) -> tuple[Workspace, CycleInfo]:
    from jlpanel.services.preferences import load_preferences
    from jlpanel.services.workspace import create_workspace

    workspace = create_workspace(
        request.path,
        request.cycle_name,
        rubric_file=request.rubric_file,
        period_start=request.period_start,
        period_end=request.period_end,
        language=request.language,  # the dialog's choice (中文 unless changed), not the UI's
        rules=load_preferences().new_cycle_rules(),  # the same defaults as `jlpanel new`
    )
    try:
        workspace.claim()
        return workspace, workspace.cycle_info()
    except BaseException:
        workspace.close()
        raise


def _open_review_in_background(path: Path) -> OpenedPackage:
    from jlpanel.gui.review.review_window import open_review_package

    return open_review_package(path)


def _write_template(path: Path) -> Path:
    from jlpanel.services.intake import write_template

    write_template(path)
    return path


# ------------------------------------------------------------------------------- the window


class MainWindow(QMainWindow):
    """The application window."""

    #: A workspace is now shown (opened or newly created); carries its path.
    workspace_opened = Signal(Path)
    workspace_closed = Signal()
    #: Opening or creating failed; carries the message shown.
    task_failed = Signal(str)
    #: The blank dossier template was written to this file.
    template_written = Signal(Path)
    #: A review package is open in expert mode; carries its ReviewWindow.
    review_opened = Signal(object)
    #: The backup of a store as opened was taken after it was shown (its path; None: nothing
    #: to copy) — or failed, then carrying the message shown.
    open_backup_taken = Signal(object)
    open_backup_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.workspace: Workspace | None = None
        self.new_dialog: NewWorkspaceDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.report_dialog: ReportDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.result_export: ResultExport | None = None
        self.demo_dialog: DemoBuildDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.help_window: HelpWindow | None = None
        self._writing_template = False
        self._busy = False
        #: The cycle asked for by the open running now (None: the store's only one).
        self._opening_cycle: str | None = None
        #: The last 选择考核周期 dialog (tests drive it).
        self.cycle_dialog: QInputDialog | None = None
        #: What the open running now opens: a file, or a server's address.
        self._opening_location: Path | str = Path()
        self._shown_location: Path | str | None = None
        #: The last 连接服务器 dialog (tests drive it).
        self.server_dialog: ServerDialog | None = None
        self._busy_message = ""
        self.recent = RecentFiles(self)
        #: One thread for the backup taken on open, so it never holds up the pages' reads.
        self._backup_pool = QThreadPool(self)
        self._backup_pool.setMaxThreadCount(1)
        self.review_windows: list[ReviewWindow] = []
        #: Show this window again when the last review window closes (it was hidden for it).
        self._return_from_review = False

        self.stack = QStackedWidget(self)
        self.start_page = StartPage(self.recent, self.stack)
        self.workspace_view = WorkspaceView(self.stack)
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.workspace_view)
        self.setCentralWidget(self.stack)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self.statusBar().setSizeGripEnabled(True)

        self.start_page.new_requested.connect(self.new_workspace)
        self.start_page.open_requested.connect(self.choose_workspace)
        self.start_page.server_requested.connect(self.connect_server)
        self.start_page.recent_chosen.connect(self.open_workspace)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.set_demo_folder(demo_folder())
        self.workspace_view.import_requested.connect(self.import_dossiers)
        self.workspace_view.template_requested.connect(self.save_template)
        self.workspace_view.dossier_view.overview_loaded.connect(self._on_dossier_shown)
        self.workspace_view.experts_view.status.connect(self.status)
        self.workspace_view.status.connect(self.status)
        self.recent.changed.connect(self._rebuild_recent_menu)

        self._retranslate()
        self._update_actions()
        self._restore_geometry()
        self._warmed_up = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._warmed_up:  # shown: the staff's window (an expert's stays hidden)
            self._warmed_up = True
            # While the start page waits for the user, the modules a store needs are imported.
            QTimer.singleShot(WARM_UP_DELAY_MS, self._warm_up)

    def _warm_up(self) -> None:
        run_task(_import_for_stores, lambda _done: None, self._on_warm_up_failed)

    @staticmethod
    def _on_warm_up_failed(exc: BaseException) -> None:
        # The open imports them again and reports a failure the user can act on.
        log.warning("could not import the store's modules ahead of time: %s", exc)

    # ---------------------------------------------------------------------- building

    def _create_actions(self) -> None:
        self.new_action = QAction(icon("document-new"), "", self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.triggered.connect(self.new_workspace)
        self.open_action = QAction(icon("document-open"), "", self)
        self.open_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_action.triggered.connect(self.choose_workspace)
        self.server_action = QAction(icon("network-server"), "", self)
        self.server_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.server_action.triggered.connect(self.connect_server)
        self.cycle_action = QAction("", self)
        self.cycle_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.cycle_action.triggered.connect(self.switch_cycle)
        self.demo_action = QAction("", self)
        self.demo_action.triggered.connect(self.open_demo)
        self.close_action = QAction(icon("document-close"), "", self)
        self.close_action.setShortcut(QKeySequence("Ctrl+W"))
        self.close_action.triggered.connect(self.close_workspace)
        self.quit_action = QAction("", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.clear_recent_action = QAction("", self)
        self.clear_recent_action.triggered.connect(self.recent.clear)
        self.import_action = QAction(icon("document-import"), "", self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_dossiers)
        self.template_action = QAction(icon("x-office-spreadsheet"), "", self)
        self.template_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.template_action.triggered.connect(self.save_template)
        self.find_action = QAction(icon("edit-find"), "", self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.find_platform)
        self.platforms_action = QAction("", self)
        self.platforms_action.setShortcut(QKeySequence("Ctrl+1"))
        self.platforms_action.triggered.connect(self.show_platforms)
        self.experts_action = QAction("", self)
        self.experts_action.setShortcut(QKeySequence("Ctrl+2"))
        self.experts_action.triggered.connect(self.show_experts)
        self.roster_action = QAction(icon("document-import"), "", self)
        self.roster_action.triggered.connect(self.import_roster)
        self.roster_template_action = QAction(icon("x-office-spreadsheet"), "", self)
        self.roster_template_action.triggered.connect(self.save_roster_template)
        self.assign_action = QAction("", self)
        self.assign_action.triggered.connect(self.assign_experts)
        self.issue_action = QAction(icon("document-new"), "", self)
        self.issue_action.triggered.connect(self.issue_packages)
        self.merge_action = QAction(icon("document-import"), "", self)
        self.merge_action.setShortcut(QKeySequence("Ctrl+M"))
        self.merge_action.triggered.connect(self.merge_scores)
        self.paper_action = QAction(icon("edit-score"), "", self)
        self.paper_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.paper_action.triggered.connect(self.enter_paper_sheet)
        self.audit_action = QAction("", self)
        self.audit_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.audit_action.triggered.connect(self.show_audit_log)
        self.register_action = QAction("", self)
        self.register_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.register_action.triggered.connect(self.show_register)
        self.summary_action = QAction("", self)
        self.summary_action.setShortcut(QKeySequence("Ctrl+3"))
        self.summary_action.triggered.connect(self.show_summary)
        self.discussion_action = QAction("", self)
        self.discussion_action.setShortcut(QKeySequence("Ctrl+4"))
        self.discussion_action.triggered.connect(self.show_discussion)
        self.results_action = QAction("", self)
        self.results_action.setShortcut(QKeySequence("Ctrl+5"))
        self.results_action.triggered.connect(self.show_results)
        self.rubric_action = QAction("", self)
        self.rubric_action.setShortcut(QKeySequence("Ctrl+6"))
        self.rubric_action.triggered.connect(self.show_rubric)
        self.rules_action = QAction("", self)
        self.rules_action.setShortcut(QKeySequence("Ctrl+7"))
        self.rules_action.triggered.connect(self.show_rules)
        self.history_action = QAction(icon("document-import"), "", self)
        self.history_action.triggered.connect(self.import_history)
        self.report_action = QAction(icon("document-sign"), "", self)
        self.report_action.setShortcut(QKeySequence("Ctrl+P"))
        self.report_action.triggered.connect(self.make_reports)
        self.export_action = QAction(icon("x-office-spreadsheet"), "", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_results)
        self.shortcuts_action = QAction("", self)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.guide_action = QAction("", self)
        self.guide_action.setShortcut(QKeySequence("F1"))
        self.guide_action.triggered.connect(self.show_guide)
        self.about_action = QAction("", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.settings_action = QAction("", self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.show_settings)

        self.language_actions = language_actions(self, self.set_language)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.server_action)
        self.file_menu.addAction(self.cycle_action)
        self.recent_menu = QMenu(self.file_menu)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.demo_action)
        self.file_menu.addAction(self.close_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.report_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.platform_menu = bar.addMenu("")
        self.platform_menu.addAction(self.import_action)
        self.platform_menu.addAction(self.template_action)
        self.platform_menu.addSeparator()
        self.platform_menu.addAction(self.platforms_action)
        self.platform_menu.addAction(self.find_action)

        self.experts_menu = bar.addMenu("")
        self.experts_menu.addAction(self.experts_action)
        self.experts_menu.addSeparator()
        self.experts_menu.addAction(self.roster_action)
        self.experts_menu.addAction(self.roster_template_action)
        self.experts_menu.addSeparator()
        self.experts_menu.addAction(self.assign_action)
        self.experts_menu.addAction(self.issue_action)

        self.review_menu = bar.addMenu("")
        self.review_menu.addAction(self.merge_action)
        self.review_menu.addAction(self.paper_action)
        self.review_menu.addSeparator()
        self.review_menu.addAction(self.summary_action)
        self.review_menu.addAction(self.discussion_action)
        self.review_menu.addAction(self.results_action)
        self.review_menu.addSeparator()
        self.review_menu.addAction(self.history_action)
        self.review_menu.addAction(self.audit_action)
        self.review_menu.addAction(self.register_action)

        self.settings_menu = bar.addMenu("")
        self.settings_menu.addAction(self.rubric_action)
        self.settings_menu.addAction(self.rules_action)
        self.settings_menu.addSeparator()
        self.language_menu = QMenu(self.settings_menu)
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.settings_menu.addMenu(self.language_menu)
        self.settings_menu.addSeparator()
        self.settings_menu.addAction(self.settings_action)

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.about_action)
        self._rebuild_recent_menu()

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.new_action)
        self.toolbar.addAction(self.open_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.import_action)
        self.toolbar.addAction(self.merge_action)
        self.toolbar.addAction(self.report_action)
        self.toolbar.addAction(self.export_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.close_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for number, path in enumerate(paths, 1):
            label = f"&{number} {path.name}" if number < 10 else path.name
            action = self.recent_menu.addAction(label)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(partial(self.open_workspace, path))
        if paths:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(paths))
        self.recent_menu.setEnabled(True)

    def _retranslate(self) -> None:
        self.file_menu.setTitle(translate("MainWindow", "文件(&F)"))
        self.settings_menu.setTitle(translate("MainWindow", "设置(&S)"))
        self.help_menu.setTitle(translate("MainWindow", "帮助(&H)"))
        self.new_action.setText(translate("MainWindow", "新建工作区(&N)…"))
        self.new_action.setIconText(translate("MainWindow", "新建"))
        self.new_action.setToolTip(translate("MainWindow", "新建考核周期工作区 (Ctrl+N)"))
        self.open_action.setText(translate("MainWindow", "打开(&O)…"))
        self.open_action.setIconText(translate("MainWindow", "打开"))
        self.open_action.setToolTip(translate("MainWindow", "打开工作区文件 (Ctrl+O)"))
        self.server_action.setText(translate("MainWindow", "连接服务器(&S)…"))
        self.server_action.setToolTip(
            translate("MainWindow", "打开部门 PostgreSQL 服务器上的考核存储 (Ctrl+Shift+O)")
        )
        self.cycle_action.setText(translate("MainWindow", "切换考核周期(&Y)…"))
        self.cycle_action.setToolTip(
            translate("MainWindow", "打开同一存储中的另一个考核周期 (Ctrl+Shift+Y)")
        )
        self.demo_action.setText(translate("MainWindow", "打开演示考核周期(&D)…"))
        self.demo_action.setStatusTip(
            translate("MainWindow", "一个完整的虚构考核周期，第一次打开时先生成它")
        )
        self.close_action.setText(translate("MainWindow", "关闭工作区(&C)"))
        self.close_action.setIconText(translate("MainWindow", "关闭"))
        self.close_action.setToolTip(translate("MainWindow", "关闭当前工作区 (Ctrl+W)"))
        self.quit_action.setText(translate("MainWindow", "退出(&Q)"))
        self.platform_menu.setTitle(translate("MainWindow", "平台(&P)"))
        self.import_action.setText(translate("MainWindow", "导入平台材料(&I)…"))
        self.import_action.setIconText(translate("MainWindow", "导入"))
        self.import_action.setToolTip(
            translate("MainWindow", "导入依托单位交回的平台材料 (Ctrl+I)")
        )
        self.template_action.setText(translate("MainWindow", "下载材料模板(&T)…"))
        self.template_action.setToolTip(
            translate("MainWindow", "保存空白的平台材料 Excel 模板 (Ctrl+Shift+T)")
        )
        self.platforms_action.setText(translate("MainWindow", "平台列表(&L)"))
        self.find_action.setText(translate("MainWindow", "查找平台(&F)…"))
        self.experts_menu.setTitle(translate("MainWindow", "专家(&E)"))
        self.experts_action.setText(translate("MainWindow", "专家与分配(&E)"))
        self.roster_action.setText(translate("MainWindow", "导入专家名单(&R)…"))
        self.roster_template_action.setText(translate("MainWindow", "下载专家名单模板(&T)…"))
        self.assign_action.setText(translate("MainWindow", "分配专家(&S)"))
        self.issue_action.setText(translate("MainWindow", "发放评审包(&P)…"))
        self.review_menu.setTitle(translate("MainWindow", "评审(&R)"))
        self.merge_action.setText(translate("MainWindow", "合并评分文件(&M)…"))
        self.merge_action.setIconText(translate("MainWindow", "合并评分"))
        self.merge_action.setToolTip(translate("MainWindow", "合并专家提交的评分文件 (Ctrl+M)"))
        self.paper_action.setText(translate("MainWindow", "录入纸质评分表(&P)…"))
        self.paper_action.setToolTip(
            translate("MainWindow", "按专家交回的纸质评分表录入评分 (Ctrl+Shift+P)")
        )
        self.audit_action.setText(translate("MainWindow", "审计日志(&L)…"))
        self.audit_action.setToolTip(
            translate("MainWindow", "查看谁在何时做了哪些改动 (Ctrl+Shift+L)")
        )
        self.register_action.setText(translate("MainWindow", "平台名录(&G)…"))
        self.register_action.setToolTip(
            translate("MainWindow", "各平台跨周期的状态、整改跟进与状态历史 (Ctrl+Shift+G)")
        )
        self.summary_action.setText(translate("MainWindow", "评分汇总(&S)"))
        self.discussion_action.setText(translate("MainWindow", "讨论与共识(&D)"))
        self.results_action.setText(translate("MainWindow", "考核结果(&R)"))
        self.history_action.setText(translate("MainWindow", "导入历史结果(&H)…"))
        self.rubric_action.setText(translate("MainWindow", "评分细则(&C)"))
        self.rules_action.setText(translate("MainWindow", "考核规则(&U)"))
        self.report_action.setText(translate("MainWindow", "生成评审报告(&G)…"))
        self.report_action.setIconText(translate("MainWindow", "报告"))
        self.report_action.setToolTip(
            translate("MainWindow", "生成评价报告、汇总表等 PDF 文件 (Ctrl+P)")
        )
        self.export_action.setText(translate("MainWindow", "导出结果(&E)…"))
        self.export_action.setIconText(translate("MainWindow", "导出"))
        self.export_action.setToolTip(
            translate("MainWindow", "把考核结果导出为 Excel 工作簿或 CSV 表格 (Ctrl+E)")
        )
        self.recent_menu.setTitle(translate("MainWindow", "最近打开(&R)"))
        self.clear_recent_action.setText(translate("MainWindow", "清除列表"))
        self.language_menu.setTitle(translate("MainWindow", "语言 / Language(&L)"))
        self.about_action.setText(translate("MainWindow", "关于 jlpanel(&A)…"))
        self.settings_action.setText(translate("MainWindow", "设置(&P)…"))
        self.shortcuts_action.setText(translate("MainWindow", "键盘快捷键(&K)"))
        self.guide_action.setText(translate("MainWindow", "用户指南(&G)"))
        self.toolbar.setWindowTitle(translate("MainWindow", "工具栏"))
        self.language_actions[current_language()].setChecked(True)
        self._update_title()

    def _update_title(self) -> None:
        product = translate("MainWindow", "吉林省科技资源共享服务平台考核评价")
        info = self.workspace_view.info
        if self.workspace is not None and info is not None:
            if self.workspace.read_only:
                read_only = translate("MainWindow", "（只读）")
                self.setWindowTitle(f"{info.name}{read_only} — jlpanel")
            else:
                self.setWindowTitle(f"{info.name} — jlpanel")
        else:
            self.setWindowTitle(f"jlpanel — {product}")

    def _update_actions(self) -> None:
        idle = not self._busy
        self.new_action.setEnabled(idle)
        self.open_action.setEnabled(idle)
        self.server_action.setEnabled(idle)
        self.demo_action.setEnabled(idle)
        self.recent_menu.setEnabled(idle)
        self.close_action.setEnabled(idle and self.workspace is not None)
        self.cycle_action.setEnabled(idle and self.workspace is not None)
        has_workspace = idle and self.workspace is not None
        self.import_action.setEnabled(has_workspace)
        self.find_action.setEnabled(has_workspace)
        self.platforms_action.setEnabled(has_workspace)
        for action in (
            self.experts_action,
            self.roster_action,
            self.assign_action,
            self.issue_action,
            self.merge_action,
            self.paper_action,
            self.audit_action,
            self.register_action,
            self.summary_action,
            self.discussion_action,
            self.results_action,
            self.history_action,
            self.rubric_action,
            self.rules_action,
            self.report_action,
            self.export_action,
        ):
            action.setEnabled(has_workspace)
        self.template_action.setEnabled(not self._writing_template)
        self.start_page.setEnabled(idle)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ---------------------------------------------------------------------- busy state

    def status(self, message: str) -> None:
        """Say in the status bar what just happened; it goes after a while, so it never
        stands beside a later state it no longer describes. What a busy window is doing stays
        until it is done."""
        self.statusBar().showMessage(message, 0 if self._busy else STATUS_SHOWN_MS)

    def _begin_busy(self, message: str) -> None:
        self._busy = True
        self._busy_message = message
        self._update_actions()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.status(message)

    def _end_busy(self) -> None:
        if self._busy:
            self._busy = False
            QApplication.restoreOverrideCursor()
        if self.statusBar().currentMessage() == self._busy_message:
            self.statusBar().clearMessage()  # "正在打开…" is over, whatever came of it
        self._update_actions()

    @property
    def busy(self) -> bool:
        """Whether a workspace is being opened or created."""
        return self._busy

    # ------------------------------------------------------------------ opening a file

    def choose_workspace(self) -> None:
        """Ask for a workspace file and open it."""
        if self._busy:
            return
        start = str(self.recent.paths()[0].parent) if self.recent.paths() else ""
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("MainWindow", "打开工作区或评审包"),
            start,
            translate(
                "MainWindow",
                "jlpanel 文件 (*.jlpanel *.jlreview);;考核周期工作区 (*.jlpanel);;"
                "专家评审包 (*.jlreview);;所有文件 (*)",
            ),
        )
        if path:
            self.open_workspace(Path(path))

    def connect_server(self) -> ServerDialog | None:
        """连接服务器…: ask for a server's store (the password each time), then open it."""
        if self._busy:
            return None
        from jlpanel.gui.shell.server_dialog import ServerDialog

        dialog = ServerDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._open_server(dialog))
        self.server_dialog = dialog
        dialog.open()
        return dialog

    def _open_server(self, dialog: ServerDialog) -> None:
        from jlpanel.gui.shell.server_dialog import remember_server

        server = dialog.server()
        remember_server(server)  # its address only: never the password
        self.open_workspace(dialog.location())

    def open_workspace(self, path: Path | str, cycle: str | None = None) -> None:
        """Open the workspace at ``path`` in the background and show it when ready.

        ``cycle`` names the cycle where the store holds several; without it such a store asks
        which (:meth:`choose_cycle`). A review package (``*.jlreview``) opens in expert mode
        instead.
        """
        if self._busy:
            return
        if isinstance(path, str) and "://" in path:  # a store on a server
            self._open_location(path, cycle)
            return
        path = Path(path)
        if path.suffix.lower() == REVIEW_SUFFIX:
            self.open_review(path)
            return
        if not path.is_file():
            known = path.absolute() in self.recent.paths()
            self.recent.remove(path)
            message = translate("MainWindow", "找不到文件：\n{path}").format(path=path)
            if known:
                message += "\n\n" + translate("MainWindow", "已将它从最近打开列表中移除。")
            self.status(translate("MainWindow", "找不到 {name}").format(name=path.name))
            self.task_failed.emit(message)
            QMessageBox.warning(self, translate("MainWindow", "打开工作区"), message)
            return

        self._open_location(path, cycle)

    def _open_location(self, location: Path | str, cycle: str | None) -> None:
        """Open the store at ``location`` (a file, or a server's address) in the background."""
        from jlpanel.gui.shell.server_dialog import shown_location
        from jlpanel.services.preferences import load_preferences

        name = location.name if isinstance(location, Path) else shown_location(location)
        self._begin_busy(translate("MainWindow", "正在打开 {name}…").format(name=name))
        self._opening_cycle = cycle
        self._opening_location = location
        run_task(
            partial(_open_in_background, location, load_preferences(), False, cycle),
            partial(self._on_workspace_ready, created=False),
            partial(self._on_task_failed, what=name, dialog=None),
        )

    # ---------------------------------------------------------------------- the demo

    def open_demo(self) -> None:
        """Open the demo cycle in the user's data folder, building it there first if needed."""
        if self._busy:
            return
        folder = demo_folder()
        workspace = demo_workspace(folder)
        if workspace.is_file():
            self.open_workspace(workspace)
            return
        dialog = DemoBuildDialog(folder, self)
        dialog.built.connect(self._on_demo_built)
        dialog.failed.connect(self._on_demo_failed)
        dialog.cancelled.connect(self._on_demo_cancelled)
        self.demo_dialog = dialog
        self._begin_busy(translate("MainWindow", "正在生成演示考核周期…"))
        dialog.start()

    def _forget_demo_dialog(self) -> None:
        if self.demo_dialog is not None:
            self.demo_dialog.deleteLater()
            self.demo_dialog = None

    def _on_demo_built(self, summary: DemoSummary) -> None:
        self._forget_demo_dialog()
        self._end_busy()
        self.start_page.set_demo_folder(summary.folder)
        self.open_workspace(summary.workspace)

    def _on_demo_cancelled(self) -> None:
        self._forget_demo_dialog()
        self._end_busy()
        self.status(translate("MainWindow", "已取消生成演示考核周期，未留下任何文件"))

    def _on_demo_failed(self, exc: BaseException) -> None:
        self._forget_demo_dialog()
        self._end_busy()
        self.status(translate("MainWindow", "未能生成演示考核周期"))
        if isinstance(exc, UserError):
            show_user_error(self, exc)
            self.task_failed.emit(exc.message(current_language()))
        else:
            self.task_failed.emit(str(exc))
            report_exception(exc, self)

    # ------------------------------------------------------------------ expert mode

    def choose_review(self) -> None:
        """Ask for a review package and open it in expert mode."""
        start = str(self.recent.paths()[0].parent) if self.recent.paths() else ""
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("MainWindow", "打开评审包"),
            start,
            translate("MainWindow", "专家评审包 (*.jlreview);;所有文件 (*)"),
        )
        if path:
            self.open_review(Path(path))

    def open_review(self, path: Path) -> None:
        """Open a review package in its own window (expert mode), in the background."""
        if self._busy:
            return
        path = Path(path)
        if not path.is_file():
            self.recent.remove(path)
            message = translate("MainWindow", "找不到文件：\n{path}").format(path=path)
            self.task_failed.emit(message)
            self._show_again()
            QMessageBox.warning(self, translate("MainWindow", "打开评审包"), message)
            return
        self._begin_busy(translate("MainWindow", "正在打开评审包 {name}…").format(name=path.name))
        run_task(
            partial(_open_review_in_background, path),
            partial(self._on_review_ready, path),
            self._on_review_failed,
        )

    def _on_review_ready(self, path: Path, opened: OpenedPackage) -> None:
        from jlpanel.gui.review.review_window import ReviewWindow

        self._end_busy()
        self.adopt_review(path, ReviewWindow(opened))

    def adopt_review(self, path: Path, window: ReviewWindow) -> None:
        """Show the review window of the package at ``path`` as this window's own (also one
        shown before this window existed: `jlpanel open PACKAGE.jlreview`, see app.py)."""
        window.closed.connect(partial(self._on_review_closed, window))
        window.open_requested.connect(self.choose_review)
        self.review_windows.append(window)
        self.recent.add(path)
        if self.workspace is None and self.isVisible():
            self._return_from_review = True
            self.hide()
        window.show()
        window.raise_()
        window.activateWindow()
        self.status(translate("MainWindow", "已打开评审包 {name}").format(name=path.name))
        log.info("opened review package %s", path)
        self.review_opened.emit(window)

    def _on_review_failed(self, exc: BaseException) -> None:
        self._end_busy()
        self._show_again()
        if isinstance(exc, UserError):
            self.status(translate("MainWindow", "未能打开评审包"))
            show_user_error(self, exc)
            self.task_failed.emit(exc.message(current_language()))
        else:
            self.task_failed.emit(str(exc))
            report_exception(exc, self)

    def _on_review_closed(self, window: ReviewWindow) -> None:
        if window in self.review_windows:
            self.review_windows.remove(window)
        if not self.review_windows and self._return_from_review:
            self._return_from_review = False
            self.start_page.refresh()
            self.show()

    def _show_again(self) -> None:
        """Opening from the command line hides this window; a failure brings it back."""
        if not self.isVisible() and not self.review_windows:
            self.show()

    # ---------------------------------------------------------------- creating a file

    def new_workspace(self) -> None:
        """Show the 新建工作区 dialog (window-modal, so it does not block the event loop)."""
        if self._busy:
            return
        if self.new_dialog is not None:
            self.new_dialog.raise_()
            self.new_dialog.activateWindow()
            return
        dialog = NewWorkspaceDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.create_requested.connect(partial(self._create, dialog))
        dialog.finished.connect(self._forget_dialog)
        self.new_dialog = dialog
        dialog.open()

    def _forget_dialog(self) -> None:
        self.new_dialog = None

    def _create(self, dialog: NewWorkspaceDialog, request: NewWorkspaceRequest) -> None:
        if self._busy:
            return
        dialog.set_busy(True)
        self._begin_busy(translate("MainWindow", "正在新建 {name}…").format(name=request.path.name))
        run_task(
            partial(_create_in_background, request),
            partial(self._on_created, dialog),
            partial(self._on_task_failed, what=request.path.name, dialog=dialog),
        )

    def _on_created(self, dialog: NewWorkspaceDialog, result: tuple[Workspace, CycleInfo]) -> None:
        dialog.set_busy(False)
        dialog.accept()
        self._on_workspace_ready(result, created=True)

    # ------------------------------------------------------------------ task outcomes

    def _on_workspace_ready(self, result: tuple[Workspace, CycleInfo], *, created: bool) -> None:
        self._end_busy()
        workspace, info = result
        if self.workspace is not None:
            self.workspace.close()
        self.workspace = workspace
        # How to open this store again on another cycle (a server's URL keeps its password).
        self._shown_location = (
            self._opening_location if not created and self._opening_location else workspace.file
        )
        self.workspace_view.show_cycle(info, workspace.file or workspace.name, workspace)
        self.stack.setCurrentWidget(self.workspace_view)
        if workspace.file is not None:
            self.recent.add(workspace.file)
        self._update_actions()
        self._update_title()
        if created:
            message = translate("MainWindow", "已新建 {name}（{path}）")
        elif workspace.read_only:
            message = translate("MainWindow", "已以只读方式打开 {name}（{path}），不能修改")
        else:
            message = translate("MainWindow", "已打开 {name}（{path}）")
        self.status(message.format(name=info.name, path=workspace.name))
        from jlpanel.services.demo import scores_beside

        scores = scores_beside(workspace.file) if workspace.file is not None else None
        if scores is not None:
            self.status(
                translate(
                    "MainWindow",
                    "已打开演示考核周期。专家交回的评分文件在 {folder}，"
                    "用 评审 → 合并评分文件 (Ctrl+M) 合并。",
                ).format(folder=scores)
            )
        self.workspace_view.focus_platforms()
        log.info("%s workspace %s", "created" if created else "opened", workspace.name)
        self.workspace_opened.emit(workspace.file or Path(workspace.name))
        self._take_open_backup(workspace)

    def _take_open_backup(self, workspace: Workspace) -> None:
        """Copy the store as it was opened into its backup folder, after it is shown: the copy
        of a 300 MB store takes seconds (issue 16). Closing it first waits for the copy."""
        if workspace.open_backup is None:
            return
        run_task(
            workspace.take_open_backup,
            self._on_open_backup_taken,
            self._on_open_backup_failed,
            pool=self._backup_pool,
        )

    def _on_open_backup_taken(self, backup: Path | None) -> None:
        if backup is not None:
            log.info("open backup %s taken after the store was shown", backup)
        self.open_backup_taken.emit(backup)

    def _on_open_backup_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            self.open_backup_failed.emit(str(exc))
            report_exception(exc, self)
            return
        message = exc.message(current_language())
        self.status(translate("MainWindow", "未能写入打开时的备份"))
        self.open_backup_failed.emit(message)
        show_user_error(self, exc)

    def _on_task_failed(
        self, exc: BaseException, *, what: str, dialog: NewWorkspaceDialog | None
    ) -> None:
        self._end_busy()
        if dialog is not None:
            dialog.set_busy(False)
        if not isinstance(exc, UserError):
            self.status(translate("MainWindow", "操作失败：{name}").format(name=what))
            self.task_failed.emit(str(exc))
            report_exception(exc, self)
            return
        if isinstance(exc, DamagedWorkspaceError) and dialog is None:
            self._offer_restore(exc)
            return
        if isinstance(exc, WorkspaceInUseError) and dialog is None:
            self._offer_read_only(exc)
            return
        if isinstance(exc, CycleChoiceError) and exc.wanted is None and dialog is None:
            self.choose_cycle(exc)
            return
        message = exc.message(current_language())
        if dialog is not None:
            self.status(translate("MainWindow", "未能新建 {name}").format(name=what))
            dialog.show_error(message)
        else:
            self.status(translate("MainWindow", "未能打开 {name}").format(name=what))
            show_user_error(self, exc)
        self.task_failed.emit(message)

    # ------------------------------------------------------- a store of several cycles

    def choose_cycle(self, exc: CycleChoiceError) -> QInputDialog:
        """Ask which of the store's cycles to open (newest first), then open it."""
        self.status(
            translate("MainWindow", "{name} 中有 {n} 个考核周期").format(
                name=getattr(exc.path, "name", exc.name), n=len(exc.cycles)
            )
        )
        return self._ask_cycle(self._opening_location, exc.name, exc.cycles)

    def switch_cycle(self) -> QInputDialog | None:
        """文件 → 切换考核周期: open another cycle of the store shown (its confirmed history,
        or a cycle another panel works on)."""
        if self._busy or self.workspace is None:
            return None
        from jlpanel.services.workspace import store_cycles

        location = self._shown_location or self.workspace.file
        if location is None:
            return None
        current = self.workspace_view.info.name if self.workspace_view.info else None
        return self._ask_cycle(location, self.workspace.name, store_cycles(self.workspace), current)

    def _ask_cycle(
        self,
        location: Path | str | None,
        name: str,
        cycles: Sequence[StoredCycle],
        current: str | None = None,
    ) -> QInputDialog:
        """The cycle chooser over ``cycles`` (newest first, each marked when its results are
        confirmed); choosing one opens it from ``location``."""
        confirmed = translate("MainWindow", "（结果已确定）")
        labels = {f"{c.name}{confirmed if c.confirmed else ''}": c.name for c in cycles}
        dialog = QInputDialog(self)
        dialog.setWindowTitle(translate("MainWindow", "选择考核周期"))
        dialog.setLabelText(
            translate("MainWindow", "{path}\n中有 {n} 个考核周期，打开哪一个？").format(
                path=name, n=len(cycles)
            )
        )
        items = list(reversed(labels))
        dialog.setComboBoxItems(items)
        dialog.setComboBoxEditable(False)
        shown = next((label for label, c in labels.items() if c == current), None)
        if shown is not None:
            dialog.setTextValue(shown)
        dialog.setOkButtonText(translate("MainWindow", "打开"))
        dialog.setCancelButtonText(translate("MainWindow", "取消"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(label: str) -> None:
            if location is not None and labels[label] != current:
                self.open_workspace(location, labels[label])

        dialog.textValueSelected.connect(chosen)
        self.cycle_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------- open in another jlpanel

    def _offer_read_only(self, exc: WorkspaceInUseError) -> None:
        """Say who has the workspace open for changing; offer to open it read-only."""
        self.status(
            translate("MainWindow", "{name} 正由另一个 jlpanel 打开").format(name=exc.path.name)
        )
        owner = exc.owner
        if owner is None:
            who = translate("MainWindow", "另一个 jlpanel")
        else:
            since = owner.since.astimezone().strftime("%Y-%m-%d %H:%M")
            who = translate(
                "MainWindow", "另一个 jlpanel（{user}@{host}，进程 {pid}，{since} 起）"
            ).format(user=owner.user, host=owner.host, pid=owner.pid, since=since)
        text = translate(
            "MainWindow",
            "工作区正由{who}打开修改：\n{path}\n\n"
            "以只读方式打开它吗？只读时可以查看和导出，不能修改。",
        ).format(who=who, path=exc.path)
        answer = QMessageBox.question(
            self,
            translate("MainWindow", "工作区已在别处打开"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.task_failed.emit(exc.message(current_language()))
            return
        from jlpanel.services.preferences import load_preferences

        self._begin_busy(
            translate("MainWindow", "正在以只读方式打开 {name}…").format(name=exc.path.name)
        )
        run_task(
            partial(_open_in_background, exc.path, load_preferences(), True, self._opening_cycle),
            partial(self._on_workspace_ready, created=False),
            partial(self._on_task_failed, what=exc.path.name, dialog=None),
        )

    # ------------------------------------------------------------- a damaged workspace

    def _offer_restore(self, exc: DamagedWorkspaceError) -> None:
        """Say the workspace is damaged and was left as it is; offer its newest good backup."""
        self.status(translate("MainWindow", "{name} 已损坏，未打开").format(name=exc.path.name))
        self.task_failed.emit(exc.message(current_language()))
        if exc.backup is None:
            show_user_error(self, exc)
            return
        kind = exc.kind_label[1 if current_language().startswith("en") else 0]
        when = exc.taken_at.strftime("%Y-%m-%d %H:%M:%S") if exc.taken_at else ""
        text = translate(
            "MainWindow",
            "工作区文件已损坏（完整性检查未通过）。为保护数据，没有打开它，也没有作任何改动：\n"
            "{path}\n\n最新的可用备份（{time}，{kind}，已校验）：\n{backup}\n\n"
            "用这份备份恢复工作区吗？恢复前会把损坏的文件另存一份，放在它旁边。",
        ).format(path=exc.path, time=when, kind=kind, backup=exc.backup)
        answer = QMessageBox.question(
            self,
            translate("MainWindow", "工作区已损坏"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from jlpanel.services.preferences import load_preferences

        self._begin_busy(
            translate("MainWindow", "正在用备份恢复 {name}…").format(name=exc.path.name)
        )
        run_task(
            partial(_restore_in_background, exc.path, exc.backup, load_preferences()),
            self._on_restored,
            partial(self._on_task_failed, what=exc.path.name, dialog=None),
        )

    def _on_restored(self, restored: Restored) -> None:
        self._end_busy()
        message = translate("MainWindow", "已用备份恢复工作区：\n{path}").format(
            path=restored.store
        )
        if restored.damaged_copy is not None:
            message += "\n\n" + translate("MainWindow", "损坏的文件已另存为：\n{copy}").format(
                copy=restored.damaged_copy
            )
        self.status(translate("MainWindow", "已用备份恢复 {name}").format(name=restored.store.name))
        QMessageBox.information(self, translate("MainWindow", "恢复工作区"), message)
        self.open_workspace(restored.store)

    # ---------------------------------------------------------------------- platforms

    def import_dossiers(self) -> None:
        """Show the 导入平台材料 dialog (window-modal; the import runs in the background)."""
        if self._busy or self.workspace is None:
            return
        if self.import_dialog is not None:
            self.import_dialog.raise_()
            self.import_dialog.activateWindow()
            return
        dialog = ImportDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._on_imported)
        dialog.open_platform.connect(self.workspace_view.open_platform)
        dialog.open_finding.connect(self.workspace_view.open_finding)
        dialog.finished.connect(self._forget_import_dialog)
        self.import_dialog = dialog
        dialog.open()

    def _forget_import_dialog(self) -> None:
        self.import_dialog = None

    def _on_imported(self, outcomes: list[ImportOutcome]) -> None:
        self.status(summary_text(outcomes))
        self.workspace_view.refresh_platforms()
        self.workspace_view.experts_view.refresh()  # new host units may mean new conflicts

    def save_template(self) -> None:
        """Ask where to save the blank dossier workbook, then write it in the background."""
        if self._writing_template:
            return
        settings = app_settings()
        folder = settings.value(_TEMPLATE_FOLDER_KEY, "")
        if not isinstance(folder, str) or not folder:
            folder = str(self.workspace.folder) if self.workspace else ""
        name = translate("MainWindow", "平台材料模板.xlsx")
        start = str(Path(folder) / name) if folder else name
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            translate("MainWindow", "保存平台材料模板"),
            start,
            translate("MainWindow", "Excel 工作簿 (*.xlsx)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        settings.setValue(_TEMPLATE_FOLDER_KEY, str(path.parent))
        settings.sync()
        self._writing_template = True
        self._update_actions()
        self.status(translate("MainWindow", "正在保存材料模板…"))
        run_task(
            partial(_write_template, path),
            self._on_template_written,
            self._on_template_failed,
        )

    def _on_template_written(self, path: Path) -> None:
        self._writing_template = False
        self._update_actions()
        self.status(translate("MainWindow", "已保存材料模板：{path}").format(path=path))
        log.info("template written to %s", path)
        self.template_written.emit(path)

    def _on_template_failed(self, exc: BaseException) -> None:
        self._writing_template = False
        self._update_actions()
        self.status(translate("MainWindow", "未能保存材料模板"))
        if isinstance(exc, UserError):
            show_user_error(self, exc)
        elif isinstance(exc, OSError):
            QMessageBox.warning(
                self,
                translate("MainWindow", "保存平台材料模板"),
                translate("MainWindow", "无法写入文件：\n{error}").format(error=exc),
            )
        else:
            report_exception(exc, self)
        self.task_failed.emit(str(exc))

    def _on_dossier_shown(self, _platform_id: int) -> None:
        name = self.workspace_view.dossier_view.ui.nameLabel.text()
        self.status(translate("MainWindow", "正在查看 {name} 的材料").format(name=name))

    # ------------------------------------------------------------------ reports and export

    def make_reports(self) -> None:
        """文件 → 生成评审报告: the report dialog (window-modal; it writes in the background)."""
        if self._busy or self.workspace is None:
            return
        if self.report_dialog is not None:
            self.report_dialog.raise_()
            self.report_dialog.activateWindow()
            return
        from jlpanel.gui.secretary.report_dialog import ReportDialog

        info = self.workspace_view.info
        dialog = ReportDialog(self.workspace, self, language=info.language if info else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.status.connect(self.status)
        dialog.language_changed.connect(self.workspace_view.set_report_language)
        dialog.finished.connect(self._forget_report_dialog)
        self.report_dialog = dialog
        dialog.open()

    def _forget_report_dialog(self) -> None:
        self.report_dialog = None

    def export_results(self) -> None:
        """文件 → 导出结果: ask where, then export in the background; the status bar says where."""
        if self._busy or self.workspace is None:
            return
        from jlpanel.gui.secretary.report_dialog import ResultExport

        export = ResultExport(self.workspace, self)
        path = export.ask_path()
        if path is None:
            export.deleteLater()
            return
        # Busy while it runs: the workspace must stay open under the export.
        self._begin_busy(translate("ReportDialog", "正在导出考核结果…"))
        export.status.connect(self.status)
        export.finished.connect(self._on_export_finished)
        self.result_export = export
        export.start(path)

    def _on_export_finished(self) -> None:
        self._end_busy()
        if self.result_export is not None:
            self.result_export.deleteLater()
            self.result_export = None

    def merge_scores(self) -> None:
        """评审 → 合并评分文件: the 评分汇总 tab with the merge dialog open."""
        if self.workspace is not None:
            self.workspace_view.merge_scores()

    def enter_paper_sheet(self) -> None:
        """评审 → 录入纸质评分表: the 评分汇总 tab with the paper entry form open."""
        if self.workspace is not None:
            self.workspace_view.show_summary()
            self.workspace_view.summary_page.open_paper_dialog()

    def show_audit_log(self) -> QWidget | None:
        """评审 → 审计日志: every change to the workspace, old → new, with filters."""
        from jlpanel.gui.common.audit_log import AuditLogDialog

        return self._open_workspace_dialog(AuditLogDialog)

    def show_register(self) -> QWidget | None:
        """评审 → 平台名录: the store's register across cycles, with the follow-up."""
        from jlpanel.gui.register.register_dialog import RegisterDialog

        return self._open_workspace_dialog(RegisterDialog)

    def _open_workspace_dialog(
        self, kind: Callable[[Workspace, QWidget], QDialog]
    ) -> QDialog | None:
        """Open a window-modal dialog of ``kind`` on the open workspace (None without one)."""
        if self.workspace is None:
            return None
        dialog = kind(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_summary(self) -> None:
        """The 评分汇总 tab."""
        if self.workspace is not None:
            self.workspace_view.show_summary()
            self.workspace_view.focus_current_tab()

    def show_discussion(self) -> None:
        """The 讨论与共识 tab."""
        if self.workspace is not None:
            self.workspace_view.show_discussion()
            self.workspace_view.focus_current_tab()

    def show_results(self) -> None:
        """The 考核结果 tab."""
        if self.workspace is not None:
            self.workspace_view.show_results()
            self.workspace_view.focus_current_tab()

    def show_rubric(self) -> None:
        """The 评分细则 tab."""
        if self.workspace is not None:
            self.workspace_view.show_rubric()
            self.workspace_view.focus_current_tab()

    def show_rules(self) -> None:
        """The 考核规则 tab."""
        if self.workspace is not None:
            self.workspace_view.show_rules()
            self.workspace_view.focus_current_tab()

    def import_history(self) -> None:
        """考核结果 with 导入历史结果 asked for."""
        if self.workspace is not None:
            self.workspace_view.show_results()
            self.workspace_view.results_page.import_history()

    def show_experts(self) -> None:
        """The 专家 tab."""
        if self.workspace is not None:
            self.workspace_view.show_experts()
            self.workspace_view.focus_current_tab()

    def import_roster(self) -> None:
        if self.workspace is not None:
            self.workspace_view.show_experts()
            self.workspace_view.experts_view.import_roster()

    def save_roster_template(self) -> None:
        self.workspace_view.experts_view.save_roster_template()

    def assign_experts(self) -> None:
        if self.workspace is not None:
            self.workspace_view.show_experts()
            self.workspace_view.experts_view.assign()

    def issue_packages(self) -> None:
        if self.workspace is not None:
            self.workspace_view.show_experts()
            self.workspace_view.experts_view.issue_packages()

    def find_platform(self) -> None:
        """Ctrl+F: the platform list's search box."""
        self.workspace_view.focus_search()

    def show_platforms(self) -> None:
        """The platform list, from anywhere in the workspace."""
        if self.workspace is None:
            return
        self.workspace_view.show_list()

    # ------------------------------------------------------------------ closing a file

    def close_workspace(self) -> None:
        """Close the open workspace and return to the start page."""
        if self._busy or self.workspace is None:
            return
        name = self.workspace_view.info.name if self.workspace_view.info else self.workspace.name
        self.workspace.close()
        self.workspace = None
        self.workspace_view.clear()
        self.start_page.refresh()
        self.stack.setCurrentWidget(self.start_page)
        self._update_actions()
        self._update_title()
        self.status(translate("MainWindow", "已关闭 {name}").format(name=name))
        self.workspace_closed.emit()

    # ------------------------------------------------------------------------ settings

    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it for next time."""
        applied = switch_language(language)
        self.language_actions[applied].setChecked(True)
        self.status(translate("MainWindow", "界面语言：中文"))

    def show_settings(self) -> None:
        """设置 → 设置…: the preferences (window-modal); its language goes through set_language."""
        from jlpanel.gui.common.settings_dialog import SettingsDialog

        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return
        dialog = SettingsDialog(self, set_language=self.set_language)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(lambda _prefs: self.status(translate("MainWindow", "设置已保存")))
        dialog.finished.connect(self._forget_settings_dialog)
        self.settings_dialog = dialog
        dialog.open()

    def _forget_settings_dialog(self) -> None:
        self.settings_dialog = None

    def show_shortcuts(self) -> None:
        """帮助 → 键盘快捷键 (Ctrl+/): every shortcut, read from the actions themselves."""
        if self.shortcuts_dialog is None:
            from jlpanel.gui.common.shortcuts_dialog import ShortcutsDialog

            self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()
        self.shortcuts_dialog.activateWindow()

    def show_guide(self) -> None:
        """帮助 → 用户指南 (F1): the user guide in the UI language."""
        from jlpanel.gui.common.help_window import open_guide

        self.help_window = open_guide(self, self.help_window)

    def show_about(self) -> None:
        """帮助 → 关于 jlpanel: versions and licences."""
        from jlpanel.gui.common.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog = dialog
        dialog.open()

    def _restore_geometry(self) -> None:
        restore_window_geometry(self, _GEOMETRY_KEY, QSize(1240, 780))

    def closeEvent(self, event: QCloseEvent) -> None:
        for review in list(self.review_windows):
            review.close()
        # A task still running would deliver into a closed window; let it finish first.
        QThreadPool.globalInstance().waitForDone()
        QApplication.sendPostedEvents()
        settings = app_settings()
        settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        settings.sync()
        if self.workspace is not None:
            self.workspace.close()  # waits for its open backup, if being copied
            self.workspace = None
        self._backup_pool.waitForDone()
        QApplication.sendPostedEvents()
        if self._busy:
            self._end_busy()
        super().closeEvent(event)
