"""The export itself: a generator that streams each layer to a file, yields progress and honours cancel."""
from __future__ import annotations

import threading
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Generator

from survey_app.errors import UserError
from survey_app.exports import manifest as mf
from survey_app.exports.files import (Sink, all_or_nothing, check_cancel, check_folder, publish_all,
                                      refuse_existing, zip_into)
from survey_app.clock import VN_TZ
from survey_app.models.export_spec import Filters
from survey_app.exports.computed import COMPUTED, computed_rows
from survey_app.exports.layers import BY_NAME, LAYER_NAMES, Layer
from survey_app.exports.stream import parallel_chunks
from survey_app.i18n import _
from survey_app.storage import export_queries as store
from survey_app.storage.db import file_of

FORMATS = ("csv", "geojson")
BATCH = 4096
PARALLEL_MIN = 50_000   # rows from which a rowid-ordered layer is read by two threads
BOM = b"\xef\xbb\xbf"   # Excel needs it to read UTF-8 (Vietnamese diacritics)


@dataclass(frozen=True)
class ExportOptions:
    """What to export, where, and with which privacy choices."""

    fmt: str
    out_dir: Path
    layers: tuple[str, ...] = ()          # empty: every layer the format has
    filters: Filters = field(default_factory=Filters)
    include_personal: bool = False
    precise_locations: bool = False
    zip: bool = False
    overwrite: bool = False               # replace files of the same names (the user said so)


@dataclass(frozen=True)
class Progress:
    """Rows written of the current layer and of the whole export (stage 'rows', or 'zip' in bytes)."""

    layer: str
    done: int
    total: int
    index: int          # 0-based position of the layer among those exported
    count: int
    overall_done: int
    overall_total: int
    stage: str = "rows"

    @property
    def fraction(self) -> float:
        """Overall completion between 0 and 1."""
        return self.overall_done / self.overall_total if self.overall_total else 1.0


@dataclass
class ExportResult:
    """The manifest (as written) and the files made."""

    manifest: dict
    files: list[Path]
    folder: Path


def layers_for(fmt: str, wanted: tuple[str, ...] = ()) -> list[str]:
    """The layers exported for a format (members are CSV only), checking the names the user gave."""
    if fmt not in FORMATS:
        raise UserError(_("Unknown export format {fmt}; use csv or geojson.").format(fmt=fmt))
    available = [n for n in LAYER_NAMES if fmt == "csv" or n not in BY_NAME or BY_NAME[n].geojson]
    if not wanted:
        return available
    out = []
    for name in wanted:
        if name not in LAYER_NAMES:
            raise UserError(_("Unknown layer {layer}; choose from {layers}.").format(
                layer=name, layers=", ".join(LAYER_NAMES)))
        if name not in available:
            raise UserError(_("The {layer} layer has no positions and is exported as CSV only.").format(layer=name))
        if name not in out:
            out.append(name)
    return [n for n in available if n in out]   # stable order whatever order they were asked in


def run_export(db_path: Path | str, options: ExportOptions, cancel: threading.Event | None = None,
               settings=None) -> Generator[Progress, None, ExportResult]:
    """Write the chosen layers and a manifest into options.out_dir; yields Progress, returns ExportResult."""
    from survey_app.storage.db import begin_read, connect

    names = layers_for(options.fmt, options.layers)
    folder = check_folder(options.out_dir)
    if not options.overwrite and not options.zip:
        refuse_existing(folder, [f"{n}.{options.fmt}" for n in names] + [mf.MANIFEST_NAME])
    db = connect(db_path)
    sinks: list[Sink] = []
    with closing(db), all_or_nothing(folder, sinks):
        # The review indicators refresh their per-session cache (a write), so before the read snapshot.
        summaries = {n: computed_rows(n, db, options.filters, settings) for n in names if n in COMPUTED}
        begin_read(db)   # one read snapshot: counts and rows agree even while others write
        counts = {n: (len(summaries[n]) if n in summaries else store.count_rows(db, BY_NAME[n], options.filters))
                  for n in names}
        if not any(counts[n] for n in names if n not in summaries):
            raise UserError(_("No records match the chosen filters; nothing was exported."))
        total = sum(counts.values())
        written = 0
        started = datetime.now(VN_TZ)
        files = []
        for index, name in enumerate(names):
            sink = Sink(folder, f"{name}.{options.fmt}", overwrite=options.overwrite)
            sinks.append(sink)
            rows = 0
            for rows in _write_layer(db, name, options, sink, summaries.get(name), counts[name]):
                check_cancel(cancel)
                yield Progress(name, rows, counts[name], index, len(names), written + rows, total)
            written += rows
            sink.close()
            files.append(mf.file_entry(name, sink, rows, options))
        manifest = mf.build(db, options, files, started)
        msink = Sink(folder, mf.MANIFEST_NAME, durable=True, overwrite=options.overwrite)
        sinks.append(msink)
        msink.write(mf.dumps(manifest))
        msink.close()
        if options.zip:
            result = yield from _zip(folder, sinks, manifest, started, cancel, len(names))
        else:
            result = ExportResult(manifest, publish_all(sinks), folder)
        return result


