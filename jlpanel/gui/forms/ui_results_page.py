# Generated from ui/results_page.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'results_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDoubleSpinBox, QFrame,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_ResultsPage(object):
    def setupUi(self, ResultsPage):
        if not ResultsPage.objectName():
            ResultsPage.setObjectName(u"ResultsPage")
        ResultsPage.resize(1340, 700)
        self.pageLayout = QVBoxLayout(ResultsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.titleLabel = QLabel(ResultsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.topLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(ResultsPage)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.topLayout.addWidget(self.summaryLabel)

        self.refreshButton = QPushButton(ResultsPage)
        self.refreshButton.setObjectName(u"refreshButton")

        self.topLayout.addWidget(self.refreshButton)

        self.historyButton = QPushButton(ResultsPage)
        self.historyButton.setObjectName(u"historyButton")

        self.topLayout.addWidget(self.historyButton)

        self.storeButton = QPushButton(ResultsPage)
        self.storeButton.setObjectName(u"storeButton")

        self.topLayout.addWidget(self.storeButton)

        self.topLayout.setStretch(1, 1)

        self.pageLayout.addLayout(self.topLayout)

        self.splitter = QSplitter(ResultsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.leftSplitter = QSplitter(self.splitter)
        self.leftSplitter.setObjectName(u"leftSplitter")
        self.leftSplitter.setOrientation(Qt.Orientation.Vertical)
        self.tablePane = QWidget(self.leftSplitter)
        self.tablePane.setObjectName(u"tablePane")
        self.tableLayout = QVBoxLayout(self.tablePane)
        self.tableLayout.setObjectName(u"tableLayout")
        self.tableLayout.setContentsMargins(0, 0, 0, 0)
        self.decisionsLayout = QHBoxLayout()
        self.decisionsLayout.setObjectName(u"decisionsLayout")
        self.confirmationLabel = QLabel(self.tablePane)
        self.confirmationLabel.setObjectName(u"confirmationLabel")
        self.confirmationLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.confirmationLabel.setWordWrap(True)

        self.decisionsLayout.addWidget(self.confirmationLabel)

        self.tieButton = QPushButton(self.tablePane)
        self.tieButton.setObjectName(u"tieButton")

        self.decisionsLayout.addWidget(self.tieButton)

        self.reopenButton = QPushButton(self.tablePane)
        self.reopenButton.setObjectName(u"reopenButton")

        self.decisionsLayout.addWidget(self.reopenButton)

        self.confirmButton = QPushButton(self.tablePane)
        self.confirmButton.setObjectName(u"confirmButton")

        self.decisionsLayout.addWidget(self.confirmButton)

        self.decisionsLayout.setStretch(0, 1)

        self.tableLayout.addLayout(self.decisionsLayout)

        self.resultsTable = QTableView(self.tablePane)
        self.resultsTable.setObjectName(u"resultsTable")
        self.resultsTable.setMinimumSize(QSize(0, 40))

        self.tableLayout.addWidget(self.resultsTable)

        self.tableLayout.setStretch(1, 1)
        self.leftSplitter.addWidget(self.tablePane)
        self.tabs = QTabWidget(self.leftSplitter)
        self.tabs.setObjectName(u"tabs")
        self.fundingPage = QWidget()
        self.fundingPage.setObjectName(u"fundingPage")
        self.fundingPageLayout = QVBoxLayout(self.fundingPage)
        self.fundingPageLayout.setObjectName(u"fundingPageLayout")
        self.fundingPageLayout.setContentsMargins(0, 0, 0, 0)
        self.budgetLayout = QHBoxLayout()
        self.budgetLayout.setObjectName(u"budgetLayout")
        self.budgetLabel = QLabel(self.fundingPage)
        self.budgetLabel.setObjectName(u"budgetLabel")

        self.budgetLayout.addWidget(self.budgetLabel)

        self.budgetSpin = QDoubleSpinBox(self.fundingPage)
        self.budgetSpin.setObjectName(u"budgetSpin")
        self.budgetSpin.setDecimals(2)
        self.budgetSpin.setMaximum(1000000.000000000000000)
        self.budgetSpin.setSingleStep(10.000000000000000)

        self.budgetLayout.addWidget(self.budgetSpin)

        self.splitCombo = QComboBox(self.fundingPage)
        self.splitCombo.setObjectName(u"splitCombo")

        self.budgetLayout.addWidget(self.splitCombo)

        self.applyBudgetButton = QPushButton(self.fundingPage)
        self.applyBudgetButton.setObjectName(u"applyBudgetButton")

        self.budgetLayout.addWidget(self.applyBudgetButton)

        self.budgetSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.budgetLayout.addItem(self.budgetSpacer)

        self.budgetLayout.setStretch(4, 1)

        self.fundingPageLayout.addLayout(self.budgetLayout)

        self.fundingTable = QTableView(self.fundingPage)
        self.fundingTable.setObjectName(u"fundingTable")

        self.fundingPageLayout.addWidget(self.fundingTable)

        self.tabs.addTab(self.fundingPage, "")
        self.rectificationPage = QWidget()
        self.rectificationPage.setObjectName(u"rectificationPage")
        self.rectificationPageLayout = QVBoxLayout(self.rectificationPage)
        self.rectificationPageLayout.setObjectName(u"rectificationPageLayout")
        self.rectificationPageLayout.setContentsMargins(0, 0, 0, 0)
        self.rectificationTable = QTableView(self.rectificationPage)
        self.rectificationTable.setObjectName(u"rectificationTable")

        self.rectificationPageLayout.addWidget(self.rectificationTable)

        self.tabs.addTab(self.rectificationPage, "")
        self.disqualificationPage = QWidget()
        self.disqualificationPage.setObjectName(u"disqualificationPage")
        self.disqualificationPageLayout = QVBoxLayout(self.disqualificationPage)
        self.disqualificationPageLayout.setObjectName(u"disqualificationPageLayout")
        self.disqualificationPageLayout.setContentsMargins(0, 0, 0, 0)
        self.disqualificationTable = QTableView(self.disqualificationPage)
        self.disqualificationTable.setObjectName(u"disqualificationTable")

        self.disqualificationPageLayout.addWidget(self.disqualificationTable)

        self.tabs.addTab(self.disqualificationPage, "")
        self.notFinalPage = QWidget()
        self.notFinalPage.setObjectName(u"notFinalPage")
        self.notFinalPageLayout = QVBoxLayout(self.notFinalPage)
        self.notFinalPageLayout.setObjectName(u"notFinalPageLayout")
        self.notFinalPageLayout.setContentsMargins(0, 0, 0, 0)
        self.notFinalTable = QTableView(self.notFinalPage)
        self.notFinalTable.setObjectName(u"notFinalTable")

        self.notFinalPageLayout.addWidget(self.notFinalTable)

        self.tabs.addTab(self.notFinalPage, "")
        self.historyPage = QWidget()
        self.historyPage.setObjectName(u"historyPage")
        self.historyPageLayout = QVBoxLayout(self.historyPage)
        self.historyPageLayout.setObjectName(u"historyPageLayout")
        self.historyPageLayout.setContentsMargins(0, 0, 0, 0)
        self.historyTable = QTableView(self.historyPage)
        self.historyTable.setObjectName(u"historyTable")

        self.historyPageLayout.addWidget(self.historyTable)

        self.tabs.addTab(self.historyPage, "")
        self.leftSplitter.addWidget(self.tabs)
        self.splitter.addWidget(self.leftSplitter)
        self.chartsPane = QWidget(self.splitter)
        self.chartsPane.setObjectName(u"chartsPane")
        self.chartsLayout = QVBoxLayout(self.chartsPane)
        self.chartsLayout.setObjectName(u"chartsLayout")
        self.chartsLayout.setContentsMargins(0, 0, 0, 0)
        self.spreadBox = QGroupBox(self.chartsPane)
        self.spreadBox.setObjectName(u"spreadBox")
        self.spreadLayout = QVBoxLayout(self.spreadBox)
        self.spreadLayout.setObjectName(u"spreadLayout")
        self.spreadLegend = QLabel(self.spreadBox)
        self.spreadLegend.setObjectName(u"spreadLegend")
        self.spreadLegend.setWordWrap(True)

        self.spreadLayout.addWidget(self.spreadLegend)

        self.spreadScroll = QScrollArea(self.spreadBox)
        self.spreadScroll.setObjectName(u"spreadScroll")
        self.spreadScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.spreadScroll.setWidgetResizable(True)
        self.spreadScroll.setMinimumSize(QSize(0, 40))
        self.spreadContents = QWidget()
        self.spreadContents.setObjectName(u"spreadContents")
        self.spreadContents.setGeometry(QRect(0, 0, 0, 0))
        self.spreadScroll.setWidget(self.spreadContents)

        self.spreadLayout.addWidget(self.spreadScroll)

        self.spreadLayout.setStretch(1, 1)

        self.chartsLayout.addWidget(self.spreadBox)

        self.gradeBox = QGroupBox(self.chartsPane)
        self.gradeBox.setObjectName(u"gradeBox")
        self.gradeLayout = QVBoxLayout(self.gradeBox)
        self.gradeLayout.setObjectName(u"gradeLayout")

        self.chartsLayout.addWidget(self.gradeBox)

        self.chartsLayout.setStretch(0, 1)
        self.splitter.addWidget(self.chartsPane)

        self.pageLayout.addWidget(self.splitter)

        self.pageLayout.setStretch(1, 1)

        self.retranslateUi(ResultsPage)

        QMetaObject.connectSlotsByName(ResultsPage)
    # setupUi

    def retranslateUi(self, ResultsPage):
        self.titleLabel.setText(QCoreApplication.translate("ResultsPage", u"\u8003\u6838\u7ed3\u679c", None))
        self.refreshButton.setText(QCoreApplication.translate("ResultsPage", u"\u5237\u65b0", None))
        self.historyButton.setText(QCoreApplication.translate("ResultsPage", u"\u5bfc\u5165\u5386\u53f2\u7ed3\u679c\u2026", None))
        self.storeButton.setText(QCoreApplication.translate("ResultsPage", u"\u4fdd\u5b58\u8ba1\u7b97\u7ed3\u679c", None))
#if QT_CONFIG(tooltip)
        self.storeButton.setToolTip(QCoreApplication.translate("ResultsPage", u"\u6309\u5f53\u524d\u8bc4\u5206\u548c\u89c4\u5219\u8ba1\u7b97\u7ed3\u679c\u5e76\u4fdd\u5b58\uff0c\u4e0d\u786e\u5b9a\u7ed3\u679c", None))
#endif // QT_CONFIG(tooltip)
        self.tieButton.setText(QCoreApplication.translate("ResultsPage", u"\u5e76\u5217\u6392\u5e8f(&T)\u2026", None))
#if QT_CONFIG(tooltip)
        self.tieButton.setToolTip(QCoreApplication.translate("ResultsPage", u"\u6309\u4e13\u5bb6\u7ec4\u8ba8\u8bba\u786e\u5b9a\u5e76\u5217\u5e73\u53f0\u7684\u5148\u540e\uff08\u987b\u5199\u660e\u7406\u7531\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.reopenButton.setText(QCoreApplication.translate("ResultsPage", u"\u91cd\u65b0\u6253\u5f00(&O)\u2026", None))
#if QT_CONFIG(tooltip)
        self.reopenButton.setToolTip(QCoreApplication.translate("ResultsPage", u"\u91cd\u65b0\u6253\u5f00\u5df2\u786e\u5b9a\u7684\u7ed3\u679c\uff0c\u4ee5\u4fbf\u4fee\u6539\u89c4\u5219\u6216\u51b3\u5b9a\uff08\u987b\u5199\u660e\u7406\u7531\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.confirmButton.setText(QCoreApplication.translate("ResultsPage", u"\u786e\u5b9a\u7ed3\u679c(&C)", None))
#if QT_CONFIG(tooltip)
        self.confirmButton.setToolTip(QCoreApplication.translate("ResultsPage", u"\u786e\u5b9a\u672c\u5468\u671f\u7684\u8003\u6838\u7ed3\u679c\uff1a\u6574\u6539\u671f\u9650\u81ea\u786e\u5b9a\u4e4b\u65e5\u8d77\u7b97\u3002\u5e76\u5217\u5c1a\u672a\u6392\u5e8f\u65f6\u4e0d\u80fd\u786e\u5b9a\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.budgetLabel.setText(QCoreApplication.translate("ResultsPage", u"\u540e\u8865\u52a9\u9884\u7b97\uff08\u4e07\u5143\uff09\uff1a", None))
        self.applyBudgetButton.setText(QCoreApplication.translate("ResultsPage", u"\u5e94\u7528", None))
        self.tabs.setTabText(self.tabs.indexOf(self.fundingPage), QCoreApplication.translate("ResultsPage", u"\u540e\u8865\u52a9\u6392\u5e8f", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rectificationPage), QCoreApplication.translate("ResultsPage", u"\u9650\u671f\u6574\u6539", None))
        self.tabs.setTabText(self.tabs.indexOf(self.disqualificationPage), QCoreApplication.translate("ResultsPage", u"\u53d6\u6d88\u8d44\u683c", None))
        self.tabs.setTabText(self.tabs.indexOf(self.notFinalPage), QCoreApplication.translate("ResultsPage", u"\u7ed3\u679c\u672a\u5b9a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyPage), QCoreApplication.translate("ResultsPage", u"\u5386\u53f2\u7ed3\u679c", None))
        self.spreadBox.setTitle(QCoreApplication.translate("ResultsPage", u"\u4e13\u5bb6\u603b\u5206\u5206\u5e03", None))
        self.spreadLegend.setText(QCoreApplication.translate("ResultsPage", u"\u6761\uff1a\u6700\u4f4e\u2013\u6700\u9ad8\uff0c\u7ad6\u7ebf\uff1a\u4e2d\u4f4d\u6570\uff0c\u25c6\uff1a\u5f97\u5206\uff1b\u25b2 \u4e0e\u659c\u7eb9\uff1a\u9700\u8ba8\u8bba", None))
        self.gradeBox.setTitle(QCoreApplication.translate("ResultsPage", u"\u7b49\u7ea7\u5206\u5e03", None))
        pass
    # retranslateUi

