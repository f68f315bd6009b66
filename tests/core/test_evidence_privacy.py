"""The handover log says where a household lives as much as signal readings do: erasing a household strips the
positions of the cell changes logged during its interview, and leaves the others."""
from __future__ import annotations

from survey_app.households import interviews as hh
from survey_app.models.base import Position
from survey_app.storage.erasure import erase_household
from survey_app.storage.forms import current_form, ensure_builtin
from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session
from survey_app.storage.signal import cell_change_row, store_batch


def test_erasure_strips_cell_changes_logged_during_the_interview(db):
    rctx = context_for(db, "Lan")
    ensure_builtin(db, rctx)
    session = new_session(db, rctx, unit_code="19753", team="T1", surveyors=["Lan"])
    hid = hh.start_interview(db, rctx, session_id=session.id, form=current_form(db)["definition"])
    started = db.execute("SELECT started_at FROM households WHERE id = ?", [hid]).fetchone()[0]
    here = Position(16.4637123, 107.5909123, "gps", 4.0, started)
    before, after = {"operator": "Viettel", "technology": "LTE", "pci": 215}, {"operator": "Viettel",
                                                                              "technology": "LTE", "pci": 87}
    during = cell_change_row(rctx, "handover", before, after, measured_at=started, modem_id=None,
                             session_id=session.id, position=here)
    earlier = cell_change_row(rctx, "handover", after, before, measured_at="2020-01-01T00:00:00.000Z",
                              modem_id=None, session_id=session.id, position=here)
    store_batch(db, rctx, [], [], [during, earlier])
    with db.atomic():
        counts = erase_household(db, hid, by="Giám sát Minh", reason="Hộ yêu cầu xóa")
    assert counts["cell_changes"] == 1 and counts["households"] == 1
    rows = dict(db.execute("SELECT id, lat FROM cell_changes").fetchall())
    assert rows == {during["id"]: None, earlier["id"]: 16.4637123}
    assert db.execute("SELECT to_pci, revision FROM cell_changes WHERE id = ?", [during["id"]]).fetchone() == (87, 2)
