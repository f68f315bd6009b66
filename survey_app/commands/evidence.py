"""`survey-app review kpi`: KPIs per unit, operator and technology from valid speed tests only."""
from __future__ import annotations

from survey_app.commands.options import JSON, action, opt
from survey_app.i18n import _, number


def register_kpi(review_actions) -> None:
    """Add `kpi` under `survey-app review`."""
    action(review_actions, "kpi", run_kpi, _("speed KPIs per unit, operator and technology from valid tests only"),
           opt("--unit", metavar="CODE", help=_("only this unit code")), JSON)


def run_kpi(ctx, args) -> int:
    """Print the KPI table (JSON with --json)."""
    from survey_app.commands import print_json
    from survey_app.evidence.kpi import compute_kpis
    from survey_app.storage.units import get_unit

    code = get_unit(ctx.db, args.unit).code if args.unit else None
    table = compute_kpis(ctx.db, unit_code=code)
    if args.json:
        print_json(table)
        return 0
    for line in kpi_lines(table):
        print(line)
    return 0


def kpi_lines(table: dict) -> list[str]:
    """The KPI table as plain lines: one per group, figures or 'not enough tests (n)'."""
    out = [_("KPIs from valid tests only (at least {n} per group for a figure); shares describe the samples, "
             "they do not say whether an operator complies.").format(n=table["min_tests"])]
    for g in table["groups"]:
        head = f"{g['unit_code'] or '-'} {g['unit_name'] or ''} · {g['operator'] or '?'} · {g['technology'] or '?'}"
        if not g["enough_tests"]:
            out.append(_("{group}: not enough tests ({n})").format(group=head, n=g["valid_tests"]))
            continue
        out.append(_("{group}: {n} valid tests; download median {dm} / 10th percentile {dp} Mbit/s; upload median "
                     "{um} / 10th percentile {up} Mbit/s; latency median {lm} / 90th percentile {lp} ms").format(
            group=head, n=g["valid_tests"], dm=number(g["download_median_mbps"], 1),
            dp=number(g["download_p10_mbps"], 1), um=number(g["upload_median_mbps"], 1),
            up=number(g["upload_p10_mbps"], 1), lm=number(g["latency_median_ms"], 1),
            lp=number(g["latency_p90_ms"], 1)))
    return out
