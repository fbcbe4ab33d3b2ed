#!/usr/bin/env bash
# Makes OCR-damaged versions of Swedish texts the way old archive scans were made:
# the text is typeset (reportlab, Helvetica 11 pt), rasterised at 200 dpi in grey
# (pdftoppm) and read back by Tesseract's *English* model, which loses å, ä and ö.
# For each fixtures/ocr/NAME.truth.txt (or each truth file given) this writes
# fixtures/ocr/NAME.eng.txt.
# Usage: scripts/ocr-pairs.sh [fixtures/ocr/NAME.truth.txt ...]
# Needs: python3 with reportlab, poppler-utils, tesseract-ocr with the eng model.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $# -eq 0 ]; then set -- fixtures/ocr/*.truth.txt; fi
for truth in "$@"; do
  name=$(basename "$truth" .truth.txt)
  python3 - "$truth" "$tmp/$name.pdf" <<'PY'
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.lib.utils import simpleSplit
src, out = sys.argv[1], sys.argv[2]
c = canvas.Canvas(out, pagesize=A4, invariant=1)
width, height = A4
y = height - 72
for para in open(src, encoding="utf-8").read().split("\n"):
    lines = simpleSplit(para, "Helvetica", 11, width - 144) or [""]
    for line in lines:
        if y < 72:
            c.showPage(); y = height - 72
        c.setFont("Helvetica", 11)
        c.drawString(72, y, line)
        y -= 14
c.save()
PY
  pdftoppm -r 200 -gray -png "$tmp/$name.pdf" "$tmp/$name"
  : > "fixtures/ocr/$name.eng.txt"
  for img in "$tmp/$name"*.png; do
    tesseract "$img" - -l eng 2>/dev/null >> "fixtures/ocr/$name.eng.txt"
  done
  echo "fixtures/ocr/$name.eng.txt"
done
