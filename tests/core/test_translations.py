"""Every user-visible string has a Vietnamese translation with the same {placeholders}."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text or ""))


def ts_files(lang: str) -> list[Path]:
    return sorted((ROOT / "resources" / "i18n").glob(f"*_{lang}.ts"))


def core_messages() -> dict[str, str]:
    """Every literal passed to `_()` in core modules, with its file:line."""
    found = {}
    for path in (ROOT / "survey_app").rglob("*.py"):
        if "qt" in path.relative_to(ROOT / "survey_app").parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def test_every_qt_string_has_a_vietnamese_translation():
    files = ts_files("vi")
    assert files, "no Vietnamese .ts files"
    problems = []
    for ts in files:
        for msg in ET.parse(ts).getroot().iter("message"):
            src = msg.findtext("source")
            tr = msg.find("translation")
            text = tr.text if tr is not None else None
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (text or "").strip():
                problems.append(f"{ts.name}: untranslated: {src!r}")
            elif placeholders(src) != placeholders(text):
                problems.append(f"{ts.name}: placeholders differ: {src!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_english_ts_files_exist_for_every_area():
    vi = {p.name.rsplit("_", 1)[0] for p in ts_files("vi")}
    en = {p.name.rsplit("_", 1)[0] for p in ts_files("en")}
    assert vi == en


def test_every_core_message_has_a_vietnamese_translation():
    from survey_app.i18n import vietnamese_catalogue

    catalogue = vietnamese_catalogue()
    messages = core_messages()
    assert len(messages) > 10
    problems = []
    for msg, where in sorted(messages.items()):
        if msg not in catalogue:
            problems.append(f"{where}: no Vietnamese for {msg!r}")
        elif placeholders(msg) != placeholders(catalogue[msg]):
            problems.append(f"{where}: placeholders differ: {msg!r} -> {catalogue[msg]!r}")
    assert not problems, "\n".join(problems)


def test_no_fstring_inside_tr():
    problems = []
    for path in (ROOT / "survey_app").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name))
                    and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("tr", "_")
                    and node.args and isinstance(node.args[0], ast.JoinedStr)):
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not problems, "f-string passed to tr()/_(): " + ", ".join(problems)


@pytest.mark.slow
def test_generated_qt_files_are_fresh():
    out = subprocess.run([sys.executable, "build_installer.py", "check"], cwd=ROOT, capture_output=True,
                         text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
