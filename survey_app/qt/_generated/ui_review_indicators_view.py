# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_indicators_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from survey_app.qt.widgets.elided_label import ElidedLabel
from survey_app.qt.widgets.period_team_filter import PeriodTeamFilter

class Ui_ReviewIndicatorsView(object):
    def setupUi(self, ReviewIndicatorsView):
        if not ReviewIndicatorsView.objectName():
            ReviewIndicatorsView.setObjectName(u"ReviewIndicatorsView")
        self.layout = QVBoxLayout(ReviewIndicatorsView)
        self.layout.setObjectName(u"layout")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.allCheck = QCheckBox(ReviewIndicatorsView)
        self.allCheck.setObjectName(u"allCheck")

        self.top.addWidget(self.allCheck)

        self.periodFilter = PeriodTeamFilter(ReviewIndicatorsView)
        self.periodFilter.setObjectName(u"periodFilter")

        self.top.addWidget(self.periodFilter)

        self.refreshButton = QPushButton(ReviewIndicatorsView)
        self.refreshButton.setObjectName(u"refreshButton")

        self.top.addWidget(self.refreshButton)

        self.status = ElidedLabel(ReviewIndicatorsView)
        self.status.setObjectName(u"status")

        self.top.addWidget(self.status)

        self.top.setStretch(3, 1)

        self.layout.addLayout(self.top)

        self.views = QTabWidget(ReviewIndicatorsView)
        self.views.setObjectName(u"views")
        self.tableTab = QWidget()
        self.tableTab.setObjectName(u"tableTab")
        self.tableLayout = QVBoxLayout(self.tableTab)
        self.tableLayout.setObjectName(u"tableLayout")
        self.splitter = QSplitter(self.tableTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableWidget(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setWordWrap(False)
        self.splitter.addWidget(self.table)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setMinimumSectionSize(18)
        self.table.verticalHeader().setDefaultSectionSize(21)
        self.breakdownBox = QWidget(self.splitter)
        self.breakdownBox.setObjectName(u"breakdownBox")
        self.breakdownLayout = QVBoxLayout(self.breakdownBox)
        self.breakdownLayout.setObjectName(u"breakdownLayout")
        self.breakdownLayout.setContentsMargins(0, 0, 0, 0)
        self.breakdownTitle = QLabel(self.breakdownBox)
        self.breakdownTitle.setObjectName(u"breakdownTitle")
        self.breakdownTitle.setStyleSheet(u"font-weight: bold;")

        self.breakdownLayout.addWidget(self.breakdownTitle)

        self.breakdown = QTableWidget(self.breakdownBox)
        if (self.breakdown.columnCount() < 8):
            self.breakdown.setColumnCount(8)
        __qtablewidgetitem = QTableWidgetItem()
        self.breakdown.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.breakdown.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.breakdown.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.breakdown.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.breakdown.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.breakdown.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.breakdown.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.breakdown.setHorizontalHeaderItem(7, __qtablewidgetitem7)
        self.breakdown.setObjectName(u"breakdown")
        self.breakdown.setTabKeyNavigation(False)
        self.breakdown.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.breakdown.verticalHeader().setVisible(False)
        self.breakdown.verticalHeader().setDefaultSectionSize(21)

        self.breakdownLayout.addWidget(self.breakdown)

        self.splitter.addWidget(self.breakdownBox)

        self.tableLayout.addWidget(self.splitter)

        self.legend = QLabel(self.tableTab)
        self.legend.setObjectName(u"legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.RichText)

        self.tableLayout.addWidget(self.legend)

        self.views.addTab(self.tableTab, "")
        self.chartsTab = QWidget()
        self.chartsTab.setObjectName(u"chartsTab")
        self.chartsLayout = QVBoxLayout(self.chartsTab)
        self.chartsLayout.setObjectName(u"chartsLayout")
        self.chartsLegend = QLabel(self.chartsTab)
        self.chartsLegend.setObjectName(u"chartsLegend")
        self.chartsLegend.setWordWrap(True)
        self.chartsLegend.setTextFormat(Qt.RichText)

        self.chartsLayout.addWidget(self.chartsLegend)

        self.chartsScroll = QScrollArea(self.chartsTab)
        self.chartsScroll.setObjectName(u"chartsScroll")
        self.chartsScroll.setWidgetResizable(True)
        self.chartsScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.chartBox = QWidget()
        self.chartBox.setObjectName(u"chartBox")
        self.chartBoxLayout = QHBoxLayout(self.chartBox)
        self.chartBoxLayout.setObjectName(u"chartBoxLayout")
        self.chartBoxLayout.setContentsMargins(0, 0, 0, 0)
        self.chartsScroll.setWidget(self.chartBox)

        self.chartsLayout.addWidget(self.chartsScroll)

        self.views.addTab(self.chartsTab, "")
        self.sourcesTab = QWidget()
        self.sourcesTab.setObjectName(u"sourcesTab")
        self.sourcesLayout = QVBoxLayout(self.sourcesTab)
        self.sourcesLayout.setObjectName(u"sourcesLayout")
        self.sourcesScroll = QScrollArea(self.sourcesTab)
        self.sourcesScroll.setObjectName(u"sourcesScroll")
        self.sourcesScroll.setWidgetResizable(True)
        self.sourcesBox = QWidget()
        self.sourcesBox.setObjectName(u"sourcesBox")
        self.sourcesBoxLayout = QVBoxLayout(self.sourcesBox)
        self.sourcesBoxLayout.setObjectName(u"sourcesBoxLayout")
        self.sources = QLabel(self.sourcesBox)
        self.sources.setObjectName(u"sources")
        self.sources.setWordWrap(True)
        self.sources.setTextFormat(Qt.RichText)
        self.sources.setAlignment(Qt.AlignLeft|Qt.AlignTop)
        self.sources.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.sourcesBoxLayout.addWidget(self.sources)

        self.sourcesScroll.setWidget(self.sourcesBox)

        self.sourcesLayout.addWidget(self.sourcesScroll)

        self.views.addTab(self.sourcesTab, "")

        self.layout.addWidget(self.views)


        self.retranslateUi(ReviewIndicatorsView)

        QMetaObject.connectSlotsByName(ReviewIndicatorsView)
    # setupUi

    def retranslateUi(self, ReviewIndicatorsView):
        self.allCheck.setText(QCoreApplication.translate("ReviewIndicatorsView", u"Include sessions not yet approved", None))
        self.refreshButton.setText(QCoreApplication.translate("ReviewIndicatorsView", u"Recompute", None))
        ___qtablewidgetitem = self.breakdown.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ReviewIndicatorsView", u"Operator / technology", None))
        ___qtablewidgetitem1 = self.breakdown.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ReviewIndicatorsView", u"Readings", None))
        ___qtablewidgetitem2 = self.breakdown.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ReviewIndicatorsView", u"Share of readings", None))
        ___qtablewidgetitem3 = self.breakdown.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ReviewIndicatorsView", u"Usable 4G/5G signal", None))
        ___qtablewidgetitem4 = self.breakdown.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ReviewIndicatorsView", u"Usable 5G signal", None))
        ___qtablewidgetitem5 = self.breakdown.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ReviewIndicatorsView", u"Speed tests", None))
        ___qtablewidgetitem6 = self.breakdown.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("ReviewIndicatorsView", u"Download (median)", None))
        ___qtablewidgetitem7 = self.breakdown.horizontalHeaderItem(7)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("ReviewIndicatorsView", u"Upload (median)", None))
        self.views.setTabText(self.views.indexOf(self.tableTab), QCoreApplication.translate("ReviewIndicatorsView", u"By unit", None))
        self.views.setTabText(self.views.indexOf(self.chartsTab), QCoreApplication.translate("ReviewIndicatorsView", u"Charts", None))
        self.views.setTabText(self.views.indexOf(self.sourcesTab), QCoreApplication.translate("ReviewIndicatorsView", u"Targets and sources", None))
        pass
    # retranslateUi

