# Generated from ui/platform_list.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'platform_list.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_PlatformListView(object):
    def setupUi(self, PlatformListView):
        if not PlatformListView.objectName():
            PlatformListView.setObjectName(u"PlatformListView")
        PlatformListView.resize(1100, 560)
        self.outerLayout = QVBoxLayout(PlatformListView)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(PlatformListView)
        self.pages.setObjectName(u"pages")
        self.listPage = QWidget()
        self.listPage.setObjectName(u"listPage")
        self.listLayout = QVBoxLayout(self.listPage)
        self.listLayout.setSpacing(8)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 8, 0, 0)
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setSpacing(8)
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(self.listPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(260, 0))
        self.searchEdit.setMaximumSize(QSize(420, 16777215))
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.filterGap = QSpacerItem(8, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterGap)

        self.warningFilterLabel = QLabel(self.listPage)
        self.warningFilterLabel.setObjectName(u"warningFilterLabel")

        self.filterLayout.addWidget(self.warningFilterLabel)

        self.warningFilterCombo = QComboBox(self.listPage)
        self.warningFilterCombo.addItem("")
        self.warningFilterCombo.addItem("")
        self.warningFilterCombo.addItem("")
        self.warningFilterCombo.setObjectName(u"warningFilterCombo")

        self.filterLayout.addWidget(self.warningFilterCombo)

        self.typeFilterLabel = QLabel(self.listPage)
        self.typeFilterLabel.setObjectName(u"typeFilterLabel")

        self.filterLayout.addWidget(self.typeFilterLabel)

        self.typeFilterCombo = QComboBox(self.listPage)
        self.typeFilterCombo.setObjectName(u"typeFilterCombo")
        self.typeFilterCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.typeFilterCombo)

        self.filterSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.countLabel = QLabel(self.listPage)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"\u2014")
        self.countLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.filterLayout.addWidget(self.countLabel)


        self.listLayout.addLayout(self.filterLayout)

        self.platformTable = QTableView(self.listPage)
        self.platformTable.setObjectName(u"platformTable")
        self.platformTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.platformTable.setTabKeyNavigation(False)
        self.platformTable.setAlternatingRowColors(True)
        self.platformTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.platformTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.platformTable.setShowGrid(False)
        self.platformTable.setSortingEnabled(True)
        self.platformTable.setWordWrap(False)

        self.listLayout.addWidget(self.platformTable)

        self.noMatchLabel = QLabel(self.listPage)
        self.noMatchLabel.setObjectName(u"noMatchLabel")
        self.noMatchLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.listLayout.addWidget(self.noMatchLabel)

        self.pages.addWidget(self.listPage)
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyTopSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

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

        self.emptyButtonsLayout = QHBoxLayout()
        self.emptyButtonsLayout.setSpacing(12)
        self.emptyButtonsLayout.setObjectName(u"emptyButtonsLayout")
        self.emptyButtonsLayout.setContentsMargins(-1, 12, -1, -1)
        self.emptyLeftSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyButtonsLayout.addItem(self.emptyLeftSpacer)

        self.importButton = QPushButton(self.emptyPage)
        self.importButton.setObjectName(u"importButton")
        self.importButton.setMinimumSize(QSize(200, 44))
        self.importButton.setIconSize(QSize(22, 22))

        self.emptyButtonsLayout.addWidget(self.importButton)

        self.templateButton = QPushButton(self.emptyPage)
        self.templateButton.setObjectName(u"templateButton")
        self.templateButton.setMinimumSize(QSize(200, 44))
        self.templateButton.setIconSize(QSize(22, 22))

        self.emptyButtonsLayout.addWidget(self.templateButton)

        self.emptyRightSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyButtonsLayout.addItem(self.emptyRightSpacer)


        self.emptyLayout.addLayout(self.emptyButtonsLayout)

        self.emptyBottomSpacer = QSpacerItem(20, 60, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyBottomSpacer)

        self.pages.addWidget(self.emptyPage)

        self.outerLayout.addWidget(self.pages)

