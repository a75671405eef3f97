# Generated from ui/experts_view.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'experts_view.ui'
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
    QLabel, QLineEdit, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QSpinBox, QSplitter,
    QStackedWidget, QTableView, QVBoxLayout, QWidget)

class Ui_ExpertsView(object):
    def setupUi(self, ExpertsView):
        if not ExpertsView.objectName():
            ExpertsView.setObjectName(u"ExpertsView")
        ExpertsView.resize(1280, 600)
        self.outerLayout = QVBoxLayout(ExpertsView)
        self.outerLayout.setSpacing(8)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 8, 0, 0)
        self.actionsBar = QWidget(ExpertsView)
        self.actionsBar.setObjectName(u"actionsBar")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.actionsBar.sizePolicy().hasHeightForWidth())
        self.actionsBar.setSizePolicy(sizePolicy)
        self.actionsLayout = QHBoxLayout(self.actionsBar)
        self.actionsLayout.setSpacing(8)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.actionsLayout.setContentsMargins(0, 0, 0, 0)
        self.importRosterButton = QPushButton(self.actionsBar)
        self.importRosterButton.setObjectName(u"importRosterButton")

        self.actionsLayout.addWidget(self.importRosterButton)

        self.templateButton = QPushButton(self.actionsBar)
        self.templateButton.setObjectName(u"templateButton")

        self.actionsLayout.addWidget(self.templateButton)

        self.actionsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.modeLabel = QLabel(self.actionsBar)
        self.modeLabel.setObjectName(u"modeLabel")

        self.actionsLayout.addWidget(self.modeLabel)

        self.allRadio = QRadioButton(self.actionsBar)
        self.allRadio.setObjectName(u"allRadio")
        self.allRadio.setChecked(True)

        self.actionsLayout.addWidget(self.allRadio)

        self.perPlatformRadio = QRadioButton(self.actionsBar)
        self.perPlatformRadio.setObjectName(u"perPlatformRadio")

        self.actionsLayout.addWidget(self.perPlatformRadio)

        self.perPlatformSpin = QSpinBox(self.actionsBar)
        self.perPlatformSpin.setObjectName(u"perPlatformSpin")
        self.perPlatformSpin.setMinimum(1)
        self.perPlatformSpin.setMaximum(99)
        self.perPlatformSpin.setValue(5)

        self.actionsLayout.addWidget(self.perPlatformSpin)

        self.assignButton = QPushButton(self.actionsBar)
        self.assignButton.setObjectName(u"assignButton")

        self.actionsLayout.addWidget(self.assignButton)

        self.issueButton = QPushButton(self.actionsBar)
        self.issueButton.setObjectName(u"issueButton")

        self.actionsLayout.addWidget(self.issueButton)


        self.outerLayout.addWidget(self.actionsBar)

        self.pages = QStackedWidget(ExpertsView)
        self.pages.setObjectName(u"pages")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyTopSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyTopSpacer)

        self.emptyTitleLabel = QLabel(self.emptyPage)
        self.emptyTitleLabel.setObjectName(u"emptyTitleLabel")
        self.emptyTitleLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.emptyLayout.addWidget(self.emptyTitleLabel)

        self.emptyHintLabel = QLabel(self.emptyPage)
        self.emptyHintLabel.setObjectName(u"emptyHintLabel")
        self.emptyHintLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyHintLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyHintLabel)

        self.emptyBottomSpacer = QSpacerItem(10, 80, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyBottomSpacer)

        self.pages.addWidget(self.emptyPage)
        self.contentPage = QWidget()
        self.contentPage.setObjectName(u"contentPage")
        self.contentLayout = QVBoxLayout(self.contentPage)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(0, 0, 0, 0)
        self.mainSplitter = QSplitter(self.contentPage)
        self.mainSplitter.setObjectName(u"mainSplitter")
        self.mainSplitter.setOrientation(Qt.Orientation.Vertical)
        self.mainSplitter.setChildrenCollapsible(False)
        self.splitter = QSplitter(self.mainSplitter)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.expertsPane = QWidget(self.splitter)
        self.expertsPane.setObjectName(u"expertsPane")
        self.expertsLayout = QVBoxLayout(self.expertsPane)
        self.expertsLayout.setSpacing(4)
        self.expertsLayout.setObjectName(u"expertsLayout")
        self.expertsLayout.setContentsMargins(0, 0, 0, 0)
        self.expertsLabel = QLabel(self.expertsPane)
        self.expertsLabel.setObjectName(u"expertsLabel")
        self.expertsLabel.setText(u"\u2014")

        self.expertsLayout.addWidget(self.expertsLabel)

        self.expertsTable = QTableView(self.expertsPane)
        self.expertsTable.setObjectName(u"expertsTable")
        self.expertsTable.setMinimumSize(QSize(300, 0))
        self.expertsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.expertsTable.setTabKeyNavigation(False)
        self.expertsTable.setAlternatingRowColors(True)
        self.expertsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.expertsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.expertsTable.setShowGrid(False)

        self.expertsLayout.addWidget(self.expertsTable)

        self.splitter.addWidget(self.expertsPane)
        self.matrixPane = QWidget(self.splitter)
        self.matrixPane.setObjectName(u"matrixPane")
        self.matrixLayout = QVBoxLayout(self.matrixPane)
        self.matrixLayout.setSpacing(4)
        self.matrixLayout.setObjectName(u"matrixLayout")
        self.matrixLayout.setContentsMargins(0, 0, 0, 0)
        self.matrixLabel = QLabel(self.matrixPane)
        self.matrixLabel.setObjectName(u"matrixLabel")
        self.matrixLabel.setText(u"\u2014")
        self.matrixLabel.setWordWrap(True)

        self.matrixLayout.addWidget(self.matrixLabel)

        self.staleLabel = QLabel(self.matrixPane)
        self.staleLabel.setObjectName(u"staleLabel")
        self.staleLabel.setWordWrap(True)

        self.matrixLayout.addWidget(self.staleLabel)

        self.matrixTable = QTableView(self.matrixPane)
        self.matrixTable.setObjectName(u"matrixTable")
        self.matrixTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrixTable.setTabKeyNavigation(False)
        self.matrixTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrixTable.setShowGrid(True)

        self.matrixLayout.addWidget(self.matrixTable)

        self.legendLabel = QLabel(self.matrixPane)
        self.legendLabel.setObjectName(u"legendLabel")
        self.legendLabel.setWordWrap(True)

        self.matrixLayout.addWidget(self.legendLabel)

        self.splitter.addWidget(self.matrixPane)
        self.mainSplitter.addWidget(self.splitter)
        self.nameChecksPane = QWidget(self.mainSplitter)
        self.nameChecksPane.setObjectName(u"nameChecksPane")
        self.nameChecksLayout = QVBoxLayout(self.nameChecksPane)
        self.nameChecksLayout.setSpacing(4)
        self.nameChecksLayout.setObjectName(u"nameChecksLayout")
        self.nameChecksLayout.setContentsMargins(0, 4, 0, 0)
        self.nameChecksLabel = QLabel(self.nameChecksPane)
        self.nameChecksLabel.setObjectName(u"nameChecksLabel")
        self.nameChecksLabel.setText(u"\u2014")

        self.nameChecksLayout.addWidget(self.nameChecksLabel)

        self.nameChecksHint = QLabel(self.nameChecksPane)
        self.nameChecksHint.setObjectName(u"nameChecksHint")
        self.nameChecksHint.setWordWrap(True)

        self.nameChecksLayout.addWidget(self.nameChecksHint)

        self.nameChecksTable = QTableView(self.nameChecksPane)
        self.nameChecksTable.setObjectName(u"nameChecksTable")
        self.nameChecksTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.nameChecksTable.setTabKeyNavigation(False)
        self.nameChecksTable.setAlternatingRowColors(True)
        self.nameChecksTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nameChecksTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.nameChecksTable.setShowGrid(False)
        self.nameChecksTable.setWordWrap(False)

        self.nameChecksLayout.addWidget(self.nameChecksTable)

        self.nameChecksActions = QHBoxLayout()
        self.nameChecksActions.setSpacing(8)
        self.nameChecksActions.setObjectName(u"nameChecksActions")
        self.noteLabel = QLabel(self.nameChecksPane)
        self.noteLabel.setObjectName(u"noteLabel")

        self.nameChecksActions.addWidget(self.noteLabel)

        self.noteEdit = QLineEdit(self.nameChecksPane)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setClearButtonEnabled(True)

        self.nameChecksActions.addWidget(self.noteEdit)

        self.confirmNameButton = QPushButton(self.nameChecksPane)
        self.confirmNameButton.setObjectName(u"confirmNameButton")

        self.nameChecksActions.addWidget(self.confirmNameButton)

        self.clearNameButton = QPushButton(self.nameChecksPane)
        self.clearNameButton.setObjectName(u"clearNameButton")

        self.nameChecksActions.addWidget(self.clearNameButton)

        self.reopenNameButton = QPushButton(self.nameChecksPane)
        self.reopenNameButton.setObjectName(u"reopenNameButton")

        self.nameChecksActions.addWidget(self.reopenNameButton)


        self.nameChecksLayout.addLayout(self.nameChecksActions)

        self.mainSplitter.addWidget(self.nameChecksPane)

        self.contentLayout.addWidget(self.mainSplitter)

        self.pages.addWidget(self.contentPage)

        self.outerLayout.addWidget(self.pages)

