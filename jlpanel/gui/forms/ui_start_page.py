# Generated from ui/start_page.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'start_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QLabel,
    QListView, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_StartPage(object):
    def setupUi(self, StartPage):
        if not StartPage.objectName():
            StartPage.setObjectName(u"StartPage")
        StartPage.resize(900, 600)
        self.outerLayout = QHBoxLayout(StartPage)
        self.outerLayout.setObjectName(u"outerLayout")
        self.leftSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outerLayout.addItem(self.leftSpacer)

        self.column = QWidget(StartPage)
        self.column.setObjectName(u"column")
        self.column.setMinimumSize(QSize(660, 0))
        self.column.setMaximumSize(QSize(760, 16777215))
        self.columnLayout = QVBoxLayout(self.column)
        self.columnLayout.setSpacing(12)
        self.columnLayout.setObjectName(u"columnLayout")
        self.topSpacer = QSpacerItem(20, 48, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.columnLayout.addItem(self.topSpacer)

        self.titleLabel = QLabel(self.column)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.columnLayout.addWidget(self.titleLabel)

        self.subtitleLabel = QLabel(self.column)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setWordWrap(True)

        self.columnLayout.addWidget(self.subtitleLabel)

        self.titleSpacer = QSpacerItem(20, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.columnLayout.addItem(self.titleSpacer)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(16)
        self.buttonRow.setObjectName(u"buttonRow")
        self.newButton = QPushButton(self.column)
        self.newButton.setObjectName(u"newButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.newButton.sizePolicy().hasHeightForWidth())
        self.newButton.setSizePolicy(sizePolicy)
        self.newButton.setMinimumSize(QSize(0, 56))
        self.newButton.setIconSize(QSize(28, 28))

        self.buttonRow.addWidget(self.newButton)

        self.openButton = QPushButton(self.column)
        self.openButton.setObjectName(u"openButton")
        sizePolicy.setHeightForWidth(self.openButton.sizePolicy().hasHeightForWidth())
        self.openButton.setSizePolicy(sizePolicy)
        self.openButton.setMinimumSize(QSize(0, 56))
        self.openButton.setIconSize(QSize(28, 28))

        self.buttonRow.addWidget(self.openButton)

        self.demoButton = QPushButton(self.column)
        self.demoButton.setObjectName(u"demoButton")
        sizePolicy.setHeightForWidth(self.demoButton.sizePolicy().hasHeightForWidth())
        self.demoButton.setSizePolicy(sizePolicy)
        self.demoButton.setMinimumSize(QSize(0, 56))
        self.demoButton.setIconSize(QSize(28, 28))

        self.buttonRow.addWidget(self.demoButton)


        self.columnLayout.addLayout(self.buttonRow)

        self.serverRow = QHBoxLayout()
        self.serverRow.setObjectName(u"serverRow")
        self.serverButton = QPushButton(self.column)
        self.serverButton.setObjectName(u"serverButton")
        self.serverButton.setFlat(True)

        self.serverRow.addWidget(self.serverButton)

        self.serverSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.serverRow.addItem(self.serverSpacer)

        self.serverRow.setStretch(1, 1)

        self.columnLayout.addLayout(self.serverRow)

        self.demoHintLabel = QLabel(self.column)
        self.demoHintLabel.setObjectName(u"demoHintLabel")
        self.demoHintLabel.setWordWrap(True)
        self.demoHintLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.columnLayout.addWidget(self.demoHintLabel)

        self.buttonSpacer = QSpacerItem(20, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.columnLayout.addItem(self.buttonSpacer)

        self.recentLabel = QLabel(self.column)
        self.recentLabel.setObjectName(u"recentLabel")

        self.columnLayout.addWidget(self.recentLabel)

        self.recentList = QListView(self.column)
        self.recentList.setObjectName(u"recentList")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.recentList.sizePolicy().hasHeightForWidth())
        self.recentList.setSizePolicy(sizePolicy1)
        self.recentList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recentList.setUniformItemSizes(True)

        self.columnLayout.addWidget(self.recentList)

        self.emptyLabel = QLabel(self.column)
        self.emptyLabel.setObjectName(u"emptyLabel")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(1)
        sizePolicy2.setHeightForWidth(self.emptyLabel.sizePolicy().hasHeightForWidth())
        self.emptyLabel.setSizePolicy(sizePolicy2)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.emptyLabel.setWordWrap(True)

        self.columnLayout.addWidget(self.emptyLabel)

        self.bottomSpacer = QSpacerItem(20, 24, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.columnLayout.addItem(self.bottomSpacer)


        self.outerLayout.addWidget(self.column)

        self.rightSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outerLayout.addItem(self.rightSpacer)

#if QT_CONFIG(shortcut)
        self.recentLabel.setBuddy(self.recentList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.demoButton)
        QWidget.setTabOrder(self.demoButton, self.recentList)

        self.retranslateUi(StartPage)

        QMetaObject.connectSlotsByName(StartPage)
    # setupUi

    def retranslateUi(self, StartPage):
        self.titleLabel.setText(QCoreApplication.translate("StartPage", u"\u5409\u6797\u7701\u79d1\u6280\u8d44\u6e90\u5171\u4eab\u670d\u52a1\u5e73\u53f0\u8003\u6838\u8bc4\u4ef7", None))
        self.subtitleLabel.setText(QCoreApplication.translate("StartPage", u"\u4e00\u4e2a\u5b58\u50a8\u4fdd\u5b58\u5386\u5e74\u7684\u8003\u6838\u5468\u671f\uff1a\u4e13\u5bb6\u8bc4\u5ba1\u3001\u8bc4\u5206\u6c47\u603b\u3001\u7ed3\u679c\u7ba1\u7406\u548c\u5e73\u53f0\u540d\u5f55\uff0c\u53ef\u4ee5\u5168\u7a0b\u79bb\u7ebf\u5b8c\u6210\u3002", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("StartPage", u"\u4e3a\u4e00\u4e2a\u65b0\u7684\u8003\u6838\u5468\u671f\u5efa\u7acb\u5de5\u4f5c\u533a\u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("StartPage", u"\u65b0\u5efa\u5de5\u4f5c\u533a", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("StartPage", u"\u6253\u5f00\u5df2\u6709\u7684\u5de5\u4f5c\u533a\uff08.jlpanel\uff09\uff0c\u6216\u4e13\u5bb6\u7684\u8bc4\u5ba1\u5305\uff08.jlreview\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("StartPage", u"\u6253\u5f00\u5de5\u4f5c\u533a\u6216\u8bc4\u5ba1\u5305", None))
#if QT_CONFIG(tooltip)
        self.demoButton.setToolTip(QCoreApplication.translate("StartPage", u"\u6253\u5f00\u4e00\u4e2a\u5b8c\u6574\u7684\u865a\u6784\u8003\u6838\u5468\u671f\uff0c\u7b2c\u4e00\u6b21\u6253\u5f00\u65f6\u5148\u751f\u6210\u5b83\uff08\u7ea6\u534a\u5206\u949f\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.demoButton.setText(QCoreApplication.translate("StartPage", u"\u6253\u5f00\u6f14\u793a\u8003\u6838\u5468\u671f", None))
#if QT_CONFIG(tooltip)
        self.serverButton.setToolTip(QCoreApplication.translate("StartPage", u"\u6253\u5f00\u90e8\u95e8 PostgreSQL \u670d\u52a1\u5668\u4e0a\u7684\u8003\u6838\u5b58\u50a8\uff08Ctrl+Shift+O\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.serverButton.setText(QCoreApplication.translate("StartPage", u"\u8fde\u63a5\u670d\u52a1\u5668\u2026", None))
        self.demoHintLabel.setText(QCoreApplication.translate("StartPage", u"\u6f14\u793a\u8003\u6838\u5468\u671f\uff1a\u865a\u6784\u7684 24 \u4e2a\u5e73\u53f0\u30017 \u4f4d\u4e13\u5bb6\uff0c\u4e13\u5bb6\u7684\u8bc4\u5206\u6587\u4ef6\u5df2\u5907\u597d\uff0c\u53ef\u76f4\u63a5\u7ec3\u4e60\u5408\u5e76\u8bc4\u5206\u4e0e\u751f\u6210\u62a5\u544a\u3002", None))
        self.recentLabel.setText(QCoreApplication.translate("StartPage", u"\u6700\u8fd1\u6253\u5f00", None))
        self.emptyLabel.setText(QCoreApplication.translate("StartPage", u"\u8fd8\u6ca1\u6709\u6253\u5f00\u8fc7\u5de5\u4f5c\u533a\u3002\u65b0\u5efa\u4e00\u4e2a\u3001\u6253\u5f00\u540c\u4e8b\u53d1\u6765\u7684\u5de5\u4f5c\u533a\u6587\u4ef6\uff0c\u6216\u5148\u6253\u5f00\u6f14\u793a\u8003\u6838\u5468\u671f\u770b\u4e00\u770b\u3002", None))
        pass
    # retranslateUi

