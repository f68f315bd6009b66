"""The dashboard in a real browser (Debian's headless Chromium driven by Selenium): login, map and table with
data, a unit's figures equal to `review summary`, a viewer kept out of the admin page, logout ends the session.

CENTRAL_SCREENSHOTS=1 also writes the screenshots to docs/screenshots/central/ (the guide's pictures).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi")
pytest.importorskip("selenium")

from central_support import PASSWORD, review_summary, synced_demo, team_and_days  # noqa: E402
from shared_data import REFERENCE  # noqa: E402

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "central"


@pytest.fixture
def browser():
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,1000",
                "--disable-dev-shm-usage"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _wait(driver, condition, timeout=60):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _login(driver, url, name, password):
    from selenium.webdriver.common.by import By

    driver.get(url + "/dashboard")
    _wait(driver, lambda d: d.find_elements(By.ID, "login-form"))
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login-button").click()


def _ready(driver):
    return _wait(driver, lambda d: d.execute_script("return document.body.getAttribute('data-ready')") == "1")


def _shot(driver, tmp_path, name):
    path = tmp_path / f"{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000  # a real picture, not an empty page
    if os.environ.get("CENTRAL_SCREENSHOTS"):
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, DOCS / path.name)


def _pct(x):
    return "—" if x is None else f"{round(100 * x)}%"


def _cells(driver, code):
    from selenium.webdriver.common.by import By

    row = driver.find_element(By.CSS_SELECTOR, f'#units-table tr[data-code="{code}"]')
    return {td.get_attribute("data-field"): td.text for td in row.find_elements(By.CSS_SELECTOR, "td")}


def _expected(unit: dict) -> dict:
    return {"readings": str(unit["readings"]), "households": str(unit["households"]),
            "speed_tests": str(unit["speed_tests"]), "coverage_best": _pct(unit["coverage_best"]),
            "internet_users": _pct(unit["internet_users"]), "broadband_share": _pct(unit["broadband_share"])}


def _filters_match(driver, cli, db, tmp_path):
    """Pick a team and type a day range as a person would: the map, table and charts show `review summary
    --team --from --to`'s figures; a date that does not exist is refused in the page's language; Clear undoes."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    def day(iso):
        return "/".join(reversed(iso.split("-")))

    driver.find_element(By.ID, "scope").click()
    Select(driver.find_element(By.ID, "scope")).select_by_value("all")
    _wait(driver, lambda d: "scope=all" in (d.execute_script("return document.body.getAttribute('data-query')") or ""))
    _ready(driver)
    team, unit, first, last = team_and_days(db)
    whole = _cells(driver, "city")["readings"]
    driver.find_element(By.ID, "date-from").send_keys("31/02/2026")
    driver.find_element(By.ID, "apply-filters").click()
    assert "Không phải ngày: 31/02/2026" in driver.find_element(By.ID, "filter-error").text
    assert _cells(driver, "city")["readings"] == whole  # nothing asked, nothing changed
    driver.find_element(By.ID, "date-from").clear()
    driver.find_element(By.ID, "date-from").send_keys(day(first))
    driver.find_element(By.ID, "date-to").send_keys(day(last))
    driver.find_element(By.ID, "team").click()
    Select(driver.find_element(By.ID, "team")).select_by_visible_text(team)  # choosing a team applies at once
    _wait(driver, lambda d: "team=" in (d.execute_script("return document.body.getAttribute('data-query')") or ""))
    _ready(driver)
    assert driver.find_element(By.ID, "filter-error").text == ""
    assert team in driver.find_element(By.ID, "filter-note").text and day(first) in driver.find_element(
        By.ID, "filter-note").text
    local = {r["code"]: r for r in review_summary(cli, "--all", "--team", team, "--from", first, "--to", last)["rows"]}
    for code in (unit, "city"):
        assert {k: v for k, v in _cells(driver, code).items() if k in _expected(local[code])} == _expected(local[code])
    assert int(_cells(driver, "city")["readings"]) < int(whole)
    other = next(c for c, r in local.items() if c not in (unit, "city") and r["readings"] == 0)
    assert driver.find_element(By.CSS_SELECTOR, f'#map .unit[data-code="{other}"]').get_attribute("data-light") \
        == local[other]["lights"]["internet_users"]  # the map follows the filtered figures
    driver.find_element(By.CSS_SELECTOR, f'#units-table tr[data-code="{unit}"]').click()
    _wait(driver, lambda d: d.find_element(By.ID, "chart-title").text == local[unit]["name"])
    driver.execute_script("window.scrollTo(0, 0)")
    _shot(driver, tmp_path, "dashboard_filtered_vi")
    driver.find_element(By.ID, "clear-filters").click()
    _wait(driver, lambda d: "team=" not in d.execute_script("return document.body.getAttribute('data-query')"))
    _ready(driver)
    assert _cells(driver, "city")["readings"] == whole and driver.find_element(By.ID, "filter-note").text == ""


