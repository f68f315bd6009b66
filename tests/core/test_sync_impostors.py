"""A login page, a proxy, a wrong address or a web page in the receiver's place: nothing rejected, nothing lost,
the token kept; then the real receiver gets everything exactly once."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")

from sync_impostors import Impostor  # noqa: E402
from sync_support import add_readings, fast_config, local_keys, sync, unsynced  # noqa: E402

from survey_app.paths import db_path  # noqa: E402
from survey_app.storage import sync as store  # noqa: E402

HINTS = {"portal": "login page", "portal403": "login page", "html200": "login page", "notfound": "404",
         "notfound_json": "404", "proxy407": "proxy"}


@pytest.fixture
def no_proxy_env(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy",
                 "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _nothing_rejected(db, total: int) -> None:
    assert store.rejected_count(db) == 0 and store.rejections(db) == []
    assert unsynced(db) == total
    assert db.execute("SELECT count(*) FROM signal_readings WHERE sync_state = 'pending'").fetchone()[0] == total - 2


@pytest.mark.parametrize("kind", ["portal", "portal403", "html200", "notfound", "notfound_json"])
def test_something_else_answering_leaves_everything_waiting(db, home, receiver, no_proxy_env, kind):
    from survey_app.i18n import set_language

    set_language("en")  # (the home fixture resets it to Vietnamese afterwards)
    add_readings(db, 30)
    impostor = Impostor(kind)
    try:
        result = sync(db_path(home), fast_config(impostor.url, receiver.token, max_attempts=3, max_records=10))
    finally:
        impostor.stop()
    assert impostor.requests, "the impostor was asked"
    assert result.status == "failed" and not result.auth_failed and result.rejected == 0
    assert HINTS[kind] in result.error.lower() or HINTS[kind] in result.error
    _nothing_rejected(db, 32)
    again = sync(db_path(home), fast_config(receiver.url, receiver.token))
    assert (again.status, again.accepted, again.rejected) == ("ok", 32, 0)
    assert receiver.counts()["revisions"] == local_keys(db) and unsynced(db) == 0


def test_a_proxy_asking_for_a_password_then_given_it(db, home, receiver, no_proxy_env):
    from survey_app.i18n import set_language

    set_language("en")
    add_readings(db, 20)
    proxy = Impostor("proxy407")
    try:
        no_proxy_env.setenv("HTTP_PROXY", proxy.url)  # the system's proxy setting, without credentials
        refused = sync(db_path(home), fast_config(receiver.url, receiver.token, max_attempts=2))
        assert refused.status == "failed" and "407" in refused.error and not refused.auth_failed
        assert proxy.requests and proxy.forwarded == 0
        _nothing_rejected(db, 22)
        no_proxy_env.setenv("HTTP_PROXY", proxy.url.replace("://", "://lan:matkhau@"))
        result = sync(db_path(home), fast_config(receiver.url, receiver.token))
    finally:
        proxy.stop()
    assert (result.status, result.accepted) == ("ok", 22)
    assert proxy.forwarded == result.batches  # through the proxy the system names
    assert receiver.counts()["revisions"] == local_keys(db) and unsynced(db) == 0


def test_the_cli_keeps_the_token_and_names_the_login_page(db, home, receiver, cli, no_proxy_env):
    from survey_app.sync.token import TokenStore

    add_readings(db, 5)
    env = {"SURVEY_APP_NO_KEYRING": "1"}
    no_proxy_env.setenv("SURVEY_APP_NO_KEYRING", "1")
    TokenStore(home).save(receiver.token)
    portal = Impostor("portal")
    try:
        out = cli("sync", "--url", portal.url, "--json", lang="en", env=env)
        vi = cli("sync", "--url", portal.url, lang="vi", env=env)
    finally:
        portal.stop()
    assert out.returncode == 3, out.stderr
    doc = json.loads(out.stdout)
    assert doc["status"] == "failed" and doc["rejected"] == 0
    assert "sign in to this Wi-Fi" in doc["error"] and "Traceback" not in out.stderr
    assert TokenStore(home).load() == receiver.token
    assert vi.returncode == 3 and "đăng nhập" in vi.stderr and "Traceback" not in vi.stderr
    ok = cli("sync", "--url", receiver.url, "--json", env=env)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["accepted"] == 7
    assert receiver.counts()["revisions"] == local_keys(db)


def test_only_the_receivers_own_401_drops_the_token(db, home, receiver, cli, no_proxy_env):
    from survey_app.central.store import CentralStore
    from survey_app.sync.token import TokenStore

    add_readings(db, 2)
    env = {"SURVEY_APP_NO_KEYRING": "1"}
    no_proxy_env.setenv("SURVEY_APP_NO_KEYRING", "1")
    TokenStore(home).save(receiver.token)
    s = CentralStore(receiver.db_path)
    s.revoke_device("laptop-1")
    s.close()
    out = cli("sync", "--url", receiver.url, lang="en", env=env)
    assert out.returncode == 3 and "token" in out.stderr
    assert TokenStore(home).load() == ""
    assert unsynced(db) == 4 and store.rejected_count(db) == 0
