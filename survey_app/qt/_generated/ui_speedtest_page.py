# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'speedtest_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QSizePolicy, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from survey_app.qt.widgets.elided_label import ElidedLabel

class Ui_SpeedTestPage(object):
    def setupUi(self, SpeedTestPage):
        if not SpeedTestPage.objectName():
            SpeedTestPage.setObjectName(u"SpeedTestPage")
        self.layout = QVBoxLayout(SpeedTestPage)
        self.layout.setObjectName(u"layout")
        self.sessionLabel = ElidedLabel(SpeedTestPage)
        self.sessionLabel.setObjectName(u"sessionLabel")
        self.sessionLabel.setStyleSheet(u"font-weight: bold;")

        self.layout.addWidget(self.sessionLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.interfaceLabel = QLabel(SpeedTestPage)
        self.interfaceLabel.setObjectName(u"interfaceLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.interfaceLabel)

        self.interfaceRow = QHBoxLayout()
        self.interfaceRow.setObjectName(u"interfaceRow")
        self.interfaceCombo = QComboBox(SpeedTestPage)
        self.interfaceCombo.setObjectName(u"interfaceCombo")
        self.interfaceCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.interfaceCombo.setMinimumContentsLength(30)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.interfaceCombo.sizePolicy().hasHeightForWidth())
        self.interfaceCombo.setSizePolicy(sizePolicy)

        self.interfaceRow.addWidget(self.interfaceCombo)

        self.refreshInterfacesButton = QPushButton(SpeedTestPage)
        self.refreshInterfacesButton.setObjectName(u"refreshInterfacesButton")

        self.interfaceRow.addWidget(self.refreshInterfacesButton)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.interfaceRow)

        self.serverLabel = QLabel(SpeedTestPage)
        self.serverLabel.setObjectName(u"serverLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.serverLabel)

        self.serverRow = QHBoxLayout()
        self.serverRow.setObjectName(u"serverRow")
        self.urlEdit = QLineEdit(SpeedTestPage)
        self.urlEdit.setObjectName(u"urlEdit")

        self.serverRow.addWidget(self.urlEdit)

        self.protocolCombo = QComboBox(SpeedTestPage)
        self.protocolCombo.setObjectName(u"protocolCombo")

        self.serverRow.addWidget(self.protocolCombo)

        self.findButton = QPushButton(SpeedTestPage)
        self.findButton.setObjectName(u"findButton")

        self.serverRow.addWidget(self.findButton)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.serverRow)

        self.durationLabel = QLabel(SpeedTestPage)
        self.durationLabel.setObjectName(u"durationLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.durationLabel)

        self.durationSpin = QDoubleSpinBox(SpeedTestPage)
        self.durationSpin.setObjectName(u"durationSpin")
        self.durationSpin.setDecimals(0)
        self.durationSpin.setMinimum(1.000000000000000)
        self.durationSpin.setMaximum(120.000000000000000)
        self.durationSpin.setMaximumSize(QSize(200, 16777215))

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.durationSpin)

        self.conditionsLabel = QLabel(SpeedTestPage)
        self.conditionsLabel.setObjectName(u"conditionsLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.conditionsLabel)

        self.conditionsRow = QHBoxLayout()
        self.conditionsRow.setObjectName(u"conditionsRow")

        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.conditionsRow)

        self.serverPositionLabel = QLabel(SpeedTestPage)
        self.serverPositionLabel.setObjectName(u"serverPositionLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.serverPositionLabel)

        self.serverPositionRow = QHBoxLayout()
        self.serverPositionRow.setObjectName(u"serverPositionRow")

        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.serverPositionRow)


        self.layout.addLayout(self.form)

        self.runRow = QHBoxLayout()
        self.runRow.setObjectName(u"runRow")
        self.startButton = QPushButton(SpeedTestPage)
        self.startButton.setObjectName(u"startButton")

        self.runRow.addWidget(self.startButton)

        self.cancelButton = QPushButton(SpeedTestPage)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setEnabled(False)

        self.runRow.addWidget(self.cancelButton)

        self.progress = QProgressBar(SpeedTestPage)
        self.progress.setObjectName(u"progress")
        self.progress.setMaximum(1000)
        self.progress.setValue(0)

        self.runRow.addWidget(self.progress)


        self.layout.addLayout(self.runRow)

        self.message = QLabel(SpeedTestPage)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.message.sizePolicy().hasHeightForWidth())
        self.message.setSizePolicy(sizePolicy1)

        self.layout.addWidget(self.message)

        self.splitter = QSplitter(SpeedTestPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.liveBox = QWidget(self.splitter)
        self.liveBox.setObjectName(u"liveBox")
        self.liveLayout = QHBoxLayout(self.liveBox)
        self.liveLayout.setObjectName(u"liveLayout")
        self.liveLayout.setContentsMargins(0, 0, 0, 0)
        self.plotBox = QWidget(self.liveBox)
        self.plotBox.setObjectName(u"plotBox")
        self.plotLayout = QVBoxLayout(self.plotBox)
        self.plotLayout.setObjectName(u"plotLayout")
        self.plotLayout.setContentsMargins(0, 0, 0, 0)
        self.plotLegend = QLabel(self.plotBox)
        self.plotLegend.setObjectName(u"plotLegend")
        self.plotLegend.setTextFormat(Qt.RichText)

        self.plotLayout.addWidget(self.plotLegend)


        self.liveLayout.addWidget(self.plotBox)

        self.resultCard = QGroupBox(self.liveBox)
        self.resultCard.setObjectName(u"resultCard")
        self.cardGrid = QGridLayout(self.resultCard)
        self.cardGrid.setObjectName(u"cardGrid")
        self.downloadTitle = QLabel(self.resultCard)
        self.downloadTitle.setObjectName(u"downloadTitle")

        self.cardGrid.addWidget(self.downloadTitle, 0, 0, 1, 1)

        self.downloadValue = QLabel(self.resultCard)
        self.downloadValue.setObjectName(u"downloadValue")
        self.downloadValue.setText(u"\u2013")

        self.cardGrid.addWidget(self.downloadValue, 0, 1, 1, 1)

        self.uploadTitle = QLabel(self.resultCard)
        self.uploadTitle.setObjectName(u"uploadTitle")

        self.cardGrid.addWidget(self.uploadTitle, 1, 0, 1, 1)

        self.uploadValue = QLabel(self.resultCard)
        self.uploadValue.setObjectName(u"uploadValue")
        self.uploadValue.setText(u"\u2013")

        self.cardGrid.addWidget(self.uploadValue, 1, 1, 1, 1)

        self.pingTitle = QLabel(self.resultCard)
        self.pingTitle.setObjectName(u"pingTitle")

        self.cardGrid.addWidget(self.pingTitle, 2, 0, 1, 1)

        self.pingValue = QLabel(self.resultCard)
        self.pingValue.setObjectName(u"pingValue")
        self.pingValue.setText(u"\u2013")

        self.cardGrid.addWidget(self.pingValue, 2, 1, 1, 1)

        self.jitterTitle = QLabel(self.resultCard)
        self.jitterTitle.setObjectName(u"jitterTitle")

        self.cardGrid.addWidget(self.jitterTitle, 3, 0, 1, 1)

        self.jitterValue = QLabel(self.resultCard)
        self.jitterValue.setObjectName(u"jitterValue")
        self.jitterValue.setText(u"\u2013")

        self.cardGrid.addWidget(self.jitterValue, 3, 1, 1, 1)

        self.loadedTitle = QLabel(self.resultCard)
        self.loadedTitle.setObjectName(u"loadedTitle")

        self.cardGrid.addWidget(self.loadedTitle, 4, 0, 1, 1)

        self.loadedValue = QLabel(self.resultCard)
        self.loadedValue.setObjectName(u"loadedValue")
        self.loadedValue.setText(u"\u2013")

        self.cardGrid.addWidget(self.loadedValue, 4, 1, 1, 1)

        self.dataTitle = QLabel(self.resultCard)
        self.dataTitle.setObjectName(u"dataTitle")

        self.cardGrid.addWidget(self.dataTitle, 5, 0, 1, 1)

        self.dataValue = QLabel(self.resultCard)
        self.dataValue.setObjectName(u"dataValue")
        self.dataValue.setText(u"\u2013")

        self.cardGrid.addWidget(self.dataValue, 5, 1, 1, 1)

        self.cardWhen = QLabel(self.resultCard)
        self.cardWhen.setObjectName(u"cardWhen")
        self.cardWhen.setWordWrap(True)
        self.cardWhen.setStyleSheet(u"color: #555;")

        self.cardGrid.addWidget(self.cardWhen, 6, 0, 1, 2)


        self.liveLayout.addWidget(self.resultCard)

        self.splitter.addWidget(self.liveBox)
        self.history = QTableWidget(self.splitter)
        if (self.history.columnCount() < 9):
            self.history.setColumnCount(9)
        __qtablewidgetitem = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(7, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(8, __qtablewidgetitem8)
        self.history.setObjectName(u"history")
        self.history.setTabKeyNavigation(False)
        self.history.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.history.setWordWrap(False)
        self.splitter.addWidget(self.history)
        self.history.verticalHeader().setVisible(False)

        self.layout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.interfaceLabel.setBuddy(self.interfaceCombo)
        self.serverLabel.setBuddy(self.urlEdit)
        self.durationLabel.setBuddy(self.durationSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SpeedTestPage)

        QMetaObject.connectSlotsByName(SpeedTestPage)
    # setupUi

    def retranslateUi(self, SpeedTestPage):
        self.interfaceLabel.setText(QCoreApplication.translate("SpeedTestPage", u"Connection to &measure:", None))
        self.refreshInterfacesButton.setText(QCoreApplication.translate("SpeedTestPage", u"Refresh", None))
        self.serverLabel.setText(QCoreApplication.translate("SpeedTestPage", u"&Server:", None))
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("SpeedTestPage", u"http://server/ (LibreSpeed) or http://server/speedtest/upload.php", None))
        self.findButton.setText(QCoreApplication.translate("SpeedTestPage", u"Find nearest speedtest.net server", None))
        self.durationLabel.setText(QCoreApplication.translate("SpeedTestPage", u"&Duration:", None))
        self.durationSpin.setSuffix(QCoreApplication.translate("SpeedTestPage", u" s each way", None))
        self.conditionsLabel.setText(QCoreApplication.translate("SpeedTestPage", u"Conditions:", None))
        self.serverPositionLabel.setText(QCoreApplication.translate("SpeedTestPage", u"Server position:", None))
        self.startButton.setText(QCoreApplication.translate("SpeedTestPage", u"&Start test", None))
        self.cancelButton.setText(QCoreApplication.translate("SpeedTestPage", u"&Cancel", None))
        self.resultCard.setTitle(QCoreApplication.translate("SpeedTestPage", u"Result", None))
        self.downloadTitle.setText(QCoreApplication.translate("SpeedTestPage", u"Download", None))
        self.uploadTitle.setText(QCoreApplication.translate("SpeedTestPage", u"Upload", None))
        self.pingTitle.setText(QCoreApplication.translate("SpeedTestPage", u"Idle latency", None))
        self.jitterTitle.setText(QCoreApplication.translate("SpeedTestPage", u"Jitter", None))
        self.loadedTitle.setText(QCoreApplication.translate("SpeedTestPage", u"Latency under load", None))
        self.dataTitle.setText(QCoreApplication.translate("SpeedTestPage", u"Data used", None))
        ___qtablewidgetitem = self.history.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SpeedTestPage", u"Time", None))
        ___qtablewidgetitem1 = self.history.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SpeedTestPage", u"Status", None))
        ___qtablewidgetitem2 = self.history.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SpeedTestPage", u"Download (Mbit/s)", None))
        ___qtablewidgetitem3 = self.history.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SpeedTestPage", u"Upload (Mbit/s)", None))
        ___qtablewidgetitem4 = self.history.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("SpeedTestPage", u"Latency (ms)", None))
        ___qtablewidgetitem5 = self.history.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("SpeedTestPage", u"Jitter (ms)", None))
        ___qtablewidgetitem6 = self.history.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("SpeedTestPage", u"Connection", None))
        ___qtablewidgetitem7 = self.history.horizontalHeaderItem(7)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("SpeedTestPage", u"Server", None))
        ___qtablewidgetitem8 = self.history.horizontalHeaderItem(8)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("SpeedTestPage", u"Reason", None))
        pass
    # retranslateUi

