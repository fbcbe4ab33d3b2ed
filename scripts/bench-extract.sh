#!/usr/bin/env bash
# Extraction speed against poppler's pdftotext, measured in the same run on the same
# files, on one core, reported as ratios of wall time (lower is faster).
# Usage: scripts/bench-extract.sh DIR [REPEAT]   (needs poppler-utils)
set -euo pipefail
dir=${1:?usage: scripts/bench-extract.sh DIR [REPEAT]}
repeat=${2:-3}
cd "$(dirname "$0")/.."
cargo build --release -q -p protokoll-cli --bin protokoll
cargo build --release -q -p protokoll-pdf --example extract_many
mapfile -t files < <(find "$dir" -name '*.pdf' | sort)
[ "${#files[@]}" -gt 0 ] || { echo "no PDFs under $dir" >&2; exit 1; }
now() { date +%s.%N; }
best() { printf '%s\n' "$@" | sort -g | head -n 1; }
t_pop=(); t_ext=(); t_ing=()
for _ in $(seq "$repeat"); do
  s=$(now); for f in "${files[@]}"; do pdftotext -q "$f" /dev/null || true; done; t_pop+=("$(echo "$(now) - $s" | bc)")
  s=$(now); taskset -c 0 target/release/examples/extract_many "${files[@]}" > /dev/null; t_ext+=("$(echo "$(now) - $s" | bc)")
  s=$(now); taskset -c 0 target/release/protokoll ingest --jobs 1 "${files[@]}" > /dev/null 2>&1; t_ing+=("$(echo "$(now) - $s" | bc)")
done
pop=$(best "${t_pop[@]}"); ext=$(best "${t_ext[@]}"); ing=$(best "${t_ing[@]}")
echo "files: ${#files[@]} (best of $repeat runs)"
printf 'pdftotext, one process per file:    %8.3f s\n' "$pop"
printf 'protokoll extraction, one process:  %8.3f s  ratio %.2f\n' "$ext" "$(echo "$ext / $pop" | bc -l)"
printf 'protokoll ingest --jobs 1:          %8.3f s  ratio %.2f\n' "$ing" "$(echo "$ing / $pop" | bc -l)"
