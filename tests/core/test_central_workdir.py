"""A PostgreSQL receiver writes nothing into the working directory: its --db URL is never taken for a file path
(it once became a folder `postgresql:` holding a SQLite file and a database-key.json in the repository root)."""
from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from sync_support import Receiver, add_readings, fast_config, receiver_counts, sync  # noqa: E402
from trust_support import Laptop, big_bundle  # noqa: E402

from survey_app.paths import db_path  # noqa: E402


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_postgresql_receiver_writes_nothing_into_the_working_directory(tmp_path, monkeypatch, pg_cluster, db,
                                                                         home, cli):
    from survey_app.central.backend import identity_for, keys_folder, open_store
    from survey_app.central.store import CentralStore

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # the CLI's subprocesses start here too
    monkeypatch.setenv("SURVEY_CENTRAL_KEYS", str(tmp_path / "keys"))
    url = pg_cluster.new_database()
    with pytest.raises(ValueError):
        CentralStore(url)  # the SQLite store refuses a URL instead of making a file of it
    assert keys_folder(url) == tmp_path / "keys"
    lan = Laptop(tmp_path / "lan")
    r = Receiver(tmp_path / "receiver", db=url)
    store = open_store(url)
    lan_token = store.add_device("Lan", public_key=lan.key)
    store.close()
    try:
        add_readings(db, 30)
        assert sync(db_path(home), fast_config(r.url, r.token)).status == "ok"
        bundle, n = big_bundle(tmp_path / "lan.bundle", lan, [identity_for(url).public], 0.05)
        req = urllib.request.Request(r.url + "/api/v1/bundles", bundle.read_bytes(), method="POST", headers={
            "Authorization": f"Bearer {lan_token}", "Content-Type": "application/octet-stream"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            assert json.loads(resp.read())["records"] == n
    finally:
        r.stop()
    assert receiver_counts(url)["tables"]["signal_readings"] == 30 + n
    status = cli("central", "status", "--db", url, "--json")
    assert status.returncode == 0, status.stderr
    backup = cli("central", "backup", "--db", url, "--out", str(tmp_path / "central.dump"))
    assert backup.returncode == 0, backup.stderr
    assert _everything(work) == []
    assert not [p for p in _everything(tmp_path) if "postgresql:" in p]