#if QT_CONFIG(shortcut)
        self.warningFilterLabel.setBuddy(self.warningFilterCombo)
        self.typeFilterLabel.setBuddy(self.typeFilterCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.warningFilterCombo)
        QWidget.setTabOrder(self.warningFilterCombo, self.typeFilterCombo)
        QWidget.setTabOrder(self.typeFilterCombo, self.platformTable)
        QWidget.setTabOrder(self.platformTable, self.importButton)
        QWidget.setTabOrder(self.importButton, self.templateButton)

        self.retranslateUi(PlatformListView)

        QMetaObject.connectSlotsByName(PlatformListView)
    # setupUi

    def retranslateUi(self, PlatformListView):
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("PlatformListView", u"\u6309\u5e73\u53f0\u540d\u79f0\u3001\u4f9d\u6258\u5355\u4f4d\u6216\u5907\u6848\u7f16\u53f7\u7b5b\u9009\uff08Ctrl+F\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("PlatformListView", u"\u641c\u7d22\u540d\u79f0\u3001\u4f9d\u6258\u5355\u4f4d\u6216\u5907\u6848\u7f16\u53f7\uff08Ctrl+F\uff09", None))
        self.warningFilterLabel.setText(QCoreApplication.translate("PlatformListView", u"\u63d0\u793a(&W)\uff1a", None))
        self.warningFilterCombo.setItemText(0, QCoreApplication.translate("PlatformListView", u"\u5168\u90e8", None))
        self.warningFilterCombo.setItemText(1, QCoreApplication.translate("PlatformListView", u"\u6709\u63d0\u793a", None))
        self.warningFilterCombo.setItemText(2, QCoreApplication.translate("PlatformListView", u"\u65e0\u63d0\u793a", None))

        self.typeFilterLabel.setText(QCoreApplication.translate("PlatformListView", u"\u8d44\u6e90\u7c7b\u578b(&T)\uff1a", None))
        self.noMatchLabel.setText(QCoreApplication.translate("PlatformListView", u"\u6ca1\u6709\u7b26\u5408\u7b5b\u9009\u6761\u4ef6\u7684\u5e73\u53f0\u3002", None))
        self.emptyTitleLabel.setText(QCoreApplication.translate("PlatformListView", u"\u672c\u8003\u6838\u5468\u671f\u8fd8\u6ca1\u6709\u5e73\u53f0", None))
        self.emptyHintLabel.setText(QCoreApplication.translate("PlatformListView", u"\u8bf7\u5148\u4e0b\u8f7d\u6750\u6599\u6a21\u677f\u53d1\u7ed9\u5404\u4f9d\u6258\u5355\u4f4d\u586b\u5199\uff0c\u6536\u56de\u540e\u5728\u8fd9\u91cc\u5bfc\u5165\u3002\u6bcf\u4e2a\u5e73\u53f0\u4e00\u4e2a Excel \u6587\u4ef6\uff0c\u9644\u4ef6\u653e\u5728\u540c\u540d\u6587\u4ef6\u5939\u6216\u538b\u7f29\u5305\u4e2d\u3002", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("PlatformListView", u"\u9009\u62e9\u4f9d\u6258\u5355\u4f4d\u4ea4\u56de\u7684\u6750\u6599\u6587\u4ef6\u6216\u6587\u4ef6\u5939\uff08Ctrl+I\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("PlatformListView", u"\u5bfc\u5165\u5e73\u53f0\u6750\u6599(&I)\u2026", None))
#if QT_CONFIG(tooltip)
        self.templateButton.setToolTip(QCoreApplication.translate("PlatformListView", u"\u4fdd\u5b58\u4e00\u4efd\u7a7a\u767d\u7684\u5e73\u53f0\u6750\u6599 Excel \u6a21\u677f\uff0c\u53d1\u7ed9\u4f9d\u6258\u5355\u4f4d\u586b\u5199", None))
#endif // QT_CONFIG(tooltip)
        self.templateButton.setText(QCoreApplication.translate("PlatformListView", u"\u4e0b\u8f7d\u6750\u6599\u6a21\u677f(&T)\u2026", None))
        pass
    # retranslateUi

