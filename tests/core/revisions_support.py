"""Laptops with households for the revision tests: real forms, real SQLite files, the real storage path."""
from __future__ import annotations

from pathlib import Path

from survey_app.forms.interview import FormState
from survey_app.households import interviews as hh
from survey_app.storage.db import open_db
from survey_app.storage.forms import current_form, ensure_builtin
from survey_app.storage.records import context_for
from survey_app.storage.sessions import new_session

HOUSEHOLD = [("consent", "yes"), ("hamlet", "Tổ dân phố 5"), ("hh_size", "2"), ("hh_phone", "yes"),
             ("hh_computer", "yes"), ("internet_at_home", "yes"), ("conn_types", ["fibre"]), ("isp", "vnpt"),
             ("plan_mbps", "300"), ("monthly_cost_vnd", "195000")]


def member_answers(age: str, internet: str) -> list[tuple[str, object]]:
    """A member's answers that pass the built-in form."""
    out = [("sex", "female"), ("age", age), ("uses_computer", "yes"), ("uses_internet", internet),
           ("uses_mobile", "yes"), ("owns_mobile", "yes")]
    out += [("use_locations", ["home"]), ("use_frequency", "daily")] if internet == "yes" else [
        ("reasons_not_using", ["no_skills"])]
    if int(age) >= 14:
        out += [(n, "yes") for n in ("vneid_level2", "digital_signature", "online_public_services", "hue_s")]
    return out


def fill(state: FormState, members=(("45", "yes"), ("10", "no"))) -> None:
    """Complete answers: the household and its members."""
    for name, value in HOUSEHOLD:
        state.set(name, value)
    for age, internet in members:
        k = state.add_instance("members")
        for name, value in member_answers(age, internet):
            state.set(name, value, k)


class Laptop:
    """One installation: its own home folder and database, a session, the surveyor Lan."""

    def __init__(self, folder: Path, surveyor: str = "Lan") -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "survey.db"
        self.db = open_db(self.path)
        self.rctx = context_for(self.db, surveyor)
        ensure_builtin(self.db, self.rctx)
        # The built-in form is the same on every laptop, and the receiver takes forms only from supervisors
        # (trust policy): not this test's subject, so it counts as arrived.
        self.db.execute("UPDATE forms SET sync_state = 'synced', synced_revision = revision")  # (bookkeeping)
        from survey_app.trust.keyring import Keyring

        self.home = folder
        self.keyring = Keyring.for_db(self.path, self.db)
        self.session = None

    @property
    def key(self) -> str:
        """This laptop's public key text."""
        return self.keyring.identity.public.text

    def trusts(self, key: str, role: str, name: str) -> None:
        """Trust another installation's (or the receiver's) key, as `keys trust` does."""
        self.keyring.trust.trust(key, name, role, now="2026-01-05T08:00:00.000Z")
        self.keyring.trust.save()

    def open_session(self):
        unit = self.db.execute("SELECT code FROM units LIMIT 1").fetchone()[0]
        self.session = new_session(self.db, self.rctx, unit_code=unit, team="T1", surveyors=[self.rctx.surveyor])
        return self.session

    def draft(self, members=(("45", "yes"), ("10", "no"))) -> str:
        """A draft interview with every answer given (not finalized yet); returns its id."""
        hid = hh.start_interview(self.db, self.rctx, session_id=self.session.id,
                                 form=current_form(self.db)["definition"])
        state = hh.state_for(self.db, hid)
        fill(state, members)
        hh.save_draft(self.db, self.rctx, hid, state.to_data())
        return hid

    def finalize(self, hid: str) -> str:
        return hh.finalize_interview(self.db, self.rctx, hid, hh.state_for(self.db, hid).to_data())

    def member_ids(self, hid: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM members WHERE household_id = ? ORDER BY position",
                                              [hid])]

    def state(self, tables=("households", "members", "tombstones")) -> dict:
        """The current rows of `tables` without this laptop's bookkeeping (for comparing laptops)."""
        out = {}
        for t in tables:
            cur = self.db.execute(f"SELECT * FROM [{t}] ORDER BY id")
            names = [d[0] for d in cur.description]
            out[t] = [{k: v for k, v in zip(names, r) if k not in ("sync_state", "synced_revision")}
                      for r in cur.fetchall()]
        return out

    def close(self) -> None:
        self.db.close()
