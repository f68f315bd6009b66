"""The progress dashboard served by the receiver: login, the 40 units against Plan 455, administration.

Read-only. Accounts (viewer, admin) log in with a password (Argon2id); the session lives in an HttpOnly,
SameSite=Strict cookie (Secure over https, also behind a TLS proxy that sets X-Forwarded-Proto) and expires.
Failed logins are throttled per account and per address (429). Everything is served from the package:
no CDN, no build step.
"""
from __future__ import annotations

from datetime import date
from importlib import resources
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from survey_app.central import dashboard_pages as pages
from survey_app.central.accounts import Accounts
from survey_app.central.indicators import IndicatorCache
from survey_app.models.export_spec import Filters

COOKIE = "survey_session"
LANG_COOKIE = "survey_lang"
MAX_FORM = 4096
MAX_TEAMS = 20
_STATIC = {"dashboard.js": "text/javascript; charset=utf-8", "dashboard.css": "text/css; charset=utf-8"}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or "vi"
    return lang if lang in ("vi", "en") else "vi"


def _html(text: str, status: int = 200, lang: str | None = None, request: Request | None = None) -> HTMLResponse:
    resp = HTMLResponse(text, status, headers=SECURITY_HEADERS)
    if lang and request is not None and request.query_params.get("lang"):
        resp.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="strict", httponly=True,
                        secure=request.url.scheme == "https")
    return resp


async def _form(request: Request) -> dict[str, str] | None:
    """A small urlencoded form (None when too large or not a form)."""
    if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM:
            return None
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        return None
    return {k: v[0] for k, v in fields.items()}


def indicator_config(cfg, _) -> list[dict]:
    """The Plan 455 indicators the map can colour by: light key, value field, target, label."""
    return [
        {"key": "coverage", "field": "coverage_best", "target": cfg.covered_share, "city_target": cfg.target_coverage,
         "label": _("4G/5G coverage (best operator)")},
        {"key": "fibre_available", "field": "fibre_available", "target": cfg.target_fibre_available,
         "city_target": cfg.target_fibre_available, "label": _("Fibre reaches the hamlets")},
        {"key": "fibre_households", "field": "fibre_households", "target": cfg.target_fibre_households,
         "city_target": cfg.target_fibre_households, "label": _("Households with fibre")},
        {"key": "internet_users", "field": "internet_users", "target": cfg.target_internet_users,
         "city_target": cfg.target_internet_users, "label": _("Internet users")},
        {"key": "digital_signature", "field": "digital_signature", "target": cfg.target_digital_signature,
         "city_target": cfg.target_digital_signature, "label": _("Adults with a digital signature")},
        {"key": "speed", "field": "broadband_share", "target": cfg.covered_share, "city_target": cfg.covered_share,
         "label": _("Speed tests at broadband speed")},
    ]


def _strings(_) -> dict[str, str]:
    """Texts dashboard.js shows, in the page's language."""
    keys = {
        "unit": _("Unit"), "city": _("Huế City"), "target": _("Target"), "met": _("target met"),
        "near": _("within 10 points"), "below": _("below target"), "few": _("too few samples"),
        "down": _("Down Mbit/s"), "up": _("Up Mbit/s"), "tests": _("Tests"), "readings": _("Readings"),
        "households": _("Households"), "coverage_by_operator": _("Usable 4G/5G signal by operator"),
        "speed_by_operator": _("Median download by operator (Mbit/s)"), "last_data": _("Last data received: {when}"),
        "no_data": _("No data received yet."), "devices": _("{n} devices"), "stale": _("No new data for {hours} hours."),
        "failed": _("The summary could not be loaded: {error}"), "fibre_avail": _("Fibre avail."),
        "fibre_hh": _("Fibre HH"), "internet_users": _("Internet users"), "signature": _("Digital signature"),
        "broadband": _("Broadband tests"), "coverage": _("4G/5G"),
        "bad_date": _("Not a date: {text}. Write it as dd/mm/yyyy."),
        "reversed": _("The first day {start} is after the last day {end}."), "figures_for": _("Figures for: {what}"),
        "from_day": _("from {day}"), "to_day": _("to {day}"),
        "session_ended": _("Your session has ended. Log in again."), "no_boundaries":
            _("Boundaries not imported: units drawn as circles (survey-app central boundaries)."),
    }
    return keys


def install_dashboard(app, store, *, session_hours: float = 8.0, cache_age_s: float = 10.0) -> None:
    """Add the dashboard's routes to the receiver app."""
    accounts = Accounts(store, session_hours)
    cache = IndicatorCache(store, min_age_s=cache_age_s)
    router = APIRouter(prefix="/dashboard", include_in_schema=False)

    async def current(request: Request):
        return await run_in_threadpool(accounts.session, request.cookies.get(COOKIE))

    _login_routes(router, accounts, current, session_hours)
    _page_routes(router, store, cache, current)
    _static_route(router)
    app.include_router(router)


def _to_login(request: Request, ended: bool) -> RedirectResponse:
    """A redirect to the login page (dropping the session cookie when the session ended)."""
    resp = RedirectResponse("/dashboard/login" + ("?ended=1" if ended else ""), 303, headers=SECURITY_HEADERS)
    if ended:
        resp.delete_cookie(COOKIE, path="/dashboard")
    return resp