#if QT_CONFIG(shortcut)
        self.expertsLabel.setBuddy(self.expertsTable)
        self.matrixLabel.setBuddy(self.matrixTable)
        self.nameChecksLabel.setBuddy(self.nameChecksTable)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.importRosterButton, self.templateButton)
        QWidget.setTabOrder(self.templateButton, self.allRadio)
        QWidget.setTabOrder(self.allRadio, self.perPlatformRadio)
        QWidget.setTabOrder(self.perPlatformRadio, self.perPlatformSpin)
        QWidget.setTabOrder(self.perPlatformSpin, self.assignButton)
        QWidget.setTabOrder(self.assignButton, self.issueButton)
        QWidget.setTabOrder(self.issueButton, self.expertsTable)
        QWidget.setTabOrder(self.expertsTable, self.matrixTable)
        QWidget.setTabOrder(self.matrixTable, self.nameChecksTable)
        QWidget.setTabOrder(self.nameChecksTable, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.confirmNameButton)
        QWidget.setTabOrder(self.confirmNameButton, self.clearNameButton)
        QWidget.setTabOrder(self.clearNameButton, self.reopenNameButton)

        self.retranslateUi(ExpertsView)

        QMetaObject.connectSlotsByName(ExpertsView)
    # setupUi

    def retranslateUi(self, ExpertsView):
