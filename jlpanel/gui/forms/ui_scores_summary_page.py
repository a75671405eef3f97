# Generated from ui/scores_summary_page.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scores_summary_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_ScoresSummaryPage(object):
    def setupUi(self, ScoresSummaryPage):
        if not ScoresSummaryPage.objectName():
            ScoresSummaryPage.setObjectName(u"ScoresSummaryPage")
        ScoresSummaryPage.resize(1000, 600)
        self.pageLayout = QVBoxLayout(ScoresSummaryPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.titleLabel = QLabel(ScoresSummaryPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.topLayout.addWidget(self.titleLabel)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.refreshButton = QPushButton(ScoresSummaryPage)
        self.refreshButton.setObjectName(u"refreshButton")

        self.topLayout.addWidget(self.refreshButton)

        self.paperButton = QPushButton(ScoresSummaryPage)
        self.paperButton.setObjectName(u"paperButton")

        self.topLayout.addWidget(self.paperButton)

        self.mergeButton = QPushButton(ScoresSummaryPage)
        self.mergeButton.setObjectName(u"mergeButton")

        self.topLayout.addWidget(self.mergeButton)

        self.topLayout.setStretch(1, 1)

        self.pageLayout.addLayout(self.topLayout)

        self.missingLabel = QLabel(ScoresSummaryPage)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.missingLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.missingLabel)

        self.matrixTable = QTableView(ScoresSummaryPage)
        self.matrixTable.setObjectName(u"matrixTable")

        self.pageLayout.addWidget(self.matrixTable)

        self.legendLabel = QLabel(ScoresSummaryPage)
        self.legendLabel.setObjectName(u"legendLabel")

        self.pageLayout.addWidget(self.legendLabel)

        self.pageLayout.setStretch(2, 1)

        self.retranslateUi(ScoresSummaryPage)

        QMetaObject.connectSlotsByName(ScoresSummaryPage)
    # setupUi

    def retranslateUi(self, ScoresSummaryPage):
        self.titleLabel.setText(QCoreApplication.translate("ScoresSummaryPage", u"\u8bc4\u5206\u6c47\u603b", None))
        self.refreshButton.setText(QCoreApplication.translate("ScoresSummaryPage", u"\u5237\u65b0", None))
        self.paperButton.setText(QCoreApplication.translate("ScoresSummaryPage", u"\u5f55\u5165\u7eb8\u8d28\u8bc4\u5206\u8868\u2026", None))
#if QT_CONFIG(tooltip)
        self.paperButton.setToolTip(QCoreApplication.translate("ScoresSummaryPage", u"\u6309\u4e13\u5bb6\u4ea4\u56de\u7684\u7eb8\u8d28\u8bc4\u5206\u8868\u5f55\u5165\u8bc4\u5206 (Ctrl+Shift+P)", None))
#endif // QT_CONFIG(tooltip)
        self.mergeButton.setText(QCoreApplication.translate("ScoresSummaryPage", u"\u5408\u5e76\u8bc4\u5206\u6587\u4ef6\u2026", None))
        self.legendLabel.setText(QCoreApplication.translate("ScoresSummaryPage", u"\u2714 \u5df2\u63d0\u4ea4\uff08\u7b7e\u540d\u8bc4\u5206\u6587\u4ef6\uff09\u3000\u25d0 \u7eb8\u8d28\u5f55\u5165\u3000\u25cb \u672a\u63d0\u4ea4\u3000\u2298 \u56de\u907f\uff1b\u7a7a\u767d\uff1a\u672a\u5206\u914d", None))
        pass
    # retranslateUi

