"""`export --format gpkg`: one GeoPackage with every layer, written with SQLite alone (no GDAL at run time).

Record layers take the same columns, filters and privacy rules as CSV/GeoJSON (personal columns only on
request, household positions rounded unless precise locations are asked for); units, indicators and the hexagon
summaries are polygon layers. The file is written under a temporary name and renamed when complete; an
existing file is refused unless `force` (then replaced only once the new one is whole).
"""
from __future__ import annotations

import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Generator

from survey_app.errors import UserError
from survey_app.exports import gpkg_geometry as geo
from survey_app.exports.files import check_cancel, check_folder, refuse_existing, translate_os_error
from survey_app.exports.gpkg_layers import EXTRA_LAYERS, extra_rows
from survey_app.exports.layers import BY_NAME, Layer
from survey_app.exports.run import ExportOptions, Progress
from survey_app.i18n import _
from survey_app.storage import export_queries as esql
from survey_app.storage import gpkg as gsql

RANGE = 100_000      # source rowids per statement for big layers: progress and cancel between them
FOLDER_FILE = "survey.gpkg"     # the window's export writes this file into the chosen folder
GPKG_LAYERS = ("sessions", "speed_tests", "signal_readings", "households", "members") + tuple(EXTRA_LAYERS)


@dataclass
class GpkgResult:
    """The file written and its layers' feature counts."""

    path: Path
    layers: dict[str, int]
    options: ExportOptions

    def to_json(self) -> dict:
        """What the CLI prints with --json."""
        return {"format": "gpkg", "file": str(self.path), "srs": "EPSG:4326", "layers": self.layers,
                "filters": self.options.filters.to_json(),
                "privacy": {"personal_data": self.options.include_personal,
                            "precise_locations": self.options.precise_locations}}


def layer_names(wanted: tuple[str, ...] = ()) -> list[str]:
    """The layers of a GeoPackage export, checking the names the user gave."""
    for name in wanted:
        if name not in GPKG_LAYERS:
            raise UserError(_("Unknown layer {layer}; choose from {layers}.").format(
                layer=name, layers=", ".join(GPKG_LAYERS)))
    return [n for n in GPKG_LAYERS if not wanted or n in wanted]


def check_target(out: Path, force: bool) -> Path:
    """The target file, refused when it exists (unless force) or its folder cannot be written."""
    out = Path(out).expanduser()
    if out.suffix.lower() != ".gpkg":
        raise UserError(_("A GeoPackage file name ends in .gpkg: {path}").format(path=out))
    if out.is_dir():
        raise UserError(_("{path} is a folder; give the name of the .gpkg file to write.").format(path=out))
    if out.exists() and not force:
        raise UserError(_("{path} already exists; nothing was changed. Choose another name or add --force to "
                          "replace it.").format(path=out))
    check_folder(out.parent if str(out.parent) else Path("."))
    return out.absolute()


def run_gpkg_export(db_path: Path | str, options: ExportOptions, out: Path, *, force: bool = False,
                    cancel: threading.Event | None = None, settings=None) -> Generator[Progress, None, GpkgResult]:
    """Write the GeoPackage; yields Progress per layer step, returns a GpkgResult."""
    from survey_app.storage.db import begin_read, connect

    names = layer_names(options.layers)
    target = check_target(out, force)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    db = connect(db_path)
    done = False
    try:
        extras = extra_rows(db, [n for n in names if n in EXTRA_LAYERS], options, settings)  # writes caches first
        gsql.create_file(temp)
        gsql.attach(db, temp, geo.point)
        begin_read(db)     # one read snapshot of the survey for every layer
        counts = {n: esql.count_rows(db, BY_NAME[n], options.filters) for n in names if n in BY_NAME}
        if not any(counts.values()) and not any(len(r) for r in extras.values() if r):
            raise UserError(_("No records match the chosen filters; nothing was exported."))
        total = sum(counts.values()) + sum(len(r) for r in extras.values())
        written, layers = 0, {}
        for index, name in enumerate(names):
            if name in BY_NAME:
                steps = _record_layer(db, BY_NAME[name], options)
            else:
                steps = _extra_layer(db, name, extras[name])
            rows = 0
            for rows in steps:
                check_cancel(cancel)
                yield Progress(name, rows, counts.get(name, len(extras.get(name) or [])), index, len(names),
                               written + rows, total)
            written += rows
            layers[name] = rows
        gsql.finish(db)
        _fsync(temp)
        os.replace(temp, target)
        done = True
        return GpkgResult(target, layers, options)
    except OSError as exc:
        raise translate_os_error(exc, target.parent) from exc
    finally:
        if not done:
            gsql.abandon(db)
            temp.unlink(missing_ok=True)
        db.close()


def run_gpkg_into_folder(db_path: Path | str, options: ExportOptions, cancel: threading.Event | None = None,
                         settings=None) -> Generator[Progress, None, GpkgResult]:
    """The window's GeoPackage export: FOLDER_FILE in options.out_dir, refused with FilesExist (so the window
    can ask) when it is there and options.overwrite is not set."""
    folder = check_folder(options.out_dir)
    if not options.overwrite:
        refuse_existing(folder, [FOLDER_FILE])
    return (yield from run_gpkg_export(db_path, options, folder / FOLDER_FILE, force=options.overwrite,
                                       cancel=cancel, settings=settings))


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _record_layer(db, layer: Layer, options: ExportOptions):
    """Copy one record layer; yields rows written after each rowid range."""
    cols = [c for c in layer.selected(options.include_personal) if c.kind not in ("lon", "lat")]
    geometry = "POINT" if layer.geojson else None
    gsql.create_layer(db, layer.name, [(c.name, c.kind) for c in cols], geometry)
    if geometry:
        gsql.create_index(db, layer.name)
    all_cols = layer.selected(options.include_personal)
    names = [c.name for c in cols]
    rows = 0
    if esql.in_rowid_order(layer):
        text, params = esql.plain_query(layer, all_cols, options.filters, options.precise_locations, ranged=True)
        lo, hi = esql.rowid_span(db, layer)
        for start in range(lo, hi + 1, RANGE):
            rows += gsql.insert_select(db, layer.name, names, text, params + [start, start + RANGE], bool(geometry))
            yield rows
    else:
        text, params = esql.plain_query(layer, all_cols, options.filters, options.precise_locations)
        rows = gsql.insert_select(db, layer.name, names, text, params, bool(geometry))
    gsql.register(db, layer.name, layer.name, f"{layer.en} / {layer.vi}", geometry)
    yield rows


def _extra_layer(db, name: str, rows: list[tuple]):
    """Write a polygon layer made in Python (units, indicators, hexagons) with its R-tree."""
    spec = EXTRA_LAYERS[name]
    gsql.create_layer(db, name, spec.columns, "MULTIPOLYGON")
    gsql.create_index(db, name)
    gsql.insert_rows(db, name, [c for c, _k in spec.columns], rows, True)
    gsql.index_rows(db, name, [(fid, *geo.envelope(g)) for fid, g in gsql.fids_and_geoms(db, name)])
    gsql.register(db, name, name, spec.description, "MULTIPOLYGON")
    yield len(rows)
