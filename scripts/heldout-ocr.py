#!/usr/bin/env python3
"""Repair figures on the OCR fixtures (fixtures/ocr: Swedish minutes texts, each with a
Tesseract English-model reading made by scripts/ocr-pairs.sh): bag-of-words F1 and
å/ä/ö/é word recall against the truth, before and after `protokoll extract`, per text
and pooled per set.

Two sets: `dev-*` texts were used to tune the repair (their misses were read);
`heldout-*` texts were written after the tuning and are only ever measured, never
inspected for misses. Report both.

Usage: scripts/heldout-ocr.py [BIN]   (default target/release/protokoll)
"""
import collections
import glob
import re
import subprocess
import unicodedata
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/protokoll")


def words(s):
    # As ../shared/tools/score counts them: NFC, casefolded.
    return re.findall(r"\w+", unicodedata.normalize("NFC", s).casefold())


def counts(truth, out):
    """Bag counts, summable over texts: (common words, truth words, output words,
    å/ä/ö words found, å/ä/ö words)."""
    a, b = collections.Counter(words(truth)), collections.Counter(words(out))
    sw = collections.Counter(w for w in words(truth) if re.search("[åäöé]", w))
    return [sum((a & b).values()), sum(a.values()), sum(b.values()), sum((sw & b).values()), sum(sw.values())]


def figures(c):
    """Bag-of-words F1 and å/ä/ö recall from `counts`."""
    common, t, o, found, n = c
    return 2 * common / max(1, t + o), found / max(1, n)


for group in ("dev", "heldout"):
    pooled = [[0] * 5, [0] * 5]
    for t in sorted(glob.glob(str(ROOT / f"fixtures/ocr/{group}-*.truth.txt"))):
        base = t[: -len(".truth.txt")]
        truth, damaged = Path(t).read_text(), Path(base + ".eng.txt").read_text()
        out = subprocess.run([BIN, "extract", base + ".eng.txt"], capture_output=True, text=True).stdout
        before, after = counts(truth, damaged), counts(truth, out)
        for p, c in zip(pooled, (before, after)):
            for i, x in enumerate(c):
                p[i] += x
        (w0, s0), (w1, s1) = figures(before), figures(after)
        print(f"{Path(base).name}: words {w0:.4f} -> {w1:.4f}, åäö {s0:.4f} -> {s1:.4f}")
    (w0, s0), (w1, s1) = figures(pooled[0]), figures(pooled[1])
    t0, n0 = pooled[0][1], pooled[0][4]
    print(f"{group} pooled ({t0} words, {n0} with å/ä/ö): words {w0:.4f} -> {w1:.4f}, åäö {s0:.4f} -> {s1:.4f}")
