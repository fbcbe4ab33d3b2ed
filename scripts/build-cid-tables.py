#!/usr/bin/env python3
"""Builds crates/protokoll-pdf/data/cid2uni-*.bin: CID -> Unicode for the four Adobe
CJK character collections, from the Adobe-*-UCS2 CMaps of Debian's poppler-data
(Adobe's cmap-resources, BSD-3-Clause).

Each table is a dense array of little-endian u16, index = CID, 0 = no mapping.
Only single BMP code points are kept (a few CIDs map to sequences or beyond the BMP).
Deterministic: the same poppler-data gives the same bytes.

Usage: scripts/build-cid-tables.py [CMAP_DIR]   (default /usr/share/poppler/cMap;
       apt-get install poppler-data)
"""
import re
import struct
import sys
from pathlib import Path

COLLECTIONS = ["Japan1", "GB1", "CNS1", "Korea1"]
HEX = r"<([0-9a-fA-F]+)>"


def single_bmp(hexstr):
    try:
        u = bytes.fromhex(hexstr).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return None
    if len(u) != 1 or ord(u) > 0xFFFF or ord(u) in (0, 0xFFFD):
        return None
    return ord(u)


def load(path):
    text = path.read_text(encoding="latin-1")
    table = {}
    # Ranges first, then single entries; the first mapping a CID gets wins.
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(HEX + r"\s*" + HEX + r"\s*" + HEX, block):
            first = single_bmp(dst)
            if first is None:
                continue
            for i in range(int(hi, 16) - int(lo, 16) + 1):
                if first + i <= 0xFFFF:
                    table.setdefault(int(lo, 16) + i, first + i)
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(HEX + r"\s*" + HEX, block):
            cp = single_bmp(dst)
            if cp is not None:
                table.setdefault(int(src, 16), cp)
    return table


def main():
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/poppler/cMap")
    out = Path(__file__).resolve().parent.parent / "crates/protokoll-pdf/data"
    out.mkdir(parents=True, exist_ok=True)
    for c in COLLECTIONS:
        table = load(src / f"Adobe-{c}" / f"Adobe-{c}-UCS2")
        size = max(table) + 1
        data = b"".join(struct.pack("<H", table.get(cid, 0)) for cid in range(size))
        (out / f"cid2uni-{c}.bin").write_bytes(data)
        print(f"{c}: {len(table)} CIDs mapped, {len(data)} bytes")


if __name__ == "__main__":
    main()
