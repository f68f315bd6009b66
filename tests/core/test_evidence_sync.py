"""Passports, conditions, verdicts and the handover log reach the reference receiver like any observation."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from sync_support import Receiver, fast_config, sync  # noqa: E402

from survey_app.demo.survey import DemoSpec, generate  # noqa: E402
from survey_app.paths import db_path  # noqa: E402
from survey_app.storage.driver import connect_file  # noqa: E402
from survey_app.storage.records import context_for  # noqa: E402
from survey_app.storage.signal import cell_change_row, insert_readings  # noqa: E402


@pytest.fixture
def receiver(tmp_path):
    r = Receiver(tmp_path)
    yield r
    r.stop()


def test_evidence_columns_and_cell_changes_arrive(db, home, receiver):
    ctx = context_for(db, "Lan")
    for _ in generate(db, DemoSpec(households=5, readings=20, speedtests=12, seed=9), ctx):
        pass
    insert_readings(db, [], [cell_change_row(ctx, "handover", {"pci": 215, "operator": "Viettel"},
                                             {"pci": 87, "operator": "Viettel"}, measured_at="2026-03-02T02:00:00Z",
                                             modem_id=None)])
    result = sync(db_path(home), fast_config(receiver.url, receiver.token))
    assert result.error is None
    # (the demo's approved sessions and its form are refused from a surveyor's device: trust's rules, not ours)
    for table in ("speed_tests", "cell_changes"):
        assert db.execute(f"SELECT count(*) FROM {table} WHERE sync_state != 'synced'").fetchone()[0] == 0
    conn = connect_file(receiver.db_path)
    try:
        tests = [json.loads(d) for (d,) in conn.execute("SELECT data FROM records WHERE table_name = 'speed_tests'")]
        changes = [json.loads(d) for (d,) in conn.execute("SELECT data FROM records WHERE table_name = 'cell_changes'")]
    finally:
        conn.close()
    assert len(tests) == 12 and all(t["verdict"] in ("valid", "invalid") for t in tests)
    mine = sorted(r[0] for r in db.execute("SELECT passport FROM speed_tests"))
    assert sorted(t["passport"] for t in tests) == mine  # the passports arrive as they were recorded
    assert [(c["kind"], c["from_pci"], c["to_pci"]) for c in changes] == [("handover", 215, 87)]
