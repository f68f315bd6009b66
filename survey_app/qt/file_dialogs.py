"""Choosing files and folders with Qt's own dialog, worded in the app's language (never the system's dialog,
whose language is the computer's, not the app's)."""
from __future__ import annotations

from survey_app.qt.qt import QDialog, QFileDialog, QObject, QWidget


class _Words(QObject):
    """The dialog's button and field labels (a QObject only so that lupdate finds its tr())."""

    def labels(self, mode: str) -> dict:
        accept = {"open": self.tr("&Open"), "save": self.tr("&Save"), "folder": self.tr("&Choose")}[mode]
        return {QFileDialog.LookIn: self.tr("Look in:"), QFileDialog.FileName: self.tr("File name:"),
                QFileDialog.FileType: self.tr("Files of type:"), QFileDialog.Accept: accept,
                QFileDialog.Reject: self.tr("Cancel")}


def _dialog(parent: QWidget | None, title: str, directory: str, name_filter: str, mode: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, directory, name_filter)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.DontUseNativeDialog, True)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptSave)
    elif mode == "folder":
        dialog.setFileMode(QFileDialog.Directory)
        dialog.setOption(QFileDialog.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.ExistingFile)
    for label, text in _Words().labels(mode).items():
        dialog.setLabelText(label, text)
    return dialog


def _run(dialog: QFileDialog) -> str | None:
    if dialog.exec() != QDialog.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]


def open_file(parent: QWidget | None, title: str, name_filter: str, directory: str = "") -> str | None:
    """An existing file the user picked, or None."""
    return _run(_dialog(parent, title, directory, name_filter, "open"))


def save_file(parent: QWidget | None, title: str, name_filter: str, path: str = "") -> str | None:
    """Where the user wants a new file written (asks before replacing one), or None."""
    return _run(_dialog(parent, title, path, name_filter, "save"))


def choose_folder(parent: QWidget | None, title: str, directory: str = "") -> str | None:
    """A folder the user picked, or None."""
    return _run(_dialog(parent, title, directory, "", "folder"))
