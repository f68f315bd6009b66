"""HTML of the dashboard's pages (server-rendered shells; dashboard.js draws the map, table and charts).

Every string goes through `_` of the page's language (Vietnamese catalogue: survey_app/i18n/vi_central.py);
user-supplied text is escaped. No inline script: the page's data travel in a JSON <script> element that the
Content-Security-Policy allows (script-src 'self').
"""
from __future__ import annotations

import html
import json

from survey_app.i18n import vietnamese_catalogue


def translator(lang: str):
    """`_` for one page in one language (thread-safe: no global language switch)."""
    catalogue = vietnamese_catalogue() if lang == "vi" else {}
    return lambda message: catalogue.get(message, message)


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _frame(lang: str, title: str, body: str, *, script: bool = False) -> str:
    tail = '<script src="/dashboard/static/dashboard.js"></script>' if script else ""
    return (f'<!DOCTYPE html><html lang="{_e(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title>'
            f'<link rel="stylesheet" href="/dashboard/static/dashboard.css"></head><body>{body}{tail}</body></html>')


def _langs(lang: str, path: str) -> str:
    other = "en" if lang == "vi" else "vi"
    label = "English" if other == "en" else "Tiếng Việt"
    return f'<a class="lang" id="lang-switch" href="{_e(path)}?lang={other}">{label}</a>'


def login_page(lang: str, message: str = "", name: str = "") -> str:
    """The login form, with an error or notice if any."""
    _ = translator(lang)
    note = f'<p class="error" id="login-error" role="alert">{_e(message)}</p>' if message else ""
    body = f"""<main class="login"><h1>{_e(_("Huế connectivity survey"))}</h1>
<p class="sub">{_e(_("Progress dashboard of the central system"))}</p>{note}
<form method="post" action="/dashboard/login" id="login-form">
<input type="hidden" name="lang" value="{_e(lang)}">
<label>{_e(_("Account"))}<input name="name" id="name" autocomplete="username" required maxlength="200"
 value="{_e(name)}"></label>
<label>{_e(_("Password"))}<input name="password" id="password" type="password" autocomplete="current-password"
 required maxlength="1024"></label>
<button type="submit" id="login-button">{_e(_("Log in"))}</button></form>
<p>{_langs(lang, "/dashboard/login")}</p></main>"""
    return _frame(lang, _("Log in"), body)


def _header(lang: str, user: str, role: str, csrf: str, page: str) -> str:
    _ = translator(lang)
    admin = (f'<a href="/dashboard/admin" id="admin-link">{_e(_("Administration"))}</a>'
             if role == "admin" else "")
    home = f'<a href="/dashboard" id="home-link">{_e(_("Dashboard"))}</a>' if page != "/dashboard" else ""
    return f"""<header><h1>{_e(_("Huế connectivity survey: progress against Plan 455"))}</h1>
<nav>{home}{admin}{_langs(lang, page)}<span class="user" id="user">{_e(user)} ({_e(_(role))})</span>
<form method="post" action="/dashboard/logout" class="inline"><input type="hidden" name="csrf" value="{_e(csrf)}">
<button type="submit" id="logout-button">{_e(_("Log out"))}</button></form></nav></header>"""


def _filters(_) -> str:
    """The team and date filters (dashboard.js fills the teams and sends the choice with the summary request)."""
    day = _e(_("dd/mm/yyyy"))
    return f"""<form id="filters" class="filters" autocomplete="off"><label>{_e(_("Team"))} <select id="team">
<option value="">{_e(_("all teams"))}</option></select></label>
<label>{_e(_("From"))} <input id="date-from" inputmode="numeric" placeholder="{day}" size="10" maxlength="10"></label>
<label>{_e(_("To"))} <input id="date-to" inputmode="numeric" placeholder="{day}" size="10" maxlength="10"></label>
<button type="submit" id="apply-filters">{_e(_("Apply"))}</button>
<button type="button" id="clear-filters">{_e(_("Clear"))}</button>
<span id="filter-error" class="error" role="alert"></span><span id="filter-note" class="note"></span></form>"""


def main_page(lang: str, user: str, role: str, csrf: str, config: dict) -> str:
    """The dashboard shell: controls, map, charts and table are drawn by dashboard.js from the summary API."""
    _ = translator(lang)
    data = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    body = f"""{_header(lang, user, role, csrf, "/dashboard")}
<script type="application/json" id="dash-config">{data}</script>
<section class="controls"><div id="indicator-buttons" role="group" aria-label="{_e(_("Indicator"))}"></div>
<label>{_e(_("Sessions"))} <select id="scope"><option value="approved">{_e(_("approved sessions only"))}</option>
<option value="all">{_e(_("all sessions except rejected"))}</option></select></label>
{_filters(_)}<p id="freshness" class="freshness">{_e(_("Loading…"))}</p></section>
<section class="top"><figure class="map"><svg id="map" role="img" aria-label="{_e(_("Map of the 40 units"))}"></svg>
<figcaption id="legend"></figcaption></figure>
<aside class="charts"><h2 id="chart-title"></h2><div id="chart-coverage"></div><div id="chart-speed"></div></aside>
</section>
<section><h2>{_e(_("Indicators per unit"))}</h2><div class="table-wrap"><table id="units-table"></table></div>
<p class="note">{_e(_("City row: 4G/5G and fibre availability = share of units meeting the target."))}</p></section>"""
    return _frame(lang, _("Progress dashboard"), body, script=True)


def _table(headers: list[str], rows: list[list], table_id: str) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e('' if v is None else v)}</td>" for v in row) + "</tr>" for row in rows)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def admin_page(lang: str, user: str, csrf: str, accounts: list[dict], freshness: dict, tokens: list[dict]) -> str:
    """Accounts, devices (with their last arrival) and read tokens: what an administrator checks."""
    _ = translator(lang)
    yes, no = _("yes"), _("no")
    acc = _table([_("Account"), _("Role"), _("Created"), _("Disabled")],
                 [[a["name"], _(a["role"]), a["created_at"], yes if a["disabled"] else no] for a in accounts],
                 "accounts-table")
    dev = _table([_("Device"), _("Last data received"), _("Batches"), _("Records"), _("Revoked")],
                 [[d["name"], d["last_received_at"] or "—", d["batches"], d["records"], yes if d["revoked"] else no]
                  for d in freshness["devices"]], "devices-table")
    tok = _table([_("Read token"), _("Personal data"), _("Precise locations"), _("Created"), _("Revoked")],
                 [[t["name"], yes if t["personal"] else no, yes if t["precise"] else no, t["created_at"],
                   yes if t["revoked"] else no] for t in tokens], "tokens-table")
    body = f"""{_header(lang, user, "admin", csrf, "/dashboard/admin")}<main class="admin">
<h2>{_e(_("Accounts"))}</h2>{acc}<p class="note">{_e(_("Add accounts with: survey-app central account add"))}</p>
<h2>{_e(_("Devices"))}</h2>{dev}<h2>{_e(_("Read tokens"))}</h2>{tok}
<p class="note">{_e(_("Add read tokens with: survey-app central read-token add"))}</p></main>"""
    return _frame(lang, _("Administration"), body)


def message_page(lang: str, title: str, text: str) -> str:
    """A short page for an error (403, 404) in the page's language."""
    body = f'<main class="login"><h1>{_e(title)}</h1><p id="message">{_e(text)}</p>' \
           f'<p><a href="/dashboard">{_e(translator(lang)("Dashboard"))}</a></p></main>'
    return _frame(lang, title, body)
