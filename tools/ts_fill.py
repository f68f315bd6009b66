#!/usr/bin/env python3
"""Fill Qt Linguist .ts translations from a JSON object {source: translation} (any context).

    python tools/ts_fill.py resources/i18n/app_vi.ts --unfinished        # print what lacks a translation
    python tools/ts_fill.py resources/i18n/app_vi.ts translations.json  # fill them, then run build_installer.py qt
"""
from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET


def unfinished(path: str) -> list[str]:
    """Sources with no finished translation."""
    out = []
    for msg in ET.parse(path).getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
            out.append(msg.findtext("source"))
    return out


def fill(path: str, mapping: dict[str, str]) -> int:
    """Write translations for every source found in mapping; returns how many were set."""
    tree = ET.parse(path)
    n = 0
    for msg in tree.getroot().iter("message"):
        src = msg.findtext("source")
        if src in mapping:
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            tr.text = mapping[src]
            tr.attrib.pop("type", None)
            n += 1
    ET.indent(tree, space="    ")
    with open(path, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    return n


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("ts")
    p.add_argument("mapping", nargs="?")
    p.add_argument("--unfinished", action="store_true")
    a = p.parse_args()
    if a.unfinished or not a.mapping:
        json.dump({s: "" for s in unfinished(a.ts)}, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    with open(a.mapping, encoding="utf-8") as fh:
        print(fill(a.ts, json.load(fh)), "translations set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
