"""Check an XLSForm and compile it to a versioned JSON form; every problem is reported with its place."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from survey_app.errors import UserError
from survey_app.forms import expr
from survey_app.forms.graph import EXPRESSION_COLUMNS, find_cycle
from survey_app.forms.xlsform import Cell, Sheet, Workbook, read_workbook
from survey_app.i18n import _

FORMAT_VERSION = 1
INPUT_TYPES = {"integer", "decimal", "text", "select_one", "select_multiple", "date", "geopoint", "note",
               "calculate"}
META_TYPES = {"start", "end", "today", "deviceid", "username"}
SURVEY_COLUMNS = {"type", "name", "label", "hint", "required", "required_message", "relevant", "constraint",
                  "constraint_message", "default", "read_only", "appearance", "choice_filter", "calculation"}
TRANSLATED = {"label", "hint", "required_message", "constraint_message"}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
_LABEL_REF = re.compile(r"\$\{([^}]*)\}")
_ALIASES = {
    "int": "integer", "string": "text", "select one": "select_one", "select one from": "select_one",
    "select1": "select_one", "select multiple": "select_multiple", "select all that apply": "select_multiple",
    "select all that apply from": "select_multiple", "begin_group": "begin group", "end_group": "end group",
    "begin_repeat": "begin repeat", "end_repeat": "end repeat", "calculation": "calculate",
}
# Types people will meet in real forms, with why they are out of this app's subset.
_WHY_NOT = {
    "image": "media", "audio": "media", "video": "media", "file": "media", "background-audio": "media",
    "barcode": "device", "phonenumber": "device", "simserial": "device", "subscriberid": "device",
    "phone number": "text", "time": "time", "datetime": "time", "acknowledge": "other", "range": "other",
    "rank": "other", "geotrace": "other", "geoshape": "other", "include": "other", "trigger": "other",
    "hidden": "other", "email": "other", "xml-external": "other", "csv-external": "other",
}


@dataclass(frozen=True)
class Problem:
    """A reason a form cannot be used, with its place (row 0 = the sheet as a whole)."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.row:
            return _("{sheet}, row {row}, column {column}: {message}").format(
                sheet=self.sheet, row=self.row, column=self.column or "-", message=self.message)
        return _("{sheet}: {message}").format(sheet=self.sheet, message=self.message)

    def to_json(self) -> dict:
        """JSON-ready form (CLI --json)."""
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


