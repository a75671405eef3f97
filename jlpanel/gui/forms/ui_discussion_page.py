# Generated from ui/discussion_page.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'discussion_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QVBoxLayout, QWidget)

from jlpanel.gui.forms.widgets import ShortTableView

class Ui_DiscussionPage(object):
    def setupUi(self, DiscussionPage):
        if not DiscussionPage.objectName():
            DiscussionPage.setObjectName(u"DiscussionPage")
        DiscussionPage.resize(1200, 700)
        self.pageLayout = QVBoxLayout(DiscussionPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.splitter = QSplitter(DiscussionPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.leftScroll = QScrollArea(self.splitter)
        self.leftScroll.setObjectName(u"leftScroll")
        self.leftScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.leftScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.leftScroll.setWidgetResizable(True)
        self.leftPane = QWidget()
        self.leftPane.setObjectName(u"leftPane")
        self.leftPane.setGeometry(QRect(0, 0, 0, 0))
        self.leftLayout = QVBoxLayout(self.leftPane)
        self.leftLayout.setObjectName(u"leftLayout")
        self.leftLayout.setContentsMargins(0, 0, 0, 0)
        self.listTitle = QLabel(self.leftPane)
        self.listTitle.setObjectName(u"listTitle")

        self.leftLayout.addWidget(self.listTitle)

        self.listNote = QLabel(self.leftPane)
        self.listNote.setObjectName(u"listNote")
        self.listNote.setWordWrap(True)

        self.leftLayout.addWidget(self.listNote)

        self.discussionTable = ShortTableView(self.leftPane)
        self.discussionTable.setObjectName(u"discussionTable")

        self.leftLayout.addWidget(self.discussionTable)

        self.leniencyTitle = QLabel(self.leftPane)
        self.leniencyTitle.setObjectName(u"leniencyTitle")

        self.leftLayout.addWidget(self.leniencyTitle)

        self.leniencyNote = QLabel(self.leftPane)
        self.leniencyNote.setObjectName(u"leniencyNote")
        self.leniencyNote.setWordWrap(True)

        self.leftLayout.addWidget(self.leniencyNote)

        self.leniencyTable = ShortTableView(self.leftPane)
        self.leniencyTable.setObjectName(u"leniencyTable")

        self.leftLayout.addWidget(self.leniencyTable)

        self.agreementHead = QHBoxLayout()
        self.agreementHead.setObjectName(u"agreementHead")
        self.agreementTitle = QLabel(self.leftPane)
        self.agreementTitle.setObjectName(u"agreementTitle")

        self.agreementHead.addWidget(self.agreementTitle)

        self.agreementNote = QLabel(self.leftPane)
        self.agreementNote.setObjectName(u"agreementNote")
        self.agreementNote.setWordWrap(True)
        self.agreementNote.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignBottom)

        self.agreementHead.addWidget(self.agreementNote)

        self.agreementHead.setStretch(1, 1)

        self.leftLayout.addLayout(self.agreementHead)

        self.agreementTable = QTableView(self.leftPane)
        self.agreementTable.setObjectName(u"agreementTable")
        self.agreementTable.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.leftLayout.addWidget(self.agreementTable)

        self.agreementReading = QLabel(self.leftPane)
        self.agreementReading.setObjectName(u"agreementReading")
        self.agreementReading.setTextFormat(Qt.TextFormat.PlainText)
        self.agreementReading.setWordWrap(True)

        self.leftLayout.addWidget(self.agreementReading)

        self.leftLayout.setStretch(2, 3)
        self.leftLayout.setStretch(5, 2)
        self.leftScroll.setWidget(self.leftPane)
        self.splitter.addWidget(self.leftScroll)
        self.rightPane = QWidget(self.splitter)
        self.rightPane.setObjectName(u"rightPane")
        self.rightLayout = QVBoxLayout(self.rightPane)
        self.rightLayout.setObjectName(u"rightLayout")
        self.rightLayout.setContentsMargins(0, 0, 0, 0)
        self.chooserLayout = QHBoxLayout()
        self.chooserLayout.setObjectName(u"chooserLayout")
        self.chooseLabel = QLabel(self.rightPane)
        self.chooseLabel.setObjectName(u"chooseLabel")

        self.chooserLayout.addWidget(self.chooseLabel)

        self.platformCombo = QComboBox(self.rightPane)
        self.platformCombo.setObjectName(u"platformCombo")
        self.platformCombo.setMinimumContentsLength(16)
        self.platformCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.chooserLayout.addWidget(self.platformCombo)

        self.chooserLayout.setStretch(1, 1)

        self.rightLayout.addLayout(self.chooserLayout)

        self.panelSummary = QLabel(self.rightPane)
        self.panelSummary.setObjectName(u"panelSummary")
        self.panelSummary.setWordWrap(True)

        self.rightLayout.addWidget(self.panelSummary)

        self.flagsLabel = QLabel(self.rightPane)
        self.flagsLabel.setObjectName(u"flagsLabel")
        self.flagsLabel.setWordWrap(True)

        self.rightLayout.addWidget(self.flagsLabel)

        self.scoresTable = QTableView(self.rightPane)
        self.scoresTable.setObjectName(u"scoresTable")

        self.rightLayout.addWidget(self.scoresTable)

        self.notesLabel = QLabel(self.rightPane)
        self.notesLabel.setObjectName(u"notesLabel")
        self.notesLabel.setWordWrap(True)

        self.rightLayout.addWidget(self.notesLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.vetoButton = QPushButton(self.rightPane)
        self.vetoButton.setObjectName(u"vetoButton")

        self.actionsLayout.addWidget(self.vetoButton)

        self.adjustButton = QPushButton(self.rightPane)
        self.adjustButton.setObjectName(u"adjustButton")

        self.actionsLayout.addWidget(self.adjustButton)

        self.opinionButton = QPushButton(self.rightPane)
        self.opinionButton.setObjectName(u"opinionButton")

        self.actionsLayout.addWidget(self.opinionButton)

        self.actionsLayout.setStretch(0, 1)

        self.rightLayout.addLayout(self.actionsLayout)

        self.rightLayout.setStretch(3, 1)
        self.splitter.addWidget(self.rightPane)

        self.pageLayout.addWidget(self.splitter)


        self.retranslateUi(DiscussionPage)

        QMetaObject.connectSlotsByName(DiscussionPage)
    # setupUi

    def retranslateUi(self, DiscussionPage):
        self.listTitle.setText(QCoreApplication.translate("DiscussionPage", u"\u8ba8\u8bba\u6e05\u5355", None))
        self.leniencyTitle.setText(QCoreApplication.translate("DiscussionPage", u"\u4e13\u5bb6\u8bc4\u5206\u5c3a\u5ea6", None))
        self.leniencyNote.setText(QCoreApplication.translate("DiscussionPage", u"\u5404\u4e13\u5bb6\u603b\u5206\u4e0e\u540c\u7ec4\u5e73\u5747\u7684\u504f\u79bb\uff0c\u4ec5\u4f9b\u53c2\u8003\uff0c\u4e0d\u4f1a\u81ea\u52a8\u4fee\u6b63\u4efb\u4f55\u5f97\u5206\u3002", None))
        self.agreementTitle.setText(QCoreApplication.translate("DiscussionPage", u"\u4e13\u5bb6\u7ec4\u8bc4\u5206\u4e00\u81f4\u6027", None))
#if QT_CONFIG(tooltip)
        self.agreementTitle.setToolTip(QCoreApplication.translate("DiscussionPage", u"ICC(2,k)\uff1a\u5e73\u53f0\u5f97\u5206\u5728\u591a\u5927\u7a0b\u5ea6\u4e0a\u4e0d\u53d6\u51b3\u4e8e\u7531\u54ea\u51e0\u4f4d\u4e13\u5bb6\u8bc4\u5206\uff08\u7528\u5168\u90e8\u6709\u6548\u8bc4\u5206\uff1bk \u4e3a\u6bcf\u4e2a\u5e73\u53f0\u7684\u5e73\u5747\u4e13\u5bb6\u6570\uff09\u3002\n"
"Kendall's W\uff1a\u4e13\u5bb6\u5bf9\u5e73\u53f0\u7684\u6392\u5e8f\u662f\u5426\u4e00\u81f4\uff08\u7528\u6bcf\u4f4d\u4e13\u5bb6\u90fd\u8bc4\u4e86\u7684\u90a3\u90e8\u5206\u5e73\u53f0\uff09\u3002\n"
"n \u4e3a\u6240\u7528\u5e73\u53f0\u6570\uff0ck \u4e3a\u4e13\u5bb6\u6570\u3002", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.agreementNote.setToolTip(QCoreApplication.translate("DiscussionPage", u"ICC(2,k)\uff1a\u5e73\u53f0\u5f97\u5206\u5728\u591a\u5927\u7a0b\u5ea6\u4e0a\u4e0d\u53d6\u51b3\u4e8e\u7531\u54ea\u51e0\u4f4d\u4e13\u5bb6\u8bc4\u5206\uff08\u7528\u5168\u90e8\u6709\u6548\u8bc4\u5206\uff1bk \u4e3a\u6bcf\u4e2a\u5e73\u53f0\u7684\u5e73\u5747\u4e13\u5bb6\u6570\uff09\u3002\n"
"Kendall's W\uff1a\u4e13\u5bb6\u5bf9\u5e73\u53f0\u7684\u6392\u5e8f\u662f\u5426\u4e00\u81f4\uff08\u7528\u6bcf\u4f4d\u4e13\u5bb6\u90fd\u8bc4\u4e86\u7684\u90a3\u90e8\u5206\u5e73\u53f0\uff09\u3002\n"
"n \u4e3a\u6240\u7528\u5e73\u53f0\u6570\uff0ck \u4e3a\u4e13\u5bb6\u6570\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.agreementNote.setText(QCoreApplication.translate("DiscussionPage", u"\u8d8a\u63a5\u8fd1 1 \u8d8a\u4e00\u81f4\uff1b\u4ec5\u4f9b\u53c2\u8003\uff0c\u4e0d\u4f1a\u6539\u53d8\u4efb\u4f55\u5f97\u5206\u3002", None))
#if QT_CONFIG(tooltip)
        self.agreementTable.setToolTip(QCoreApplication.translate("DiscussionPage", u"ICC(2,k)\uff1a\u5e73\u53f0\u5f97\u5206\u5728\u591a\u5927\u7a0b\u5ea6\u4e0a\u4e0d\u53d6\u51b3\u4e8e\u7531\u54ea\u51e0\u4f4d\u4e13\u5bb6\u8bc4\u5206\uff08\u7528\u5168\u90e8\u6709\u6548\u8bc4\u5206\uff1bk \u4e3a\u6bcf\u4e2a\u5e73\u53f0\u7684\u5e73\u5747\u4e13\u5bb6\u6570\uff09\u3002\n"
"Kendall's W\uff1a\u4e13\u5bb6\u5bf9\u5e73\u53f0\u7684\u6392\u5e8f\u662f\u5426\u4e00\u81f4\uff08\u7528\u6bcf\u4f4d\u4e13\u5bb6\u90fd\u8bc4\u4e86\u7684\u90a3\u90e8\u5206\u5e73\u53f0\uff09\u3002\n"
"n \u4e3a\u6240\u7528\u5e73\u53f0\u6570\uff0ck \u4e3a\u4e13\u5bb6\u6570\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.chooseLabel.setText(QCoreApplication.translate("DiscussionPage", u"\u5e73\u53f0\uff1a", None))
        self.vetoButton.setText(QCoreApplication.translate("DiscussionPage", u"\u8ba4\u5b9a/\u9a73\u56de\u5426\u51b3(&V)\u2026", None))
#if QT_CONFIG(tooltip)
        self.vetoButton.setToolTip(QCoreApplication.translate("DiscussionPage", u"\u4e13\u5bb6\u7ec4\u5bf9\u6240\u9009\u5e73\u53f0\u7684\u4e00\u7968\u5426\u51b3\u4e3b\u5f20\u4f5c\u51fa\u8ba4\u5b9a\u6216\u9a73\u56de\uff0c\u987b\u5199\u660e\u7406\u7531", None))
#endif // QT_CONFIG(tooltip)
        self.adjustButton.setText(QCoreApplication.translate("DiscussionPage", u"\u8c03\u6574\u5f97\u5206\u2026", None))
        self.opinionButton.setText(QCoreApplication.translate("DiscussionPage", u"\u4e13\u5bb6\u7ec4\u610f\u89c1\u2026", None))
        pass
    # retranslateUi

