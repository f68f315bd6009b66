# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout)

from survey_app.qt.widgets.elided_label import ElidedLabel

class Ui_SyncPanel(object):
    def setupUi(self, SyncPanel):
        if not SyncPanel.objectName():
            SyncPanel.setObjectName(u"SyncPanel")
        self.layout = QVBoxLayout(SyncPanel)
        self.layout.setObjectName(u"layout")
        self.setupBox = QGroupBox(SyncPanel)
        self.setupBox.setObjectName(u"setupBox")
        self.setupForm = QFormLayout(self.setupBox)
        self.setupForm.setObjectName(u"setupForm")
        self.urlLabel = QLabel(self.setupBox)
        self.urlLabel.setObjectName(u"urlLabel")

        self.setupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(self.setupBox)
        self.urlEdit.setObjectName(u"urlEdit")
        self.urlEdit.setPlaceholderText(u"https://sync.example.gov.vn")

        self.setupForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.urlEdit)

        self.tokenLabel = QLabel(self.setupBox)
        self.tokenLabel.setObjectName(u"tokenLabel")

        self.setupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.tokenLabel)

        self.tokenEdit = QLineEdit(self.setupBox)
        self.tokenEdit.setObjectName(u"tokenEdit")
        self.tokenEdit.setEchoMode(QLineEdit.Password)

        self.setupForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.tokenEdit)

        self.caLabel = QLabel(self.setupBox)
        self.caLabel.setObjectName(u"caLabel")

        self.setupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.caLabel)

        self.caRow = QHBoxLayout()
        self.caRow.setObjectName(u"caRow")
        self.caEdit = QLineEdit(self.setupBox)
        self.caEdit.setObjectName(u"caEdit")

        self.caRow.addWidget(self.caEdit)

        self.caButton = QPushButton(self.setupBox)
        self.caButton.setObjectName(u"caButton")

        self.caRow.addWidget(self.caButton)


        self.setupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.caRow)

        self.autoCheck = QCheckBox(self.setupBox)
        self.autoCheck.setObjectName(u"autoCheck")

        self.setupForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.autoCheck)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.saveButton = QPushButton(self.setupBox)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)

        self.tokenWhere = ElidedLabel(self.setupBox)
        self.tokenWhere.setObjectName(u"tokenWhere")

        self.saveRow.addWidget(self.tokenWhere)

        self.saveRow.setStretch(1, 1)

        self.setupForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.saveRow)


        self.layout.addWidget(self.setupBox)

        self.runBox = QGroupBox(SyncPanel)
        self.runBox.setObjectName(u"runBox")
        self.runLayout = QVBoxLayout(self.runBox)
        self.runLayout.setObjectName(u"runLayout")
        self.countsLabel = QLabel(self.runBox)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setStyleSheet(u"font-weight: bold;")

        self.runLayout.addWidget(self.countsLabel)

        self.lastLabel = QLabel(self.runBox)
        self.lastLabel.setObjectName(u"lastLabel")
        self.lastLabel.setWordWrap(True)

        self.runLayout.addWidget(self.lastLabel)

        self.syncRow = QHBoxLayout()
        self.syncRow.setObjectName(u"syncRow")
        self.syncButton = QPushButton(self.runBox)
        self.syncButton.setObjectName(u"syncButton")

        self.syncRow.addWidget(self.syncButton)

        self.retryButton = QPushButton(self.runBox)
        self.retryButton.setObjectName(u"retryButton")
        self.retryButton.setEnabled(False)

        self.syncRow.addWidget(self.retryButton)

        self.cancelButton = QPushButton(self.runBox)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setEnabled(False)

        self.syncRow.addWidget(self.cancelButton)

        self.progress = QProgressBar(self.runBox)
        self.progress.setObjectName(u"progress")
        self.progress.setFormat(u"%v / %m")
        self.progress.setTextVisible(False)
        self.progress.setMaximum(1)
        self.progress.setValue(0)

        self.syncRow.addWidget(self.progress)


        self.runLayout.addLayout(self.syncRow)

        self.resultLabel = QLabel(self.runBox)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.resultLabel.sizePolicy().hasHeightForWidth())
        self.resultLabel.setSizePolicy(sizePolicy)

        self.runLayout.addWidget(self.resultLabel)

        self.bundleRow = QHBoxLayout()
        self.bundleRow.setObjectName(u"bundleRow")
        self.exportButton = QPushButton(self.runBox)
        self.exportButton.setObjectName(u"exportButton")

        self.bundleRow.addWidget(self.exportButton)

        self.sessionOnly = QCheckBox(self.runBox)
        self.sessionOnly.setObjectName(u"sessionOnly")

        self.bundleRow.addWidget(self.sessionOnly)

        self.bundleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bundleRow.addItem(self.bundleSpacer)

        self.importButton = QPushButton(self.runBox)
        self.importButton.setObjectName(u"importButton")

        self.bundleRow.addWidget(self.importButton)


        self.runLayout.addLayout(self.bundleRow)


        self.layout.addWidget(self.runBox)

        self.recordsBox = QGroupBox(SyncPanel)
        self.recordsBox.setObjectName(u"recordsBox")
        self.recordsLayout = QVBoxLayout(self.recordsBox)
        self.recordsLayout.setObjectName(u"recordsLayout")
        self.recordsBar = QHBoxLayout()
        self.recordsBar.setObjectName(u"recordsBar")
        self.showLabel = QLabel(self.recordsBox)
        self.showLabel.setObjectName(u"showLabel")

        self.recordsBar.addWidget(self.showLabel)

        self.stateCombo = QComboBox(self.recordsBox)
        self.stateCombo.setObjectName(u"stateCombo")

        self.recordsBar.addWidget(self.stateCombo)

        self.tableCombo = QComboBox(self.recordsBox)
        self.tableCombo.setObjectName(u"tableCombo")

        self.recordsBar.addWidget(self.tableCombo)

        self.recordsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recordsBar.addItem(self.recordsSpacer)


        self.recordsLayout.addLayout(self.recordsBar)

        self.view = QTableView(self.recordsBox)
        self.view.setObjectName(u"view")
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)

        self.recordsLayout.addWidget(self.view)


        self.layout.addWidget(self.recordsBox)

