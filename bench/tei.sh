#!/bin/sh
# TEI writer throughput on ~20 MB of real Chinese text (LegCo Hansard + Legislative Yuan gazette
# from ../shared/corpora), beside the JSONL and text writers on the same input and, when
# installed, pandoc's TEI writer. Filters are off (-F '') so the writers are what is measured.
# Usage: bench/tei.sh [MEGABYTES]   (HANTIDY=path/to/hantidy, SHARED=path/to/shared)
set -eu
cd "$(dirname "$0")/.."
bin=${HANTIDY:-build/hantidy}
shared=${SHARED:-../shared}
target=$(( ${1:-20} * 1000000 ))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
input=$tmp/input.txt
: > "$input"
while [ "$(stat -c %s "$input")" -lt "$target" ]; do
  for f in "$shared"/corpora/legco-hansard/txt/*.txt "$shared"/corpora/ly-gazette/md/*.md; do
    cat "$f" >> "$input"
    printf '\n\n' >> "$input"
    [ "$(stat -c %s "$input")" -ge "$target" ] && break
  done
done
bytes=$(stat -c %s "$input")
echo "input: $bytes bytes of LegCo + LY text ($(grep -c '' "$input") lines)"

# Best of 3 runs by CPU time (user + system: the machine may be shared, so wall time is noisy):
# prints "CPU_SECONDS WALL_SECONDS RSS_KB".
best() {
  best_c=""; best_w=""; best_m=""
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" > "$tmp/out" 2>/dev/null
    read -r w u s m < "$tmp/time"
    c=$(echo "$u + $s" | bc)
    if [ -z "$best_c" ] || [ "$(echo "$c < $best_c" | bc)" = 1 ]; then
      best_c=$c; best_w=$w; best_m=$m
    fi
  done
  echo "$best_c $best_w $best_m"
}
rate() { if [ "$(echo "$1 > 0" | bc)" = 1 ]; then echo "scale=1; $bytes / 1000000 / $1" | bc; else echo inf; fi; }
row() {  # LABEL CPU WALL RSS_KB
  printf '%-48s cpu %6ss %7s MB/s | wall %6ss %7s MB/s | %5s MB RSS\n' \
    "$1" "$2" "$(rate "$2")" "$3" "$(rate "$3")" $(($4 / 1024))
}

set -- $(best "$bin" -F '' -t text "$input");  c_text=$1; row "hantidy -F '' -t text" "$@"
set -- $(best "$bin" -F '' -t jsonl "$input"); c_jsonl=$1; row "hantidy -F '' -t jsonl" "$@"
set -- $(best "$bin" -F '' -t tei "$input");   c_tei=$1; row "hantidy -F '' -t tei" "$@"
set -- $(best "$bin" -F '' -t tei --tei-changes --tei-lines "$input")
c_tei2=$1; row "hantidy -F '' -t tei --tei-changes --tei-lines" "$@"
tei_bytes=$("$bin" -F '' -t tei "$input" | wc -c)
# The TEI writer alone: the tei run minus the text run (same reading, decoding, hashing).
writer=$(echo "$c_tei - $c_text" | bc)
echo "TEI writer alone (cpu of tei - text): ${writer}s = $(rate "$writer") MB/s; TEI output $tei_bytes bytes"
echo "JSONL writer alone (cpu of jsonl - text): $(echo "$c_jsonl - $c_text" | bc)s = $(rate "$(echo "$c_jsonl - $c_text" | bc)") MB/s"
if command -v pandoc > /dev/null; then
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" pandoc -t tei "$input" -o "$tmp/pandoc.xml" 2>/dev/null
  read -r w u s m < "$tmp/time"
  row "pandoc -t tei (one run)" "$(echo "$u + $s" | bc)" "$w" "$m"
else
  echo "pandoc not installed (apt-get install pandoc): skipped"
fi
