# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTableView, QVBoxLayout, QWidget)

from survey_app.qt.widgets.elided_label import ElidedLabel
from survey_app.qt.widgets.review_map import ReviewMap

class Ui_ReviewPage(object):
    def setupUi(self, ReviewPage):
        if not ReviewPage.objectName():
            ReviewPage.setObjectName(u"ReviewPage")
        self.layout = QVBoxLayout(ReviewPage)
        self.layout.setObjectName(u"layout")
        self.tabs = QTabWidget(ReviewPage)
        self.tabs.setObjectName(u"tabs")
        self.sessionsTab = QWidget()
        self.sessionsTab.setObjectName(u"sessionsTab")
        self.sessionsLayout = QVBoxLayout(self.sessionsTab)
        self.sessionsLayout.setObjectName(u"sessionsLayout")
        self.filters = QHBoxLayout()
        self.filters.setObjectName(u"filters")
        self.unitCombo = QComboBox(self.sessionsTab)
        self.unitCombo.setObjectName(u"unitCombo")
        self.unitCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.unitCombo.setMinimumContentsLength(16)

        self.filters.addWidget(self.unitCombo)

        self.statusCombo = QComboBox(self.sessionsTab)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filters.addWidget(self.statusCombo)

        self.flagCombo = QComboBox(self.sessionsTab)
        self.flagCombo.setObjectName(u"flagCombo")
        self.flagCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.flagCombo.setMinimumContentsLength(20)

        self.filters.addWidget(self.flagCombo)

        self.flaggedCheck = QCheckBox(self.sessionsTab)
        self.flaggedCheck.setObjectName(u"flaggedCheck")

        self.filters.addWidget(self.flaggedCheck)

        self.filtersSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filters.addItem(self.filtersSpacer)


        self.sessionsLayout.addLayout(self.filters)

        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchEdit = QLineEdit(self.sessionsTab)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.clearButton = QPushButton(self.sessionsTab)
        self.clearButton.setObjectName(u"clearButton")

        self.searchRow.addWidget(self.clearButton)

        self.recheckButton = QPushButton(self.sessionsTab)
        self.recheckButton.setObjectName(u"recheckButton")

        self.searchRow.addWidget(self.recheckButton)


        self.sessionsLayout.addLayout(self.searchRow)

        self.countLabel = QLabel(self.sessionsTab)
        self.countLabel.setObjectName(u"countLabel")

        self.sessionsLayout.addWidget(self.countLabel)

        self.split = QSplitter(self.sessionsTab)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.table = QTableView(self.split)
        self.table.setObjectName(u"table")
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(False)
        self.split.addWidget(self.table)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.detailHolder = QWidget(self.split)
        self.detailHolder.setObjectName(u"detailHolder")
        self.detailHolderLayout = QVBoxLayout(self.detailHolder)
        self.detailHolderLayout.setObjectName(u"detailHolderLayout")
        self.detailHolderLayout.setContentsMargins(0, 0, 0, 0)
        self.split.addWidget(self.detailHolder)

        self.sessionsLayout.addWidget(self.split)

        self.tabs.addTab(self.sessionsTab, "")
        self.indicatorsTab = QWidget()
        self.indicatorsTab.setObjectName(u"indicatorsTab")
        self.indicatorsLayout = QVBoxLayout(self.indicatorsTab)
        self.indicatorsLayout.setObjectName(u"indicatorsLayout")
        self.indicatorsLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.indicatorsTab, "")
        self.mapTab = QWidget()
        self.mapTab.setObjectName(u"mapTab")
        self.mapLayout = QVBoxLayout(self.mapTab)
        self.mapLayout.setObjectName(u"mapLayout")
        self.mapBar = QHBoxLayout()
        self.mapBar.setObjectName(u"mapBar")
        self.metricLabel = QLabel(self.mapTab)
        self.metricLabel.setObjectName(u"metricLabel")

        self.mapBar.addWidget(self.metricLabel)

        self.metricCombo = QComboBox(self.mapTab)
        self.metricCombo.setObjectName(u"metricCombo")

        self.mapBar.addWidget(self.metricCombo)

        self.mapUnitCombo = QComboBox(self.mapTab)
        self.mapUnitCombo.setObjectName(u"mapUnitCombo")
        self.mapUnitCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.mapUnitCombo.setMinimumContentsLength(16)

        self.mapBar.addWidget(self.mapUnitCombo)

        self.mapStatus = ElidedLabel(self.mapTab)
        self.mapStatus.setObjectName(u"mapStatus")

        self.mapBar.addWidget(self.mapStatus)

        self.mapBar.setStretch(3, 1)

        self.mapLayout.addLayout(self.mapBar)

        self.cityMap = ReviewMap(self.mapTab)
        self.cityMap.setObjectName(u"cityMap")

        self.mapLayout.addWidget(self.cityMap)

        self.mapRecord = QLabel(self.mapTab)
        self.mapRecord.setObjectName(u"mapRecord")
        self.mapRecord.setWordWrap(True)
        self.mapRecord.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mapLayout.addWidget(self.mapRecord)

        self.tabs.addTab(self.mapTab, "")
        self.kpisTab = QWidget()
        self.kpisTab.setObjectName(u"kpisTab")
        self.kpisLayout = QVBoxLayout(self.kpisTab)
        self.kpisLayout.setObjectName(u"kpisLayout")
        self.kpisLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.kpisTab, "")

        self.layout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.metricLabel.setBuddy(self.metricCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReviewPage)

        QMetaObject.connectSlotsByName(ReviewPage)
    # setupUi

    def retranslateUi(self, ReviewPage):
        self.flaggedCheck.setText(QCoreApplication.translate("ReviewPage", u"Flagged only", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ReviewPage", u"Team or surveyor", None))
        self.clearButton.setText(QCoreApplication.translate("ReviewPage", u"Clear filters", None))
        self.recheckButton.setText(QCoreApplication.translate("ReviewPage", u"Run checks", None))
        self.tabs.setTabText(self.tabs.indexOf(self.sessionsTab), QCoreApplication.translate("ReviewPage", u"Sessions", None))
        self.tabs.setTabText(self.tabs.indexOf(self.indicatorsTab), QCoreApplication.translate("ReviewPage", u"Indicators", None))
        self.metricLabel.setText(QCoreApplication.translate("ReviewPage", u"Colour by:", None))
        self.mapRecord.setText(QCoreApplication.translate("ReviewPage", u"Red = weak or slow, green = strong or fast, grey = no value. Scroll to zoom, drag to pan, click a point to see its record.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.mapTab), QCoreApplication.translate("ReviewPage", u"Map", None))
        self.tabs.setTabText(self.tabs.indexOf(self.kpisTab), QCoreApplication.translate("ReviewPage", u"Speed KPIs", None))
        pass
    # retranslateUi

