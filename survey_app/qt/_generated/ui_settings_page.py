# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        self.pageLayout = QVBoxLayout(SettingsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.scroll = QScrollArea(SettingsPage)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.inner = QWidget()
        self.inner.setObjectName(u"inner")
        self.layout = QVBoxLayout(self.inner)
        self.layout.setObjectName(u"layout")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.peopleBox = QGroupBox(self.inner)
        self.peopleBox.setObjectName(u"peopleBox")
        self.peopleForm = QFormLayout(self.peopleBox)
        self.peopleForm.setObjectName(u"peopleForm")
        self.surveyorLabel = QLabel(self.peopleBox)
        self.surveyorLabel.setObjectName(u"surveyorLabel")

        self.peopleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.surveyorLabel)

        self.surveyorEdit = QLineEdit(self.peopleBox)
        self.surveyorEdit.setObjectName(u"surveyorEdit")

        self.peopleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.surveyorEdit)

        self.teamLabel = QLabel(self.peopleBox)
        self.teamLabel.setObjectName(u"teamLabel")

        self.peopleForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.teamLabel)

        self.teamEdit = QLineEdit(self.peopleBox)
        self.teamEdit.setObjectName(u"teamEdit")

        self.peopleForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.teamEdit)

        self.languageLabel = QLabel(self.peopleBox)
        self.languageLabel.setObjectName(u"languageLabel")

        self.peopleForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.peopleBox)
        self.languageCombo.setObjectName(u"languageCombo")

        self.peopleForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.languageCombo)


        self.leftColumn.addWidget(self.peopleBox)

        self.gradingBox = QGroupBox(self.inner)
        self.gradingBox.setObjectName(u"gradingBox")
        self.gradingForm = QFormLayout(self.gradingBox)
        self.gradingForm.setObjectName(u"gradingForm")

        self.leftColumn.addWidget(self.gradingBox)


        self.columns.addLayout(self.leftColumn)

        self.devicesBox = QGroupBox(self.inner)
        self.devicesBox.setObjectName(u"devicesBox")
        self.devicesForm = QFormLayout(self.devicesBox)
        self.devicesForm.setObjectName(u"devicesForm")
        self.speedServerLabel = QLabel(self.devicesBox)
        self.speedServerLabel.setObjectName(u"speedServerLabel")

        self.devicesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.speedServerLabel)

        self.speedServerEdit = QLineEdit(self.devicesBox)
        self.speedServerEdit.setObjectName(u"speedServerEdit")

        self.devicesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.speedServerEdit)

        self.speedProtocolLabel = QLabel(self.devicesBox)
        self.speedProtocolLabel.setObjectName(u"speedProtocolLabel")

        self.devicesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.speedProtocolLabel)

        self.speedProtocolCombo = QComboBox(self.devicesBox)
        self.speedProtocolCombo.setObjectName(u"speedProtocolCombo")

        self.devicesForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.speedProtocolCombo)

        self.modemPortLabel = QLabel(self.devicesBox)
        self.modemPortLabel.setObjectName(u"modemPortLabel")

        self.devicesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.modemPortLabel)

        self.modemPortEdit = QLineEdit(self.devicesBox)
        self.modemPortEdit.setObjectName(u"modemPortEdit")

        self.devicesForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.modemPortEdit)

        self.gpsPortLabel = QLabel(self.devicesBox)
        self.gpsPortLabel.setObjectName(u"gpsPortLabel")

        self.devicesForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.gpsPortLabel)

        self.gpsPortEdit = QLineEdit(self.devicesBox)
        self.gpsPortEdit.setObjectName(u"gpsPortEdit")

        self.devicesForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.gpsPortEdit)

        self.intervalLabel = QLabel(self.devicesBox)
        self.intervalLabel.setObjectName(u"intervalLabel")

        self.devicesForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.intervalLabel)

        self.intervalSpin = QDoubleSpinBox(self.devicesBox)
        self.intervalSpin.setObjectName(u"intervalSpin")
        self.intervalSpin.setMaximumSize(QSize(160, 16777215))
        self.intervalSpin.setMinimum(0.500000000000000)
        self.intervalSpin.setMaximum(60.000000000000000)
        self.intervalSpin.setSuffix(u" s")

        self.devicesForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.intervalSpin)

        self.retentionLabel = QLabel(self.devicesBox)
        self.retentionLabel.setObjectName(u"retentionLabel")

        self.devicesForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.retentionLabel)

        self.retentionSpin = QSpinBox(self.devicesBox)
        self.retentionSpin.setObjectName(u"retentionSpin")
        self.retentionSpin.setMaximumSize(QSize(160, 16777215))
        self.retentionSpin.setMaximum(3650)

        self.devicesForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.retentionSpin)

        self.syncUrlLabel = QLabel(self.devicesBox)
        self.syncUrlLabel.setObjectName(u"syncUrlLabel")

        self.devicesForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.syncUrlLabel)

        self.syncUrlEdit = QLineEdit(self.devicesBox)
        self.syncUrlEdit.setObjectName(u"syncUrlEdit")

        self.devicesForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.syncUrlEdit)


        self.columns.addWidget(self.devicesBox)


        self.layout.addLayout(self.columns)

        self.panelsLayout = QVBoxLayout()
        self.panelsLayout.setObjectName(u"panelsLayout")

        self.layout.addLayout(self.panelsLayout)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.saveButton = QPushButton(self.inner)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)

        self.savedLabel = QLabel(self.inner)
        self.savedLabel.setObjectName(u"savedLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.savedLabel.sizePolicy().hasHeightForWidth())
        self.savedLabel.setSizePolicy(sizePolicy)

        self.saveRow.addWidget(self.savedLabel)

        self.saveRow.setStretch(1, 1)

        self.layout.addLayout(self.saveRow)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottomSpacer)

        self.scroll.setWidget(self.inner)

        self.pageLayout.addWidget(self.scroll)

