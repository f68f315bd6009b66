"""Safe exports: formula prefixes made inert in every text column of every layer (in LibreOffice too), no
partial file after SIGKILL, no silent overwrite, private file modes, readings during interviews rounded."""
from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import stat
import subprocess
import sys

import exports_support as es
import pytest

from survey_app.exports.layers import BY_NAME, INDICATORS_NAME
from survey_app.exports.indicators import INDICATORS

PREFIXES = ["=", "+", "-", "@", "\t", "\r"]
PAYLOAD = "1234000+567"       # LibreOffice shows 1234567 if it ran a formula


def _poison(db_path, prefix: str) -> None:
    """Every text column behind every exported layer starts with `prefix` (ids too, consistently): hostile rows,
    written past the revision guards."""
    from survey_app.storage.db import database_class
    from survey_app.storage.driver import connect_file
    from sync_support import craft

    db = database_class()(connect_file(db_path, isolation_level=None))  # foreign keys off: ids change too
    seen = set()
    for layer in BY_NAME.values():
        for col in layer.columns:
            if col.kind != "string":
                continue
            table, name = (col.src.split(".") if "." in col.src else (layer.table, col.src))
            aliases = {"u": "units", "h": "households", "s": "sessions", "m": "members", "c": "consents"}
            table = aliases.get(table, table)
            if (table, name) in seen or "(" in name:
                continue
            seen.add((table, name))
            craft(db, f'UPDATE "{table}" SET "{name}" = ? || coalesce("{name}", ?)', [prefix, PAYLOAD])
    craft(db, "UPDATE units SET code = ? || code", [prefix])  # unit codes are joined on
    craft(db, "UPDATE consents SET household_id = ? || household_id", [prefix])  # and household ids
    db.close()


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def poisoned_exports(tmp_path_factory):
    """One CSV export of every layer per dangerous prefix."""
    from survey_app.exports.run import ExportOptions, run_export

    base = tmp_path_factory.mktemp("inject")
    (base / "clean").mkdir()
    clean = base / "clean" / "survey.db"  # built once, copied with its key file for each prefix (the slow part)
    db = es.build(clean)
    for (hid,) in db.execute("SELECT id FROM households").fetchall():  # a consent record for each
        db.table("consents").insert(es.common(0, "2026-03-02T03:15:00.000Z") | {
            "id": f"c-{hid}", "household_id": hid, "form_id": "household", "form_version": "2026.2",
            "text_id": "household/2026.2/consent", "text_sha256": "0" * 64, "interview": 1, "phone_contact": 1,
            "precise_location": 0, "agreed_at": "2026-03-02T03:15:00.000Z", "agreed_by": "Lan"})
    db.close()
    out = {}
    for i, prefix in enumerate(PREFIXES):
        folder = base / f"p{i}"
        folder.mkdir()
        db_path = folder / "survey.db"
        for name in ("survey.db", "database-key.json"):
            shutil.copyfile(clean.parent / name, folder / name)
        _poison(db_path, prefix)
        target = folder / "out"
        target.mkdir()
        gen = run_export(db_path, ExportOptions("csv", target, include_personal=True, precise_locations=True))
        for _progress in gen:
            pass
        out[prefix] = target
    return out


@pytest.mark.parametrize("prefix", PREFIXES, ids=["eq", "plus", "minus", "at", "tab", "cr"])
def test_each_prefix_is_inert_in_every_text_column(poisoned_exports, prefix):
    folder = poisoned_exports[prefix]
    layers = {**{n: layer.columns for n, layer in BY_NAME.items()}, INDICATORS_NAME: INDICATORS.columns}
    checked = 0
    for name, columns in layers.items():
        rows = _rows(folder / f"{name}.csv")
        assert rows, name
        for col in columns:
            if col.kind != "string":
                continue
            values = [r[col.name] for r in rows if r[col.name]]
            if name == INDICATORS_NAME and not any(v.lstrip("'")[:1] == prefix for v in values):
                continue  # an indicator text that does not come from stored text (codes of the unit list)
            assert values, (name, col.name)
            for v in values:
                assert v[0] not in "=+-@\t\r", (name, col.name, v)
                if v[1:2] == prefix:
                    assert v[0] == "'"
                    checked += 1
    assert checked > 50


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_runs_no_formula_from_an_export(poisoned_exports, tmp_path):
    files = []
    for i, folder in enumerate(poisoned_exports.values()):
        for f in sorted(folder.glob("*.csv")):
            files.append(shutil.copy(f, tmp_path / f"p{i}-{f.name}"))
    control = tmp_path / "control.csv"   # proves this LibreOffice does run formulas from a CSV
    control.write_text(f'"id","v"\r\n"a","={PAYLOAD}"\r\n', encoding="utf-8")
    files.append(control)
    out = tmp_path / "html"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "html", "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=240)
    assert "1234567" in (out / "control.html").read_text(encoding="utf-8", errors="replace")
    converted = sorted(out.glob("p*.html"))
    assert len(converted) == len(files) - 1
    for page in converted:
        assert "1234567" not in page.read_text(encoding="utf-8", errors="replace"), page.name


