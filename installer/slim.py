"""What the installer leaves out of PyInstaller's collection, and the strip pass over the built folder.

PyInstaller's PySide6 hooks collect every Qt plugin of the kept modules and all of Qt's translations; a plugin
then pulls in its own libraries (the GTK platform theme alone brings GTK, GDK, Cairo, Pango and ATK). `prune`
drops the plugins and translations the app does not use and then every library that only they needed.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

# Qt plugins kept, by plugin folder (file name without lib prefix and .so/.dll/.dylib suffix); every other
# plugin and folder goes. Why each stays:
QT_PLUGINS = {
    # xcb: an X11 or XWayland desktop (Wayland sessions run it through XWayland); offscreen: headless runs,
    # the smoke test and benchmarks; windows/cocoa: the other platforms' own.
    "platforms": {"qxcb", "qoffscreen", "qwindows", "qcocoa"},
    # Compose keys and IBus: how Vietnamese is typed on Linux (ibus-unikey, ibus-bamboo).
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    # MBTiles basemaps hold PNG (built into QtGui), JPEG or WebP tiles (coverage/basemap.py RASTER).
    "imageformats": {"qjpeg", "qwebp"},
    # The status bar's online/offline line (QNetworkInformation in main_window.py).
    "networkinformation": {"qnetworkmanager", "qglib", "qnlm", "qscnetworkreachability"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
}
# Qt's own catalogues: the app loads `qtbase` for its language (qt/app.py); Qt ships none for Vietnamese.
QT_TRANSLATIONS = ("qtbase_vi", "qtbase_en", "qt_vi", "qt_en")

Entry = tuple  # PyInstaller TOC entry: (destination, source, typecode)


def _plugin_kept(path: str) -> bool:
    parts = PurePosixPath(path).parts
    i = parts.index("plugins")
    if len(parts) < i + 3:  # a file directly in plugins/
        return True
    stem = parts[-1].split(".")[0]
    stem = stem[3:] if stem.startswith("lib") else stem
    return stem in QT_PLUGINS.get(parts[i + 1], ())


def kept(dest: str) -> bool:
    """Whether a collected file stays by the plugin and translation rules (libraries are decided by prune)."""
    path = dest.replace("\\", "/")
    if "/Qt/plugins/" in path or path.startswith("PySide6/plugins/"):
        return _plugin_kept(path)
    if "/Qt/translations/" in path or path.startswith("PySide6/translations/"):
        return PurePosixPath(path).stem in QT_TRANSLATIONS
    return True


def imports_of(src: str) -> set[str]:
    """File names of the shared libraries a binary loads (PyInstaller's own ldd/pefile/macholib reading)."""
    from PyInstaller.depend import bindepend

    return {os.path.basename(name) for name, _path in bindepend.get_imports(src)}


def _closure(start: Iterable[str], needs: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), list(start)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(needs.get(name, ()))
    return seen


def prune(binaries: list[Entry], datas: list[Entry],
          imports: Callable[[str], set[str]] = imports_of) -> tuple[list[Entry], list[Entry], list[str]]:
    """binaries and datas without the unused plugins and translations and the libraries only they needed;
    also the destinations dropped. A library stays while anything kept loads it."""
    dropped = {d for d, _s, _t in [*binaries, *datas] if not kept(d)}
    files = {d: s for d, s, t in binaries if t != "SYMLINK"}
    by_name: dict[str, list[str]] = {}
    for dest in files:
        by_name.setdefault(os.path.basename(dest), []).append(dest)
    needs = {d: {n for lib in imports(s) for n in by_name.get(lib, ())} for d, s in files.items()}
    candidates = _closure([d for d in files if d in dropped], needs)
    still_needed = _closure([d for d in files if d not in candidates], needs)
    dropped |= candidates - still_needed
    links = {d: os.path.normpath(os.path.join(os.path.dirname(d), s)) for d, s, t in binaries if t == "SYMLINK"}
    dropped |= {d for d, target in links.items() if target in dropped}
    keep = [e for e in binaries if e[0] not in dropped]
    return keep, [e for e in datas if e[0] not in dropped], sorted(dropped)


def is_elf(path: Path) -> bool:
    """A Linux shared library or program (stripping applies only to ELF files)."""
    with open(path, "rb") as fh:
        return fh.read(4) == b"\x7fELF"


def _loadable(path: Path, ldd: str | None) -> bool:
    if ldd is None:
        return True
    out = subprocess.run([ldd, str(path)], capture_output=True, text=True)
    return out.returncode == 0 and "not a dynamic executable" not in out.stdout + out.stderr


def strip_tree(folder: Path) -> tuple[int, int, list[str]]:
    """`strip --strip-unneeded` every ELF library under folder (not symlinks, not the executables beside it:
    PyInstaller's bootloader carries its archive appended); returns (bytes before, bytes after, files kept
    unstripped). A library that the loader no longer reads after stripping gets its original back: wheels
    repaired by auditwheel (numpy.libs' OpenBLAS) have program headers patchelf rewrote, which strip breaks."""
    strip, ldd = shutil.which("strip"), shutil.which("ldd")
    before = after = 0
    restored: list[str] = []
    if strip is None:
        return before, after, restored
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        original = path.read_bytes()
        subprocess.run([strip, "--strip-unneeded", str(path)], check=True)
        if not _loadable(path, ldd):
            path.write_bytes(original)
            restored.append(path.relative_to(folder).as_posix())
        before, after = before + len(original), after + path.stat().st_size
    return before, after, restored
