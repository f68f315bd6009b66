# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'signal_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from survey_app.qt.widgets.elided_label import ElidedLabel

class Ui_SignalPage(object):
    def setupUi(self, SignalPage):
        if not SignalPage.objectName():
            SignalPage.setObjectName(u"SignalPage")
        self.layout = QVBoxLayout(SignalPage)
        self.layout.setObjectName(u"layout")
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.heading = QLabel(SignalPage)
        self.heading.setObjectName(u"heading")
        self.heading.setStyleSheet(u"font-size: 15px; font-weight: bold;")

        self.bar.addWidget(self.heading)

        self.portCombo = QComboBox(SignalPage)
        self.portCombo.setObjectName(u"portCombo")
        self.portCombo.setEditable(True)
        self.portCombo.setMinimumSize(QSize(200, 0))

        self.bar.addWidget(self.portCombo)

        self.addButton = QPushButton(SignalPage)
        self.addButton.setObjectName(u"addButton")

        self.bar.addWidget(self.addButton)

        self.findButton = QPushButton(SignalPage)
        self.findButton.setObjectName(u"findButton")

        self.bar.addWidget(self.findButton)

        self.removeButton = QPushButton(SignalPage)
        self.removeButton.setObjectName(u"removeButton")

        self.bar.addWidget(self.removeButton)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bar.addItem(self.barSpacer)

        self.everyLabel = QLabel(SignalPage)
        self.everyLabel.setObjectName(u"everyLabel")

        self.bar.addWidget(self.everyLabel)

        self.intervalSpin = QDoubleSpinBox(SignalPage)
        self.intervalSpin.setObjectName(u"intervalSpin")
        self.intervalSpin.setDecimals(1)
        self.intervalSpin.setMinimum(0.500000000000000)
        self.intervalSpin.setMaximum(60.000000000000000)
        self.intervalSpin.setSingleStep(0.500000000000000)

        self.bar.addWidget(self.intervalSpin)

        self.logButton = QPushButton(SignalPage)
        self.logButton.setObjectName(u"logButton")
        self.logButton.setCheckable(True)

        self.bar.addWidget(self.logButton)


        self.layout.addLayout(self.bar)

        self.logLabel = ElidedLabel(SignalPage)
        self.logLabel.setObjectName(u"logLabel")

        self.layout.addWidget(self.logLabel)

        self.splitter = QSplitter(SignalPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableWidget(self.splitter)
        if (self.table.columnCount() < 9):
            self.table.setColumnCount(9)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(7, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(8, __qtablewidgetitem8)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setMinimumSize(QSize(0, 70))
        self.splitter.addWidget(self.table)
        self.table.verticalHeader().setVisible(False)
        self.plotBox = QWidget(self.splitter)
        self.plotBox.setObjectName(u"plotBox")
        self.plotLayout = QVBoxLayout(self.plotBox)
        self.plotLayout.setObjectName(u"plotLayout")
        self.plotLayout.setContentsMargins(0, 0, 0, 0)
        self.plotLegend = QLabel(self.plotBox)
        self.plotLegend.setObjectName(u"plotLegend")
        self.plotLegend.setTextFormat(Qt.RichText)

        self.plotLayout.addWidget(self.plotLegend)

        self.splitter.addWidget(self.plotBox)

        self.layout.addWidget(self.splitter)

        self.gpsRow = QHBoxLayout()
        self.gpsRow.setObjectName(u"gpsRow")
        self.gpsLabel = ElidedLabel(SignalPage)
        self.gpsLabel.setObjectName(u"gpsLabel")

        self.gpsRow.addWidget(self.gpsLabel)

        self.manualButton = QPushButton(SignalPage)
        self.manualButton.setObjectName(u"manualButton")

        self.gpsRow.addWidget(self.manualButton)

        self.gpsRow.setStretch(0, 1)

        self.layout.addLayout(self.gpsRow)

#if QT_CONFIG(shortcut)
        self.everyLabel.setBuddy(self.intervalSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SignalPage)

        QMetaObject.connectSlotsByName(SignalPage)
    # setupUi

    def retranslateUi(self, SignalPage):
        self.heading.setText(QCoreApplication.translate("SignalPage", u"Modems and GPS", None))
        self.addButton.setText(QCoreApplication.translate("SignalPage", u"&Add modem", None))
        self.findButton.setText(QCoreApplication.translate("SignalPage", u"&Find devices", None))
        self.removeButton.setText(QCoreApplication.translate("SignalPage", u"&Remove", None))
        self.everyLabel.setText(QCoreApplication.translate("SignalPage", u"E&very", None))
        self.intervalSpin.setSuffix(QCoreApplication.translate("SignalPage", u" s", None))
        self.logButton.setText(QCoreApplication.translate("SignalPage", u"Start &logging", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SignalPage", u"Port", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SignalPage", u"Modem", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SignalPage", u"Operator", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SignalPage", u"Technology", None))
        ___qtablewidgetitem4 = self.table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("SignalPage", u"Band", None))
        ___qtablewidgetitem5 = self.table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("SignalPage", u"Cell", None))
        ___qtablewidgetitem6 = self.table.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("SignalPage", u"Signal", None))
        ___qtablewidgetitem7 = self.table.horizontalHeaderItem(7)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("SignalPage", u"Quality", None))
        ___qtablewidgetitem8 = self.table.horizontalHeaderItem(8)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("SignalPage", u"State", None))
        self.gpsLabel.setText(QCoreApplication.translate("SignalPage", u"GPS: none", None))
        self.manualButton.setText(QCoreApplication.translate("SignalPage", u"Set position by &hand\u2026", None))
        pass
    # retranslateUi

