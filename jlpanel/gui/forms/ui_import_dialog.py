# Generated from ui/import_dialog.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QDialog,
    QFrame, QHBoxLayout, QHeaderView, QLabel,
    QListView, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QStackedWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(960, 620)
        self.dialogLayout = QVBoxLayout(ImportDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.pages = QStackedWidget(ImportDialog)
        self.pages.setObjectName(u"pages")
        self.choosePage = QWidget()
        self.choosePage.setObjectName(u"choosePage")
        self.chooseLayout = QVBoxLayout(self.choosePage)
        self.chooseLayout.setSpacing(8)
        self.chooseLayout.setObjectName(u"chooseLayout")
        self.chooseLayout.setContentsMargins(0, 0, 0, 0)
        self.introLabel = QLabel(self.choosePage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.chooseLayout.addWidget(self.introLabel)

        self.filesLabel = QLabel(self.choosePage)
        self.filesLabel.setObjectName(u"filesLabel")

        self.chooseLayout.addWidget(self.filesLabel)

        self.filesLayout = QHBoxLayout()
        self.filesLayout.setSpacing(8)
        self.filesLayout.setObjectName(u"filesLayout")
        self.filesList = QListView(self.choosePage)
        self.filesList.setObjectName(u"filesList")
        self.filesList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.filesList.setAlternatingRowColors(True)
        self.filesList.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.filesList.setUniformItemSizes(True)

        self.filesLayout.addWidget(self.filesList)

        self.fileButtonsLayout = QVBoxLayout()
        self.fileButtonsLayout.setSpacing(6)
        self.fileButtonsLayout.setObjectName(u"fileButtonsLayout")
        self.addFilesButton = QPushButton(self.choosePage)
        self.addFilesButton.setObjectName(u"addFilesButton")

        self.fileButtonsLayout.addWidget(self.addFilesButton)

        self.addFolderButton = QPushButton(self.choosePage)
        self.addFolderButton.setObjectName(u"addFolderButton")

        self.fileButtonsLayout.addWidget(self.addFolderButton)

        self.removeButton = QPushButton(self.choosePage)
        self.removeButton.setObjectName(u"removeButton")

        self.fileButtonsLayout.addWidget(self.removeButton)

        self.fileButtonsSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.fileButtonsLayout.addItem(self.fileButtonsSpacer)


        self.filesLayout.addLayout(self.fileButtonsLayout)


        self.chooseLayout.addLayout(self.filesLayout)

        self.replaceCheck = QCheckBox(self.choosePage)
        self.replaceCheck.setObjectName(u"replaceCheck")

        self.chooseLayout.addWidget(self.replaceCheck)

        self.backupLabel = QLabel(self.choosePage)
        self.backupLabel.setObjectName(u"backupLabel")
        self.backupLabel.setText(u"\u2014")
        self.backupLabel.setWordWrap(True)
        self.backupLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.chooseLayout.addWidget(self.backupLabel)

        self.pages.addWidget(self.choosePage)
        self.progressPage = QWidget()
        self.progressPage.setObjectName(u"progressPage")
        self.progressLayout = QVBoxLayout(self.progressPage)
        self.progressLayout.setSpacing(10)
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressTopSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.progressLayout.addItem(self.progressTopSpacer)

        self.progressTitleLabel = QLabel(self.progressPage)
        self.progressTitleLabel.setObjectName(u"progressTitleLabel")

        self.progressLayout.addWidget(self.progressTitleLabel)

        self.progressFileLabel = QLabel(self.progressPage)
        self.progressFileLabel.setObjectName(u"progressFileLabel")
        self.progressFileLabel.setText(u"\u2014")

        self.progressLayout.addWidget(self.progressFileLabel)

        self.progressBar = QProgressBar(self.progressPage)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.progressLayout.addWidget(self.progressBar)

        self.progressNoteLabel = QLabel(self.progressPage)
        self.progressNoteLabel.setObjectName(u"progressNoteLabel")
        self.progressNoteLabel.setWordWrap(True)

        self.progressLayout.addWidget(self.progressNoteLabel)

        self.progressBottomSpacer = QSpacerItem(20, 80, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.progressLayout.addItem(self.progressBottomSpacer)

        self.pages.addWidget(self.progressPage)
        self.resultsPage = QWidget()
        self.resultsPage.setObjectName(u"resultsPage")
        self.resultsLayout = QVBoxLayout(self.resultsPage)
        self.resultsLayout.setSpacing(8)
        self.resultsLayout.setObjectName(u"resultsLayout")
        self.resultsLayout.setContentsMargins(0, 0, 0, 0)
        self.summaryLabel = QLabel(self.resultsPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"\u2014")

        self.resultsLayout.addWidget(self.summaryLabel)

        self.resultsSplitter = QSplitter(self.resultsPage)
        self.resultsSplitter.setObjectName(u"resultsSplitter")
        self.resultsSplitter.setOrientation(Qt.Orientation.Vertical)
        self.resultsSplitter.setChildrenCollapsible(False)
        self.resultsTable = QTableView(self.resultsSplitter)
        self.resultsTable.setObjectName(u"resultsTable")
        self.resultsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsTable.setTabKeyNavigation(False)
        self.resultsTable.setAlternatingRowColors(True)
        self.resultsTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.resultsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsTable.setShowGrid(False)
        self.resultsTable.setWordWrap(False)
        self.resultsSplitter.addWidget(self.resultsTable)
        self.findingsPane = QWidget(self.resultsSplitter)
        self.findingsPane.setObjectName(u"findingsPane")
        self.findingsLayout = QVBoxLayout(self.findingsPane)
        self.findingsLayout.setSpacing(4)
        self.findingsLayout.setObjectName(u"findingsLayout")
        self.findingsLayout.setContentsMargins(0, 4, 0, 0)
        self.findingsLabel = QLabel(self.findingsPane)
        self.findingsLabel.setObjectName(u"findingsLabel")
        self.findingsLabel.setText(u"\u2014")

        self.findingsLayout.addWidget(self.findingsLabel)

        self.findingsTable = QTableView(self.findingsPane)
        self.findingsTable.setObjectName(u"findingsTable")
        self.findingsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findingsTable.setTabKeyNavigation(False)
        self.findingsTable.setAlternatingRowColors(True)
        self.findingsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findingsTable.setShowGrid(False)
        self.findingsTable.setWordWrap(True)

        self.findingsLayout.addWidget(self.findingsTable)

        self.resultsSplitter.addWidget(self.findingsPane)

        self.resultsLayout.addWidget(self.resultsSplitter)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setSpacing(8)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.openPlatformButton = QPushButton(self.resultsPage)
        self.openPlatformButton.setObjectName(u"openPlatformButton")

        self.actionsLayout.addWidget(self.openPlatformButton)

        self.replaceButton = QPushButton(self.resultsPage)
        self.replaceButton.setObjectName(u"replaceButton")

        self.actionsLayout.addWidget(self.replaceButton)

        self.copyButton = QPushButton(self.resultsPage)
        self.copyButton.setObjectName(u"copyButton")

        self.actionsLayout.addWidget(self.copyButton)

        self.showFolderButton = QPushButton(self.resultsPage)
        self.showFolderButton.setObjectName(u"showFolderButton")

        self.actionsLayout.addWidget(self.showFolderButton)

        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)


        self.resultsLayout.addLayout(self.actionsLayout)

        self.pages.addWidget(self.resultsPage)

        self.dialogLayout.addWidget(self.pages)

        self.buttonsLine = QFrame(ImportDialog)
        self.buttonsLine.setObjectName(u"buttonsLine")
        self.buttonsLine.setFrameShape(QFrame.Shape.HLine)
        self.buttonsLine.setFrameShadow(QFrame.Shadow.Sunken)

        self.dialogLayout.addWidget(self.buttonsLine)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setSpacing(8)
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.moreButton = QPushButton(ImportDialog)
        self.moreButton.setObjectName(u"moreButton")

        self.buttonsLayout.addWidget(self.moreButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.startButton = QPushButton(ImportDialog)
        self.startButton.setObjectName(u"startButton")

        self.buttonsLayout.addWidget(self.startButton)

        self.cancelImportButton = QPushButton(ImportDialog)
        self.cancelImportButton.setObjectName(u"cancelImportButton")

        self.buttonsLayout.addWidget(self.cancelImportButton)

        self.closeButton = QPushButton(ImportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.filesLabel.setBuddy(self.filesList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.filesList, self.addFilesButton)
        QWidget.setTabOrder(self.addFilesButton, self.addFolderButton)
        QWidget.setTabOrder(self.addFolderButton, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.replaceCheck)
        QWidget.setTabOrder(self.replaceCheck, self.resultsTable)
        QWidget.setTabOrder(self.resultsTable, self.findingsTable)
        QWidget.setTabOrder(self.findingsTable, self.openPlatformButton)
        QWidget.setTabOrder(self.openPlatformButton, self.replaceButton)
        QWidget.setTabOrder(self.replaceButton, self.copyButton)
        QWidget.setTabOrder(self.copyButton, self.showFolderButton)
        QWidget.setTabOrder(self.showFolderButton, self.moreButton)
        QWidget.setTabOrder(self.moreButton, self.startButton)
        QWidget.setTabOrder(self.startButton, self.cancelImportButton)
        QWidget.setTabOrder(self.cancelImportButton, self.closeButton)

        self.retranslateUi(ImportDialog)

        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"\u5bfc\u5165\u5e73\u53f0\u6750\u6599", None))
        self.introLabel.setText(QCoreApplication.translate("ImportDialog", u"\u9009\u62e9\u4f9d\u6258\u5355\u4f4d\u4ea4\u56de\u7684\u5e73\u53f0\u6750\u6599\uff1a\u6bcf\u4e2a\u5e73\u53f0\u4e00\u4e2a Excel \u6587\u4ef6\uff0c\u9644\u4ef6\u653e\u5728\u4e0e\u5b83\u540c\u540d\u7684\u6587\u4ef6\u5939\u6216\u538b\u7f29\u5305\u4e2d\u3002\u53ef\u4ee5\u4e00\u6b21\u9009\u62e9\u591a\u4e2a\u6587\u4ef6\uff0c\u6216\u9009\u62e9\u4e00\u4e2a\u6587\u4ef6\u5939\u5bfc\u5165\u5176\u4e2d\u5168\u90e8 Excel \u6587\u4ef6\u3002\u6bcf\u4e2a\u6587\u4ef6\u8981\u4e48\u5b8c\u6574\u5bfc\u5165\uff0c\u8981\u4e48\u4e0d\u505a\u4efb\u4f55\u6539\u52a8\u3002", None))
        self.filesLabel.setText(QCoreApplication.translate("ImportDialog", u"\u5f85\u5bfc\u5165\u7684\u6587\u4ef6(&L)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.addFilesButton.setToolTip(QCoreApplication.translate("ImportDialog", u"\u9009\u62e9\u4e00\u4e2a\u6216\u591a\u4e2a Excel \u6587\u4ef6\uff08.xlsx\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.addFilesButton.setText(QCoreApplication.translate("ImportDialog", u"\u6dfb\u52a0\u6587\u4ef6(&A)\u2026", None))
#if QT_CONFIG(tooltip)
        self.addFolderButton.setToolTip(QCoreApplication.translate("ImportDialog", u"\u9009\u62e9\u4e00\u4e2a\u6587\u4ef6\u5939\uff0c\u5bfc\u5165\u5176\u4e2d\u5168\u90e8 Excel \u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.addFolderButton.setText(QCoreApplication.translate("ImportDialog", u"\u6dfb\u52a0\u6587\u4ef6\u5939(&D)\u2026", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("ImportDialog", u"\u4ece\u5217\u8868\u4e2d\u79fb\u9664\u6240\u9009\u6587\u4ef6\uff08Delete\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("ImportDialog", u"\u79fb\u9664(&R)", None))
#if QT_CONFIG(tooltip)
        self.replaceCheck.setToolTip(QCoreApplication.translate("ImportDialog", u"\u5df2\u5bfc\u5165\u8fc7\u7684\u5e73\u53f0\uff08\u5907\u6848\u7f16\u53f7\u76f8\u540c\uff09\u7528\u672c\u6b21\u7684\u6587\u4ef6\u66ff\u6362\uff1b\u4e0d\u52fe\u9009\u65f6\u8fd9\u4e9b\u6587\u4ef6\u4e0d\u5bfc\u5165\uff0c\u6807\u4e3a\u201c\u5df2\u5b58\u5728\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.replaceCheck.setText(QCoreApplication.translate("ImportDialog", u"\u66ff\u6362\u5df2\u5bfc\u5165\u7684\u540c\u4e00\u5e73\u53f0\u6750\u6599(&P)", None))
        self.progressTitleLabel.setText(QCoreApplication.translate("ImportDialog", u"\u6b63\u5728\u5bfc\u5165\u2026", None))
        self.progressNoteLabel.setText(QCoreApplication.translate("ImportDialog", u"\u6bcf\u4e2a\u6587\u4ef6\u8981\u4e48\u5b8c\u6574\u5bfc\u5165\uff0c\u8981\u4e48\u4e0d\u505a\u4efb\u4f55\u6539\u52a8\u3002\u53d6\u6d88\u65f6\uff0c\u6b63\u5728\u5bfc\u5165\u7684\u6587\u4ef6\u4f1a\u5b8c\u6210\uff0c\u5176\u4f59\u6587\u4ef6\u4e0d\u518d\u5bfc\u5165\u3002", None))
#if QT_CONFIG(tooltip)
        self.openPlatformButton.setToolTip(QCoreApplication.translate("ImportDialog", u"\u5173\u95ed\u672c\u7a97\u53e3\u5e76\u67e5\u770b\u6240\u9009\u5e73\u53f0\u7684\u6750\u6599", None))
#endif // QT_CONFIG(tooltip)
        self.openPlatformButton.setText(QCoreApplication.translate("ImportDialog", u"\u6253\u5f00\u8be5\u5e73\u53f0(&O)", None))
#if QT_CONFIG(tooltip)
        self.replaceButton.setToolTip(QCoreApplication.translate("ImportDialog", u"\u7528\u6240\u9009\u6587\u4ef6\u66ff\u6362\u5df2\u5bfc\u5165\u7684\u540c\u4e00\u5e73\u53f0\u6750\u6599", None))
#endif // QT_CONFIG(tooltip)
        self.replaceButton.setText(QCoreApplication.translate("ImportDialog", u"\u66ff\u6362\u5bfc\u5165(&E)\u2026", None))
#if QT_CONFIG(tooltip)
        self.copyButton.setToolTip(QCoreApplication.translate("ImportDialog", u"\u628a\u6240\u9009\u6587\u4ef6\u7684\u95ee\u9898\u6e05\u5355\u590d\u5236\u5230\u526a\u8d34\u677f\uff0c\u4fbf\u4e8e\u53d1\u7ed9\u4f9d\u6258\u5355\u4f4d\u4fee\u6539", None))
#endif // QT_CONFIG(tooltip)
        self.copyButton.setText(QCoreApplication.translate("ImportDialog", u"\u590d\u5236\u95ee\u9898\u6e05\u5355(&C)", None))
#if QT_CONFIG(tooltip)
        self.showFolderButton.setToolTip(QCoreApplication.translate("ImportDialog", u"\u6253\u5f00\u6240\u9009\u6587\u4ef6\u6240\u5728\u7684\u6587\u4ef6\u5939", None))
#endif // QT_CONFIG(tooltip)
        self.showFolderButton.setText(QCoreApplication.translate("ImportDialog", u"\u5728\u6587\u4ef6\u5939\u4e2d\u663e\u793a(&S)", None))
#if QT_CONFIG(tooltip)
        self.moreButton.setToolTip(QCoreApplication.translate("ImportDialog", u"\u56de\u5230\u6587\u4ef6\u9009\u62e9\uff0c\u518d\u5bfc\u5165\u5176\u4ed6\u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.moreButton.setText(QCoreApplication.translate("ImportDialog", u"\u7ee7\u7eed\u5bfc\u5165\u5176\u4ed6\u6587\u4ef6(&M)\u2026", None))
        self.startButton.setText(QCoreApplication.translate("ImportDialog", u"\u5f00\u59cb\u5bfc\u5165(&I)", None))
#if QT_CONFIG(tooltip)
        self.cancelImportButton.setToolTip(QCoreApplication.translate("ImportDialog", u"\u6b63\u5728\u5bfc\u5165\u7684\u6587\u4ef6\u5b8c\u6210\u540e\u505c\u6b62\uff0c\u5176\u4f59\u6587\u4ef6\u4e0d\u518d\u5bfc\u5165\uff08Esc\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.cancelImportButton.setText(QCoreApplication.translate("ImportDialog", u"\u53d6\u6d88\u5bfc\u5165(&X)", None))
        self.closeButton.setText(QCoreApplication.translate("ImportDialog", u"\u5173\u95ed", None))
    # retranslateUi

