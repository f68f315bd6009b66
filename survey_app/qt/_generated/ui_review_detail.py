# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_detail.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QListView, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from survey_app.qt.widgets.review_map import ReviewMap

class Ui_ReviewDetail(object):
    def setupUi(self, ReviewDetail):
        if not ReviewDetail.objectName():
            ReviewDetail.setObjectName(u"ReviewDetail")
        self.layout = QVBoxLayout(ReviewDetail)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, -1, 0, -1)
        self.title = QLabel(ReviewDetail)
        self.title.setObjectName(u"title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet(u"font-weight: bold;")

        self.layout.addWidget(self.title)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.approveButton = QPushButton(ReviewDetail)
        self.approveButton.setObjectName(u"approveButton")
        self.approveButton.setEnabled(False)

        self.buttons.addWidget(self.approveButton)

        self.rejectButton = QPushButton(ReviewDetail)
        self.rejectButton.setObjectName(u"rejectButton")
        self.rejectButton.setEnabled(False)

        self.buttons.addWidget(self.rejectButton)

        self.reopenButton = QPushButton(ReviewDetail)
        self.reopenButton.setObjectName(u"reopenButton")
        self.reopenButton.setEnabled(False)

        self.buttons.addWidget(self.reopenButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)


        self.layout.addLayout(self.buttons)

        self.message = QLabel(ReviewDetail)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        self.layout.addWidget(self.message)

        self.flags = QListWidget(ReviewDetail)
        self.flags.setObjectName(u"flags")
        self.flags.setMaximumSize(QSize(16777215, 90))
        self.flags.setWordWrap(True)
        self.flags.setResizeMode(QListView.Adjust)
        self.flags.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

        self.layout.addWidget(self.flags)

        self.history = QLabel(ReviewDetail)
        self.history.setObjectName(u"history")
        self.history.setWordWrap(True)
        self.history.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.history)

        self.tabs = QTabWidget(ReviewDetail)
        self.tabs.setObjectName(u"tabs")
        self.timelineTab = QWidget()
        self.timelineTab.setObjectName(u"timelineTab")
        self.timelineLayout = QVBoxLayout(self.timelineTab)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineLegend = QLabel(self.timelineTab)
        self.timelineLegend.setObjectName(u"timelineLegend")
        self.timelineLegend.setTextFormat(Qt.RichText)

        self.timelineLayout.addWidget(self.timelineLegend)

        self.timelineEmpty = QLabel(self.timelineTab)
        self.timelineEmpty.setObjectName(u"timelineEmpty")
        self.timelineEmpty.setAlignment(Qt.AlignCenter)
        self.timelineEmpty.setVisible(False)

        self.timelineLayout.addWidget(self.timelineEmpty)

        self.tabs.addTab(self.timelineTab, "")
        self.tests = QTableWidget()
        if (self.tests.columnCount() < 8):
            self.tests.setColumnCount(8)
        __qtablewidgetitem = QTableWidgetItem()
        self.tests.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.tests.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.tests.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.tests.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.tests.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.tests.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.tests.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.tests.setHorizontalHeaderItem(7, __qtablewidgetitem7)
        self.tests.setObjectName(u"tests")
        self.tests.setTabKeyNavigation(False)
        self.tests.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tabs.addTab(self.tests, "")
        self.tests.verticalHeader().setVisible(False)
        self.households = QTableWidget()
        if (self.households.columnCount() < 8):
            self.households.setColumnCount(8)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.households.setHorizontalHeaderItem(0, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.households.setHorizontalHeaderItem(1, __qtablewidgetitem9)
        __qtablewidgetitem10 = QTableWidgetItem()
        self.households.setHorizontalHeaderItem(2, __qtablewidgetitem10)
        __qtablewidgetitem11 = QTableWidgetItem()
        self.households.setHorizontalHeaderItem(3, __qtablewidgetitem11)
        __qtablewidgetitem12 = QTableWidgetItem()
        self.households.setHorizontalHeaderItem(4, __qtablewidgetitem12)
        __qtablewidgetitem13 = QTableWidgetItem()
        self.households.setHorizontalHeaderItem(5, __qtablewidgetitem13)
        __qtablewidgetitem14 = QTableWidgetItem()
        self.households.setHorizontalHeaderItem(6, __qtablewidgetitem14)
        __qtablewidgetitem15 = QTableWidgetItem()
        self.households.setHorizontalHeaderItem(7, __qtablewidgetitem15)
        self.households.setObjectName(u"households")
        self.households.setTabKeyNavigation(False)
        self.households.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tabs.addTab(self.households, "")
        self.households.verticalHeader().setVisible(False)
        self.mapTab = QWidget()
        self.mapTab.setObjectName(u"mapTab")
        self.mapLayout = QVBoxLayout(self.mapTab)
        self.mapLayout.setObjectName(u"mapLayout")
        self.map = ReviewMap(self.mapTab)
        self.map.setObjectName(u"map")

        self.mapLayout.addWidget(self.map)

        self.mapRow = QHBoxLayout()
        self.mapRow.setObjectName(u"mapRow")
        self.mapInfo = QLabel(self.mapTab)
        self.mapInfo.setObjectName(u"mapInfo")
        self.mapInfo.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.mapInfo.sizePolicy().hasHeightForWidth())
        self.mapInfo.setSizePolicy(sizePolicy)

        self.mapRow.addWidget(self.mapInfo)

        self.enlargeButton = QPushButton(self.mapTab)
        self.enlargeButton.setObjectName(u"enlargeButton")

        self.mapRow.addWidget(self.enlargeButton)


        self.mapLayout.addLayout(self.mapRow)

        self.tabs.addTab(self.mapTab, "")

        self.layout.addWidget(self.tabs)


        self.retranslateUi(ReviewDetail)

        QMetaObject.connectSlotsByName(ReviewDetail)
    # setupUi

    def retranslateUi(self, ReviewDetail):
        self.title.setText(QCoreApplication.translate("ReviewDetail", u"Choose a session in the table.", None))
        self.approveButton.setText(QCoreApplication.translate("ReviewDetail", u"Approve\u2026", None))
        self.rejectButton.setText(QCoreApplication.translate("ReviewDetail", u"Reject\u2026", None))
        self.reopenButton.setText(QCoreApplication.translate("ReviewDetail", u"Reopen\u2026", None))
        self.timelineEmpty.setText(QCoreApplication.translate("ReviewDetail", u"No signal readings in this session.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.timelineTab), QCoreApplication.translate("ReviewDetail", u"Signal timeline", None))
        ___qtablewidgetitem = self.tests.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ReviewDetail", u"Time", None))
        ___qtablewidgetitem1 = self.tests.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ReviewDetail", u"Status", None))
        ___qtablewidgetitem2 = self.tests.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ReviewDetail", u"Connection", None))
        ___qtablewidgetitem3 = self.tests.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ReviewDetail", u"Operator", None))
        ___qtablewidgetitem4 = self.tests.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ReviewDetail", u"Technology", None))
        ___qtablewidgetitem5 = self.tests.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ReviewDetail", u"Down Mbit/s", None))
        ___qtablewidgetitem6 = self.tests.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("ReviewDetail", u"Up Mbit/s", None))
        ___qtablewidgetitem7 = self.tests.horizontalHeaderItem(7)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("ReviewDetail", u"Ping ms", None))
        self.tabs.setTabText(self.tabs.indexOf(self.tests), QCoreApplication.translate("ReviewDetail", u"Speed tests", None))
        ___qtablewidgetitem8 = self.households.horizontalHeaderItem(0)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("ReviewDetail", u"Time", None))
        ___qtablewidgetitem9 = self.households.horizontalHeaderItem(1)
        ___qtablewidgetitem9.setText(QCoreApplication.translate("ReviewDetail", u"Status", None))
        ___qtablewidgetitem10 = self.households.horizontalHeaderItem(2)
        ___qtablewidgetitem10.setText(QCoreApplication.translate("ReviewDetail", u"Consent", None))
        ___qtablewidgetitem11 = self.households.horizontalHeaderItem(3)
        ___qtablewidgetitem11.setText(QCoreApplication.translate("ReviewDetail", u"Hamlet", None))
        ___qtablewidgetitem12 = self.households.horizontalHeaderItem(4)
        ___qtablewidgetitem12.setText(QCoreApplication.translate("ReviewDetail", u"Minutes", None))
        ___qtablewidgetitem13 = self.households.horizontalHeaderItem(5)
        ___qtablewidgetitem13.setText(QCoreApplication.translate("ReviewDetail", u"Members", None))
        ___qtablewidgetitem14 = self.households.horizontalHeaderItem(6)
        ___qtablewidgetitem14.setText(QCoreApplication.translate("ReviewDetail", u"Internet", None))
        ___qtablewidgetitem15 = self.households.horizontalHeaderItem(7)
        ___qtablewidgetitem15.setText(QCoreApplication.translate("ReviewDetail", u"Fibre", None))
        self.tabs.setTabText(self.tabs.indexOf(self.households), QCoreApplication.translate("ReviewDetail", u"Households", None))
        self.enlargeButton.setText(QCoreApplication.translate("ReviewDetail", u"&Enlarge map\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.mapTab), QCoreApplication.translate("ReviewDetail", u"Map", None))
        pass
    # retranslateUi

