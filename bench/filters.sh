#!/usr/bin/env bash
# Where the default chain's time goes: CPU seconds (best of REPEAT runs) of corpus mode on a
# 20 MB slice of bench/run's corpus.jsonl with `trim` alone (reading, parsing, writing), with
# `trim` and each filter of the default chain, and with the whole chain; a filter's own cost is
# its row minus the `trim` row. With a second binary, both columns are printed (before/after).
#
#   bench/filters.sh [BIN [OTHER_BIN]]     (default build-release/hantidy; run bench/run first)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build-release/hantidy}
OTHER=${2:-}
REPEAT=${REPEAT:-5}
CORPUS=${CORPUS:-build-release/bench/corpus.jsonl}
[ -s "$CORPUS" ] || { echo "bench/filters.sh: $CORPUS missing: run bench/run first" >&2; exit 1; }
SLICE=$(mktemp)
trap 'rm -f "$SLICE" "$SLICE.t"' EXIT
head -c 20000000 "$CORPUS" | head -n -1 > "$SLICE"  # whole records only

cpu() {  # cpu BIN CHAIN: the smallest user+sys seconds of REPEAT runs
  local best=999 i
  for ((i = 0; i < REPEAT; i++)); do
    /usr/bin/time -o "$SLICE.t" -f '%U %S' "$1" -q -j1 -f jsonl -t jsonl -F "$2" "$SLICE" >/dev/null
    best=$(awk -v a="$best" '{ t = $1 + $2; print (t < a) ? t : a }' "$SLICE.t")
  done
  echo "$best"
}

mb=$(awk -v b="$(stat -c %s "$SLICE")" 'BEGIN { printf "%.1f", b / 1e6 }')
chain=$("$BIN" --list-filters | sed -n 's/^default chain: //p')
echo "$mb MB of records, -j1, cpu seconds (best of $REPEAT)"
printf '%-58s %8s %8s\n' "filters" "${OTHER:+before}" "${OTHER:+after}"
rows=("trim")
IFS=';' read -ra names <<< "$chain"
for n in "${names[@]}"; do
  n=$(echo "$n" | xargs)
  [ "$n" = trim ] || rows+=("trim; $n")
done
rows+=("$chain")
for row in "${rows[@]}"; do
  after=$(cpu "$BIN" "$row")
  before=""
  [ -n "$OTHER" ] && before=$(cpu "$OTHER" "$row")
  printf '%-58s %8s %8s\n' "$row" "$before" "$after"
done
whole=$(cpu "$BIN" "$chain")
awk -v mb="$mb" -v t="$whole" 'BEGIN { printf "default chain: %.1f MB/s of cpu\n", mb / t }'
