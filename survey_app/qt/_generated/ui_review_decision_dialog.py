# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_decision_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout)

class Ui_ReviewDecisionDialog(object):
    def setupUi(self, ReviewDecisionDialog):
        if not ReviewDecisionDialog.objectName():
            ReviewDecisionDialog.setObjectName(u"ReviewDecisionDialog")
        ReviewDecisionDialog.resize(480, 300)
        self.layout = QVBoxLayout(ReviewDecisionDialog)
        self.layout.setObjectName(u"layout")
        self.sessionLabel = QLabel(ReviewDecisionDialog)
        self.sessionLabel.setObjectName(u"sessionLabel")
        self.sessionLabel.setWordWrap(True)

        self.layout.addWidget(self.sessionLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.reviewerLabel = QLabel(ReviewDecisionDialog)
        self.reviewerLabel.setObjectName(u"reviewerLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reviewerLabel)

        self.reviewerEdit = QLineEdit(ReviewDecisionDialog)
        self.reviewerEdit.setObjectName(u"reviewerEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reviewerEdit)

        self.commentLabel = QLabel(ReviewDecisionDialog)
        self.commentLabel.setObjectName(u"commentLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.commentLabel)

        self.commentEdit = QPlainTextEdit(ReviewDecisionDialog)
        self.commentEdit.setObjectName(u"commentEdit")
        self.commentEdit.setTabChangesFocus(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.commentEdit)


        self.layout.addLayout(self.form)

        self.ownWorkWarning = QLabel(ReviewDecisionDialog)
        self.ownWorkWarning.setObjectName(u"ownWorkWarning")
        self.ownWorkWarning.setWordWrap(True)
        self.ownWorkWarning.setStyleSheet(u"color: #b45309;")
        self.ownWorkWarning.setVisible(False)

        self.layout.addWidget(self.ownWorkWarning)

        self.ownWorkCheck = QCheckBox(ReviewDecisionDialog)
        self.ownWorkCheck.setObjectName(u"ownWorkCheck")
        self.ownWorkCheck.setVisible(False)

        self.layout.addWidget(self.ownWorkCheck)

        self.buttons = QDialogButtonBox(ReviewDecisionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reviewerLabel.setBuddy(self.reviewerEdit)
        self.commentLabel.setBuddy(self.commentEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReviewDecisionDialog)

        QMetaObject.connectSlotsByName(ReviewDecisionDialog)
    # setupUi

    def retranslateUi(self, ReviewDecisionDialog):
        self.reviewerLabel.setText(QCoreApplication.translate("ReviewDecisionDialog", u"&Reviewer:", None))
        self.reviewerEdit.setPlaceholderText(QCoreApplication.translate("ReviewDecisionDialog", u"your name (a supervisor, not the surveyor)", None))
        self.commentLabel.setText(QCoreApplication.translate("ReviewDecisionDialog", u"&Comment:", None))
        self.ownWorkCheck.setText(QCoreApplication.translate("ReviewDecisionDialog", u"I know I surveyed this session and review it myself", None))
        pass
    # retranslateUi

