# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_form_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from survey_app.qt.widgets.elided_label import ElidedLabel

class Ui_HouseholdFormView(object):
    def setupUi(self, HouseholdFormView):
        if not HouseholdFormView.objectName():
            HouseholdFormView.setObjectName(u"HouseholdFormView")
        self.layout = QVBoxLayout(HouseholdFormView)
        self.layout.setObjectName(u"layout")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.backButton = QPushButton(HouseholdFormView)
        self.backButton.setObjectName(u"backButton")

        self.top.addWidget(self.backButton)

        self.title = QLabel(HouseholdFormView)
        self.title.setObjectName(u"title")
        self.title.setWordWrap(True)
        self.title.setMinimumSize(QSize(160, 0))
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.title.sizePolicy().hasHeightForWidth())
        self.title.setSizePolicy(sizePolicy)
        self.title.setStyleSheet(u"font-weight: bold; font-size: 13pt;")

        self.top.addWidget(self.title)

        self.statusLabel = QLabel(HouseholdFormView)
        self.statusLabel.setObjectName(u"statusLabel")

        self.top.addWidget(self.statusLabel)

        self.langCombo = QComboBox(HouseholdFormView)
        self.langCombo.setObjectName(u"langCombo")

        self.top.addWidget(self.langCombo)

        self.speedButton = QPushButton(HouseholdFormView)
        self.speedButton.setObjectName(u"speedButton")

        self.top.addWidget(self.speedButton)

        self.historyButton = QPushButton(HouseholdFormView)
        self.historyButton.setObjectName(u"historyButton")

        self.top.addWidget(self.historyButton)


        self.layout.addLayout(self.top)

        self.scroll = QScrollArea(HouseholdFormView)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scrollBody = QWidget()
        self.scrollBody.setObjectName(u"scrollBody")
        self.scroll.setWidget(self.scrollBody)

        self.layout.addWidget(self.scroll)

        self.summary = QLabel(HouseholdFormView)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.summary.sizePolicy().hasHeightForWidth())
        self.summary.setSizePolicy(sizePolicy1)

        self.layout.addWidget(self.summary)

        self.bottom = QHBoxLayout()
        self.bottom.setObjectName(u"bottom")
        self.savedLabel = ElidedLabel(HouseholdFormView)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setStyleSheet(u"color: #555;")

        self.bottom.addWidget(self.savedLabel)

        self.saveButton = QPushButton(HouseholdFormView)
        self.saveButton.setObjectName(u"saveButton")

        self.bottom.addWidget(self.saveButton)

        self.editButton = QPushButton(HouseholdFormView)
        self.editButton.setObjectName(u"editButton")

        self.bottom.addWidget(self.editButton)

        self.saveChangesButton = QPushButton(HouseholdFormView)
        self.saveChangesButton.setObjectName(u"saveChangesButton")

        self.bottom.addWidget(self.saveChangesButton)

        self.finalizeButton = QPushButton(HouseholdFormView)
        self.finalizeButton.setObjectName(u"finalizeButton")

        self.bottom.addWidget(self.finalizeButton)

        self.bottom.setStretch(0, 1)

        self.layout.addLayout(self.bottom)


        self.retranslateUi(HouseholdFormView)

        QMetaObject.connectSlotsByName(HouseholdFormView)
    # setupUi

    def retranslateUi(self, HouseholdFormView):
        self.backButton.setText(QCoreApplication.translate("HouseholdFormView", u"\u2190 Households", None))
#if QT_CONFIG(tooltip)
        self.langCombo.setToolTip(QCoreApplication.translate("HouseholdFormView", u"Language of the questionnaire", None))
#endif // QT_CONFIG(tooltip)
        self.speedButton.setText(QCoreApplication.translate("HouseholdFormView", u"Speed test of this connection\u2026", None))
#if QT_CONFIG(tooltip)
        self.speedButton.setToolTip(QCoreApplication.translate("HouseholdFormView", u"Measure the household's own connection; the result is linked to this interview", None))
#endif // QT_CONFIG(tooltip)
        self.historyButton.setText(QCoreApplication.translate("HouseholdFormView", u"History\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("HouseholdFormView", u"&Save draft", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("HouseholdFormView", u"Drafts are also saved automatically (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("HouseholdFormView", u"&Edit\u2026", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("HouseholdFormView", u"Change a finalized interview; you will be asked why", None))
#endif // QT_CONFIG(tooltip)
        self.saveChangesButton.setText(QCoreApplication.translate("HouseholdFormView", u"Save &changes", None))
        pass
    # retranslateUi

