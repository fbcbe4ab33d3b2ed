#!/usr/bin/env bash
# Scores protokoll on the project's own template fixtures (fixtures/text/*.txt with
# their expected structure in fixtures/expected/*.json) with the corpus score tool,
# by laying them out as a corpus of one plain-text variant each.
# Usage: scripts/score-own-templates.sh [SCORE_TOOL] [BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
score=${1:-../shared/tools/score}
bin=${2:-target/release/protokoll}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/corpus" "$tmp/gold" "$tmp/text"
for f in fixtures/expected/*.json; do
  n=$(basename "$f" .json)
  mkdir -p "$tmp/corpus/$n" "$tmp/text/$n"
  cp "fixtures/text/$n.txt" "$tmp/corpus/$n/truth.txt"
  cp "fixtures/text/$n.txt" "$tmp/corpus/$n/text.txt"
  touch "$tmp/corpus/$n/text.pdf" # the tool lists variants by their PDF
  cp "$f" "$tmp/gold/$n.json"
  "$bin" extract "$tmp/corpus/$n/text.txt" > "$tmp/text/$n/text.txt"
done
"$bin" ingest "$tmp"/corpus/*/text.txt 2>/dev/null | sed 's/text\.txt"/text.pdf"/g' > "$tmp/records.jsonl"
"$score" --jsonl "$tmp/records.jsonl" --text-dir "$tmp/text" --corpus "$tmp/corpus" \
  --gold "$tmp/gold" --variants text
