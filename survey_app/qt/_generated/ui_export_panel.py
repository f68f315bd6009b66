# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QProgressBar, QPushButton, QRadioButton, QSizePolicy, QVBoxLayout)

class Ui_ExportPanel(object):
    def setupUi(self, ExportPanel):
        if not ExportPanel.objectName():
            ExportPanel.setObjectName(u"ExportPanel")
        self.layout = QVBoxLayout(ExportPanel)
        self.layout.setObjectName(u"layout")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.whatBox = QGroupBox(ExportPanel)
        self.whatBox.setObjectName(u"whatBox")
        self.whatLayout = QVBoxLayout(self.whatBox)
        self.whatLayout.setObjectName(u"whatLayout")
        self.formatRow = QHBoxLayout()
        self.formatRow.setObjectName(u"formatRow")
        self.csvRadio = QRadioButton(self.whatBox)
        self.csvRadio.setObjectName(u"csvRadio")
        self.csvRadio.setChecked(True)

        self.formatRow.addWidget(self.csvRadio)

        self.geojsonRadio = QRadioButton(self.whatBox)
        self.geojsonRadio.setObjectName(u"geojsonRadio")

        self.formatRow.addWidget(self.geojsonRadio)

        self.gpkgRadio = QRadioButton(self.whatBox)
        self.gpkgRadio.setObjectName(u"gpkgRadio")

        self.formatRow.addWidget(self.gpkgRadio)


        self.whatLayout.addLayout(self.formatRow)

        self.layerList = QListWidget(self.whatBox)
        self.layerList.setObjectName(u"layerList")

        self.whatLayout.addWidget(self.layerList)


        self.top.addWidget(self.whatBox)

        self.filtersBox = QGroupBox(ExportPanel)
        self.filtersBox.setObjectName(u"filtersBox")
        self.filtersForm = QFormLayout(self.filtersBox)
        self.filtersForm.setObjectName(u"filtersForm")
        self.unitsLabel = QLabel(self.filtersBox)
        self.unitsLabel.setObjectName(u"unitsLabel")

        self.filtersForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitsLabel)

        self.unitList = QListWidget(self.filtersBox)
        self.unitList.setObjectName(u"unitList")

        self.filtersForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unitList)

        self.datesLabel = QLabel(self.filtersBox)
        self.datesLabel.setObjectName(u"datesLabel")

        self.filtersForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.datesLabel)

        self.dates = QGridLayout()
        self.dates.setObjectName(u"dates")
        self.fromCheck = QCheckBox(self.filtersBox)
        self.fromCheck.setObjectName(u"fromCheck")

        self.dates.addWidget(self.fromCheck, 0, 0, 1, 1)

        self.fromDate = QDateEdit(self.filtersBox)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setCalendarPopup(True)
        self.fromDate.setDisplayFormat(u"dd/MM/yyyy")
        self.fromDate.setEnabled(False)

        self.dates.addWidget(self.fromDate, 0, 1, 1, 1)

        self.toCheck = QCheckBox(self.filtersBox)
        self.toCheck.setObjectName(u"toCheck")

        self.dates.addWidget(self.toCheck, 0, 2, 1, 1)

        self.toDate = QDateEdit(self.filtersBox)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setCalendarPopup(True)
        self.toDate.setDisplayFormat(u"dd/MM/yyyy")
        self.toDate.setEnabled(False)

        self.dates.addWidget(self.toDate, 0, 3, 1, 1)


        self.filtersForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.dates)

        self.teamLabel = QLabel(self.filtersBox)
        self.teamLabel.setObjectName(u"teamLabel")

        self.filtersForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.teamLabel)

        self.teamCombo = QComboBox(self.filtersBox)
        self.teamCombo.setObjectName(u"teamCombo")

        self.filtersForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.teamCombo)

        self.approvedCheck = QCheckBox(self.filtersBox)
        self.approvedCheck.setObjectName(u"approvedCheck")

        self.filtersForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.approvedCheck)


        self.top.addWidget(self.filtersBox)


        self.layout.addLayout(self.top)

        self.privacyBox = QGroupBox(ExportPanel)
        self.privacyBox.setObjectName(u"privacyBox")
        self.privacyLayout = QGridLayout(self.privacyBox)
        self.privacyLayout.setObjectName(u"privacyLayout")
        self.personalCheck = QCheckBox(self.privacyBox)
        self.personalCheck.setObjectName(u"personalCheck")

        self.privacyLayout.addWidget(self.personalCheck, 0, 0, 1, 1)

        self.preciseCheck = QCheckBox(self.privacyBox)
        self.preciseCheck.setObjectName(u"preciseCheck")

        self.privacyLayout.addWidget(self.preciseCheck, 0, 1, 1, 1)

        self.personalNote = QLabel(self.privacyBox)
        self.personalNote.setObjectName(u"personalNote")
        self.personalNote.setWordWrap(True)
        self.personalNote.setStyleSheet(u"margin-left: 22px; font-style: italic;")

        self.privacyLayout.addWidget(self.personalNote, 1, 0, 1, 1)

        self.preciseNote = QLabel(self.privacyBox)
        self.preciseNote.setObjectName(u"preciseNote")
        self.preciseNote.setWordWrap(True)
        self.preciseNote.setStyleSheet(u"margin-left: 22px; font-style: italic;")

        self.privacyLayout.addWidget(self.preciseNote, 1, 1, 1, 1)


        self.layout.addWidget(self.privacyBox)

        self.out = QHBoxLayout()
        self.out.setObjectName(u"out")
        self.folderLabel = QLabel(ExportPanel)
        self.folderLabel.setObjectName(u"folderLabel")

        self.out.addWidget(self.folderLabel)

        self.folderEdit = QLineEdit(ExportPanel)
        self.folderEdit.setObjectName(u"folderEdit")

        self.out.addWidget(self.folderEdit)

        self.browseButton = QPushButton(ExportPanel)
        self.browseButton.setObjectName(u"browseButton")

        self.out.addWidget(self.browseButton)

        self.zipCheck = QCheckBox(ExportPanel)
        self.zipCheck.setObjectName(u"zipCheck")

        self.out.addWidget(self.zipCheck)


        self.layout.addLayout(self.out)

        self.run = QHBoxLayout()
        self.run.setObjectName(u"run")
        self.exportButton = QPushButton(ExportPanel)
        self.exportButton.setObjectName(u"exportButton")

        self.run.addWidget(self.exportButton)

        self.cancelButton = QPushButton(ExportPanel)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setEnabled(False)

        self.run.addWidget(self.cancelButton)

        self.progress = QProgressBar(ExportPanel)
        self.progress.setObjectName(u"progress")
        self.progress.setMaximum(1000)
        self.progress.setValue(0)

        self.run.addWidget(self.progress)

        self.openButton = QPushButton(ExportPanel)
        self.openButton.setObjectName(u"openButton")
        self.openButton.setEnabled(False)

        self.run.addWidget(self.openButton)


        self.layout.addLayout(self.run)

        self.statusLabel = QLabel(ExportPanel)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.statusLabel.sizePolicy().hasHeightForWidth())
        self.statusLabel.setSizePolicy(sizePolicy)

        self.layout.addWidget(self.statusLabel)

