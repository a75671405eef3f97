# Generated from ui/new_workspace_dialog.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_workspace_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_NewWorkspaceDialog(object):
    def setupUi(self, NewWorkspaceDialog):
        if not NewWorkspaceDialog.objectName():
            NewWorkspaceDialog.setObjectName(u"NewWorkspaceDialog")
        NewWorkspaceDialog.resize(620, 360)
        NewWorkspaceDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(NewWorkspaceDialog)
        self.dialogLayout.setSpacing(12)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(NewWorkspaceDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.formLayout.setHorizontalSpacing(12)
        self.formLayout.setVerticalSpacing(10)
        self.nameLabel = QLabel(NewWorkspaceDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(NewWorkspaceDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.periodLabel = QLabel(NewWorkspaceDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodRow = QHBoxLayout()
        self.periodRow.setSpacing(8)
        self.periodRow.setObjectName(u"periodRow")
        self.startDateEdit = QDateEdit(NewWorkspaceDialog)
        self.startDateEdit.setObjectName(u"startDateEdit")
        self.startDateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.startDateEdit.setCalendarPopup(True)

        self.periodRow.addWidget(self.startDateEdit)

        self.toLabel = QLabel(NewWorkspaceDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.periodRow.addWidget(self.toLabel)

        self.endDateEdit = QDateEdit(NewWorkspaceDialog)
        self.endDateEdit.setObjectName(u"endDateEdit")
        self.endDateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.endDateEdit.setCalendarPopup(True)

        self.periodRow.addWidget(self.endDateEdit)

        self.periodSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodRow.addItem(self.periodSpacer)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.periodRow)

        self.rubricLabel = QLabel(NewWorkspaceDialog)
        self.rubricLabel.setObjectName(u"rubricLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.rubricLabel)

        self.rubricColumn = QVBoxLayout()
        self.rubricColumn.setSpacing(6)
        self.rubricColumn.setObjectName(u"rubricColumn")
        self.defaultRubricRadio = QRadioButton(NewWorkspaceDialog)
        self.defaultRubricRadio.setObjectName(u"defaultRubricRadio")
        self.defaultRubricRadio.setChecked(True)

        self.rubricColumn.addWidget(self.defaultRubricRadio)

        self.rubricFileRow = QHBoxLayout()
        self.rubricFileRow.setSpacing(8)
        self.rubricFileRow.setObjectName(u"rubricFileRow")
        self.fileRubricRadio = QRadioButton(NewWorkspaceDialog)
        self.fileRubricRadio.setObjectName(u"fileRubricRadio")

        self.rubricFileRow.addWidget(self.fileRubricRadio)

        self.rubricPathEdit = QLineEdit(NewWorkspaceDialog)
        self.rubricPathEdit.setObjectName(u"rubricPathEdit")
        self.rubricPathEdit.setEnabled(False)

        self.rubricFileRow.addWidget(self.rubricPathEdit)

        self.rubricBrowseButton = QPushButton(NewWorkspaceDialog)
        self.rubricBrowseButton.setObjectName(u"rubricBrowseButton")
        self.rubricBrowseButton.setEnabled(False)

        self.rubricFileRow.addWidget(self.rubricBrowseButton)


        self.rubricColumn.addLayout(self.rubricFileRow)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.rubricColumn)

        self.languageLabel = QLabel(NewWorkspaceDialog)
        self.languageLabel.setObjectName(u"languageLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageColumn = QVBoxLayout()
        self.languageColumn.setSpacing(4)
        self.languageColumn.setObjectName(u"languageColumn")
        self.languageRow = QHBoxLayout()
        self.languageRow.setObjectName(u"languageRow")
        self.languageCombo = QComboBox(NewWorkspaceDialog)
        self.languageCombo.setObjectName(u"languageCombo")

        self.languageRow.addWidget(self.languageCombo)

        self.languageSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.languageRow.addItem(self.languageSpacer)


        self.languageColumn.addLayout(self.languageRow)

        self.languageHint = QLabel(NewWorkspaceDialog)
        self.languageHint.setObjectName(u"languageHint")
        self.languageHint.setWordWrap(True)

        self.languageColumn.addWidget(self.languageHint)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.languageColumn)

        self.pathLabel = QLabel(NewWorkspaceDialog)
        self.pathLabel.setObjectName(u"pathLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.pathRow = QHBoxLayout()
        self.pathRow.setSpacing(8)
        self.pathRow.setObjectName(u"pathRow")
        self.pathEdit = QLineEdit(NewWorkspaceDialog)
        self.pathEdit.setObjectName(u"pathEdit")

        self.pathRow.addWidget(self.pathEdit)

        self.pathBrowseButton = QPushButton(NewWorkspaceDialog)
        self.pathBrowseButton.setObjectName(u"pathBrowseButton")

        self.pathRow.addWidget(self.pathBrowseButton)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.pathRow)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorText = QPlainTextEdit(NewWorkspaceDialog)
        self.errorText.setObjectName(u"errorText")
        self.errorText.setMaximumSize(QSize(16777215, 140))
        self.errorText.setReadOnly(True)

        self.dialogLayout.addWidget(self.errorText)

        self.dialogSpacer = QSpacerItem(20, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.dialogSpacer)

        self.buttonBox = QDialogButtonBox(NewWorkspaceDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.periodLabel.setBuddy(self.startDateEdit)
        self.languageLabel.setBuddy(self.languageCombo)
        self.pathLabel.setBuddy(self.pathEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.startDateEdit)
        QWidget.setTabOrder(self.startDateEdit, self.endDateEdit)
        QWidget.setTabOrder(self.endDateEdit, self.defaultRubricRadio)
        QWidget.setTabOrder(self.defaultRubricRadio, self.fileRubricRadio)
        QWidget.setTabOrder(self.fileRubricRadio, self.rubricPathEdit)
        QWidget.setTabOrder(self.rubricPathEdit, self.rubricBrowseButton)
        QWidget.setTabOrder(self.rubricBrowseButton, self.languageCombo)
        QWidget.setTabOrder(self.languageCombo, self.pathEdit)
        QWidget.setTabOrder(self.pathEdit, self.pathBrowseButton)

        self.retranslateUi(NewWorkspaceDialog)
        self.buttonBox.rejected.connect(NewWorkspaceDialog.reject)

        QMetaObject.connectSlotsByName(NewWorkspaceDialog)
    # setupUi

    def retranslateUi(self, NewWorkspaceDialog):
        NewWorkspaceDialog.setWindowTitle(QCoreApplication.translate("NewWorkspaceDialog", u"\u65b0\u5efa\u5de5\u4f5c\u533a", None))
        self.introLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u4e3a\u4e00\u4e2a\u8003\u6838\u5468\u671f\u65b0\u5efa\u5de5\u4f5c\u533a\u6587\u4ef6\uff08.jlpanel\uff09\u3002\u8be5\u5468\u671f\u7684\u8bc4\u5206\u7ec6\u5219\u548c\u8003\u6838\u89c4\u5219\u90fd\u4fdd\u5b58\u5728\u8fd9\u4e2a\u6587\u4ef6\u4e2d\u3002", None))
        self.nameLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u8003\u6838\u5468\u671f\u540d\u79f0(&N)\uff1a", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("NewWorkspaceDialog", u"\u4f8b\u5982\uff1a2026\u5e74\u5ea6\u8003\u6838\u8bc4\u4ef7", None))
        self.periodLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u8003\u6838\u671f(&P)\uff1a", None))
        self.toLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u81f3", None))
        self.rubricLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u8bc4\u5206\u7ec6\u5219\uff1a", None))
        self.defaultRubricRadio.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u5185\u7f6e\u9ed8\u8ba4\u7ec6\u5219(&D)", None))
        self.fileRubricRadio.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u6307\u5b9a\u6587\u4ef6(&F)\uff1a", None))
        self.rubricPathEdit.setPlaceholderText(QCoreApplication.translate("NewWorkspaceDialog", u".toml \u6216 .json \u683c\u5f0f\u7684\u8bc4\u5206\u7ec6\u5219", None))
        self.rubricBrowseButton.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u9009\u62e9\u2026", None))
        self.languageLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u62a5\u544a\u4e0e\u5bfc\u51fa\u8bed\u8a00(&L)\uff1a", None))
        self.languageHint.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u8bc4\u4ef7\u62a5\u544a\u3001\u6c47\u603b\u8868\u7b49 PDF \u548c\u5bfc\u51fa\u7684\u5de5\u4f5c\u7c3f\u4f7f\u7528\u6b64\u8bed\u8a00", None))
        self.pathLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u4fdd\u5b58\u4e3a(&S)\uff1a", None))
        self.pathEdit.setPlaceholderText(QCoreApplication.translate("NewWorkspaceDialog", u"\u5de5\u4f5c\u533a\u6587\u4ef6\u7684\u4f4d\u7f6e\u548c\u540d\u79f0", None))
        self.pathBrowseButton.setText(QCoreApplication.translate("NewWorkspaceDialog", u"\u6d4f\u89c8\u2026", None))
    # retranslateUi