class FormRejected(UserError):
    """The form has problems; `problems` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(_("The form has {n} problems:").format(n=len(problems)) + "\n" +
                         "\n".join(f"  {p}" for p in problems))
        self.problems = problems


def language_code(raw: str) -> str:
    """'Tiếng Việt (vi)' -> 'vi'; 'english' -> 'english'; '' -> 'default'."""
    raw = raw.strip()
    m = re.search(r"\(([^()]+)\)\s*$", raw)
    if m:
        return m.group(1).strip()
    return raw or "default"


def _col(cell: Cell) -> str:
    return f"{cell.column} ({cell.header})" if cell.header else cell.column


class _Compiler:
    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.problems: list[Problem] = []
        self.languages: dict[str, str] = {}

    def problem(self, sheet: str, where: Cell | int | None, message: str, column: str = "") -> None:
        if isinstance(where, Cell):
            self.problems.append(Problem(sheet, where.row, _col(where), message))
        else:
            self.problems.append(Problem(sheet, where or 0, column, message))

    # --- choices ----------------------------------------------------------------------------------------
    def choices(self, allow_duplicates: bool) -> tuple[dict[str, list[dict]], dict[str, set[str]]]:
        lists: dict[str, list[dict]] = {}
        columns: dict[str, set[str]] = {}
        sheet = self.book.choices
        if sheet is None:
            return lists, columns
        seen: dict[tuple[str, str], int] = {}
        for number, cells in sheet.rows:
            lst = cells.get("list_name")
            name = cells.get("name")
            if lst is None:
                if name is not None:
                    self.problem("choices", name, _("This choice has no list_name."))
                continue
            if name is None:
                self.problem("choices", lst, _("This choice has no name."))
                continue
            key = (lst.value, name.value)
            if key in seen and not allow_duplicates:
                msg = _("The choice “{name}” is listed twice in “{list}” (first on row {row}).")
                self.problem("choices", name, msg.format(name=name.value, list=lst.value, row=seen[key]))
                continue
            seen.setdefault(key, number)
            choice: dict[str, Any] = {"name": name.value, "label": {}, "row": number, "extra": {}}
            for k, c in cells.items():
                base, _sep, lang = k.partition("::")
                if base == "label":
                    code = language_code(c.header.partition("::")[2] if "::" in c.header
                                         else c.header.partition(":")[2])
                    self.languages.setdefault(code, lang or code)
                    choice["label"][code] = c.value
                elif k not in ("list_name", "name"):
                    choice["extra"][k] = c.value
            lists.setdefault(lst.value, []).append(choice)
            columns.setdefault(lst.value, set()).update(choice["extra"])
        return lists, columns

    # --- survey -----------------------------------------------------------------------------------------
    def check_columns(self, sheet: Sheet) -> None:
        used: dict[str, Cell] = {}
        for _number, cells in sheet.rows:
            for k, c in cells.items():
                used.setdefault(k, c)
        for key, cell in used.items():
            base = key.partition("::")[0]
            if base not in SURVEY_COLUMNS:
                self.problem("survey", cell, _("The column “{column}” is not supported, so this form cannot be "
                                              "used as it is (remove the column or its values).")
                             .format(column=cell.header or cell.column))

    def parse_type(self, cell: Cell) -> tuple[str, str] | None:
        raw = " ".join(cell.value.split())
        low = raw.lower()
        if low.endswith(" or specify other"):
            self.problem("survey", cell, _("“or specify other” is not supported: add a separate text question "
                                           "with a relevant condition instead."))
            return None
        for prefix in ("select_one", "select_multiple", "select one from", "select one", "select1",
                       "select all that apply from", "select all that apply", "select multiple"):
            if low.startswith(prefix + " ") or low == prefix:
                kind = _ALIASES.get(prefix, prefix)
                lst = raw[len(prefix):].strip()
                if not lst:
                    self.problem("survey", cell, _("{type} needs the name of a choice list after it.").format(
                        type=kind))
                    return None
                return kind, lst
        low = _ALIASES.get(low, low)
        if low in INPUT_TYPES or low in META_TYPES or low in ("begin group", "end group", "begin repeat",
                                                              "end repeat"):
            return low, ""
        first = low.split(" ")[0]
        reason = _WHY_NOT.get(low) or _WHY_NOT.get(first)
        if first.endswith("_from_file") or low.startswith("begin loop") or low.startswith("end loop"):
            reason = "other"
        detail = {
            "media": _("photos, sound and video are not collected by this app"),
            "device": _("the app does not read phone or SIM data"),
            "time": _("use a date or text question"),
            "text": _("use a text question"),
        }.get(reason or "", "")
        supported = ", ".join(sorted(INPUT_TYPES | META_TYPES | {"begin/end group", "begin/end repeat"}))
        msg = _("The question type “{type}” is not supported.").format(type=raw)
        msg += (" " + _("({detail})").format(detail=detail) if detail else "") + " " + \
            _("Supported types: {types}.").format(types=supported)
        self.problem("survey", cell, msg)
        return None

    def survey(self, lists: dict[str, list[dict]], choice_columns: dict[str, set[str]]) -> list[dict]:
        sheet = self.book.survey
        assert sheet is not None
        self.check_columns(sheet)
        fields: list[dict] = []
        stack: list[dict] = []          # open groups/repeats
        names: dict[str, int] = {}
        for number, cells in sheet.rows:
            field = self._survey_row(number, cells, stack, names, lists)
            if field is None:
                continue
            if field["type"] in ("group", "repeat"):
                stack.append(field)
            field["_cells"] = cells
            fields.append(field)
        for open_ in stack:
            self.problem("survey", open_["row"], _("“begin {what} {name}” is never closed.").format(
                what=open_["type"], name=open_["name"]), "A (type)")
        self.check_expressions(fields, choice_columns)
        for f in fields:
            f.pop("_cells", None)
        return fields

    def _survey_row(self, number: int, cells: dict, stack: list[dict], names: dict[str, int],
                    lists: dict[str, list[dict]]) -> dict | None:
        """The field of one survey row, or None (an end of group/repeat, or a row with a problem)."""
        tcell = cells.get("type")
        if tcell is None:
            self.problem("survey", next(iter(cells.values())), _("This row has no type."))
            return None
        parsed = self.parse_type(tcell)
        if parsed is None:
            return None
        kind, lst = parsed
        if kind in ("end group", "end repeat"):
            want = kind.split()[1]
            if not stack or stack[-1]["type"] != ("group" if want == "group" else "repeat"):
                self.problem("survey", tcell, _("“{type}” has no matching “begin {what}”.").format(
                    type=tcell.value, what=want))
            else:
                stack.pop()
            return None
        name = self._field_name(cells, tcell, names, number)
        if name is None:
            return None
        ftype = {"begin group": "group", "begin repeat": "repeat"}.get(kind, kind)
        field: dict[str, Any] = {"name": name, "type": ftype, "row": number,
                                 "parent": stack[-1]["name"] if stack else None,
                                 "repeat": next((s["name"] for s in reversed(stack) if s["type"] == "repeat"), None)}
        if ftype == "repeat" and field["repeat"]:
            self.problem("survey", tcell, _("Repeats inside repeats are not supported."))
        if lst:
            field["list"] = lst
            if lst not in lists:
                self.problem("survey", tcell, _("The choice list “{list}” does not exist in the choices sheet.")
                             .format(list=lst))
        self._field_columns(field, cells)
        if ftype == "calculate" and not field.get("calculation"):
            self.problem("survey", tcell, _("A calculate question needs a calculation."))
        return field

    def _field_name(self, cells: dict, tcell: Cell, names: dict[str, int], number: int) -> str | None:
        """The row's name if it is valid and new (remembered in `names`), else None with a problem."""
        ncell = cells.get("name")
        if ncell is None:
            self.problem("survey", tcell, _("This question has no name."))
            return None
        name = ncell.value
        if not _NAME.match(name):
            self.problem("survey", ncell, _("“{name}” is not a valid name: use letters, digits and _ and start "
                                            "with a letter.").format(name=name))
            return None
        if name in names:
            self.problem("survey", ncell, _("The name “{name}” is used twice (first on row {row}).").format(
                name=name, row=names[name]))
            return None
        names[name] = number
        return name

    def _field_columns(self, field: dict[str, Any], cells: dict) -> None:
        """Copy the row's other columns into the field: translated ones by language, flags as expressions."""
        for k, c in cells.items():
            base, _sep, _lang = k.partition("::")
            if base in TRANSLATED:
                header_lang = c.header.partition("::")[2] if "::" in c.header else c.header.partition(":")[2]
                code = language_code(header_lang)
                self.languages.setdefault(code, header_lang.strip() or code)
                field.setdefault(base, {})[code] = c.value
            elif base in SURVEY_COLUMNS and base not in ("type", "name"):
                field[base] = c.value
        for flag in ("required", "read_only"):
            if flag in field:
                low = field[flag].strip().lower()
                value = "true()" if low in ("yes", "true", "true()", "1") else (
                    None if low in ("no", "false", "false()", "0", "") else field[flag].strip())
                if value is None:
                    del field[flag]
                else:
                    field[flag] = value

    def check_expressions(self, fields: list[dict], choice_columns: dict[str, set[str]]) -> None:
        by_name = {f["name"]: f for f in fields}
        for f in fields:
            cells: dict[str, Cell] = f["_cells"]
            for col in EXPRESSION_COLUMNS:
                src = f.get(col)
                if not src:
                    continue
                cell = cells.get(col) or cells["type"]
                try:
                    node = expr.parse(src)
                except expr.ExprError as exc:
                    self.problem("survey", cell, _("Syntax error in {column}: {detail}").format(
                        column=col, detail=exc))
                    continue
                for ref in sorted(expr.references(node)):
                    if ref not in by_name:
                        self.problem("survey", cell, _("{column} refers to ${{{name}}}, which is not a field of "
                                                       "this form.").format(column=col, name=ref))
                bare = expr.bare_names(node)
                if col == "choice_filter":
                    known = choice_columns.get(f.get("list", ""), set()) | {"name", "label"}
                    for b in sorted(bare - known):
                        self.problem("survey", cell, _("The choice_filter uses “{name}”, which is not a column of "
                                                       "the choice list “{list}”.").format(name=b,
                                                                                           list=f.get("list", "")))
                elif bare:
                    self.problem("survey", cell, _("{column} uses “{name}”; refer to fields as ${{name}}.").format(
                        column=col, name=sorted(bare)[0]))
                if expr.uses(node, "position") and not f.get("repeat"):
                    self.problem("survey", cell, _("position() can only be used inside a repeat."))
            for col in TRANSLATED:
                for code, text in (f.get(col) or {}).items():
                    for ref in _LABEL_REF.findall(text):
                        if ref.strip() not in by_name:
                            cell = next((c for k, c in cells.items() if k.startswith(col)), cells["type"])
                            self.problem("survey", cell, _("{column} refers to ${{{name}}}, which is not a field "
                                                           "of this form.").format(column=col, name=ref))
            if "default" in f and f["type"] in ("integer", "decimal"):
                try:
                    float(f["default"])
                except ValueError:
                    self.problem("survey", cells["default"], _("The default “{value}” is not a number.").format(
                        value=f["default"]))
        cycle = find_cycle(fields)
        if cycle:
            first = by_name[cycle[0]]
            self.problem("survey", first["row"], _("These fields depend on each other in a circle: {names}.").format(
                names=" → ".join(cycle + [cycle[0]])), "")


