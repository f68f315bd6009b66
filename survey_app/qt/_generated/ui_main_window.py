# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QListWidget, QPushButton, QStackedWidget, QStatusBar, QVBoxLayout, QWidget)

from survey_app.qt.widgets.elided_label import ElidedLabel

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1260, 690)
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QHBoxLayout(self.central)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.navList = QListWidget(self.central)
        self.navList.setObjectName(u"navList")
        self.navList.setMinimumSize(QSize(172, 0))
        self.navList.setMaximumSize(QSize(172, 16777215))
        self.navList.setProperty(u"horizontalScrollBarPolicy", u"ScrollBarAlwaysOff")

        self.centralLayout.addWidget(self.navList)

        self.mainColumn = QVBoxLayout()
        self.mainColumn.setSpacing(0)
        self.mainColumn.setObjectName(u"mainColumn")
        self.demoBanner = QLabel(self.central)
        self.demoBanner.setObjectName(u"demoBanner")
        self.demoBanner.setProperty(u"alignment", u"AlignCenter")
        self.demoBanner.setWordWrap(True)
        self.demoBanner.setStyleSheet(u"background:#b45309;color:white;font-weight:bold;padding:4px;")

        self.mainColumn.addWidget(self.demoBanner)

        self.sessionBar = QFrame(self.central)
        self.sessionBar.setObjectName(u"sessionBar")
        self.sessionBar.setFrameShape(QFrame.StyledPanel)
        self.sessionBarLayout = QHBoxLayout(self.sessionBar)
        self.sessionBarLayout.setObjectName(u"sessionBarLayout")
        self.sessionBarLayout.setContentsMargins(-1, 4, -1, 4)
        self.unitCaption = QLabel(self.sessionBar)
        self.unitCaption.setObjectName(u"unitCaption")

        self.sessionBarLayout.addWidget(self.unitCaption)

        self.unitCombo = QComboBox(self.sessionBar)
        self.unitCombo.setObjectName(u"unitCombo")
        self.unitCombo.setMinimumSize(QSize(200, 0))
        self.unitCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.unitCombo.setMinimumContentsLength(18)

        self.sessionBarLayout.addWidget(self.unitCombo)

        self.sessionLabel = ElidedLabel(self.sessionBar)
        self.sessionLabel.setObjectName(u"sessionLabel")

        self.sessionBarLayout.addWidget(self.sessionLabel)

        self.openSessionButton = QPushButton(self.sessionBar)
        self.openSessionButton.setObjectName(u"openSessionButton")

        self.sessionBarLayout.addWidget(self.openSessionButton)

        self.closeSessionButton = QPushButton(self.sessionBar)
        self.closeSessionButton.setObjectName(u"closeSessionButton")

        self.sessionBarLayout.addWidget(self.closeSessionButton)

        self.sessionBarLayout.setStretch(2, 1)

        self.mainColumn.addWidget(self.sessionBar)

        self.pages = QStackedWidget(self.central)
        self.pages.setObjectName(u"pages")

        self.mainColumn.addWidget(self.pages)


        self.centralLayout.addLayout(self.mainColumn)

        MainWindow.setCentralWidget(self.central)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.unitCaption.setBuddy(self.unitCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Hu\u1ebf connectivity survey", None))
#if QT_CONFIG(accessibility)
        self.navList.setAccessibleName(QCoreApplication.translate("MainWindow", u"Pages", None))
#endif // QT_CONFIG(accessibility)
        self.demoBanner.setText(QCoreApplication.translate("MainWindow", u"DEMO: emulated devices and sample data, not for real survey records", None))
        self.unitCaption.setText(QCoreApplication.translate("MainWindow", u"&Unit:", None))
#if QT_CONFIG(accessibility)
        self.unitCombo.setAccessibleName(QCoreApplication.translate("MainWindow", u"Ward or commune", None))
#endif // QT_CONFIG(accessibility)
        self.sessionLabel.setText(QCoreApplication.translate("MainWindow", u"No open session", None))
        self.openSessionButton.setText(QCoreApplication.translate("MainWindow", u"&Open session\u2026", None))
        self.closeSessionButton.setText(QCoreApplication.translate("MainWindow", u"&Close session", None))
    # retranslateUi