#if QT_CONFIG(tooltip)
        self.importRosterButton.setToolTip(QCoreApplication.translate("ExpertsView", u"\u5bfc\u5165\u4e13\u5bb6\u540d\u5355 Excel \u6587\u4ef6\uff08\u59d3\u540d\u3001\u5de5\u4f5c\u5355\u4f4d\u3001\u804c\u79f0\u3001\u4e13\u4e1a\u9886\u57df\u3001\u8054\u7cfb\u65b9\u5f0f\u3001\u56de\u907f\u5355\u4f4d\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.importRosterButton.setText(QCoreApplication.translate("ExpertsView", u"\u5bfc\u5165\u4e13\u5bb6\u540d\u5355(&R)\u2026", None))
#if QT_CONFIG(tooltip)
        self.templateButton.setToolTip(QCoreApplication.translate("ExpertsView", u"\u4fdd\u5b58\u7a7a\u767d\u7684\u4e13\u5bb6\u540d\u5355 Excel \u6a21\u677f", None))
#endif // QT_CONFIG(tooltip)
        self.templateButton.setText(QCoreApplication.translate("ExpertsView", u"\u4e0b\u8f7d\u4e13\u5bb6\u540d\u5355\u6a21\u677f(&T)\u2026", None))
        self.modeLabel.setText(QCoreApplication.translate("ExpertsView", u"\u5206\u914d\u65b9\u5f0f\uff1a", None))
#if QT_CONFIG(tooltip)
        self.allRadio.setToolTip(QCoreApplication.translate("ExpertsView", u"\u6bcf\u4f4d\u4e13\u5bb6\u8bc4\u5ba1\u6240\u6709\u4e0e\u5176\u65e0\u56de\u907f\u5173\u7cfb\u7684\u5e73\u53f0", None))
#endif // QT_CONFIG(tooltip)
        self.allRadio.setText(QCoreApplication.translate("ExpertsView", u"\u5168\u90e8\u65e0\u56de\u907f\u4e13\u5bb6(&A)", None))
#if QT_CONFIG(tooltip)
        self.perPlatformRadio.setToolTip(QCoreApplication.translate("ExpertsView", u"\u6bcf\u4e2a\u5e73\u53f0\u5206\u914d\u56fa\u5b9a\u4eba\u6570\u7684\u4e13\u5bb6\uff0c\u5c3d\u91cf\u5747\u8861\u5404\u4e13\u5bb6\u7684\u5de5\u4f5c\u91cf", None))
#endif // QT_CONFIG(tooltip)
        self.perPlatformRadio.setText(QCoreApplication.translate("ExpertsView", u"\u6bcf\u4e2a\u5e73\u53f0(&N)", None))
        self.perPlatformSpin.setSuffix(QCoreApplication.translate("ExpertsView", u" \u4f4d", None))
#if QT_CONFIG(tooltip)
        self.assignButton.setToolTip(QCoreApplication.translate("ExpertsView", u"\u6309\u6240\u9009\u65b9\u5f0f\u5206\u914d\u4e13\u5bb6\uff0c\u66ff\u6362\u539f\u6709\u5206\u914d", None))
#endif // QT_CONFIG(tooltip)
        self.assignButton.setText(QCoreApplication.translate("ExpertsView", u"\u5206\u914d\u4e13\u5bb6(&S)", None))
#if QT_CONFIG(tooltip)
        self.issueButton.setToolTip(QCoreApplication.translate("ExpertsView", u"\u4e3a\u6bcf\u4f4d\u5df2\u5206\u914d\u7684\u4e13\u5bb6\u751f\u6210\u8bc4\u5ba1\u5305\uff08.jlreview\uff09\u548c\u7eb8\u8d28\u8bc4\u5206\u8868", None))
#endif // QT_CONFIG(tooltip)
        self.issueButton.setText(QCoreApplication.translate("ExpertsView", u"\u53d1\u653e\u8bc4\u5ba1\u5305(&P)\u2026", None))
        self.emptyTitleLabel.setText(QCoreApplication.translate("ExpertsView", u"\u8fd8\u6ca1\u6709\u4e13\u5bb6\u540d\u5355", None))
        self.emptyHintLabel.setText(QCoreApplication.translate("ExpertsView", u"\u5bfc\u5165\u4e13\u5bb6\u540d\u5355\u540e\uff0c\u8fd9\u91cc\u5217\u51fa\u4e13\u5bb6\u3001\u4e0e\u5404\u5e73\u53f0\u7684\u56de\u907f\u5173\u7cfb\u548c\u8bc4\u5ba1\u5206\u914d\u3002\u540d\u5355\u4e3a Excel \u6587\u4ef6\uff1a\u59d3\u540d\u3001\u5de5\u4f5c\u5355\u4f4d\u3001\u804c\u79f0\u3001\u4e13\u4e1a\u9886\u57df\u3001\u8054\u7cfb\u65b9\u5f0f\u3001\u56de\u907f\u5355\u4f4d\uff1b\u53ef\u5148\u4e0b\u8f7d\u6a21\u677f\u586b\u5199\u3002", None))
        self.staleLabel.setText(QCoreApplication.translate("ExpertsView", u"\u5e73\u53f0\u6750\u6599\u6216\u4e13\u5bb6\u540d\u5355\u5728\u5206\u914d\u540e\u6709\u53d8\u5316\uff0c\u56de\u907f\u5173\u7cfb\u9700\u8981\u66f4\u65b0\uff1a\u91cd\u65b0\u5206\u914d\u4e13\u5bb6\u65f6\u4f1a\u81ea\u52a8\u66f4\u65b0\u3002", None))
        self.legendLabel.setText(QCoreApplication.translate("ExpertsView", u"\u25cf \u5df2\u5206\u914d\u3000\u3000\u2298 \u987b\u56de\u907f\uff08\u6307\u5411\u5355\u5143\u683c\u67e5\u770b\u7406\u7531\uff09\u3000\u3000\u7ea2\u8272\uff1a\u4e13\u5bb6\u4e0d\u8db3\uff0c\u65e0\u6cd5\u5f62\u6210\u6709\u6548\u7ed3\u679c", None))
        self.nameChecksHint.setText(QCoreApplication.translate("ExpertsView", u"\u8fd9\u4e9b\u4e13\u5bb6\u4e0e\u5e73\u53f0\u6750\u6599\u4e2d\u7684\u5e73\u53f0\u8d1f\u8d23\u4eba\u3001\u8054\u7cfb\u4eba\u6216\u4eba\u5458\u540c\u540d\uff0c\u53ef\u80fd\u662f\u540c\u4e00\u4eba\u3002\u6838\u5b9e\u540e\uff1a\u662f\u540c\u4e00\u4eba\u70b9\u300c\u786e\u8ba4\u56de\u907f\u300d\uff0c\u5206\u914d\u4e13\u5bb6\u65f6\u907f\u5f00\u8be5\u5e73\u53f0\uff1b\u4e0d\u662f\u540c\u4e00\u4eba\u70b9\u300c\u6392\u9664\u300d\u3002\u5e73\u53f0\u6750\u6599\u66f4\u65b0\u540e\u540c\u540d\u60c5\u51b5\u6709\u53d8\u5316\u7684\uff0c\u4f1a\u91cd\u65b0\u5217\u4e3a\u5f85\u6838\u5b9e\u3002", None))
        self.noteLabel.setText(QCoreApplication.translate("ExpertsView", u"\u5907\u6ce8(&M)\uff1a", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ExpertsView", u"\u53ef\u9009\uff1a\u5982\u4f55\u6838\u5b9e\u7684\uff0c\u4f8b\u5982\u201c\u7535\u8bdd\u8054\u7cfb\u4f9d\u6258\u5355\u4f4d\u786e\u8ba4\u201d", None))
#if QT_CONFIG(tooltip)
        self.confirmNameButton.setToolTip(QCoreApplication.translate("ExpertsView", u"\u662f\u540c\u4e00\u4eba\uff1a\u8bb0\u4e3a\u56de\u907f\u5173\u7cfb\uff08\u540c\u540d\u6838\u5b9e\u56de\u907f\uff09\uff0c\u5206\u914d\u4e13\u5bb6\u65f6\u907f\u5f00\u8be5\u5e73\u53f0", None))
#endif // QT_CONFIG(tooltip)
        self.confirmNameButton.setText(QCoreApplication.translate("ExpertsView", u"\u786e\u8ba4\u56de\u907f(&C)", None))
#if QT_CONFIG(tooltip)
        self.clearNameButton.setToolTip(QCoreApplication.translate("ExpertsView", u"\u4e0d\u662f\u540c\u4e00\u4eba\uff1a\u4e0d\u518d\u5217\u4e3a\u5f85\u6838\u5b9e\uff08\u5e73\u53f0\u6750\u6599\u4e2d\u7684\u540c\u540d\u60c5\u51b5\u53d8\u5316\u540e\u4f1a\u91cd\u65b0\u5217\u51fa\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.clearNameButton.setText(QCoreApplication.translate("ExpertsView", u"\u6392\u9664(&X)", None))
#if QT_CONFIG(tooltip)
        self.reopenNameButton.setToolTip(QCoreApplication.translate("ExpertsView", u"\u64a4\u9500\u6240\u9009\u7684\u6838\u5b9e\u7ed3\u679c\uff0c\u91cd\u65b0\u5217\u4e3a\u5f85\u6838\u5b9e", None))
#endif // QT_CONFIG(tooltip)
        self.reopenNameButton.setText(QCoreApplication.translate("ExpertsView", u"\u64a4\u9500\u6838\u5b9e(&U)", None))
        pass
    # retranslateUi

