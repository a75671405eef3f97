# Generated from ui/workspace_view.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'workspace_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHeaderView,
    QLabel, QSizePolicy, QSplitter, QStackedWidget,
    QTabWidget, QTableView, QTextBrowser, QTreeView,
    QVBoxLayout, QWidget)

class Ui_WorkspaceView(object):
    def setupUi(self, WorkspaceView):
        if not WorkspaceView.objectName():
            WorkspaceView.setObjectName(u"WorkspaceView")
        WorkspaceView.resize(1100, 640)
        self.viewLayout = QVBoxLayout(WorkspaceView)
        self.viewLayout.setSpacing(10)
        self.viewLayout.setObjectName(u"viewLayout")
        self.headerFrame = QFrame(WorkspaceView)
        self.headerFrame.setObjectName(u"headerFrame")
        self.headerFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.cycleNameLabel = QLabel(self.headerFrame)
        self.cycleNameLabel.setObjectName(u"cycleNameLabel")
        self.cycleNameLabel.setText(u"\u2014")
        self.cycleNameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.periodLabel = QLabel(self.headerFrame)
        self.periodLabel.setObjectName(u"periodLabel")
        self.periodLabel.setText(u"\u2014")
        self.countsLabel = QLabel(self.headerFrame)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setText(u"\u2014")
        self.rubricLabel = QLabel(self.headerFrame)
        self.rubricLabel.setObjectName(u"rubricLabel")
        self.rubricLabel.setText(u"\u2014")
        self.pathLabel = QLabel(self.headerFrame)
        self.pathLabel.setObjectName(u"pathLabel")
        self.pathLabel.setText(u"\u2014")
        self.pathLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.pathLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.viewLayout.addWidget(self.headerFrame)

        self.tabs = QTabWidget(WorkspaceView)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
        self.platformsTab = QWidget()
        self.platformsTab.setObjectName(u"platformsTab")
        self.platformsTabLayout = QVBoxLayout(self.platformsTab)
        self.platformsTabLayout.setObjectName(u"platformsTabLayout")
        self.platformsTabLayout.setContentsMargins(0, 0, 0, 0)
        self.platformStack = QStackedWidget(self.platformsTab)
        self.platformStack.setObjectName(u"platformStack")

        self.platformsTabLayout.addWidget(self.platformStack)

        self.tabs.addTab(self.platformsTab, "")
        self.expertsTab = QWidget()
        self.expertsTab.setObjectName(u"expertsTab")
        self.expertsTabLayout = QVBoxLayout(self.expertsTab)
        self.expertsTabLayout.setObjectName(u"expertsTabLayout")
        self.expertsTabLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.expertsTab, "")
        self.rubricTab = QWidget()
        self.rubricTab.setObjectName(u"rubricTab")
        self.rubricTabLayout = QVBoxLayout(self.rubricTab)
        self.rubricTabLayout.setObjectName(u"rubricTabLayout")
        self.rubricTabLayout.setContentsMargins(0, 8, 0, 0)
        self.rubricSplitter = QSplitter(self.rubricTab)
        self.rubricSplitter.setObjectName(u"rubricSplitter")
        self.rubricSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.rubricSplitter.setChildrenCollapsible(False)
        self.rubricTree = QTreeView(self.rubricSplitter)
        self.rubricTree.setObjectName(u"rubricTree")
        self.rubricTree.setMinimumSize(QSize(320, 0))
        self.rubricTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rubricTree.setAlternatingRowColors(True)
        self.rubricTree.setUniformRowHeights(True)
        self.rubricTree.setAllColumnsShowFocus(True)
        self.rubricSplitter.addWidget(self.rubricTree)
        self.detailBrowser = QTextBrowser(self.rubricSplitter)
        self.detailBrowser.setObjectName(u"detailBrowser")
        self.detailBrowser.setMinimumSize(QSize(320, 0))
        self.detailBrowser.setOpenLinks(False)
        self.rubricSplitter.addWidget(self.detailBrowser)

        self.rubricTabLayout.addWidget(self.rubricSplitter)

        self.tabs.addTab(self.rubricTab, "")
        self.rulesTab = QWidget()
        self.rulesTab.setObjectName(u"rulesTab")
        self.rulesTabLayout = QVBoxLayout(self.rulesTab)
        self.rulesTabLayout.setObjectName(u"rulesTabLayout")
        self.rulesTabLayout.setContentsMargins(0, 8, 0, 0)
        self.rulesIntroLabel = QLabel(self.rulesTab)
        self.rulesIntroLabel.setObjectName(u"rulesIntroLabel")
        self.rulesIntroLabel.setWordWrap(True)

        self.rulesTabLayout.addWidget(self.rulesIntroLabel)

        self.rulesTable = QTableView(self.rulesTab)
        self.rulesTable.setObjectName(u"rulesTable")
        self.rulesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rulesTable.setAlternatingRowColors(True)
        self.rulesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rulesTable.setShowGrid(False)
        self.rulesTable.setWordWrap(True)

        self.rulesTabLayout.addWidget(self.rulesTable)

        self.tabs.addTab(self.rulesTab, "")

        self.viewLayout.addWidget(self.tabs)

        QWidget.setTabOrder(self.tabs, self.platformStack)
        QWidget.setTabOrder(self.platformStack, self.rubricTree)
        QWidget.setTabOrder(self.rubricTree, self.detailBrowser)
        QWidget.setTabOrder(self.detailBrowser, self.rulesTable)

        self.retranslateUi(WorkspaceView)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(WorkspaceView)
    # setupUi

    def retranslateUi(self, WorkspaceView):
        self.tabs.setTabText(self.tabs.indexOf(self.platformsTab), QCoreApplication.translate("WorkspaceView", u"\u5e73\u53f0\u5217\u8868", None))
        self.tabs.setTabText(self.tabs.indexOf(self.expertsTab), QCoreApplication.translate("WorkspaceView", u"\u4e13\u5bb6\u4e0e\u5206\u914d", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rubricTab), QCoreApplication.translate("WorkspaceView", u"\u8bc4\u5206\u7ec6\u5219", None))
        self.rulesIntroLabel.setText(QCoreApplication.translate("WorkspaceView", u"\u672c\u8003\u6838\u5468\u671f\u9002\u7528\u7684\u89c4\u5219\u3002\u89c4\u5219\u4fdd\u5b58\u5728\u5de5\u4f5c\u533a\u6587\u4ef6\u4e2d\uff0c\u6bcf\u6b21\u4fee\u6539\u90fd\u8bb0\u5165\u5ba1\u8ba1\u65e5\u5fd7\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rulesTab), QCoreApplication.translate("WorkspaceView", u"\u8003\u6838\u89c4\u5219", None))
        pass
    # retranslateUi

