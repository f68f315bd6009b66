"""Read the survey, choices and settings sheets of an XLSForm workbook (.xlsx, openpyxl) into plain rows."""
from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from survey_app.errors import UserError
from survey_app.i18n import _


@dataclass
class Cell:
    """A non-empty cell: its text, the header it sits under and where it is (1-based row, column letter)."""

    value: str
    header: str
    row: int
    column: str


@dataclass
class Sheet:
    """One worksheet as header names and rows of cells keyed by normalised header."""

    name: str
    headers: list[tuple[str, str]] = field(default_factory=list)   # (raw header, column letter)
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)


@dataclass
class Workbook:
    """The sheets an XLSForm uses (missing ones are None)."""

    path: str
    survey: Sheet | None
    choices: Sheet | None
    settings: Sheet | None
    other_sheets: list[str]


def _letter(index: int) -> str:
    s = ""
    index += 1
    while index:
        index, r = divmod(index - 1, 26)
        s = chr(65 + r) + s
    return s


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y%m%d%H%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def normalise_header(raw: str) -> str:
    """Header key: lower-case, spaces trimmed, 'list name' -> 'list_name', 'label:English' -> 'label::English'."""
    h = raw.strip()
    if "::" not in h and ":" in h:
        base, _sep, lang = h.partition(":")
        if base.strip().lower() in ("label", "hint", "constraint_message", "required_message", "media", "image",
                                    "audio", "video", "constraint message", "guidance_hint"):
            h = f"{base}::{lang}"
    base, sep, lang = h.partition("::")
    base = base.strip().lower().replace(" ", "_")
    return f"{base}::{lang.strip()}" if sep else base


def _read_sheet(ws) -> Sheet:
    sheet = Sheet(ws.title)
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()   # some editors declare a million-row range; read only the rows that exist
    rows = ws.iter_rows(values_only=True)
    header_row = None
    for number, values in enumerate(rows, 1):
        if any(v is not None and str(v).strip() for v in values):
            header_row = number
            sheet.headers = [(_text(v), _letter(i)) for i, v in enumerate(values)]
            break
    if header_row is None:
        return sheet
    keys = [normalise_header(h) if h else "" for h, _col in sheet.headers]
    for number, values in enumerate(rows, header_row + 1):
        cells = {}
        for i, v in enumerate(values):
            text = _text(v)
            if not text:
                continue
            key = keys[i] if i < len(keys) else ""
            raw = sheet.headers[i][0] if i < len(sheet.headers) else ""
            cells[key or f"#{_letter(i)}"] = Cell(text, raw, number, _letter(i))
        if cells:
            sheet.rows.append((number, cells))
    return sheet


def read_workbook(path: str | Path) -> Workbook:
    """Read an XLSForm; an unreadable file raises UserError with the reason."""
    import openpyxl

    path = Path(path)
    if not path.exists():
        raise UserError(_("The file {path} does not exist.").format(path=path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops (also while reading rows)
        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
            raise UserError(_("{path} is not a readable .xlsx workbook ({detail}).").format(
                path=path, detail=exc)) from exc
        try:
            by_name = {ws.title.strip().lower(): ws for ws in wb.worksheets}
            found = {k: _read_sheet(by_name[k]) if k in by_name else None
                     for k in ("survey", "choices", "settings")}
            others = [ws.title for ws in wb.worksheets if ws.title.strip().lower() not in found]
        finally:
            wb.close()
    return Workbook(str(path), found["survey"], found["choices"], found["settings"], others)
