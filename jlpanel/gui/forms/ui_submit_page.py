# Generated from ui/submit_page.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'submit_page.ui'
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
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QTableView, QVBoxLayout, QWidget)

class Ui_SubmitPage(object):
    def setupUi(self, SubmitPage):
        if not SubmitPage.objectName():
            SubmitPage.setObjectName(u"SubmitPage")
        SubmitPage.resize(1100, 620)
        self.outerLayout = QVBoxLayout(SubmitPage)
        self.outerLayout.setSpacing(8)
        self.outerLayout.setObjectName(u"outerLayout")
        self.titleLabel = QLabel(SubmitPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.outerLayout.addWidget(self.titleLabel)

        self.stateLabel = QLabel(SubmitPage)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setText(u"\u2014")
        self.stateLabel.setWordWrap(True)

        self.outerLayout.addWidget(self.stateLabel)

        self.revisionLabel = QLabel(SubmitPage)
        self.revisionLabel.setObjectName(u"revisionLabel")
        self.revisionLabel.setText(u"\u2014")
        self.revisionLabel.setWordWrap(True)

        self.outerLayout.addWidget(self.revisionLabel)

        self.pages = QStackedWidget(SubmitPage)
        self.pages.setObjectName(u"pages")
        self.problemsPage = QWidget()
        self.problemsPage.setObjectName(u"problemsPage")
        self.problemsLayout = QVBoxLayout(self.problemsPage)
        self.problemsLayout.setSpacing(6)
        self.problemsLayout.setObjectName(u"problemsLayout")
        self.problemsLayout.setContentsMargins(0, 0, 0, 0)
        self.problemsTable = QTableView(self.problemsPage)
        self.problemsTable.setObjectName(u"problemsTable")
        self.problemsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problemsTable.setTabKeyNavigation(False)
        self.problemsTable.setAlternatingRowColors(True)
        self.problemsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problemsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemsTable.setShowGrid(False)

        self.problemsLayout.addWidget(self.problemsTable)

        self.problemsHintLabel = QLabel(self.problemsPage)
        self.problemsHintLabel.setObjectName(u"problemsHintLabel")

        self.problemsLayout.addWidget(self.problemsHintLabel)

        self.pages.addWidget(self.problemsPage)
        self.completePage = QWidget()
        self.completePage.setObjectName(u"completePage")
        self.completeLayout = QVBoxLayout(self.completePage)
        self.completeLayout.setSpacing(6)
        self.completeLayout.setObjectName(u"completeLayout")
        self.completeLayout.setContentsMargins(0, 0, 0, 0)
        self.summaryTable = QTableView(self.completePage)
        self.summaryTable.setObjectName(u"summaryTable")
        self.summaryTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summaryTable.setTabKeyNavigation(False)
        self.summaryTable.setAlternatingRowColors(True)
        self.summaryTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summaryTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summaryTable.setShowGrid(False)

        self.completeLayout.addWidget(self.summaryTable)

        self.resultLabel = QLabel(self.completePage)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setText(u"\u2014")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.completeLayout.addWidget(self.resultLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setSpacing(8)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.openFolderButton = QPushButton(self.completePage)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.actionsLayout.addWidget(self.openFolderButton)

        self.saveCopyButton = QPushButton(self.completePage)
        self.saveCopyButton.setObjectName(u"saveCopyButton")

        self.actionsLayout.addWidget(self.saveCopyButton)

        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.reopenButton = QPushButton(self.completePage)
        self.reopenButton.setObjectName(u"reopenButton")

        self.actionsLayout.addWidget(self.reopenButton)

        self.saveButton = QPushButton(self.completePage)
        self.saveButton.setObjectName(u"saveButton")

        self.actionsLayout.addWidget(self.saveButton)


        self.completeLayout.addLayout(self.actionsLayout)

        self.pages.addWidget(self.completePage)

        self.outerLayout.addWidget(self.pages)

        QWidget.setTabOrder(self.problemsTable, self.summaryTable)
        QWidget.setTabOrder(self.summaryTable, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.reopenButton)
        QWidget.setTabOrder(self.reopenButton, self.saveCopyButton)
        QWidget.setTabOrder(self.saveCopyButton, self.openFolderButton)

        self.retranslateUi(SubmitPage)

        QMetaObject.connectSlotsByName(SubmitPage)
    # setupUi

    def retranslateUi(self, SubmitPage):
        self.titleLabel.setText(QCoreApplication.translate("SubmitPage", u"\u63d0\u4ea4\u8bc4\u5206", None))
        self.problemsHintLabel.setText(QCoreApplication.translate("SubmitPage", u"\u53cc\u51fb\u6216\u6309 Enter \u8df3\u5230\u8be5\u5904\u8865\u5168\uff1b\u5168\u90e8\u5904\u7406\u540e\u5373\u53ef\u63d0\u4ea4\u3002", None))
        self.openFolderButton.setText(QCoreApplication.translate("SubmitPage", u"\u6253\u5f00\u6240\u5728\u6587\u4ef6\u5939(&D)", None))
#if QT_CONFIG(tooltip)
        self.saveCopyButton.setToolTip(QCoreApplication.translate("SubmitPage", u"\u628a\u5df2\u63d0\u4ea4\u7684\u8bc4\u5206\u6587\u4ef6\u539f\u6837\u518d\u4fdd\u5b58\u4e00\u4efd\uff08\u4f8b\u5982\u53e6\u4e00\u4e2aU\u76d8\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.saveCopyButton.setText(QCoreApplication.translate("SubmitPage", u"\u518d\u5b58\u4e00\u4efd(&C)\u2026", None))
#if QT_CONFIG(tooltip)
        self.reopenButton.setToolTip(QCoreApplication.translate("SubmitPage", u"\u89e3\u9664\u9501\u5b9a\u4ee5\u4fee\u6539\u8bc4\u5206\uff1b\u4fee\u6539\u540e\u987b\u518d\u6b21\u63d0\u4ea4\uff0c\u65b0\u7684\u8bc4\u5206\u6587\u4ef6\u7248\u672c\u53f7\u52a0 1", None))
#endif // QT_CONFIG(tooltip)
        self.reopenButton.setText(QCoreApplication.translate("SubmitPage", u"\u91cd\u65b0\u6253\u5f00\u4fee\u6539(&O)", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("SubmitPage", u"\u7b7e\u540d\u5e76\u4fdd\u5b58\u8bc4\u5206\u6587\u4ef6\uff08Ctrl+Enter\uff09\uff1b\u4fdd\u5b58\u540e\u8bc4\u5206\u8868\u9501\u5b9a", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("SubmitPage", u"\u4fdd\u5b58\u8bc4\u5206\u6587\u4ef6(&W)\u2026", None))
        pass
    # retranslateUi

