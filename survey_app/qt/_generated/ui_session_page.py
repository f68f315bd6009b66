# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout)

class Ui_SessionPage(object):
    def setupUi(self, SessionPage):
        if not SessionPage.objectName():
            SessionPage.setObjectName(u"SessionPage")
        self.layout = QVBoxLayout(SessionPage)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(SessionPage)
        self.heading.setObjectName(u"heading")
        self.heading.setStyleSheet(u"font-size: 15px; font-weight: bold;")

        self.layout.addWidget(self.heading)

        self.table = QTableWidget(SessionPage)
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
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)

        self.layout.addWidget(self.table)

        self.note = QLabel(SessionPage)
        self.note.setObjectName(u"note")

        self.layout.addWidget(self.note)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.newButton = QPushButton(SessionPage)
        self.newButton.setObjectName(u"newButton")

        self.buttons.addWidget(self.newButton)

        self.useButton = QPushButton(SessionPage)
        self.useButton.setObjectName(u"useButton")

        self.buttons.addWidget(self.useButton)

        self.closeButton = QPushButton(SessionPage)
        self.closeButton.setObjectName(u"closeButton")

        self.buttons.addWidget(self.closeButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)


        self.layout.addLayout(self.buttons)


        self.retranslateUi(SessionPage)

        QMetaObject.connectSlotsByName(SessionPage)
    # setupUi

    def retranslateUi(self, SessionPage):
        self.heading.setText(QCoreApplication.translate("SessionPage", u"Survey sessions on this laptop", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SessionPage", u"Unit", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SessionPage", u"Team", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SessionPage", u"Surveyors", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SessionPage", u"Started", None))
        ___qtablewidgetitem4 = self.table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("SessionPage", u"Closed", None))
        ___qtablewidgetitem5 = self.table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("SessionPage", u"Status", None))
        ___qtablewidgetitem6 = self.table.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("SessionPage", u"Speed tests", None))
        ___qtablewidgetitem7 = self.table.horizontalHeaderItem(7)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("SessionPage", u"Signal readings", None))
        ___qtablewidgetitem8 = self.table.horizontalHeaderItem(8)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("SessionPage", u"Households", None))
        self.newButton.setText(QCoreApplication.translate("SessionPage", u"&New session\u2026", None))
        self.useButton.setText(QCoreApplication.translate("SessionPage", u"&Continue this session", None))
        self.closeButton.setText(QCoreApplication.translate("SessionPage", u"C&lose this session", None))
        pass
    # retranslateUi