def test_existing_files_are_kept_unless_forced_and_exports_are_private(home, cli, tmp_path):
    es.build(home / "survey.db").close()
    out = tmp_path / "out"
    out.mkdir()
    (out / "households.csv").write_text("mine", encoding="utf-8")
    r = cli("export", "--format", "csv", "--out", out)
    assert r.returncode == 2 and "households.csv" in r.stderr and "--force" in r.stderr
    assert (out / "households.csv").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in out.iterdir()) == ["households.csv"]
    r = cli("export", "--format", "csv", "--out", out, "--force")
    assert r.returncode == 0, r.stderr
    assert (out / "households.csv").read_text(encoding="utf-8-sig").startswith("id,")
    if os.name == "posix":
        for p in out.iterdir():
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p  # after an export


KILLED_EXPORT = """
import sys
from pathlib import Path
from survey_app.exports.run import ExportOptions, run_export
gen = run_export(Path(sys.argv[1]), ExportOptions(sys.argv[3], Path(sys.argv[2]), zip=sys.argv[4] == "zip"))
for progress in gen:
    if progress.stage == sys.argv[5] and progress.done:
        print("writing", flush=True)
        sys.stdin.readline()   # killed here, in the middle of the export
"""


@pytest.mark.parametrize("fmt,zipped,stage", [("geojson", "", "rows"), ("csv", "zip", "zip")])
def test_sigkill_during_an_export_leaves_no_file(tmp_path, fmt, zipped, stage):
    db_path = tmp_path / "survey.db"
    es.build(db_path, readings_per_session=3000).close()
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", KILLED_EXPORT, str(db_path), str(out), fmt, zipped, stage],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
        held = [os.readlink(f"/proc/{proc.pid}/fd/{fd}") for fd in os.listdir(f"/proc/{proc.pid}/fd")]
        assert any(h.startswith(str(out)) for h in held), held   # a file in the folder is being written
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdin.close()
        proc.stdout.close()
    assert list(out.iterdir()) == []


def test_leftovers_of_killed_exports_are_swept_but_a_running_one_is_not(tmp_path):
    from survey_app.exports.files import check_folder

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    names = [f".households.csv.{dead}-0badcafe.part", ".members.csv.1a2b3c4d.part",  # this and older releases
             f".sessions.csv.{os.getppid()}-12345678.part", "notes.part", "households.csv"]
    for n in names:
        (tmp_path / n).write_text("0912 345 678", encoding="utf-8")
    check_folder(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[2:])


def test_readings_during_an_interview_are_rounded_like_the_household(tmp_path):
    from survey_app.exports.run import ExportOptions, run_export

    db_path = tmp_path / "survey.db"
    db = es.build(db_path)
    hh = db.execute("SELECT session_id, started_at, ended_at FROM households WHERE started_at IS NOT NULL "
                    "AND ended_at IS NOT NULL LIMIT 1").fetchone()
    inside = db.execute("SELECT id FROM signal_readings WHERE session_id = ? LIMIT 1", [hh[0]]).fetchone()[0]
    from sync_support import craft

    craft(db, "UPDATE signal_readings SET measured_at = ?, lon = 107.5912346, lat = 16.4612346 WHERE id = ?",
          [hh[1], inside])
    craft(db, "UPDATE signal_readings SET lon = 107.5912346, lat = 16.4612346 WHERE id != ?", [inside])
    db.conn.commit()
    db.close()
    out = tmp_path / "out"
    out.mkdir()
    for precise in (False, True):
        for _p in run_export(db_path, ExportOptions("csv", out, ("signal_readings",), precise_locations=precise,
                                                    overwrite=True)):
            pass
        rows = {r["id"]: r for r in _rows(out / "signal_readings.csv")}
        assert rows[inside]["lon"] == ("107.591" if not precise else "107.591235")
        others = [r["lon"] for i, r in rows.items() if i != inside]
        assert others and all(v == "107.591235" for v in others)
