# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_forms_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout)

class Ui_HouseholdFormsDialog(object):
    def setupUi(self, HouseholdFormsDialog):
        if not HouseholdFormsDialog.objectName():
            HouseholdFormsDialog.setObjectName(u"HouseholdFormsDialog")
        HouseholdFormsDialog.resize(820, 560)
        self.layout = QVBoxLayout(HouseholdFormsDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(HouseholdFormsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.formsTable = QTableWidget(HouseholdFormsDialog)
        if (self.formsTable.columnCount() < 5):
            self.formsTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.formsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.formsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.formsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.formsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.formsTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.formsTable.setObjectName(u"formsTable")
        self.formsTable.setTabKeyNavigation(False)
        self.formsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.formsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.formsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.formsTable.verticalHeader().setVisible(False)

        self.layout.addWidget(self.formsTable)

        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.importButton = QPushButton(HouseholdFormsDialog)
        self.importButton.setObjectName(u"importButton")

        self.actions.addWidget(self.importButton)

        self.useButton = QPushButton(HouseholdFormsDialog)
        self.useButton.setObjectName(u"useButton")

        self.actions.addWidget(self.useButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actionsSpacer)


        self.layout.addLayout(self.actions)

        self.resultLabel = QLabel(HouseholdFormsDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.resultLabel)

        self.problemsTable = QTableWidget(HouseholdFormsDialog)
        if (self.problemsTable.columnCount() < 4):
            self.problemsTable.setColumnCount(4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.problemsTable.setHorizontalHeaderItem(0, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.problemsTable.setHorizontalHeaderItem(1, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.problemsTable.setHorizontalHeaderItem(2, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.problemsTable.setHorizontalHeaderItem(3, __qtablewidgetitem8)
        self.problemsTable.setObjectName(u"problemsTable")
        self.problemsTable.setTabKeyNavigation(False)
        self.problemsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.problemsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.problemsTable.setWordWrap(True)
        self.problemsTable.verticalHeader().setVisible(False)

        self.layout.addWidget(self.problemsTable)

        self.buttons = QDialogButtonBox(HouseholdFormsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(HouseholdFormsDialog)

        QMetaObject.connectSlotsByName(HouseholdFormsDialog)
    # setupUi

    def retranslateUi(self, HouseholdFormsDialog):
        HouseholdFormsDialog.setWindowTitle(QCoreApplication.translate("HouseholdFormsDialog", u"Questionnaires", None))
        self.intro.setText(QCoreApplication.translate("HouseholdFormsDialog", u"Questionnaires installed on this laptop. Import an XLSForm workbook (.xlsx) to add one: it is checked first, and every problem is listed with its sheet, row and column. A session's new interviews use the questionnaire chosen for it.", None))
        ___qtablewidgetitem = self.formsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("HouseholdFormsDialog", u"Questionnaire", None))
        ___qtablewidgetitem1 = self.formsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("HouseholdFormsDialog", u"Version", None))
        ___qtablewidgetitem2 = self.formsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("HouseholdFormsDialog", u"Imported", None))
        ___qtablewidgetitem3 = self.formsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("HouseholdFormsDialog", u"Languages", None))
        ___qtablewidgetitem4 = self.formsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("HouseholdFormsDialog", u"Used by the current session", None))
        self.importButton.setText(QCoreApplication.translate("HouseholdFormsDialog", u"&Import an XLSForm\u2026", None))
        self.useButton.setText(QCoreApplication.translate("HouseholdFormsDialog", u"&Use for the current session", None))
        ___qtablewidgetitem5 = self.problemsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("HouseholdFormsDialog", u"Sheet", None))
        ___qtablewidgetitem6 = self.problemsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("HouseholdFormsDialog", u"Row", None))
        ___qtablewidgetitem7 = self.problemsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("HouseholdFormsDialog", u"Column", None))
        ___qtablewidgetitem8 = self.problemsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("HouseholdFormsDialog", u"Problem", None))
    # retranslateUi