def _login_routes(router: APIRouter, accounts: Accounts, current, session_hours: float) -> None:
    """The login form, login and logout."""

    @router.get("/login")
    async def login_form(request: Request):
        lang = _lang(request)
        _ = pages.translator(lang)
        msg = _("Your session has ended. Log in again.") if request.query_params.get("ended") else ""
        return _html(pages.login_page(lang, msg), lang=lang, request=request)

    @router.post("/login")
    async def login(request: Request):
        form = await _form(request)
        lang = (form or {}).get("lang") if (form or {}).get("lang") in ("vi", "en") else _lang(request)
        _ = pages.translator(lang)
        if form is None:
            return _html(pages.login_page(lang, _("The login form was not understood.")), 400)
        name, password = form.get("name", "").strip(), form.get("password", "")
        address = request.client.host if request.client else ""
        result = await run_in_threadpool(accounts.login, name, password, address)
        if result.throttled:
            minutes = max(1, result.retry_after_s // 60)
            resp = _html(pages.login_page(lang, _("Too many failed logins. Try again in {n} minutes.").format(n=minutes),
                                          name), 429)
            resp.headers["Retry-After"] = str(result.retry_after_s)
            return resp
        if not result.ok:
            return _html(pages.login_page(lang, _("Wrong account name or password."), name), 401)
        resp = RedirectResponse("/dashboard", 303, headers=SECURITY_HEADERS)
        resp.set_cookie(COOKIE, result.token, max_age=int(session_hours * 3600), path="/dashboard", httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")
        resp.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="strict", httponly=True,
                        secure=request.url.scheme == "https")
        return resp

    @router.post("/logout")
    async def logout(request: Request):
        form = await _form(request) or {}
        sess = await current(request)
        if sess is not None and form.get("csrf") == sess[2]:
            await run_in_threadpool(accounts.logout, request.cookies.get(COOKIE))
        resp = RedirectResponse("/dashboard/login", 303, headers=SECURITY_HEADERS)
        resp.delete_cookie(COOKIE, path="/dashboard")
        return resp


def _page_routes(router: APIRouter, store, cache: IndicatorCache, current) -> None:
    """The main page, its summary JSON and the admin page (a live session needed)."""

    @router.get("")
    async def dashboard(request: Request):
        sess = await current(request)
        if sess is None:
            return _to_login(request, COOKIE in request.cookies)
        lang = _lang(request)
        _ = pages.translator(lang)
        config = {"lang": lang, "indicators": indicator_config(cache.cfg, _), "strings": _strings(_),
                  "min_signal": cache.cfg.min_signal_samples, "min_speed": cache.cfg.min_speed_samples}
        return _html(pages.main_page(lang, sess[0], sess[1], sess[2], config), lang=lang, request=request)

    @router.get("/api/summary")
    async def summary(request: Request):
        sess = await current(request)
        if sess is None:
            return JSONResponse({"detail": "not logged in or session expired"}, 401, headers=SECURITY_HEADERS)
        scope = request.query_params.get("scope", "approved")
        if scope not in ("approved", "all"):
            return JSONResponse({"detail": "scope must be approved or all"}, 422, headers=SECURITY_HEADERS)
        filters = summary_filters(request.query_params)
        if isinstance(filters, str):
            return JSONResponse({"detail": filters}, 422, headers=SECURITY_HEADERS)
        return JSONResponse(await run_in_threadpool(_summary, store, cache, scope, filters),
                            headers=SECURITY_HEADERS)

    @router.get("/admin")
    async def admin(request: Request):
        sess = await current(request)
        if sess is None:
            return _to_login(request, COOKIE in request.cookies)
        lang = _lang(request)
        _ = pages.translator(lang)
        if sess[1] != "admin":
            return _html(pages.message_page(lang, _("Not allowed"), _("This page is for administrators.")), 403)
        accs, fresh, toks = await run_in_threadpool(lambda: (store.accounts(), store.freshness(), store.read_tokens()))
        return _html(pages.admin_page(lang, sess[0], sess[2], accs, fresh, toks), lang=lang, request=request)


def _static_route(router: APIRouter) -> None:
    """The dashboard's own scripts and styles."""

    @router.get("/static/{name}")
    async def static(name: str):
        if name not in _STATIC:
            return JSONResponse({"detail": "not found"}, 404)
        data = resources.files("survey_app.central").joinpath("static", name).read_bytes()
        return Response(data, media_type=_STATIC[name], headers={"Cache-Control": "max-age=300",
                                                                  "X-Content-Type-Options": "nosniff"})


def summary_filters(query) -> Filters | None | str:
    """The summary's team (repeatable) and from/to (YYYY-MM-DD, Vietnam days) filters; a problem as text."""
    teams = query.getlist("team")
    if len(teams) > MAX_TEAMS or any(len(t) > 200 for t in teams):
        return f"at most {MAX_TEAMS} team names of up to 200 characters"
    days = {}
    for name in ("from", "to"):
        text = query.get(name) or ""
        try:
            days[name] = date.fromisoformat(text) if text else None
        except ValueError:
            return f"{name} must be a date YYYY-MM-DD"
    if days["from"] and days["to"] and days["from"] > days["to"]:
        return "from is after to"
    if not teams and not days["from"] and not days["to"]:
        return None
    return Filters(date_from=days["from"], date_to=days["to"], teams=tuple(dict.fromkeys(teams)))


def _summary(store, cache: IndicatorCache, scope: str, filters: Filters | None = None) -> dict:
    """Indicators (review summary's JSON, with the same filters), freshness, the teams one may choose and the
    map's shapes, in one answer."""
    table = cache.table(scope, filters)
    bounds = store.boundaries()
    features = []
    for code, name, kind, ilon, ilat, *_rest, area in store.units():
        geometry = bounds.get(code) or {"type": "Point", "coordinates": [ilon, ilat]}
        features.append({"type": "Feature", "id": code, "geometry": geometry,
                         "properties": {"code": code, "name": name, "kind": kind, "area_km2": area}})
    return {"summary": table, "freshness": store.freshness(), "boundaries": bool(bounds), "teams": cache.teams(scope),
            "map": {"type": "FeatureCollection", "features": features}}
