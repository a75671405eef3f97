# Generated from ui/dossier_view.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dossier_view.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTabWidget, QTableView,
    QTreeView, QVBoxLayout, QWidget)

class Ui_DossierView(object):
    def setupUi(self, DossierView):
        if not DossierView.objectName():
            DossierView.setObjectName(u"DossierView")
        DossierView.resize(1100, 600)
        self.outerLayout = QVBoxLayout(DossierView)
        self.outerLayout.setSpacing(6)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 8, 0, 0)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(14)
        self.headerLayout.setObjectName(u"headerLayout")
        self.backButton = QPushButton(DossierView)
        self.backButton.setObjectName(u"backButton")

        self.headerLayout.addWidget(self.backButton)

        self.titleLayout = QVBoxLayout()
        self.titleLayout.setSpacing(2)
        self.titleLayout.setObjectName(u"titleLayout")
        self.nameLabel = QLabel(DossierView)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setText(u"\u2014")
        self.nameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.titleLayout.addWidget(self.nameLabel)

        self.detailsLabel = QLabel(DossierView)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setText(u"\u2014")
        self.detailsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.titleLayout.addWidget(self.detailsLabel)


        self.headerLayout.addLayout(self.titleLayout)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.loadingLabel = QLabel(DossierView)
        self.loadingLabel.setObjectName(u"loadingLabel")

        self.headerLayout.addWidget(self.loadingLabel)


        self.outerLayout.addLayout(self.headerLayout)

        self.tabs = QTabWidget(DossierView)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.overviewTab = QWidget()
        self.overviewTab.setObjectName(u"overviewTab")
        self.overviewLayout = QVBoxLayout(self.overviewTab)
        self.overviewLayout.setObjectName(u"overviewLayout")
        self.overviewLayout.setContentsMargins(0, 8, 0, 0)
        self.overviewSplitter = QSplitter(self.overviewTab)
        self.overviewSplitter.setObjectName(u"overviewSplitter")
        self.overviewSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.overviewSplitter.setChildrenCollapsible(False)
        self.basicTable = QTableView(self.overviewSplitter)
        self.basicTable.setObjectName(u"basicTable")
        self.basicTable.setMinimumSize(QSize(360, 0))
        self.basicTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.basicTable.setTabKeyNavigation(False)
        self.basicTable.setAlternatingRowColors(True)
        self.basicTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.basicTable.setShowGrid(False)
        self.overviewSplitter.addWidget(self.basicTable)
        self.summaryPane = QWidget(self.overviewSplitter)
        self.summaryPane.setObjectName(u"summaryPane")
        self.summaryLayout = QVBoxLayout(self.summaryPane)
        self.summaryLayout.setSpacing(4)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryLayout.setContentsMargins(0, 0, 0, 0)
        self.summaryLabel = QLabel(self.summaryPane)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.summaryLayout.addWidget(self.summaryLabel)

        self.summaryText = QPlainTextEdit(self.summaryPane)
        self.summaryText.setObjectName(u"summaryText")
        self.summaryText.setMinimumSize(QSize(320, 0))
        self.summaryText.setTabChangesFocus(True)
        self.summaryText.setReadOnly(True)

        self.summaryLayout.addWidget(self.summaryText)

        self.overviewSplitter.addWidget(self.summaryPane)

        self.overviewLayout.addWidget(self.overviewSplitter)

        self.tabs.addTab(self.overviewTab, "")
        self.metricsTab = QWidget()
        self.metricsTab.setObjectName(u"metricsTab")
        self.metricsLayout = QVBoxLayout(self.metricsTab)
        self.metricsLayout.setObjectName(u"metricsLayout")
        self.metricsLayout.setContentsMargins(0, 8, 0, 0)
        self.metricsIntroLabel = QLabel(self.metricsTab)
        self.metricsIntroLabel.setObjectName(u"metricsIntroLabel")
        self.metricsIntroLabel.setWordWrap(True)

        self.metricsLayout.addWidget(self.metricsIntroLabel)

        self.metricsTree = QTreeView(self.metricsTab)
        self.metricsTree.setObjectName(u"metricsTree")
        self.metricsTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.metricsTree.setAlternatingRowColors(True)
        self.metricsTree.setUniformRowHeights(True)
        self.metricsTree.setAllColumnsShowFocus(True)

        self.metricsLayout.addWidget(self.metricsTree)

        self.tabs.addTab(self.metricsTab, "")
        self.warningsTab = QWidget()
        self.warningsTab.setObjectName(u"warningsTab")
        self.warningsLayout = QVBoxLayout(self.warningsTab)
        self.warningsLayout.setObjectName(u"warningsLayout")
        self.warningsLayout.setContentsMargins(0, 8, 0, 0)
        self.warningsIntroLabel = QLabel(self.warningsTab)
        self.warningsIntroLabel.setObjectName(u"warningsIntroLabel")
        self.warningsIntroLabel.setWordWrap(True)

        self.warningsLayout.addWidget(self.warningsIntroLabel)

        self.warningsTable = QTableView(self.warningsTab)
        self.warningsTable.setObjectName(u"warningsTable")
        self.warningsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.warningsTable.setTabKeyNavigation(False)
        self.warningsTable.setAlternatingRowColors(True)
        self.warningsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.warningsTable.setShowGrid(False)
        self.warningsTable.setWordWrap(True)

        self.warningsLayout.addWidget(self.warningsTable)

        self.tabs.addTab(self.warningsTab, "")
        self.attachmentsTab = QWidget()
        self.attachmentsTab.setObjectName(u"attachmentsTab")
        self.attachmentsLayout = QVBoxLayout(self.attachmentsTab)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.attachmentsLayout.setContentsMargins(0, 8, 0, 0)
        self.attachmentsTable = QTableView(self.attachmentsTab)
        self.attachmentsTable.setObjectName(u"attachmentsTable")
        self.attachmentsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachmentsTable.setTabKeyNavigation(False)
        self.attachmentsTable.setAlternatingRowColors(True)
        self.attachmentsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attachmentsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attachmentsTable.setShowGrid(False)

        self.attachmentsLayout.addWidget(self.attachmentsTable)

        self.attachmentButtonsLayout = QHBoxLayout()
        self.attachmentButtonsLayout.setObjectName(u"attachmentButtonsLayout")
        self.openAttachmentButton = QPushButton(self.attachmentsTab)
        self.openAttachmentButton.setObjectName(u"openAttachmentButton")

        self.attachmentButtonsLayout.addWidget(self.openAttachmentButton)

        self.attachmentHintLabel = QLabel(self.attachmentsTab)
        self.attachmentHintLabel.setObjectName(u"attachmentHintLabel")
        self.attachmentHintLabel.setWordWrap(True)

        self.attachmentButtonsLayout.addWidget(self.attachmentHintLabel)

        self.attachmentSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachmentButtonsLayout.addItem(self.attachmentSpacer)


        self.attachmentsLayout.addLayout(self.attachmentButtonsLayout)

        self.tabs.addTab(self.attachmentsTab, "")

        self.outerLayout.addWidget(self.tabs)

        QWidget.setTabOrder(self.tabs, self.basicTable)
        QWidget.setTabOrder(self.basicTable, self.summaryText)
        QWidget.setTabOrder(self.summaryText, self.metricsTree)
        QWidget.setTabOrder(self.metricsTree, self.warningsTable)
        QWidget.setTabOrder(self.warningsTable, self.attachmentsTable)
        QWidget.setTabOrder(self.attachmentsTable, self.openAttachmentButton)
        QWidget.setTabOrder(self.openAttachmentButton, self.backButton)

        self.retranslateUi(DossierView)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(DossierView)
    # setupUi

    def retranslateUi(self, DossierView):
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("DossierView", u"\u8fd4\u56de\u5e73\u53f0\u5217\u8868\uff08Esc \u6216 Backspace\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.backButton.setText(QCoreApplication.translate("DossierView", u"\u8fd4\u56de\u5217\u8868", None))
        self.loadingLabel.setText(QCoreApplication.translate("DossierView", u"\u6b63\u5728\u8bfb\u53d6\u2026", None))
        self.summaryLabel.setText(QCoreApplication.translate("DossierView", u"\u5de5\u4f5c\u603b\u7ed3", None))
        self.tabs.setTabText(self.tabs.indexOf(self.overviewTab), QCoreApplication.translate("DossierView", u"\u6982\u51b5", None))
        self.metricsIntroLabel.setText(QCoreApplication.translate("DossierView", u"\u7531\u5e73\u53f0\u6750\u6599\u8ba1\u7b97\u5f97\u51fa\u7684\u5ba2\u89c2\u6307\u6807\uff0c\u53f3\u4fa7\u5217\u51fa\u8bc4\u5206\u65f6\u53c2\u8003\u8be5\u6307\u6807\u7684\u8bc4\u5206\u7ec6\u5219\u6307\u6807\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.metricsTab), QCoreApplication.translate("DossierView", u"\u5ba2\u89c2\u6307\u6807", None))
        self.warningsIntroLabel.setText(QCoreApplication.translate("DossierView", u"\u5bfc\u5165\u65f6\u6821\u9a8c\u53d1\u73b0\u7684\u95ee\u9898\u3002\u8fd9\u4e9b\u95ee\u9898\u4e0d\u59a8\u788d\u5bfc\u5165\uff0c\u4f46\u8bc4\u5ba1\u65f6\u5e94\u5f53\u7559\u610f\uff0c\u5fc5\u8981\u65f6\u8bf7\u4f9d\u6258\u5355\u4f4d\u8865\u6b63\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.warningsTab), QCoreApplication.translate("DossierView", u"\u63d0\u793a", None))
#if QT_CONFIG(tooltip)
        self.openAttachmentButton.setToolTip(QCoreApplication.translate("DossierView", u"\u7528\u7cfb\u7edf\u9ed8\u8ba4\u7684\u7a0b\u5e8f\u6253\u5f00\u6240\u9009\u9644\u4ef6\uff08Enter \u6216\u53cc\u51fb\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.openAttachmentButton.setText(QCoreApplication.translate("DossierView", u"\u6253\u5f00(&O)", None))
        self.attachmentHintLabel.setText(QCoreApplication.translate("DossierView", u"\u9644\u4ef6\u4f1a\u590d\u5236\u5230\u4e34\u65f6\u6587\u4ef6\u5939\u540e\u6253\u5f00\uff0c\u5de5\u4f5c\u533a\u4e2d\u7684\u539f\u4ef6\u4e0d\u53d7\u5f71\u54cd\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attachmentsTab), QCoreApplication.translate("DossierView", u"\u9644\u4ef6", None))
        pass
    # retranslateUi

