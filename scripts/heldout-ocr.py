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


def f1(truth, out):
    a, b = collections.Counter(words(truth)), collections.Counter(words(out))
    inter = sum((a & b).values())
    p, r = inter / max(1, sum(b.values())), inter / max(1, sum(a.values()))
    return 2 * p * r / max(1e-9, p + r)


def recall(truth, out):
    a = collections.Counter(w for w in words(truth) if re.search("[åäöé]", w))
    b = collections.Counter(words(out))
    return sum((a & b).values()) / max(1, sum(a.values()))


def counts(truth, out):
    """Bag intersections for pooling: (common words, truth words, output words, å/ä/ö hits, å/ä/ö words)."""
    a, b = collections.Counter(words(truth)), collections.Counter(words(out))
    sw = collections.Counter(w for w in words(truth) if re.search("[åäöé]", w))
    return [sum((a & b).values()), sum(a.values()), sum(b.values()), sum((sw & b).values()), sum(sw.values())]


for group in ("dev", "heldout"):
    pooled = [[0] * 5, [0] * 5]
    for t in sorted(glob.glob(str(ROOT / f"fixtures/ocr/{group}-*.truth.txt"))):
        base = t[: -len(".truth.txt")]
        truth, damaged = Path(t).read_text(), Path(base + ".eng.txt").read_text()
        out = subprocess.run([BIN, "extract", base + ".eng.txt"], capture_output=True, text=True).stdout
        for p, text in zip(pooled, (damaged, out)):
            for i, c in enumerate(counts(truth, text)):
                p[i] += c
        print(
            f"{Path(base).name}: words {f1(truth, damaged):.3f} -> {f1(truth, out):.3f}, "
            f"åäö {recall(truth, damaged):.3f} -> {recall(truth, out):.3f}"
        )
    (c0, t0, o0, s0, n0), (c1, t1, o1, s1, n1) = pooled
    pf1 = lambda c, t, o: 2 * c / max(1, t + o)
    print(
        f"{group} pooled ({t0} words, {n0} with å/ä/ö): words {pf1(c0, t0, o0):.3f} -> {pf1(c1, t1, o1):.3f}, "
        f"åäö {s0 / max(1, n0):.3f} -> {s1 / max(1, n1):.3f}"
    )