#if QT_CONFIG(shortcut)
        self.unitsLabel.setBuddy(self.unitList)
        self.teamLabel.setBuddy(self.teamCombo)
        self.folderLabel.setBuddy(self.folderEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExportPanel)

        QMetaObject.connectSlotsByName(ExportPanel)
    # setupUi

    def retranslateUi(self, ExportPanel):
        self.whatBox.setTitle(QCoreApplication.translate("ExportPanel", u"What to export", None))
        self.csvRadio.setText(QCoreApplication.translate("ExportPanel", u"CSV (Excel, LibreOffice)", None))
        self.geojsonRadio.setText(QCoreApplication.translate("ExportPanel", u"GeoJSON (QGIS, maps)", None))
        self.gpkgRadio.setText(QCoreApplication.translate("ExportPanel", u"GeoPackage (QGIS, one file)", None))
#if QT_CONFIG(tooltip)
        self.gpkgRadio.setToolTip(QCoreApplication.translate("ExportPanel", u"One survey.gpkg file with every layer, the unit boundaries and the coverage hexagons", None))
#endif // QT_CONFIG(tooltip)
        self.filtersBox.setTitle(QCoreApplication.translate("ExportPanel", u"Filters", None))
        self.unitsLabel.setText(QCoreApplication.translate("ExportPanel", u"Wards/communes:", None))
#if QT_CONFIG(tooltip)
        self.unitList.setToolTip(QCoreApplication.translate("ExportPanel", u"Tick units to export only them; none ticked means every unit.", None))
#endif // QT_CONFIG(tooltip)
        self.datesLabel.setText(QCoreApplication.translate("ExportPanel", u"Dates (Hu\u1ebf time):", None))
        self.fromCheck.setText(QCoreApplication.translate("ExportPanel", u"From", None))
        self.toCheck.setText(QCoreApplication.translate("ExportPanel", u"To", None))
        self.teamLabel.setText(QCoreApplication.translate("ExportPanel", u"Team:", None))
        self.approvedCheck.setText(QCoreApplication.translate("ExportPanel", u"Only approved sessions", None))
        self.privacyBox.setTitle(QCoreApplication.translate("ExportPanel", u"Personal data", None))
        self.personalCheck.setText(QCoreApplication.translate("ExportPanel", u"Include names and phone numbers", None))
        self.preciseCheck.setText(QCoreApplication.translate("ExportPanel", u"Precise household locations", None))
        self.personalNote.setText(QCoreApplication.translate("ExportPanel", u"Left out by default: respondents' and members' names, phone numbers, surveyors' names and free-text notes. Include them only if the receiver is allowed to hold personal data.", None))
        self.preciseNote.setText(QCoreApplication.translate("ExportPanel", u"By default, positions of households (and of speed tests taken at a household) are rounded to about 100 m, so a home cannot be found from the file. Signal readings keep their exact position.", None))
        self.folderLabel.setText(QCoreApplication.translate("ExportPanel", u"Output folder:", None))
        self.browseButton.setText(QCoreApplication.translate("ExportPanel", u"Choose\u2026", None))
        self.zipCheck.setText(QCoreApplication.translate("ExportPanel", u"One .zip archive", None))
        self.exportButton.setText(QCoreApplication.translate("ExportPanel", u"Export", None))
        self.cancelButton.setText(QCoreApplication.translate("ExportPanel", u"Cancel", None))
        self.openButton.setText(QCoreApplication.translate("ExportPanel", u"Open folder", None))
        pass
    # retranslateUi

