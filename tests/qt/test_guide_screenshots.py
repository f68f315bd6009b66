"""The guide's screenshots: the script covers every page of the window, and the guides name only real files."""
from __future__ import annotations

import importlib.util
import re
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GUIDES = {"vi": DOCS / "guide.vi.md", "en": DOCS / "guide.en.md"}


def _script():
    spec = importlib.util.spec_from_file_location("make_screenshots", DOCS / "make_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def _images(guide: Path) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide.read_text(encoding="utf-8"))


def test_script_pages_are_the_window_pages():
    from survey_app.qt.main_window import PAGES

    assert _script().PAGE_SHOTS == [key for key, _module, _cls in PAGES]


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_guide_names_only_existing_screenshots(lang):
    images = _images(GUIDES[lang])
    assert images, "the guide shows no screenshots"
    for rel in images:
        path = (GUIDES[lang].parent / rel).resolve()
        assert path.exists(), f"{GUIDES[lang].name} names {rel}, which does not exist (run docs/make_screenshots.py)"


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_guide_shows_every_page_in_its_own_language(lang):
    script = _script()
    shown = {(GUIDES[lang].parent / rel).resolve() for rel in _images(GUIDES[lang])}
    for key in script.PAGE_SHOTS:
        path = script.shot_path(key, lang)
        assert path.resolve() in shown, f"{GUIDES[lang].name} has no screenshot of the {key} page"
        assert _png_size(path) == script.SIZE, f"{path.name} is not a {script.SIZE} window grab"


def test_screenshots_match_the_current_window_sources():
    """Changing a page, a Designer form or a translation means taking the screenshots again."""
    import json

    script = _script()
    manifest = json.loads(script.MANIFEST.read_text(encoding="utf-8"))
    assert manifest["pages"] == script.PAGE_SHOTS
    assert manifest["window_fingerprint"] == script.window_fingerprint(), (
        "the window changed since the guide's screenshots were taken: run "
        "`QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py` and commit docs/screenshots/guide")


def test_guides_link_each_other_and_the_readme_links_both():
    assert "guide.en.md" in GUIDES["vi"].read_text(encoding="utf-8")
    assert "guide.vi.md" in GUIDES["en"].read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/guide.vi.md" in readme and "docs/guide.en.md" in readme
