# Generated from ui/declaration_page.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'declaration_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QTextBrowser, QVBoxLayout,
    QWidget)

class Ui_DeclarationPage(object):
    def setupUi(self, DeclarationPage):
        if not DeclarationPage.objectName():
            DeclarationPage.setObjectName(u"DeclarationPage")
        DeclarationPage.resize(1100, 640)
        self.outerLayout = QVBoxLayout(DeclarationPage)
        self.outerLayout.setSpacing(8)
        self.outerLayout.setObjectName(u"outerLayout")
        self.titleLabel = QLabel(DeclarationPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.outerLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(DeclarationPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"\u2014")
        self.introLabel.setWordWrap(True)

        self.outerLayout.addWidget(self.introLabel)

        self.pledgeBrowser = QTextBrowser(DeclarationPage)
        self.pledgeBrowser.setObjectName(u"pledgeBrowser")
        self.pledgeBrowser.setMaximumSize(QSize(16777215, 168))
        self.pledgeBrowser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pledgeBrowser.setOpenLinks(False)

        self.outerLayout.addWidget(self.pledgeBrowser)

        self.pledgeCheck = QCheckBox(DeclarationPage)
        self.pledgeCheck.setObjectName(u"pledgeCheck")

        self.outerLayout.addWidget(self.pledgeCheck)

        self.platformsLabel = QLabel(DeclarationPage)
        self.platformsLabel.setObjectName(u"platformsLabel")
        self.platformsLabel.setWordWrap(True)

        self.outerLayout.addWidget(self.platformsLabel)

        self.declarationsTable = QTableView(DeclarationPage)
        self.declarationsTable.setObjectName(u"declarationsTable")
        self.declarationsTable.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed|QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.SelectedClicked)
        self.declarationsTable.setTabKeyNavigation(False)
        self.declarationsTable.setAlternatingRowColors(True)
        self.declarationsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.declarationsTable.setShowGrid(False)

        self.outerLayout.addWidget(self.declarationsTable)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setSpacing(8)
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.stateLabel = QLabel(DeclarationPage)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setText(u"\u2014")
        self.stateLabel.setWordWrap(True)

        self.buttonsLayout.addWidget(self.stateLabel)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.editButton = QPushButton(DeclarationPage)
        self.editButton.setObjectName(u"editButton")

        self.buttonsLayout.addWidget(self.editButton)

        self.confirmButton = QPushButton(DeclarationPage)
        self.confirmButton.setObjectName(u"confirmButton")

        self.buttonsLayout.addWidget(self.confirmButton)

        self.continueButton = QPushButton(DeclarationPage)
        self.continueButton.setObjectName(u"continueButton")

        self.buttonsLayout.addWidget(self.continueButton)


        self.outerLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.platformsLabel.setBuddy(self.declarationsTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pledgeCheck, self.declarationsTable)
        QWidget.setTabOrder(self.declarationsTable, self.editButton)
        QWidget.setTabOrder(self.editButton, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.continueButton)

        self.retranslateUi(DeclarationPage)

        QMetaObject.connectSlotsByName(DeclarationPage)
    # setupUi

    def retranslateUi(self, DeclarationPage):
        self.titleLabel.setText(QCoreApplication.translate("DeclarationPage", u"\u56de\u907f\u4e0e\u4fdd\u5bc6\u58f0\u660e", None))
        self.pledgeCheck.setText(QCoreApplication.translate("DeclarationPage", u"\u6211\u5df2\u9605\u8bfb\u4e0a\u8ff0\u627f\u8bfa\uff0c\u5e76\u627f\u8bfa\u9075\u5b88(&P)", None))
        self.platformsLabel.setText(QCoreApplication.translate("DeclarationPage", u"\u8bf7\u9010\u4e00\u58f0\u660e\u4e0e\u4e0b\u5217\u5e73\u53f0\u6709\u65e0\u5229\u76ca\u51b2\u7a81\uff1a\u6bcf\u884c\u9009\u201c\u65e0\u5229\u76ca\u51b2\u7a81\u201d\u6216\u201c\u7533\u8bf7\u56de\u907f\u201d\uff08\u5728\u4e00\u884c\u4e2d\u6309\u7a7a\u683c\u952e\u5207\u6362\uff0cCtrl+Z \u64a4\u9500\uff09\uff1b\u7533\u8bf7\u56de\u907f\u987b\u586b\u5199\u7406\u7531\uff1a", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("DeclarationPage", u"\u4fee\u6539\u5bf9\u5404\u5e73\u53f0\u7684\u56de\u907f\u58f0\u660e\uff08\u5df2\u63d0\u4ea4\u8bc4\u5206\u540e\u987b\u5148\u91cd\u65b0\u6253\u5f00\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("DeclarationPage", u"\u4fee\u6539\u58f0\u660e(&M)", None))
#if QT_CONFIG(tooltip)
        self.confirmButton.setToolTip(QCoreApplication.translate("DeclarationPage", u"\u52fe\u9009\u4fdd\u5bc6\u627f\u8bfa\uff0c\u5e76\u4e3a\u6bcf\u4e2a\u7533\u8bf7\u56de\u907f\u7684\u5e73\u53f0\u586b\u5199\u7406\u7531\u540e\u53ef\u7528", None))
#endif // QT_CONFIG(tooltip)
        self.confirmButton.setText(QCoreApplication.translate("DeclarationPage", u"\u786e\u8ba4\u5e76\u5f00\u59cb\u8bc4\u5ba1(&B)", None))
        self.continueButton.setText(QCoreApplication.translate("DeclarationPage", u"\u7ee7\u7eed\u8bc4\u5206(&C)", None))
        pass
    # retranslateUi