def compile_workbook(book: Workbook) -> tuple[dict | None, list[Problem]]:
    """(compiled form, []) when usable, else (None, every problem)."""
    c = _Compiler(book)
    if book.survey is None or not book.survey.rows:
        c.problem("survey", 0, _("The workbook has no “survey” sheet (or it is empty)."))
        return None, c.problems
    heads = {k for _n, cells in book.survey.rows for k in cells}
    if "type" not in heads or "name" not in heads:
        c.problem("survey", 1, _("The survey sheet needs the columns “type” and “name”."), "")
        return None, c.problems
    settings: dict[str, str] = {}
    if book.settings and book.settings.rows:
        settings = {k: cell.value for k, cell in book.settings.rows[0][1].items()}
    allow_dup = settings.get("allow_choice_duplicates", "").lower() in ("yes", "true")
    lists, choice_columns = c.choices(allow_dup)
    fields = c.survey(lists, choice_columns)
    if not any(f["type"] not in ("group", "repeat") for f in fields) and not c.problems:
        c.problem("survey", 0, _("The form has no questions."))
    if c.problems:
        return None, sorted(c.problems, key=lambda p: (p.sheet != "survey", p.sheet, p.row))
    used_lists = {f["list"] for f in fields if "list" in f}
    default_lang = language_code(settings.get("default_language", "")) if settings.get("default_language") else None
    languages = sorted(c.languages, key=lambda code: (code != default_lang, code == "default", code))
    form = {
        "format": FORMAT_VERSION,
        "form_id": settings.get("form_id") or Path(book.path).stem,
        "title": settings.get("form_title") or settings.get("form_id") or Path(book.path).stem,
        # "form_title::English (en)" columns: the title in each language (the window shows the form's language)
        "titles": {language_code(k.partition("::")[2]): v for k, v in settings.items()
                   if k.startswith("form_title::") and v},
        "version": settings.get("version", ""),
        "default_language": default_lang or (languages[0] if languages else "default"),
        "languages": languages or ["default"],
        "language_names": {code: c.languages[code] for code in languages},
        "fields": fields,
        "choices": {k: v for k, v in lists.items() if k in used_lists},
    }
    if not form["version"]:
        # no version in settings: derive one from the content, so a changed form is a new version
        form["version"] = hashlib.sha256(json.dumps(form, sort_keys=True).encode()).hexdigest()[:12]
    return form, []


def check_file(path: str | Path) -> tuple[dict | None, list[Problem]]:
    """Read and check an XLSForm file."""
    return compile_workbook(read_workbook(path))


def compile_file(path: str | Path) -> dict:
    """The compiled form of an XLSForm file, or FormRejected listing every problem."""
    form, problems = check_file(path)
    if problems:
        raise FormRejected(problems)
    assert form is not None
    return form
