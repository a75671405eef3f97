# Generated from ui/report_dialog.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListView, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QVBoxLayout, QWidget)

class Ui_ReportDialog(object):
    def setupUi(self, ReportDialog):
        if not ReportDialog.objectName():
            ReportDialog.setObjectName(u"ReportDialog")
        ReportDialog.resize(640, 500)
        self.dialogLayout = QVBoxLayout(ReportDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(20, 16, 20, 16)
        self.titleLabel = QLabel(ReportDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"\u2014")

        self.dialogLayout.addWidget(self.titleLabel)

        self.pages = QStackedWidget(ReportDialog)
        self.pages.setObjectName(u"pages")
        self.choosePage = QWidget()
        self.choosePage.setObjectName(u"choosePage")
        self.chooseLayout = QVBoxLayout(self.choosePage)
        self.chooseLayout.setObjectName(u"chooseLayout")
        self.chooseLayout.setContentsMargins(0, 0, 0, 0)
        self.documentsBox = QGroupBox(self.choosePage)
        self.documentsBox.setObjectName(u"documentsBox")
        self.documentsGrid = QGridLayout(self.documentsBox)
        self.documentsGrid.setObjectName(u"documentsGrid")
        self.documentsGrid.setHorizontalSpacing(18)
        self.documentsGrid.setVerticalSpacing(8)
        self.evaluationCheck = QCheckBox(self.documentsBox)
        self.evaluationCheck.setObjectName(u"evaluationCheck")
        self.evaluationCheck.setChecked(True)

        self.documentsGrid.addWidget(self.evaluationCheck, 0, 0, 1, 1)

        self.evaluationNote = QLabel(self.documentsBox)
        self.evaluationNote.setObjectName(u"evaluationNote")

        self.documentsGrid.addWidget(self.evaluationNote, 0, 1, 1, 1)

        self.summaryCheck = QCheckBox(self.documentsBox)
        self.summaryCheck.setObjectName(u"summaryCheck")
        self.summaryCheck.setChecked(True)

        self.documentsGrid.addWidget(self.summaryCheck, 1, 0, 1, 1)

        self.summaryNote = QLabel(self.documentsBox)
        self.summaryNote.setObjectName(u"summaryNote")

        self.documentsGrid.addWidget(self.summaryNote, 1, 1, 1, 1)

        self.expertSheetsCheck = QCheckBox(self.documentsBox)
        self.expertSheetsCheck.setObjectName(u"expertSheetsCheck")
        self.expertSheetsCheck.setChecked(True)

        self.documentsGrid.addWidget(self.expertSheetsCheck, 2, 0, 1, 1)

        self.expertSheetsNote = QLabel(self.documentsBox)
        self.expertSheetsNote.setObjectName(u"expertSheetsNote")

        self.documentsGrid.addWidget(self.expertSheetsNote, 2, 1, 1, 1)

        self.signaturesCheck = QCheckBox(self.documentsBox)
        self.signaturesCheck.setObjectName(u"signaturesCheck")
        self.signaturesCheck.setChecked(True)

        self.documentsGrid.addWidget(self.signaturesCheck, 3, 0, 1, 1)

        self.signaturesNote = QLabel(self.documentsBox)
        self.signaturesNote.setObjectName(u"signaturesNote")

        self.documentsGrid.addWidget(self.signaturesNote, 3, 1, 1, 1)

        self.publicationCheck = QCheckBox(self.documentsBox)
        self.publicationCheck.setObjectName(u"publicationCheck")
        self.publicationCheck.setChecked(True)

        self.documentsGrid.addWidget(self.publicationCheck, 4, 0, 1, 1)

        self.publicationNote = QLabel(self.documentsBox)
        self.publicationNote.setObjectName(u"publicationNote")

        self.documentsGrid.addWidget(self.publicationNote, 4, 1, 1, 1)

        self.rectificationCheck = QCheckBox(self.documentsBox)
        self.rectificationCheck.setObjectName(u"rectificationCheck")
        self.rectificationCheck.setChecked(True)

        self.documentsGrid.addWidget(self.rectificationCheck, 5, 0, 1, 1)

        self.rectificationNote = QLabel(self.documentsBox)
        self.rectificationNote.setObjectName(u"rectificationNote")

        self.documentsGrid.addWidget(self.rectificationNote, 5, 1, 1, 1)

        self.documentsGrid.setColumnStretch(1, 1)

        self.chooseLayout.addWidget(self.documentsBox)

        self.combinedCheck = QCheckBox(self.choosePage)
        self.combinedCheck.setObjectName(u"combinedCheck")

        self.chooseLayout.addWidget(self.combinedCheck)

        self.combinedGap = QSpacerItem(0, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.chooseLayout.addItem(self.combinedGap)

        self.languageLayout = QHBoxLayout()
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageLabel = QLabel(self.choosePage)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageLayout.addWidget(self.languageLabel)

        self.languageCombo = QComboBox(self.choosePage)
        self.languageCombo.setObjectName(u"languageCombo")

        self.languageLayout.addWidget(self.languageCombo)

        self.languageStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.languageLayout.addItem(self.languageStretch)

        self.languageLayout.setStretch(2, 1)

        self.chooseLayout.addLayout(self.languageLayout)

        self.languageNote = QLabel(self.choosePage)
        self.languageNote.setObjectName(u"languageNote")
        self.languageNote.setWordWrap(True)

        self.chooseLayout.addWidget(self.languageNote)

        self.languageGap = QSpacerItem(0, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.chooseLayout.addItem(self.languageGap)

        self.folderLabel = QLabel(self.choosePage)
        self.folderLabel.setObjectName(u"folderLabel")

        self.chooseLayout.addWidget(self.folderLabel)

        self.folderLayout = QHBoxLayout()
        self.folderLayout.setObjectName(u"folderLayout")
        self.folderEdit = QLineEdit(self.choosePage)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderLayout.addWidget(self.folderEdit)

        self.browseButton = QPushButton(self.choosePage)
        self.browseButton.setObjectName(u"browseButton")

        self.folderLayout.addWidget(self.browseButton)

        self.folderLayout.setStretch(0, 1)

        self.chooseLayout.addLayout(self.folderLayout)

        self.replaceNote = QLabel(self.choosePage)
        self.replaceNote.setObjectName(u"replaceNote")
        self.replaceNote.setWordWrap(True)

        self.chooseLayout.addWidget(self.replaceNote)

        self.chooseStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.chooseLayout.addItem(self.chooseStretch)

        self.chooseLayout.setStretch(9, 1)
        self.pages.addWidget(self.choosePage)
        self.progressPage = QWidget()
        self.progressPage.setObjectName(u"progressPage")
        self.progressLayout = QVBoxLayout(self.progressPage)
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressLayout.setContentsMargins(0, 0, 0, 0)
        self.progressTopStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.progressLayout.addItem(self.progressTopStretch)

        self.progressBar = QProgressBar(self.progressPage)
        self.progressBar.setObjectName(u"progressBar")

        self.progressLayout.addWidget(self.progressBar)

        self.progressFileLabel = QLabel(self.progressPage)
        self.progressFileLabel.setObjectName(u"progressFileLabel")
        self.progressFileLabel.setText(u"\u2014")
        self.progressFileLabel.setWordWrap(True)

        self.progressLayout.addWidget(self.progressFileLabel)

        self.progressNoteLabel = QLabel(self.progressPage)
        self.progressNoteLabel.setObjectName(u"progressNoteLabel")

        self.progressLayout.addWidget(self.progressNoteLabel)

        self.progressBottomStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.progressLayout.addItem(self.progressBottomStretch)

        self.progressLayout.setStretch(0, 1)
        self.progressLayout.setStretch(4, 2)
        self.pages.addWidget(self.progressPage)
        self.resultsPage = QWidget()
        self.resultsPage.setObjectName(u"resultsPage")
        self.resultsLayout = QVBoxLayout(self.resultsPage)
        self.resultsLayout.setObjectName(u"resultsLayout")
        self.resultsLayout.setContentsMargins(0, 0, 0, 0)
        self.summaryLabel = QLabel(self.resultsPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"\u2014")

        self.resultsLayout.addWidget(self.summaryLabel)

        self.resultFolderLabel = QLabel(self.resultsPage)
        self.resultFolderLabel.setObjectName(u"resultFolderLabel")
        self.resultFolderLabel.setText(u"\u2014")
        self.resultFolderLabel.setWordWrap(True)
        self.resultFolderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resultsLayout.addWidget(self.resultFolderLabel)

        self.filesList = QListView(self.resultsPage)
        self.filesList.setObjectName(u"filesList")
        self.filesList.setFrameShape(QFrame.Shape.StyledPanel)

        self.resultsLayout.addWidget(self.filesList)

        self.resultsLayout.setStretch(2, 1)
        self.pages.addWidget(self.resultsPage)

        self.dialogLayout.addWidget(self.pages)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.openFolderButton = QPushButton(ReportDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")
        self.openFolderButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.openFolderButton)

        self.againButton = QPushButton(ReportDialog)
        self.againButton.setObjectName(u"againButton")
        self.againButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.againButton)

        self.buttonsStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsStretch)

        self.startButton = QPushButton(ReportDialog)
        self.startButton.setObjectName(u"startButton")
        self.startButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.startButton)

        self.cancelButton = QPushButton(ReportDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.cancelButton)

        self.closeButton = QPushButton(ReportDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setText(u"\u2014")
        self.closeButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.closeButton)

        self.buttonsLayout.setStretch(2, 1)

        self.dialogLayout.addLayout(self.buttonsLayout)

        self.dialogLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.evaluationCheck, self.summaryCheck)
        QWidget.setTabOrder(self.summaryCheck, self.expertSheetsCheck)
        QWidget.setTabOrder(self.expertSheetsCheck, self.signaturesCheck)
        QWidget.setTabOrder(self.signaturesCheck, self.publicationCheck)
        QWidget.setTabOrder(self.publicationCheck, self.rectificationCheck)
        QWidget.setTabOrder(self.rectificationCheck, self.combinedCheck)
        QWidget.setTabOrder(self.combinedCheck, self.languageCombo)
        QWidget.setTabOrder(self.languageCombo, self.folderEdit)
        QWidget.setTabOrder(self.folderEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.filesList)
        QWidget.setTabOrder(self.filesList, self.openFolderButton)
        QWidget.setTabOrder(self.openFolderButton, self.againButton)
        QWidget.setTabOrder(self.againButton, self.startButton)
        QWidget.setTabOrder(self.startButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.closeButton)

        self.retranslateUi(ReportDialog)

        QMetaObject.connectSlotsByName(ReportDialog)
    # setupUi

    def retranslateUi(self, ReportDialog):
        ReportDialog.setWindowTitle(QCoreApplication.translate("ReportDialog", u"\u751f\u6210\u8bc4\u5ba1\u62a5\u544a", None))
        self.documentsBox.setTitle(QCoreApplication.translate("ReportDialog", u"\u6587\u6863", None))
        self.evaluationCheck.setText(QCoreApplication.translate("ReportDialog", u"\u8bc4\u4ef7\u62a5\u544a", None))
        self.evaluationNote.setText(QCoreApplication.translate("ReportDialog", u"\u6bcf\u4e2a\u5e73\u53f0\u4e00\u4efd\uff1a\u8bc4\u5206\u7edf\u8ba1\u3001\u7b49\u7ea7\u3001\u4e13\u5bb6\u7ec4\u610f\u89c1", None))
        self.summaryCheck.setText(QCoreApplication.translate("ReportDialog", u"\u6c47\u603b\u8868", None))
        self.summaryNote.setText(QCoreApplication.translate("ReportDialog", u"\u6392\u540d\u8868\u548c\u7b49\u7ea7\u5206\u5e03", None))
        self.expertSheetsCheck.setText(QCoreApplication.translate("ReportDialog", u"\u4e13\u5bb6\u4e2a\u4eba\u8bc4\u5206\u8868", None))
        self.expertSheetsNote.setText(QCoreApplication.translate("ReportDialog", u"\u6bcf\u4f4d\u4e13\u5bb6\u4e00\u4efd\uff0c\u9644\u7b7e\u5b57\u680f", None))
        self.signaturesCheck.setText(QCoreApplication.translate("ReportDialog", u"\u4e13\u5bb6\u7ec4\u7b7e\u5b57\u8868", None))
        self.signaturesNote.setText(QCoreApplication.translate("ReportDialog", u"\u4e13\u5bb6\u7ec4\u6210\u5458\u7b7e\u5b57", None))
        self.publicationCheck.setText(QCoreApplication.translate("ReportDialog", u"\u516c\u793a\u540d\u5355", None))
        self.publicationNote.setText(QCoreApplication.translate("ReportDialog", u"\u5bf9\u5916\u516c\u793a\u7684\u7ed3\u679c\u540d\u5355", None))
        self.rectificationCheck.setText(QCoreApplication.translate("ReportDialog", u"\u6574\u6539\u901a\u77e5\u4e66", None))
        self.rectificationNote.setText(QCoreApplication.translate("ReportDialog", u"\u6bcf\u4e2a\u4e0d\u5408\u683c\u5e73\u53f0\u4e00\u4efd\uff0c\u6ce8\u660e\u6574\u6539\u671f\u9650", None))
        self.combinedCheck.setText(QCoreApplication.translate("ReportDialog", u"\u53e6\u751f\u6210\u5408\u8ba2\u672c\uff08\u6240\u9009\u6587\u6863\u5408\u4e3a\u4e00\u4e2a PDF\uff09", None))
        self.languageLabel.setText(QCoreApplication.translate("ReportDialog", u"\u62a5\u544a\u8bed\u8a00(&L)\uff1a", None))
        self.languageNote.setText(QCoreApplication.translate("ReportDialog", u"\u6240\u9009\u8bed\u8a00\u5c06\u4fdd\u5b58\u4e3a\u672c\u5468\u671f\u7684\u62a5\u544a\u8bed\u8a00\uff0c\u4e4b\u540e\u7684\u62a5\u544a\u548c\u5bfc\u51fa\u7ed3\u679c (Ctrl+E) \u4e5f\u4f7f\u7528\u5b83\u3002", None))
        self.folderLabel.setText(QCoreApplication.translate("ReportDialog", u"\u4fdd\u5b58\u5230\u6587\u4ef6\u5939\uff1a", None))
        self.browseButton.setText(QCoreApplication.translate("ReportDialog", u"\u6d4f\u89c8(&B)\u2026", None))
        self.replaceNote.setText(QCoreApplication.translate("ReportDialog", u"\u6587\u4ef6\u5939\u4e2d\u540c\u540d\u7684\u62a5\u544a\u4f1a\u88ab\u66ff\u6362\uff1b\u6bcf\u4e2a\u6587\u4ef6\u5199\u5b8c\u6574\u540e\u624d\u51fa\u73b0\u3002", None))
        self.progressNoteLabel.setText(QCoreApplication.translate("ReportDialog", u"\u53d6\u6d88\u540e\uff0c\u5df2\u5199\u5b8c\u7684\u6587\u4ef6\u4fdd\u7559\uff0c\u6b63\u5728\u5199\u7684\u6587\u4ef6\u4e0d\u4f1a\u7559\u4e0b\u534a\u4e2a\u3002", None))
        self.openFolderButton.setText(QCoreApplication.translate("ReportDialog", u"\u6253\u5f00\u6587\u4ef6\u5939(&O)", None))
        self.againButton.setText(QCoreApplication.translate("ReportDialog", u"\u91cd\u65b0\u9009\u62e9(&R)", None))
        self.startButton.setText(QCoreApplication.translate("ReportDialog", u"\u751f\u6210(&G)", None))
        self.cancelButton.setText(QCoreApplication.translate("ReportDialog", u"\u53d6\u6d88", None))
    # retranslateUi

