"""Settings › Keys: this installation's public key (to give to others) and the keys it trusts (add, revoke)."""
from __future__ import annotations

from survey_app.qt.qt import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QGuiApplication, QHBoxLayout,
                              QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                              QWidget)

from survey_app.errors import UserError
from survey_app.qt.context import AppContext

ROLES = ("surveyor", "supervisor", "central")


class KeysPanel(QGroupBox):
    """Shows the fingerprint (the public key is copied with a button); lists, adds and revokes trusted keys."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Keys"), parent)
        from survey_app.trust.keyring import Keyring

        self.keyring = Keyring.for_db(ctx.db_path, ctx.db)  # made on first use: a few small files
        me = self.keyring.identity
        layout = QVBoxLayout(self)
        own = QFormLayout()
        self.device_label = QLabel(me.device_id, self)   # parented: hidden, never a window of its own
        self.fingerprint_label = QLabel(me.public.fingerprint)
        self.public_key = QLineEdit(me.public.text, self)
        self.public_key.setReadOnly(True)
        self.public_key.setCursorPosition(0)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        key_row = QHBoxLayout()
        key_row.addWidget(self.fingerprint_label, 1)
        key_row.addWidget(self.copy_button)
        # People compare the fingerprint and copy the key: the key's text and the device id (UUIDs) are not shown
        # (issue 17: no ids in the window); both stay in the widgets the copy button and the tests read.
        self.public_key.hide()
        self.device_label.hide()
        own.addRow(self.tr("Fingerprint:"), key_row)
        layout.addLayout(own)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Fingerprint"),
                                              self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(120)
        layout.addWidget(self.table)

        add = QHBoxLayout()
        self.new_key = QLineEdit()
        self.new_key.setPlaceholderText(self.tr("paste a public key (hue-survey-key-1:...)"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("whose key"))
        self.new_role = QComboBox()
        for role in ROLES:
            self.new_role.addItem(self._role_label(role), role)
        self.trust_button = QPushButton(self.tr("&Trust"))
        self.trust_button.clicked.connect(self._on_trust_clicked)
        self.revoke_button = QPushButton(self.tr("&Revoke selected"))
        self.revoke_button.clicked.connect(self._on_revoke_clicked)
        add.addWidget(self.new_key, 3)
        add.addWidget(self.new_name, 1)
        add.addWidget(self.new_role)
        add.addWidget(self.trust_button)
        add.addWidget(self.revoke_button)
        layout.addLayout(add)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._fill()

    def _role_label(self, role: str) -> str:
        return {"surveyor": self.tr("surveyor"), "supervisor": self.tr("supervisor"),
                "central": self.tr("central system")}.get(role, role)

    def _fill(self) -> None:
        entries = self.keyring.trust.entries
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            state = self.tr("revoked {at}").format(at=e.revoked_at[:10]) if e.revoked_at else self.tr("trusted")
            for col, text in enumerate((e.name, self._role_label(e.role), e.fingerprint, state)):
                item = QTableWidgetItem(text)
                item.setToolTip(e.public_key if col == 2 else text)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.public_key.text())
        self.message.setText(self.tr("Public key copied: give it to whoever must trust this installation."))

    def _save(self, change) -> bool:
        from survey_app.clock import utc_now

        try:
            entry = change(utc_now())
            self.keyring.trust.save()
        except UserError as exc:
            self.message.setText(str(exc))
            return False
        except OSError as exc:
            self.message.setText(self.tr("The trust list could not be saved: {error}").format(
                error=exc.strerror or exc))
            return False
        self._fill()
        return entry

    def _on_trust_clicked(self) -> None:
        key, name, role = self.new_key.text().strip(), self.new_name.text().strip(), self.new_role.currentData()
        entry = self._save(lambda now: self.keyring.trust.trust(key, name, role, now=now))
        if entry:
            self.new_key.clear()
            self.new_name.clear()
            self.message.setText(self.tr("Trusted {name} ({role}), fingerprint {fp}.").format(
                name=entry.name, role=self._role_label(entry.role), fp=entry.fingerprint))

    def _on_revoke_clicked(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.message.setText(self.tr("Select a key in the list first."))
            return
        fp = self.table.item(row, 2).text()
        entry = self._save(lambda now: self.keyring.trust.revoke(fp, now=now))
        if entry:
            self.message.setText(self.tr("{name} is no longer trusted.").format(name=entry.name))