#if QT_CONFIG(shortcut)
        self.urlLabel.setBuddy(self.urlEdit)
        self.tokenLabel.setBuddy(self.tokenEdit)
        self.caLabel.setBuddy(self.caEdit)
        self.showLabel.setBuddy(self.stateCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SyncPanel)

        QMetaObject.connectSlotsByName(SyncPanel)
    # setupUi

    def retranslateUi(self, SyncPanel):
        self.setupBox.setTitle(QCoreApplication.translate("SyncPanel", u"Central system", None))
        self.urlLabel.setText(QCoreApplication.translate("SyncPanel", u"Server &address:", None))
        self.tokenLabel.setText(QCoreApplication.translate("SyncPanel", u"Device &token:", None))
        self.caLabel.setText(QCoreApplication.translate("SyncPanel", u"CA certificate file:", None))
        self.caEdit.setPlaceholderText(QCoreApplication.translate("SyncPanel", u"only for the city's own certificate authority", None))
        self.caButton.setText(QCoreApplication.translate("SyncPanel", u"Choose\u2026", None))
        self.autoCheck.setText(QCoreApplication.translate("SyncPanel", u"Sync automatically when the server can be reached", None))
        self.saveButton.setText(QCoreApplication.translate("SyncPanel", u"Save settings", None))
        self.runBox.setTitle(QCoreApplication.translate("SyncPanel", u"Sync", None))
        self.syncButton.setText(QCoreApplication.translate("SyncPanel", u"Sync now", None))
        self.retryButton.setText(QCoreApplication.translate("SyncPanel", u"Send rejected again", None))
#if QT_CONFIG(tooltip)
        self.retryButton.setToolTip(QCoreApplication.translate("SyncPanel", u"Once the cause is fixed, send the records the central system rejected once more", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("SyncPanel", u"Cancel", None))
        self.exportButton.setText(QCoreApplication.translate("SyncPanel", u"&Write bundle file\u2026", None))
        self.sessionOnly.setText(QCoreApplication.translate("SyncPanel", u"only the current session", None))
        self.importButton.setText(QCoreApplication.translate("SyncPanel", u"&Import bundle file\u2026", None))
        self.recordsBox.setTitle(QCoreApplication.translate("SyncPanel", u"Records", None))
        self.showLabel.setText(QCoreApplication.translate("SyncPanel", u"Show:", None))
        pass
    # retranslateUi

