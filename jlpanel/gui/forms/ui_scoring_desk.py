# Generated from ui/scoring_desk.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scoring_desk.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_ScoringDesk(object):
    def setupUi(self, ScoringDesk):
        if not ScoringDesk.objectName():
            ScoringDesk.setObjectName(u"ScoringDesk")
        ScoringDesk.resize(1340, 660)
        self.outerLayout = QVBoxLayout(ScoringDesk)
        self.outerLayout.setSpacing(6)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.lockedFrame = QFrame(ScoringDesk)
        self.lockedFrame.setObjectName(u"lockedFrame")
        self.lockedFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.lockedLayout = QHBoxLayout(self.lockedFrame)
        self.lockedLayout.setObjectName(u"lockedLayout")
        self.lockedLayout.setContentsMargins(-1, 4, -1, 4)
        self.lockedLabel = QLabel(self.lockedFrame)
        self.lockedLabel.setObjectName(u"lockedLabel")
        self.lockedLabel.setText(u"\u2014")
        self.lockedLabel.setWordWrap(True)

        self.lockedLayout.addWidget(self.lockedLabel)

        self.submitButton = QPushButton(self.lockedFrame)
        self.submitButton.setObjectName(u"submitButton")

        self.lockedLayout.addWidget(self.submitButton)

        self.reopenButton = QPushButton(self.lockedFrame)
        self.reopenButton.setObjectName(u"reopenButton")

        self.lockedLayout.addWidget(self.reopenButton)


        self.outerLayout.addWidget(self.lockedFrame)

        self.splitter = QSplitter(ScoringDesk)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listPane = QWidget(self.splitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setSpacing(4)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(4, 0, 0, 0)
        self.listLabel = QLabel(self.listPane)
        self.listLabel.setObjectName(u"listLabel")

        self.listLayout.addWidget(self.listLabel)

        self.progressLabel = QLabel(self.listPane)
        self.progressLabel.setObjectName(u"progressLabel")
        self.progressLabel.setText(u"\u2014")
        self.progressLabel.setWordWrap(True)

        self.listLayout.addWidget(self.progressLabel)

        self.revisionLabel = QLabel(self.listPane)
        self.revisionLabel.setObjectName(u"revisionLabel")
        self.revisionLabel.setText(u"\u2014")
        self.revisionLabel.setWordWrap(True)

        self.listLayout.addWidget(self.revisionLabel)

        self.platformTable = QTableView(self.listPane)
        self.platformTable.setObjectName(u"platformTable")
        self.platformTable.setMinimumSize(QSize(200, 0))
        self.platformTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.platformTable.setTabKeyNavigation(False)
        self.platformTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.platformTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.platformTable.setShowGrid(False)
        self.platformTable.setWordWrap(True)

        self.listLayout.addWidget(self.platformTable)

        self.splitter.addWidget(self.listPane)
        self.dossierPane = QWidget(self.splitter)
        self.dossierPane.setObjectName(u"dossierPane")
        self.dossierLayout = QVBoxLayout(self.dossierPane)
        self.dossierLayout.setObjectName(u"dossierLayout")
        self.dossierLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.dossierPane)
        self.panelPane = QWidget(self.splitter)
        self.panelPane.setObjectName(u"panelPane")
        self.panelLayout = QVBoxLayout(self.panelPane)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.panelPane)

        self.outerLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.listLabel.setBuddy(self.platformTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reopenButton, self.platformTable)

        self.retranslateUi(ScoringDesk)

        QMetaObject.connectSlotsByName(ScoringDesk)
    # setupUi

    def retranslateUi(self, ScoringDesk):
#if QT_CONFIG(tooltip)
        self.submitButton.setToolTip(QCoreApplication.translate("ScoringDesk", u"\u68c0\u67e5\u5e76\u4fdd\u5b58\u65b0\u7248\u672c\u7684\u8bc4\u5206\u6587\u4ef6 (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.submitButton.setText(QCoreApplication.translate("ScoringDesk", u"\u63d0\u4ea4\u8bc4\u5206(&S)\u2026", None))
#if QT_CONFIG(tooltip)
        self.reopenButton.setToolTip(QCoreApplication.translate("ScoringDesk", u"\u89e3\u9664\u9501\u5b9a\u4ee5\u4fee\u6539\u8bc4\u5206\uff1b\u4fee\u6539\u540e\u987b\u518d\u6b21\u63d0\u4ea4\uff0c\u65b0\u7684\u8bc4\u5206\u6587\u4ef6\u7248\u672c\u53f7\u52a0 1", None))
#endif // QT_CONFIG(tooltip)
        self.reopenButton.setText(QCoreApplication.translate("ScoringDesk", u"\u91cd\u65b0\u6253\u5f00\u4fee\u6539(&O)", None))
        self.listLabel.setText(QCoreApplication.translate("ScoringDesk", u"\u8bc4\u5ba1\u5e73\u53f0(&L)", None))
        pass
    # retranslateUi

