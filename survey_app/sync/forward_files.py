"""The folders of original bundle files this laptop imported from other installations, on their way to the
receiver (sync/forward.py sends them): `<home>/bundles/forward/` (waiting), `forwarded/` (the receiver answered),
`refused/` (the receiver would not take the file: kept with its reason beside it, offered again by
`sync --retry-rejected`). Only a bundle the receiver can open is kept: one sealed to a central key.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from survey_app.clock import utc_now

FORWARD_DIR = ("bundles", "forward")
SENT_DIR = ("bundles", "forwarded")
REFUSED_DIR = ("bundles", "refused")
SUFFIX = ".bundle"
MAX_NOTE = 64 * 1024  # a refusal note is ours, but a folder is not a trusted place: read at most this much


def _folder(home: Path, parts: tuple[str, ...]) -> Path:
    return Path(home).joinpath(*parts)


def _files(home: Path, parts: tuple[str, ...]) -> list[Path]:
    folder = _folder(home, parts)
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def waiting(home: Path) -> list[Path]:
    """Bundle files waiting to be forwarded, oldest name first."""
    return _files(home, FORWARD_DIR)


def sealed_to_centre(header: dict[str, Any], trusted: dict[str, str], me: str) -> bool:
    """Whether the receiver can open a bundle: sealed to a central key this laptop trusts, or (when it trusts
    none) to a key it does not know (a supervisor may not hold the centre's key its surveyors seal to). A
    bundle sealed only to laptops (a revisit assignment for one surveyor) is not: its signer syncs it."""
    recipients = [fp for fp in header.get("recipients") or [] if isinstance(fp, str) and fp != me]
    if any(role == "central" for role in trusted.values()):
        return any(trusted.get(fp) == "central" for fp in recipients)
    return any(fp not in trusted for fp in recipients)


def keep(home: Path, path: Path, bundle_id: str) -> Path | None:
    """Keep the original signed file for the receiver (another device's records travel only in their signer's
    bundle): `forward/<bundle_id>.bundle`; None if this bundle was forwarded or refused before (imported twice)."""
    name = f"{bundle_id}{SUFFIX}"
    if (_folder(home, SENT_DIR) / name).exists() or (_folder(home, REFUSED_DIR) / name).exists():
        return None
    folder = _folder(home, FORWARD_DIR)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    out = folder / name
    if not out.exists():
        tmp = out.with_name(out.name + ".partial")
        shutil.copyfile(path, tmp)
        os.replace(tmp, out)
    return out


def _move(path: Path, parts: tuple[str, ...], home: Path) -> Path:
    folder = _folder(home, parts)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    out = folder / path.name
    os.replace(path, out)
    return out


def sent(home: Path, path: Path) -> Path:
    """The receiver answered for this file: out of the waiting folder."""
    return _move(path, SENT_DIR, home)


def refused(home: Path, path: Path, *, status: int, detail: str, code: str | None) -> Path:
    """The receiver refused the whole file: keep it with the refusal beside it (`<name>.json`)."""
    out = _move(path, REFUSED_DIR, home)
    note = {"status": status, "code": code, "detail": str(detail)[:2000], "refused_at": utc_now()}
    out.with_suffix(".json").write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
    return out


def refusals(home: Path) -> list[dict[str, Any]]:
    """The refused files with the receiver's answer (file, bundle_id, status, code, detail, refused_at)."""
    out = []
    for path in _files(home, REFUSED_DIR):
        note: dict[str, Any] = {}
        try:
            with open(path.with_suffix(".json"), encoding="utf-8") as f:
                loaded = json.loads(f.read(MAX_NOTE))
            note = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            pass
        out.append({"file": str(path), "bundle_id": path.stem, "status": note.get("status"),
                    "code": note.get("code"), "detail": str(note.get("detail") or ""),
                    "refused_at": note.get("refused_at")})
    return out


def requeue_refused(home: Path) -> int:
    """Offer every refused file to the receiver again (once its cause is fixed); returns how many."""
    files = _files(home, REFUSED_DIR)
    for path in files:
        _move(path, FORWARD_DIR, home)
        path.with_suffix(".json").unlink(missing_ok=True)
    return len(files)


def any_refused(home: Path) -> bool:
    """Whether a file the receiver refused waits for `sync --retry-rejected`."""
    return bool(_files(home, REFUSED_DIR))


def counts(home: Path) -> dict[str, int]:
    """How many files wait, were forwarded, were refused."""
    return {"waiting": len(waiting(home)), "forwarded": len(_files(home, SENT_DIR)),
            "refused": len(_files(home, REFUSED_DIR))}
