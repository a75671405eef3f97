# Generated from ui/settings_dialog.ui by tools/build_ui.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication,
    QButtonGroup, QCheckBox, QComboBox, QDialog,
    QDialogButtonBox, QDoubleSpinBox, QFormLayout, QFrame,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QRadioButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSpinBox, QTabWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(1000, 620)
        self.dialogLayout = QVBoxLayout(SettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.tabs = QTabWidget(SettingsDialog)
        self.tabs.setObjectName(u"tabs")
        self.languagePage = QWidget()
        self.languagePage.setObjectName(u"languagePage")
        self.languageLayout = QVBoxLayout(self.languagePage)
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageLabel = QLabel(self.languagePage)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageLayout.addWidget(self.languageLabel)

        self.zhRadio = QRadioButton(self.languagePage)
        self.languageGroup = QButtonGroup(SettingsDialog)
        self.languageGroup.setObjectName(u"languageGroup")
        self.languageGroup.addButton(self.zhRadio)
        self.zhRadio.setObjectName(u"zhRadio")
        self.zhRadio.setText(u"\u4e2d\u6587")

        self.languageLayout.addWidget(self.zhRadio)

        self.enRadio = QRadioButton(self.languagePage)
        self.languageGroup.addButton(self.enRadio)
        self.enRadio.setObjectName(u"enRadio")
        self.enRadio.setText(u"English")

        self.languageLayout.addWidget(self.enRadio)

        self.languageGap = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.languageLayout.addItem(self.languageGap)

        self.languageNote = QLabel(self.languagePage)
        self.languageNote.setObjectName(u"languageNote")
        self.languageNote.setWordWrap(True)

        self.languageLayout.addWidget(self.languageNote)

        self.languageStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.languageLayout.addItem(self.languageStretch)

        self.languageLayout.setStretch(5, 1)
        self.tabs.addTab(self.languagePage, "")
        self.backupPage = QWidget()
        self.backupPage.setObjectName(u"backupPage")
        self.backupLayout = QVBoxLayout(self.backupPage)
        self.backupLayout.setObjectName(u"backupLayout")
        self.backupForm = QFormLayout()
        self.backupForm.setObjectName(u"backupForm")
        self.backupFolderLabel = QLabel(self.backupPage)
        self.backupFolderLabel.setObjectName(u"backupFolderLabel")

        self.backupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.backupFolderLabel)

        self.backupFolder = QWidget(self.backupPage)
        self.backupFolder.setObjectName(u"backupFolder")
        self.backupFolderLayout = QHBoxLayout(self.backupFolder)
        self.backupFolderLayout.setObjectName(u"backupFolderLayout")
        self.backupFolderLayout.setContentsMargins(0, 0, 0, 0)
        self.backupFolderEdit = QLineEdit(self.backupFolder)
        self.backupFolderEdit.setObjectName(u"backupFolderEdit")
        self.backupFolderEdit.setClearButtonEnabled(True)

        self.backupFolderLayout.addWidget(self.backupFolderEdit)

        self.backupBrowseButton = QPushButton(self.backupFolder)
        self.backupBrowseButton.setObjectName(u"backupBrowseButton")

        self.backupFolderLayout.addWidget(self.backupBrowseButton)

        self.backupFolderLayout.setStretch(0, 1)

        self.backupForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.backupFolder)

        self.backupCountLabel = QLabel(self.backupPage)
        self.backupCountLabel.setObjectName(u"backupCountLabel")

        self.backupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.backupCountLabel)

        self.backupCountSpin = QSpinBox(self.backupPage)
        self.backupCountSpin.setObjectName(u"backupCountSpin")
        self.backupCountSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.backupCountSpin.setAccelerated(True)

        self.backupForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.backupCountSpin)


        self.backupLayout.addLayout(self.backupForm)

        self.backupGap = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.backupLayout.addItem(self.backupGap)

        self.backupNote = QLabel(self.backupPage)
        self.backupNote.setObjectName(u"backupNote")
        self.backupNote.setWordWrap(True)

        self.backupLayout.addWidget(self.backupNote)

        self.backupStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.backupLayout.addItem(self.backupStretch)

        self.backupLayout.setStretch(3, 1)
        self.tabs.addTab(self.backupPage, "")
        self.exportPage = QWidget()
        self.exportPage.setObjectName(u"exportPage")
        self.exportLayout = QVBoxLayout(self.exportPage)
        self.exportLayout.setObjectName(u"exportLayout")
        self.exportForm = QFormLayout()
        self.exportForm.setObjectName(u"exportForm")
        self.exportFolderLabel = QLabel(self.exportPage)
        self.exportFolderLabel.setObjectName(u"exportFolderLabel")

        self.exportForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.exportFolderLabel)

        self.exportFolder = QWidget(self.exportPage)
        self.exportFolder.setObjectName(u"exportFolder")
        self.exportFolderLayout = QHBoxLayout(self.exportFolder)
        self.exportFolderLayout.setObjectName(u"exportFolderLayout")
        self.exportFolderLayout.setContentsMargins(0, 0, 0, 0)
        self.exportFolderEdit = QLineEdit(self.exportFolder)
        self.exportFolderEdit.setObjectName(u"exportFolderEdit")
        self.exportFolderEdit.setClearButtonEnabled(True)

        self.exportFolderLayout.addWidget(self.exportFolderEdit)

        self.exportBrowseButton = QPushButton(self.exportFolder)
        self.exportBrowseButton.setObjectName(u"exportBrowseButton")

        self.exportFolderLayout.addWidget(self.exportBrowseButton)

        self.exportFolderLayout.setStretch(0, 1)

        self.exportForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.exportFolder)


        self.exportLayout.addLayout(self.exportForm)

        self.exportGap = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.exportLayout.addItem(self.exportGap)

        self.exportNote = QLabel(self.exportPage)
        self.exportNote.setObjectName(u"exportNote")
        self.exportNote.setWordWrap(True)

        self.exportLayout.addWidget(self.exportNote)

        self.exportStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.exportLayout.addItem(self.exportStretch)

        self.exportLayout.setStretch(3, 1)
        self.tabs.addTab(self.exportPage, "")
        self.rulesPage = QWidget()
        self.rulesPage.setObjectName(u"rulesPage")
        self.rulesLayout = QVBoxLayout(self.rulesPage)
        self.rulesLayout.setObjectName(u"rulesLayout")
        self.rulesNote = QLabel(self.rulesPage)
        self.rulesNote.setObjectName(u"rulesNote")
        self.rulesNote.setWordWrap(True)

        self.rulesLayout.addWidget(self.rulesNote)

        self.rulesBody = QHBoxLayout()
        self.rulesBody.setObjectName(u"rulesBody")
        self.rulesScroll = QScrollArea(self.rulesPage)
        self.rulesScroll.setObjectName(u"rulesScroll")
        self.rulesScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rulesScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rulesScroll.setWidgetResizable(True)
        self.rulesEditors = QWidget()
        self.rulesEditors.setObjectName(u"rulesEditors")
        self.rulesEditorsLayout = QVBoxLayout(self.rulesEditors)
        self.rulesEditorsLayout.setObjectName(u"rulesEditorsLayout")
        self.scoreBox = QGroupBox(self.rulesEditors)
        self.scoreBox.setObjectName(u"scoreBox")
        self.scoreForm = QFormLayout(self.scoreBox)
        self.scoreForm.setObjectName(u"scoreForm")
        self.policyLabel = QLabel(self.scoreBox)
        self.policyLabel.setObjectName(u"policyLabel")

        self.scoreForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.policyLabel)

        self.policyCombo = QComboBox(self.scoreBox)
        self.policyCombo.setObjectName(u"policyCombo")
        self.policyCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.scoreForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.policyCombo)

        self.trimLabel = QLabel(self.scoreBox)
        self.trimLabel.setObjectName(u"trimLabel")

        self.scoreForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.trimLabel)

        self.trimSpin = QSpinBox(self.scoreBox)
        self.trimSpin.setObjectName(u"trimSpin")
        self.trimSpin.setMinimum(3)
        self.trimSpin.setMaximum(99)
        self.trimSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.trimSpin.setAccelerated(True)

        self.scoreForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.trimSpin)

        self.rangeLabel = QLabel(self.scoreBox)
        self.rangeLabel.setObjectName(u"rangeLabel")

        self.scoreForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.rangeLabel)

        self.rangeSpin = QDoubleSpinBox(self.scoreBox)
        self.rangeSpin.setObjectName(u"rangeSpin")
        self.rangeSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.rangeSpin.setAccelerated(True)
        self.rangeSpin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.rangeSpin.setDecimals(1)
        self.rangeSpin.setMinimum(0.000000000000000)
        self.rangeSpin.setMaximum(100.000000000000000)
        self.rangeSpin.setSingleStep(1.000000000000000)

        self.scoreForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.rangeSpin)

        self.medianLabel = QLabel(self.scoreBox)
        self.medianLabel.setObjectName(u"medianLabel")

        self.scoreForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.medianLabel)

        self.medianSpin = QDoubleSpinBox(self.scoreBox)
        self.medianSpin.setObjectName(u"medianSpin")
        self.medianSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.medianSpin.setAccelerated(True)
        self.medianSpin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.medianSpin.setDecimals(1)
        self.medianSpin.setMinimum(0.000000000000000)
        self.medianSpin.setMaximum(100.000000000000000)
        self.medianSpin.setSingleStep(1.000000000000000)

        self.scoreForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.medianSpin)

        self.minScoresLabel = QLabel(self.scoreBox)
        self.minScoresLabel.setObjectName(u"minScoresLabel")

        self.scoreForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.minScoresLabel)

        self.minScoresSpin = QSpinBox(self.scoreBox)
        self.minScoresSpin.setObjectName(u"minScoresSpin")
        self.minScoresSpin.setMinimum(1)
        self.minScoresSpin.setMaximum(99)
        self.minScoresSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.minScoresSpin.setAccelerated(True)

        self.scoreForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.minScoresSpin)

        self.decimalsLabel = QLabel(self.scoreBox)
        self.decimalsLabel.setObjectName(u"decimalsLabel")

        self.scoreForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.decimalsLabel)

        self.decimalsSpin = QSpinBox(self.scoreBox)
        self.decimalsSpin.setObjectName(u"decimalsSpin")
        self.decimalsSpin.setMinimum(0)
        self.decimalsSpin.setMaximum(4)
        self.decimalsSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.decimalsSpin.setAccelerated(True)

        self.scoreForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.decimalsSpin)


        self.rulesEditorsLayout.addWidget(self.scoreBox)

        self.gradesBox = QGroupBox(self.rulesEditors)
        self.gradesBox.setObjectName(u"gradesBox")
        self.gradesForm = QFormLayout(self.gradesBox)
        self.gradesForm.setObjectName(u"gradesForm")
        self.excellentLabel = QLabel(self.gradesBox)
        self.excellentLabel.setObjectName(u"excellentLabel")
        self.excellentLabel.setText(u"\u2014")

        self.gradesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.excellentLabel)

        self.excellentSpin = QDoubleSpinBox(self.gradesBox)
        self.excellentSpin.setObjectName(u"excellentSpin")
        self.excellentSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.excellentSpin.setAccelerated(True)
        self.excellentSpin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.excellentSpin.setDecimals(2)
        self.excellentSpin.setMinimum(0.000000000000000)
        self.excellentSpin.setMaximum(100.000000000000000)
        self.excellentSpin.setSingleStep(1.000000000000000)

        self.gradesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.excellentSpin)

        self.goodLabel = QLabel(self.gradesBox)
        self.goodLabel.setObjectName(u"goodLabel")
        self.goodLabel.setText(u"\u2014")

        self.gradesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.goodLabel)

        self.goodSpin = QDoubleSpinBox(self.gradesBox)
        self.goodSpin.setObjectName(u"goodSpin")
        self.goodSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.goodSpin.setAccelerated(True)
        self.goodSpin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.goodSpin.setDecimals(2)
        self.goodSpin.setMinimum(0.000000000000000)
        self.goodSpin.setMaximum(100.000000000000000)
        self.goodSpin.setSingleStep(1.000000000000000)

        self.gradesForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.goodSpin)

        self.passLabel = QLabel(self.gradesBox)
        self.passLabel.setObjectName(u"passLabel")
        self.passLabel.setText(u"\u2014")

        self.gradesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passLabel)

        self.passSpin = QDoubleSpinBox(self.gradesBox)
        self.passSpin.setObjectName(u"passSpin")
        self.passSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.passSpin.setAccelerated(True)
        self.passSpin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.passSpin.setDecimals(2)
        self.passSpin.setMinimum(0.000000000000000)
        self.passSpin.setMaximum(100.000000000000000)
        self.passSpin.setSingleStep(1.000000000000000)

        self.gradesForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passSpin)

        self.quotaLabel = QLabel(self.gradesBox)
        self.quotaLabel.setObjectName(u"quotaLabel")

        self.gradesForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.quotaLabel)

        self.quotaSpin = QDoubleSpinBox(self.gradesBox)
        self.quotaSpin.setObjectName(u"quotaSpin")
        self.quotaSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.quotaSpin.setAccelerated(True)
        self.quotaSpin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.quotaSpin.setDecimals(1)
        self.quotaSpin.setMinimum(0.000000000000000)
        self.quotaSpin.setMaximum(100.000000000000000)
        self.quotaSpin.setSingleStep(5.000000000000000)

        self.gradesForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.quotaSpin)

        self.floorLabel = QLabel(self.gradesBox)
        self.floorLabel.setObjectName(u"floorLabel")

        self.gradesForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.floorLabel)

        self.floorSpin = QDoubleSpinBox(self.gradesBox)
        self.floorSpin.setObjectName(u"floorSpin")
        self.floorSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.floorSpin.setAccelerated(True)
        self.floorSpin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.floorSpin.setDecimals(1)
        self.floorSpin.setMinimum(0.000000000000000)
        self.floorSpin.setMaximum(100.000000000000000)
        self.floorSpin.setSingleStep(5.000000000000000)

        self.gradesForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.floorSpin)

        self.floorGradeLabel = QLabel(self.gradesBox)
        self.floorGradeLabel.setObjectName(u"floorGradeLabel")

        self.gradesForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.floorGradeLabel)

        self.floorGradeCombo = QComboBox(self.gradesBox)
        self.floorGradeCombo.setObjectName(u"floorGradeCombo")
        self.floorGradeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.gradesForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.floorGradeCombo)

        self.tieLabel = QLabel(self.gradesBox)
        self.tieLabel.setObjectName(u"tieLabel")

        self.gradesForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.tieLabel)

        self.tieCombo = QComboBox(self.gradesBox)
        self.tieCombo.setObjectName(u"tieCombo")
        self.tieCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.gradesForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.tieCombo)

        self.vetoLabel = QLabel(self.gradesBox)
        self.vetoLabel.setObjectName(u"vetoLabel")

        self.gradesForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.vetoLabel)

        self.vetoSpin = QSpinBox(self.gradesBox)
        self.vetoSpin.setObjectName(u"vetoSpin")
        self.vetoSpin.setMinimum(1)
        self.vetoSpin.setMaximum(99)
        self.vetoSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.vetoSpin.setAccelerated(True)

        self.gradesForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.vetoSpin)


        self.rulesEditorsLayout.addWidget(self.gradesBox)

        self.fundingBox = QGroupBox(self.rulesEditors)
        self.fundingBox.setObjectName(u"fundingBox")
        self.fundingForm = QFormLayout(self.fundingBox)
        self.fundingForm.setObjectName(u"fundingForm")
        self.fundingLabel = QLabel(self.fundingBox)
        self.fundingLabel.setObjectName(u"fundingLabel")

        self.fundingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fundingLabel)

        self.fundingRow = QWidget(self.fundingBox)
        self.fundingRow.setObjectName(u"fundingRow")
        self.fundingRowLayout = QHBoxLayout(self.fundingRow)
        self.fundingRowLayout.setObjectName(u"fundingRowLayout")
        self.fundingRowLayout.setContentsMargins(0, 0, 0, 0)
        self.fundingExcellentCheck = QCheckBox(self.fundingRow)
        self.fundingExcellentCheck.setObjectName(u"fundingExcellentCheck")
        self.fundingExcellentCheck.setText(u"\u2014")

        self.fundingRowLayout.addWidget(self.fundingExcellentCheck)

        self.fundingGoodCheck = QCheckBox(self.fundingRow)
        self.fundingGoodCheck.setObjectName(u"fundingGoodCheck")
        self.fundingGoodCheck.setText(u"\u2014")

        self.fundingRowLayout.addWidget(self.fundingGoodCheck)

        self.fundingPassCheck = QCheckBox(self.fundingRow)
        self.fundingPassCheck.setObjectName(u"fundingPassCheck")
        self.fundingPassCheck.setText(u"\u2014")

        self.fundingRowLayout.addWidget(self.fundingPassCheck)

        self.fundingFailCheck = QCheckBox(self.fundingRow)
        self.fundingFailCheck.setObjectName(u"fundingFailCheck")
        self.fundingFailCheck.setText(u"\u2014")

        self.fundingRowLayout.addWidget(self.fundingFailCheck)

        self.fundingRowStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fundingRowLayout.addItem(self.fundingRowStretch)

        self.fundingRowLayout.setStretch(4, 1)

        self.fundingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fundingRow)

        self.budgetLabel = QLabel(self.fundingBox)
        self.budgetLabel.setObjectName(u"budgetLabel")

        self.fundingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.budgetLabel)

        self.budgetSpin = QDoubleSpinBox(self.fundingBox)
        self.budgetSpin.setObjectName(u"budgetSpin")
        self.budgetSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.budgetSpin.setAccelerated(True)
        self.budgetSpin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.budgetSpin.setDecimals(2)
        self.budgetSpin.setMinimum(0.000000000000000)
        self.budgetSpin.setMaximum(1000000.000000000000000)
        self.budgetSpin.setSingleStep(10.000000000000000)

        self.fundingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.budgetSpin)

        self.splitLabel = QLabel(self.fundingBox)
        self.splitLabel.setObjectName(u"splitLabel")

        self.fundingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.splitLabel)

        self.splitCombo = QComboBox(self.fundingBox)
        self.splitCombo.setObjectName(u"splitCombo")
        self.splitCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.fundingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.splitCombo)

        self.weightsLabel = QLabel(self.fundingBox)
        self.weightsLabel.setObjectName(u"weightsLabel")

        self.fundingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.weightsLabel)

        self.weightsRow = QWidget(self.fundingBox)
        self.weightsRow.setObjectName(u"weightsRow")
        self.weightsRowLayout = QHBoxLayout(self.weightsRow)
        self.weightsRowLayout.setObjectName(u"weightsRowLayout")
        self.weightsRowLayout.setContentsMargins(0, 0, 0, 0)
        self.weightExcellentLabel = QLabel(self.weightsRow)
        self.weightExcellentLabel.setObjectName(u"weightExcellentLabel")
        self.weightExcellentLabel.setText(u"\u2014")

        self.weightsRowLayout.addWidget(self.weightExcellentLabel)

        self.weightExcellentSpin = QDoubleSpinBox(self.weightsRow)
        self.weightExcellentSpin.setObjectName(u"weightExcellentSpin")
        self.weightExcellentSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.weightExcellentSpin.setAccelerated(True)
        self.weightExcellentSpin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.weightExcellentSpin.setDecimals(2)
        self.weightExcellentSpin.setMinimum(0.000000000000000)
        self.weightExcellentSpin.setMaximum(10.000000000000000)
        self.weightExcellentSpin.setSingleStep(0.100000000000000)

        self.weightsRowLayout.addWidget(self.weightExcellentSpin)

        self.weightGoodLabel = QLabel(self.weightsRow)
        self.weightGoodLabel.setObjectName(u"weightGoodLabel")
        self.weightGoodLabel.setText(u"\u2014")

        self.weightsRowLayout.addWidget(self.weightGoodLabel)

        self.weightGoodSpin = QDoubleSpinBox(self.weightsRow)
        self.weightGoodSpin.setObjectName(u"weightGoodSpin")
        self.weightGoodSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.weightGoodSpin.setAccelerated(True)
        self.weightGoodSpin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.weightGoodSpin.setDecimals(2)
        self.weightGoodSpin.setMinimum(0.000000000000000)
        self.weightGoodSpin.setMaximum(10.000000000000000)
        self.weightGoodSpin.setSingleStep(0.100000000000000)

        self.weightsRowLayout.addWidget(self.weightGoodSpin)

        self.weightsRowStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.weightsRowLayout.addItem(self.weightsRowStretch)

        self.weightsRowLayout.setStretch(4, 1)

        self.fundingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.weightsRow)

        self.monthsLabel = QLabel(self.fundingBox)
        self.monthsLabel.setObjectName(u"monthsLabel")

        self.fundingForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.monthsLabel)

        self.monthsSpin = QSpinBox(self.fundingBox)
        self.monthsSpin.setObjectName(u"monthsSpin")
        self.monthsSpin.setMinimum(1)
        self.monthsSpin.setMaximum(60)
        self.monthsSpin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.monthsSpin.setAccelerated(True)

        self.fundingForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.monthsSpin)


        self.rulesEditorsLayout.addWidget(self.fundingBox)

        self.rulesEditorsStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rulesEditorsLayout.addItem(self.rulesEditorsStretch)

        self.rulesEditorsLayout.setStretch(3, 1)
        self.rulesScroll.setWidget(self.rulesEditors)

        self.rulesBody.addWidget(self.rulesScroll)

        self.meaningLayout = QVBoxLayout()
        self.meaningLayout.setObjectName(u"meaningLayout")
        self.meaningLabel = QLabel(self.rulesPage)
        self.meaningLabel.setObjectName(u"meaningLabel")

        self.meaningLayout.addWidget(self.meaningLabel)

        self.meaningTable = QTableView(self.rulesPage)
        self.meaningTable.setObjectName(u"meaningTable")
        self.meaningTable.setMinimumSize(QSize(330, 0))
        self.meaningTable.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.meaningTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.meaningTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.meaningTable.setWordWrap(True)
        self.meaningTable.verticalHeader().setVisible(False)

        self.meaningLayout.addWidget(self.meaningTable)

        self.meaningLayout.setStretch(1, 1)

        self.rulesBody.addLayout(self.meaningLayout)

        self.rulesBody.setStretch(1, 1)

        self.rulesLayout.addLayout(self.rulesBody)

        self.restoreLayout = QHBoxLayout()
        self.restoreLayout.setObjectName(u"restoreLayout")
        self.restoreButton = QPushButton(self.rulesPage)
        self.restoreButton.setObjectName(u"restoreButton")

        self.restoreLayout.addWidget(self.restoreButton)

        self.restoreStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.restoreLayout.addItem(self.restoreStretch)

        self.restoreLayout.setStretch(1, 1)

        self.rulesLayout.addLayout(self.restoreLayout)

        self.rulesLayout.setStretch(1, 1)
        self.tabs.addTab(self.rulesPage, "")

        self.dialogLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Apply|QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.zhRadio)
        self.backupFolderLabel.setBuddy(self.backupFolderEdit)
        self.backupCountLabel.setBuddy(self.backupCountSpin)
        self.exportFolderLabel.setBuddy(self.exportFolderEdit)
        self.policyLabel.setBuddy(self.policyCombo)
        self.trimLabel.setBuddy(self.trimSpin)
        self.rangeLabel.setBuddy(self.rangeSpin)
        self.medianLabel.setBuddy(self.medianSpin)
        self.minScoresLabel.setBuddy(self.minScoresSpin)
        self.decimalsLabel.setBuddy(self.decimalsSpin)
        self.excellentLabel.setBuddy(self.excellentSpin)
        self.goodLabel.setBuddy(self.goodSpin)
        self.passLabel.setBuddy(self.passSpin)
        self.quotaLabel.setBuddy(self.quotaSpin)
        self.floorLabel.setBuddy(self.floorSpin)
        self.floorGradeLabel.setBuddy(self.floorGradeCombo)
        self.tieLabel.setBuddy(self.tieCombo)
        self.vetoLabel.setBuddy(self.vetoSpin)
        self.fundingLabel.setBuddy(self.fundingExcellentCheck)
        self.budgetLabel.setBuddy(self.budgetSpin)
        self.splitLabel.setBuddy(self.splitCombo)
        self.weightsLabel.setBuddy(self.weightExcellentSpin)
        self.weightExcellentLabel.setBuddy(self.weightExcellentSpin)
        self.weightGoodLabel.setBuddy(self.weightGoodSpin)
        self.monthsLabel.setBuddy(self.monthsSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.zhRadio)
        QWidget.setTabOrder(self.zhRadio, self.enRadio)
        QWidget.setTabOrder(self.enRadio, self.backupFolderEdit)
        QWidget.setTabOrder(self.backupFolderEdit, self.backupBrowseButton)
        QWidget.setTabOrder(self.backupBrowseButton, self.backupCountSpin)
        QWidget.setTabOrder(self.backupCountSpin, self.exportFolderEdit)
        QWidget.setTabOrder(self.exportFolderEdit, self.exportBrowseButton)
        QWidget.setTabOrder(self.exportBrowseButton, self.rulesScroll)
        QWidget.setTabOrder(self.rulesScroll, self.policyCombo)
        QWidget.setTabOrder(self.policyCombo, self.trimSpin)
        QWidget.setTabOrder(self.trimSpin, self.rangeSpin)
        QWidget.setTabOrder(self.rangeSpin, self.medianSpin)
        QWidget.setTabOrder(self.medianSpin, self.minScoresSpin)
        QWidget.setTabOrder(self.minScoresSpin, self.decimalsSpin)
        QWidget.setTabOrder(self.decimalsSpin, self.excellentSpin)
        QWidget.setTabOrder(self.excellentSpin, self.goodSpin)
        QWidget.setTabOrder(self.goodSpin, self.passSpin)
        QWidget.setTabOrder(self.passSpin, self.quotaSpin)
        QWidget.setTabOrder(self.quotaSpin, self.floorSpin)
        QWidget.setTabOrder(self.floorSpin, self.floorGradeCombo)
        QWidget.setTabOrder(self.floorGradeCombo, self.tieCombo)
        QWidget.setTabOrder(self.tieCombo, self.vetoSpin)
        QWidget.setTabOrder(self.vetoSpin, self.fundingExcellentCheck)
        QWidget.setTabOrder(self.fundingExcellentCheck, self.fundingGoodCheck)
        QWidget.setTabOrder(self.fundingGoodCheck, self.fundingPassCheck)
        QWidget.setTabOrder(self.fundingPassCheck, self.fundingFailCheck)
        QWidget.setTabOrder(self.fundingFailCheck, self.budgetSpin)
        QWidget.setTabOrder(self.budgetSpin, self.splitCombo)
        QWidget.setTabOrder(self.splitCombo, self.weightExcellentSpin)
        QWidget.setTabOrder(self.weightExcellentSpin, self.weightGoodSpin)
        QWidget.setTabOrder(self.weightGoodSpin, self.monthsSpin)
        QWidget.setTabOrder(self.monthsSpin, self.restoreButton)
        QWidget.setTabOrder(self.restoreButton, self.meaningTable)

        self.retranslateUi(SettingsDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\u8bbe\u7f6e", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u754c\u9762\u8bed\u8a00(&L)\uff1a", None))
        self.languageNote.setText(QCoreApplication.translate("SettingsDialog", u"\u6309\u201c\u786e\u5b9a\u201d\u6216\u201c\u5e94\u7528\u201d\u540e\u7acb\u5373\u5207\u6362\uff0c\u547d\u4ee4\u884c\u7684\u63d0\u793a\u4e5f\u4f7f\u7528\u8fd9\u79cd\u8bed\u8a00\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.languagePage), QCoreApplication.translate("SettingsDialog", u"\u8bed\u8a00", None))
        self.backupFolderLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u5907\u4efd\u6587\u4ef6\u5939(&F)\uff1a", None))
        self.backupBrowseButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6d4f\u89c8(&B)\u2026", None))
        self.backupCountLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6bcf\u7c7b\u5907\u4efd\u4fdd\u7559(&K)\uff1a", None))
        self.backupNote.setText(QCoreApplication.translate("SettingsDialog", u"\u6253\u5f00\u5de5\u4f5c\u533a\u3001\u5bfc\u5165\u6750\u6599\u3001\u5bfc\u5165\u4e13\u5bb6\u540d\u5355\u3001\u5408\u5e76\u8bc4\u5206\u3001\u786e\u5b9a\u7ed3\u679c\u548c\u5347\u7ea7\u5de5\u4f5c\u533a\u4e4b\u524d\uff0c\u90fd\u4f1a\u5148\u628a\u5de5\u4f5c\u533a\u5907\u4efd\u5230\u8fd9\u4e2a\u6587\u4ef6\u5939\uff08\u6bcf\u4e2a\u8003\u6838\u5468\u671f\u4e00\u4e2a\u5b50\u6587\u4ef6\u5939\uff09\uff0c\u5e76\u7acb\u5373\u6821\u9a8c\u5907\u4efd\u3002\u6bcf\u7c7b\u5907\u4efd\u5404\u4fdd\u7559\u4e0a\u9762\u7684\u4efd\u6570\uff0c\u8d85\u8fc7\u65f6\u5220\u9664\u8be5\u7c7b\u6700\u65e7\u7684\u4e00\u4efd\uff1b\u6700\u65b0\u4e00\u4efd\u6821\u9a8c\u901a\u8fc7\u7684\u5907\u4efd\u59cb\u7ec8\u4fdd\u7559\u3002\u53ea\u67e5\u770b\u7ed3\u679c\u3001\u5bfc\u51fa\u548c\u751f\u6210\u62a5\u544a\u65f6\u4e0d\u5907\u4efd\u3002\u7559\u7a7a\u5219\u4f7f\u7528\u4e0a\u9762\u7070\u8272\u663e\u793a\u7684\u9ed8\u8ba4\u6587\u4ef6\u5939\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.backupPage), QCoreApplication.translate("SettingsDialog", u"\u5907\u4efd", None))
        self.exportFolderLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u9ed8\u8ba4\u5bfc\u51fa\u6587\u4ef6\u5939(&E)\uff1a", None))
        self.exportFolderEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5de5\u4f5c\u533a\u6240\u5728\u7684\u6587\u4ef6\u5939", None))
        self.exportBrowseButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6d4f\u89c8(&B)\u2026", None))
        self.exportNote.setText(QCoreApplication.translate("SettingsDialog", u"\u751f\u6210\u8bc4\u5ba1\u62a5\u544a\u548c\u5bfc\u51fa\u8003\u6838\u7ed3\u679c\u65f6\uff0c\u5148\u6253\u5f00\u8fd9\u4e2a\u6587\u4ef6\u5939\uff1b\u672c\u6b21\u8fd0\u884c\u4e2d\u9009\u8fc7\u522b\u7684\u6587\u4ef6\u5939\u540e\uff0c\u6539\u7528\u6700\u8fd1\u4e00\u6b21\u9009\u7684\u3002\u7559\u7a7a\u5219\u4f7f\u7528\u5de5\u4f5c\u533a\u6240\u5728\u7684\u6587\u4ef6\u5939\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.exportPage), QCoreApplication.translate("SettingsDialog", u"\u5bfc\u51fa", None))
        self.rulesNote.setText(QCoreApplication.translate("SettingsDialog", u"\u65b0\u5efa\u7684\u8003\u6838\u5468\u671f\u5de5\u4f5c\u533a\u4ece\u8fd9\u4e9b\u89c4\u5219\u5f00\u59cb\uff08\u56fe\u5f62\u754c\u9762\u548c jlpanel new \u90fd\u4e00\u6837\uff09\u3002\u5df2\u6709\u7684\u5de5\u4f5c\u533a\u4fdd\u7559\u5404\u81ea\u7684\u89c4\u5219\uff0c\u4e0d\u53d7\u5f71\u54cd\u3002", None))
        self.scoreBox.setTitle(QCoreApplication.translate("SettingsDialog", u"\u5e73\u53f0\u5f97\u5206", None))
        self.policyLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u8ba1\u5206\u65b9\u6cd5(&M)\uff1a", None))
        self.trimLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u622a\u5c3e\u8d77\u59cb\u4eba\u6570(&T)\uff1a", None))
        self.rangeLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u5206\u6b67\u63d0\u793a\uff1a\u603b\u5206\u6781\u5dee >(&J)", None))
        self.medianLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u5206\u6b67\u63d0\u793a\uff1a\u504f\u79bb\u4e2d\u4f4d\u6570 >(&Z)", None))
        self.minScoresLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6700\u5c11\u6709\u6548\u8bc4\u5206(&V)\uff1a", None))
        self.decimalsLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u5f97\u5206\u5c0f\u6570\u4f4d(&X)\uff1a", None))
        self.gradesBox.setTitle(QCoreApplication.translate("SettingsDialog", u"\u7b49\u6b21", None))
        self.quotaLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u4f18\u79c0\u6bd4\u4f8b\u4e0a\u9650(&Q)\uff1a", None))
        self.floorLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u5206\u533a\u4e0b\u9650(&F)\uff1a", None))
        self.floorGradeLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u672a\u8fbe\u5206\u533a\u4e0b\u9650\u65f6\u6700\u9ad8(&G)\uff1a", None))
        self.tieLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u540c\u5206\u65f6\u6309\u6b64\u5206\u533a\u6392\u5e8f(&S)\uff1a", None))
        self.vetoLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u4e00\u7968\u5426\u51b3\u6210\u7acb\u4eba\u6570(&O)\uff1a", None))
        self.fundingBox.setTitle(QCoreApplication.translate("SettingsDialog", u"\u540e\u8865\u52a9\u4e0e\u6574\u6539", None))
        self.fundingLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u540e\u8865\u52a9\u5019\u9009(&C)\uff1a", None))
        self.budgetLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u540e\u8865\u52a9\u9884\u7b97(&U)\uff1a", None))
        self.splitLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u5206\u914d\u65b9\u5f0f(&W)\uff1a", None))
        self.weightsLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6863\u6b21\u6743\u91cd(&I)\uff1a", None))
        self.monthsLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6574\u6539\u671f\u9650(&N)\uff1a", None))
        self.meaningLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u8fd9\u4e9b\u89c4\u5219\u7684\u542b\u4e49\uff1a", None))
#if QT_CONFIG(tooltip)
        self.restoreButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u628a\u65b0\u5468\u671f\u9ed8\u8ba4\u89c4\u5219\u6062\u590d\u4e3a\u7701\u91cc\u7684\u9ed8\u8ba4\u89c4\u5219", None))
#endif // QT_CONFIG(tooltip)
        self.restoreButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6062\u590d\u9ed8\u8ba4(&R)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rulesPage), QCoreApplication.translate("SettingsDialog", u"\u65b0\u5468\u671f\u9ed8\u8ba4\u89c4\u5219", None))
    # retranslateUi

