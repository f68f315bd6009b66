# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

class Ui_SessionDialog(object):
    def setupUi(self, SessionDialog):
        if not SessionDialog.objectName():
            SessionDialog.setObjectName(u"SessionDialog")
        SessionDialog.resize(520, 320)
        self.layout = QVBoxLayout(SessionDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.unitLabel = QLabel(SessionDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(SessionDialog)
        self.unitCombo.setObjectName(u"unitCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.teamLabel = QLabel(SessionDialog)
        self.teamLabel.setObjectName(u"teamLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.teamLabel)

        self.teamEdit = QLineEdit(SessionDialog)
        self.teamEdit.setObjectName(u"teamEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.teamEdit)

        self.surveyorsLabel = QLabel(SessionDialog)
        self.surveyorsLabel.setObjectName(u"surveyorsLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.surveyorsLabel)

        self.surveyorsEdit = QLineEdit(SessionDialog)
        self.surveyorsEdit.setObjectName(u"surveyorsEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.surveyorsEdit)

        self.formLabel = QLabel(SessionDialog)
        self.formLabel.setObjectName(u"formLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.formLabel)

        self.formCombo = QComboBox(SessionDialog)
        self.formCombo.setObjectName(u"formCombo")
        self.formCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.formCombo.setMinimumContentsLength(24)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.formCombo)

        self.notesLabel = QLabel(SessionDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(SessionDialog)
        self.notesEdit.setObjectName(u"notesEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.layout.addLayout(self.form)

        self.errorLabel = QLabel(SessionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color:#b91c1c;")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(SessionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.unitLabel.setBuddy(self.unitCombo)
        self.teamLabel.setBuddy(self.teamEdit)
        self.surveyorsLabel.setBuddy(self.surveyorsEdit)
        self.formLabel.setBuddy(self.formCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.unitCombo, self.teamEdit)
        QWidget.setTabOrder(self.teamEdit, self.surveyorsEdit)
        QWidget.setTabOrder(self.surveyorsEdit, self.formCombo)
        QWidget.setTabOrder(self.formCombo, self.notesEdit)

        self.retranslateUi(SessionDialog)

        QMetaObject.connectSlotsByName(SessionDialog)
    # setupUi

    def retranslateUi(self, SessionDialog):
        SessionDialog.setWindowTitle(QCoreApplication.translate("SessionDialog", u"Open a survey session", None))
        self.unitLabel.setText(QCoreApplication.translate("SessionDialog", u"&Ward / commune:", None))
        self.teamLabel.setText(QCoreApplication.translate("SessionDialog", u"&Team:", None))
        self.surveyorsLabel.setText(QCoreApplication.translate("SessionDialog", u"&Surveyors:", None))
        self.surveyorsEdit.setPlaceholderText(QCoreApplication.translate("SessionDialog", u"Names separated by commas", None))
        self.formLabel.setText(QCoreApplication.translate("SessionDialog", u"&Questionnaire:", None))
        self.notesLabel.setText(QCoreApplication.translate("SessionDialog", u"&Notes:", None))
    # retranslateUi