def test_dashboard_in_chromium(browser, cli, db, home, tmp_path, pg_cluster):
    from selenium.webdriver.common.by import By

    from survey_app.central.accounts import hash_password
    from survey_app.central.backend import open_store
    from survey_app.central.ops import import_boundaries

    central_db = pg_cluster.new_database()  # the city edition (the dashboard's code is the same on SQLite)
    receiver = synced_demo(cli, home, tmp_path, central_db)
    try:
        store = open_store(central_db)
        store.add_account("lan", "admin", hash_password(PASSWORD))
        store.add_account("minh", "viewer", hash_password(PASSWORD))
        geo = REFERENCE / "hue_units_2025.geojson"
        if geo.exists():
            import_boundaries(store, str(geo))
        store.close()
        url = receiver.url
        local = {r["code"]: r for r in review_summary(cli)["rows"]}
        code = max((c for c in local if c != "city"), key=lambda c: local[c]["readings"])
        unit = local[code]

        _login(browser, url, "minh", "wrong password")  # a wrong password: a clear message, still on the form
        assert _wait(browser, lambda d: d.find_elements(By.ID, "login-error"))[0].text
        _login(browser, url, "minh", PASSWORD)
        _ready(browser)
        assert len(browser.find_elements(By.CSS_SELECTOR, "#map .unit")) == 40
        assert len(browser.find_elements(By.CSS_SELECTOR, "#units-table tbody tr")) == 41
        row = browser.find_element(By.CSS_SELECTOR, f'#units-table tr[data-code="{code}"]')

        def cell(field):
            return row.find_element(By.CSS_SELECTOR, f'td[data-field="{field}"]').text

        assert cell("readings") == str(unit["readings"]) and int(cell("readings")) > 0
        assert cell("households") == str(unit["households"]) and cell("speed_tests") == str(unit["speed_tests"])
        for field in ("coverage_best", "fibre_available", "fibre_households", "internet_users", "broadband_share"):
            assert cell(field) == _pct(unit[field]), field
        assert cell("op:Viettel") == _pct(unit["coverage"].get("Viettel", {}).get("share"))
        down = unit["download_median"]
        assert cell("download_median") == ("—" if down is None else f"{down:.1f}".replace(".", ","))  # vi: comma
        light = row.find_element(By.CSS_SELECTOR, 'td[data-field="coverage_best"]').get_attribute("class")
        assert unit["lights"]["coverage"] in light
        browser.find_element(By.CSS_SELECTOR, f'#map .unit[data-code="{code}"]').click()  # the unit's charts
        _wait(browser, lambda d: d.find_element(By.ID, "chart-title").text == unit["name"])
        assert len(browser.find_elements(By.CSS_SELECTOR, "#chart-coverage rect.bar")) == 3
        browser.find_element(By.CSS_SELECTOR, 'button[data-indicator="internet_users"]').click()
        _wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, 'button[data-indicator="internet_users"]')
              .get_attribute("aria-pressed") == "true")
        shape = browser.find_element(By.CSS_SELECTOR, f'#map .unit[data-code="{code}"]')
        assert shape.get_attribute("data-light") == unit["lights"]["internet_users"]
        assert "Dữ liệu nhận gần nhất" in browser.find_element(By.ID, "freshness").text
        _filters_match(browser, cli, db, tmp_path)
        _shot(browser, tmp_path, "dashboard_vi")
        browser.find_element(By.ID, "lang-switch").click()  # English
        _ready(browser)
        assert "Last data received" in browser.find_element(By.ID, "freshness").text
        _shot(browser, tmp_path, "dashboard_en")

        assert not browser.find_elements(By.ID, "admin-link")  # a viewer: no admin link, and no admin page
        browser.get(url + "/dashboard/admin")
        assert "administrators" in browser.find_element(By.ID, "message").text
        browser.get(url + "/dashboard")
        _ready(browser)
        cookie = browser.get_cookie("survey_session")["value"]
        browser.find_element(By.ID, "logout-button").click()
        _wait(browser, lambda d: d.find_elements(By.ID, "login-form"))
        assert browser.get_cookie("survey_session") is None
        replay = httpx.get(url + "/dashboard/api/summary", cookies={"survey_session": cookie})
        assert replay.status_code == 401  # logout ended the session on the server, not only in the browser
        browser.get(url + "/dashboard")
        assert browser.find_elements(By.ID, "login-form")

        _login(browser, url, "lan", PASSWORD)  # an admin sees the devices and when each last sent data
        _ready(browser)
        browser.find_element(By.ID, "admin-link").click()
        _wait(browser, lambda d: d.find_elements(By.ID, "devices-table"))
        assert "laptop-1" in browser.find_element(By.ID, "devices-table").text
        _shot(browser, tmp_path, "admin_en")
    finally:
        receiver.stop()
