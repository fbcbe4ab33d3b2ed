#!/usr/bin/env bash
# Robustness run over a folder of PDFs (e.g. ../shared/wild): every file must get a
# record, no run may take longer than the per-file limit, and every file that
# poppler's pdftotext reads without error must give us text too.
# Usage: scripts/wild.sh DIR [BIN]
set -euo pipefail
dir=${1:?usage: scripts/wild.sh DIR [BIN]}
bin=${2:-target/release/protokoll}
limit=10
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0; slow=0; crash=0; no_record=0; ours_text=0; popp_ok=0; popp_any=0; popp_ok_ours_empty=0
: > "$tmp/missing.txt"; : > "$tmp/missing_err.txt"
for f in "$dir"/*.pdf; do
  n=$((n + 1))
  start=$(date +%s.%N)
  set +e
  timeout $((limit + 5)) "$bin" ingest --jobs 1 --timeout "$limit" "$f" > "$tmp/rec.json" 2> "$tmp/err.txt"
  rc=$?
  set -e
  end=$(date +%s.%N)
  if awk -v s="$start" -v e="$end" -v l="$limit" 'BEGIN { exit !(e - s > l) }'; then slow=$((slow + 1)); echo "slow: $f"; fi
  if [ "$rc" -ne 0 ]; then crash=$((crash + 1)); echo "exit $rc: $f"; fi
  if [ "$(wc -l < "$tmp/rec.json")" -ne 1 ]; then no_record=$((no_record + 1)); echo "no record: $f"; fi
  ours=$(timeout $((limit + 5)) "$bin" extract "$f" 2>/dev/null | tr -d '[:space:]\f' | wc -c || true)
  [ "$ours" -gt 0 ] && ours_text=$((ours_text + 1))
  # "Reads without error": pdftotext exits 0 and reports no error on stderr.
  set +e
  timeout 20 pdftotext "$f" "$tmp/popp.txt" 2> "$tmp/popp.err"
  prc=$?
  set -e
  popp=0
  if [ -f "$tmp/popp.txt" ]; then popp=$(tr -d '[:space:]\f' < "$tmp/popp.txt" | wc -c); fi
  if [ "$prc" -eq 0 ] && [ "$popp" -gt 0 ]; then
    popp_any=$((popp_any + 1))
    if [ ! -s "$tmp/popp.err" ]; then
      popp_ok=$((popp_ok + 1))
      if [ "$ours" -eq 0 ]; then popp_ok_ours_empty=$((popp_ok_ours_empty + 1)); echo "$f" >> "$tmp/missing.txt"; fi
    elif [ "$ours" -eq 0 ]; then
      echo "$f (pdftotext reported errors)" >> "$tmp/missing_err.txt"
    fi
  fi
  rm -f "$tmp/popp.txt"
done
echo "files: $n"
echo "non-zero exits (crash): $crash"
echo "runs over ${limit}s: $slow"
echo "files without exactly one record: $no_record"
echo "files with text (protokoll): $ours_text"
echo "files with text (pdftotext, any): $popp_any"
echo "files pdftotext reads without error, with text: $popp_ok"
echo "of those, protokoll finds no text: $popp_ok_ours_empty"
sed 's/^/  /' "$tmp/missing.txt"
echo "files where pdftotext reports errors but finds text, protokoll none: $(wc -l < "$tmp/missing_err.txt")"
sed 's/^/  /' "$tmp/missing_err.txt"
