# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_HouseholdPage(object):
    def setupUi(self, HouseholdPage):
        if not HouseholdPage.objectName():
            HouseholdPage.setObjectName(u"HouseholdPage")
        self.pageLayout = QVBoxLayout(HouseholdPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(HouseholdPage)
        self.stack.setObjectName(u"stack")
        self.listPage = QWidget()
        self.listPage.setObjectName(u"listPage")
        self.listLayout = QVBoxLayout(self.listPage)
        self.listLayout.setObjectName(u"listLayout")
        self.heading = QLabel(self.listPage)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet(u"font-weight: bold; font-size: 13pt;")

        self.listLayout.addWidget(self.heading)

        self.table = QTableWidget(self.listPage)
        if (self.table.columnCount() < 7):
            self.table.setColumnCount(7)
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
        self.table.setObjectName(u"table")
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)

        self.listLayout.addWidget(self.table)

        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.newButton = QPushButton(self.listPage)
        self.newButton.setObjectName(u"newButton")

        self.actions.addWidget(self.newButton)

        self.openButton = QPushButton(self.listPage)
        self.openButton.setObjectName(u"openButton")

        self.actions.addWidget(self.openButton)

        self.deleteButton = QPushButton(self.listPage)
        self.deleteButton.setObjectName(u"deleteButton")

        self.actions.addWidget(self.deleteButton)

        self.formsButton = QPushButton(self.listPage)
        self.formsButton.setObjectName(u"formsButton")

        self.actions.addWidget(self.formsButton)

        self.message = QLabel(self.listPage)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.message.sizePolicy().hasHeightForWidth())
        self.message.setSizePolicy(sizePolicy)

        self.actions.addWidget(self.message)


        self.listLayout.addLayout(self.actions)

        self.stack.addWidget(self.listPage)

        self.pageLayout.addWidget(self.stack)


        self.retranslateUi(HouseholdPage)

        QMetaObject.connectSlotsByName(HouseholdPage)
    # setupUi

    def retranslateUi(self, HouseholdPage):
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("HouseholdPage", u"Status", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("HouseholdPage", u"Hamlet", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("HouseholdPage", u"Respondent", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("HouseholdPage", u"Members", None))
        ___qtablewidgetitem4 = self.table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("HouseholdPage", u"Started", None))
        ___qtablewidgetitem5 = self.table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("HouseholdPage", u"Speed tests", None))
        ___qtablewidgetitem6 = self.table.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("HouseholdPage", u"Questionnaire", None))
        self.newButton.setText(QCoreApplication.translate("HouseholdPage", u"&New interview", None))
        self.openButton.setText(QCoreApplication.translate("HouseholdPage", u"&Open", None))
        self.deleteButton.setText(QCoreApplication.translate("HouseholdPage", u"Delete draft", None))
        self.formsButton.setText(QCoreApplication.translate("HouseholdPage", u"&Questionnaires\u2026", None))
        pass
    # retranslateUi

