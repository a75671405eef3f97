# Generated from ui/issue_dialog.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'issue_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_IssueDialog(object):
    def setupUi(self, IssueDialog):
        if not IssueDialog.objectName():
            IssueDialog.setObjectName(u"IssueDialog")
        IssueDialog.resize(820, 480)
        self.dialogLayout = QVBoxLayout(IssueDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(IssueDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"\u2014")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.folderLabel = QLabel(IssueDialog)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setText(u"\u2014")
        self.folderLabel.setWordWrap(True)
        self.folderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.folderLabel)

        self.pages = QStackedWidget(IssueDialog)
        self.pages.setObjectName(u"pages")
        self.progressPage = QWidget()
        self.progressPage.setObjectName(u"progressPage")
        self.progressLayout = QVBoxLayout(self.progressPage)
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressLayout.setContentsMargins(0, -1, 0, -1)
        self.progressBar = QProgressBar(self.progressPage)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(0)
        self.progressBar.setTextVisible(False)

        self.progressLayout.addWidget(self.progressBar)

        self.progressNoteLabel = QLabel(self.progressPage)
        self.progressNoteLabel.setObjectName(u"progressNoteLabel")
        self.progressNoteLabel.setWordWrap(True)

        self.progressLayout.addWidget(self.progressNoteLabel)

        self.progressSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.progressLayout.addItem(self.progressSpacer)

        self.pages.addWidget(self.progressPage)
        self.resultsPage = QWidget()
        self.resultsPage.setObjectName(u"resultsPage")
        self.resultsLayout = QVBoxLayout(self.resultsPage)
        self.resultsLayout.setSpacing(6)
        self.resultsLayout.setObjectName(u"resultsLayout")
        self.resultsLayout.setContentsMargins(0, 0, 0, 0)
        self.resultsTable = QTableView(self.resultsPage)
        self.resultsTable.setObjectName(u"resultsTable")
        self.resultsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsTable.setTabKeyNavigation(False)
        self.resultsTable.setAlternatingRowColors(True)
        self.resultsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resultsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsTable.setShowGrid(False)

        self.resultsLayout.addWidget(self.resultsTable)

        self.hintLabel = QLabel(self.resultsPage)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.resultsLayout.addWidget(self.hintLabel)

        self.pages.addWidget(self.resultsPage)

        self.dialogLayout.addWidget(self.pages)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.openFolderButton = QPushButton(IssueDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.buttonsLayout.addWidget(self.openFolderButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.closeButton = QPushButton(IssueDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

        QWidget.setTabOrder(self.resultsTable, self.openFolderButton)
        QWidget.setTabOrder(self.openFolderButton, self.closeButton)

        self.retranslateUi(IssueDialog)

        QMetaObject.connectSlotsByName(IssueDialog)
    # setupUi

    def retranslateUi(self, IssueDialog):
        IssueDialog.setWindowTitle(QCoreApplication.translate("IssueDialog", u"\u53d1\u653e\u8bc4\u5ba1\u5305", None))
        self.progressNoteLabel.setText(QCoreApplication.translate("IssueDialog", u"\u6bcf\u4f4d\u4e13\u5bb6\u4e00\u4e2a\u8bc4\u5ba1\u5305\uff0c\u5185\u542b\u5206\u914d\u7ed9\u4ed6\u7684\u5e73\u53f0\u6750\u6599\uff1b\u540c\u65f6\u751f\u6210\u7eb8\u8d28\u8bc4\u5206\u8868\u3002\u53d1\u653e\u8bb0\u5f55\u548c\u5404\u8bc4\u5ba1\u5305\u7684\u7b7e\u540d\u5bc6\u94a5\u4fdd\u5b58\u5728\u5de5\u4f5c\u533a\u4e2d\u3002", None))
        self.hintLabel.setText(QCoreApplication.translate("IssueDialog", u"\u8bf7\u628a\u5404\u4e13\u5bb6\u7684\u8bc4\u5ba1\u5305\u5206\u522b\u62f7\u8d1d\u7ed9\u672c\u4eba\uff08\u5982U\u76d8\uff09\uff1b\u8bc4\u5ba1\u5305\u53ea\u542b\u8be5\u4e13\u5bb6\u987b\u8bc4\u5ba1\u7684\u5e73\u53f0\uff0c\u4e0d\u542b\u5176\u4ed6\u4e13\u5bb6\u7684\u4efb\u4f55\u4fe1\u606f\u3002", None))
        self.openFolderButton.setText(QCoreApplication.translate("IssueDialog", u"\u6253\u5f00\u6587\u4ef6\u5939(&O)", None))
        self.closeButton.setText(QCoreApplication.translate("IssueDialog", u"\u5173\u95ed", None))
    # retranslateUi