#if QT_CONFIG(shortcut)
        self.surveyorLabel.setBuddy(self.surveyorEdit)
        self.teamLabel.setBuddy(self.teamEdit)
        self.languageLabel.setBuddy(self.languageCombo)
        self.speedServerLabel.setBuddy(self.speedServerEdit)
        self.speedProtocolLabel.setBuddy(self.speedProtocolCombo)
        self.modemPortLabel.setBuddy(self.modemPortEdit)
        self.gpsPortLabel.setBuddy(self.gpsPortEdit)
        self.intervalLabel.setBuddy(self.intervalSpin)
        self.retentionLabel.setBuddy(self.retentionSpin)
        self.syncUrlLabel.setBuddy(self.syncUrlEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.peopleBox.setTitle(QCoreApplication.translate("SettingsPage", u"Surveyor", None))
        self.surveyorLabel.setText(QCoreApplication.translate("SettingsPage", u"&Name:", None))
        self.teamLabel.setText(QCoreApplication.translate("SettingsPage", u"&Team:", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsPage", u"&Language:", None))
        self.gradingBox.setTitle(QCoreApplication.translate("SettingsPage", u"Signal grading (excellent / good / fair; below is poor)", None))
        self.devicesBox.setTitle(QCoreApplication.translate("SettingsPage", u"Devices and servers", None))
        self.speedServerLabel.setText(QCoreApplication.translate("SettingsPage", u"Speed-test &server:", None))
        self.speedServerEdit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"empty: nearest speedtest.net server", None))
        self.speedProtocolLabel.setText(QCoreApplication.translate("SettingsPage", u"Speed-test &protocol:", None))
        self.modemPortLabel.setText(QCoreApplication.translate("SettingsPage", u"&Modem port:", None))
        self.modemPortEdit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"empty: find modems automatically", None))
        self.gpsPortLabel.setText(QCoreApplication.translate("SettingsPage", u"&GPS port:", None))
        self.intervalLabel.setText(QCoreApplication.translate("SettingsPage", u"Signal logging &interval:", None))
        self.retentionLabel.setText(QCoreApplication.translate("SettingsPage", u"Keep personal data for:", None))
        self.retentionSpin.setSuffix(QCoreApplication.translate("SettingsPage", u" days", None))
        self.retentionSpin.setSpecialValueText(QCoreApplication.translate("SettingsPage", u"no reminder", None))
        self.syncUrlLabel.setText(QCoreApplication.translate("SettingsPage", u"Central system &URL:", None))
        self.saveButton.setText(QCoreApplication.translate("SettingsPage", u"&Save settings", None))
        pass
    # retranslateUi

