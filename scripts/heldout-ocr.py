#!/usr/bin/env python3
"""Repair figures on the held-out OCR fixtures (fixtures/ocr: Swedish texts the lexicon
build and tuning never saw, with a Tesseract English-model reading of each): bag-of-words
F1 and å/ä/ö/é word recall against the truth, before and after `protokoll extract`.

Usage: scripts/heldout-ocr.py [BIN]   (default target/release/protokoll)
"""
import collections
import glob
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/protokoll")


def words(s):
    return re.findall(r"\w+", s)


def f1(truth, out):
    a, b = collections.Counter(words(truth)), collections.Counter(words(out))
    inter = sum((a & b).values())
    p, r = inter / max(1, sum(b.values())), inter / max(1, sum(a.values()))
    return 2 * p * r / max(1e-9, p + r)


def recall(truth, out):
    a = collections.Counter(w for w in words(truth) if re.search("[åäöéÅÄÖÉ]", w))
    b = collections.Counter(words(out))
    return sum((a & b).values()) / max(1, sum(a.values()))


for t in sorted(glob.glob(str(ROOT / "fixtures/ocr/*.truth.txt"))):
    base = t[: -len(".truth.txt")]
    truth, damaged = Path(t).read_text(), Path(base + ".eng.txt").read_text()
    out = subprocess.run([BIN, "extract", base + ".eng.txt"], capture_output=True, text=True).stdout
    print(
        f"{Path(base).name}: words {f1(truth, damaged):.3f} -> {f1(truth, out):.3f}, "
        f"åäö {recall(truth, damaged):.3f} -> {recall(truth, out):.3f}"
    )