def _write_layer(db, name: str, options: ExportOptions, sink: Sink, summary, total: int):
    """Stream one layer into the sink, yielding the rows written so far after each batch."""
    if name in COMPUTED:
        yield from _write_computed(COMPUTED[name], summary, options, sink)
        return
    layer: Layer = BY_NAME[name]
    cols = layer.selected(options.include_personal)
    csv = options.fmt == "csv"
    query = store.csv_query if csv else store.geojson_query
    text, params = query(layer, cols, options.filters, options.precise_locations)
    if csv:
        sink.write(BOM + (",".join(c.name for c in cols) + "\r\n").encode())
        sep, end = "\r\n", b"\r\n"
    else:
        sink.write(mf.collection_head(name))
        sep, end = ",\n", b""
    rows = 0
    for chunk, n in _chunks(db, layer, cols, options, text, params, sep, end.decode(), total):
        if chunk:
            # Features are separated, not terminated, by a comma: the first chunk starts bare.
            sink.write(chunk if csv or rows == 0 else b",\n" + chunk)
            rows += n
        yield rows      # also after an empty range, so a cancel is seen soon
    if not csv:
        sink.write(b"\n]}\n")
    yield rows


def _chunks(db, layer: Layer, cols, options: ExportOptions, text: str, params: list, sep: str, end: str,
            total: int):
    """Encoded chunks of a layer's formatted rows, in export order (two reader threads for big layers)."""
    def prepare(conn) -> None:
        store.prepare_rows(conn, layer, options.precise_locations)

    if total >= PARALLEL_MIN and store.in_rowid_order(layer) and file_of(db):
        query = store.csv_query if options.fmt == "csv" else store.geojson_query
        ranged, ranged_params = query(layer, cols, options.filters, options.precise_locations, ranged=True)
        lo, hi = store.rowid_span(db, layer)
        yield from parallel_chunks(file_of(db), ranged, ranged_params, lo, hi, sep, end, prepare=prepare)
        return
    prepare(db)
    for batch in store.line_batches(db, text, params, BATCH):
        yield (sep.join(batch) + end).encode(), len(batch)


def _csv_value(value) -> str:
    # The same conventions as the SQL-made layers: text quoted, numbers bare, missing values empty.
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, str):
        if value[:1] and value[0] in store.FORMULA_STARTS:
            value = "'" + value
        return '"' + value.replace('"', '""') + '"'
    return repr(value)


def _write_computed(layer: Layer, summary: list, options: ExportOptions, sink: Sink):
    import json

    rows = 0
    names = [c.name for c in layer.columns]
    lines = []
    if options.fmt == "csv":
        lines.append(",".join(names))
        for _code, _geom, props in summary:
            lines.append(",".join(_csv_value(props[n]) for n in names))
            rows += 1
        sink.write(BOM + ("\r\n".join(lines) + "\r\n").encode())
    else:
        sink.write(mf.collection_head(layer.name))
        for code, geom, props in summary:
            props = {k: v for k, v in props.items() if k not in ("lon", "lat")}
            lines.append(json.dumps({"type": "Feature", "id": code, "geometry": geom, "properties": props},
                                    ensure_ascii=False, separators=(",", ":")))
            rows += 1
        sink.write(",\n".join(lines).encode() + b"\n]}\n")
    yield rows


def _zip(folder: Path, sinks: list[Sink], manifest: dict, started: datetime, cancel, count: int):
    """Pack the finished temporary files into one archive, then drop them; yields Progress in bytes."""
    stamp = started.strftime("%Y%m%d-%H%M%S")
    archive = Sink(folder, f"survey-export-{manifest['format']}-{stamp}.zip", overwrite=False)
    sinks.append(archive)
    members = [(s.temp, s.final.name) for s in sinks[:-1]]
    total = sum(s.bytes for s in sinks[:-1])
    done = 0
    for n in zip_into(archive, members, lambda: check_cancel(cancel), started.timetuple()[:6]):
        done += n
        yield Progress("zip", done, total, count, count + 1, done, total, stage="zip")
    archive.close()
    path = archive.publish()
    for s in sinks[:-1]:
        s.discard()
    manifest = dict(manifest, archive={"file": path.name, "bytes": archive.bytes,
                                       "sha256": archive.sha256.hexdigest()})
    return ExportResult(manifest, [path], folder)
