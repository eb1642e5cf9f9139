#!/usr/bin/env bash
# Script conversion throughput, one run, same non-repetitive input for every contender:
#   libopencc called directly (SimpleConverter, in bench/script_bench.cc), the `opencc` CLI,
#   hantidy's engine and script filter in-process (reading excluded), and the hantidy CLI.
# Speeds are MB of input per CPU second of one thread/process (user+sys), so that other load on
# a shared machine does not count; in-process numbers are the best of BENCH_REPEAT (3) runs.
#
#   bench/script.sh [BUILD_DIR]      (default: build; ../shared must be beside the checkout)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shared=${HANTIDY_SHARED:-$here/../shared}
corpora=$shared/corpora
ninja -C "$build" -j2 script_bench hantidy_exe >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# t2s: LegCo Hansard (Traditional). s2t and s2twp: SIGHAN msr/pku (UTF-8) and the annual report.
t2s_inputs=("$corpora"/legco-hansard/txt/*.txt)
s2t_inputs=("$corpora"/legacy-encodings/*/msr*.utf8 "$corpora"/legacy-encodings/*/pku*.utf8
            "$corpora"/annual-reports/derived_raw_txt/*.txt)

cpu() {  # cpu SECONDS-FILE COMMAND...: runs COMMAND, writes its user+sys seconds
  local out=$1
  shift
  /usr/bin/time -f '%U %S' -o "$out.t" "$@"
  awk '{ printf "%.3f\n", $1 + $2 }' "$out.t" >"$out"
}

run() {
  local config=$1
  shift
  local inputs=("$@")
  cat "${inputs[@]}" >"$tmp/in.txt"
  local bytes
  bytes=$(stat -c %s "$tmp/in.txt")
  echo "== $config: ${#inputs[@]} files, $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB"
  "$build/script_bench" "$config" "${inputs[@]}" | tr '|' '\n' | sed 's/^ */  /'
  cpu "$tmp/opencc.s" opencc -c "/usr/share/opencc/$config.json" -i "$tmp/in.txt" -o "$tmp/opencc.out"
  cpu "$tmp/identity.s" "$build/hantidy" -F '' -o "$tmp/identity.out" "$tmp/in.txt"
  cpu "$tmp/hantidy.s" "$build/hantidy" -F "script(config=$config)" -o "$tmp/hantidy.out" "$tmp/in.txt"
  cpu "$tmp/hantidy_block.s" "$build/hantidy" -F "script(config=$config, changes=block)" \
    -o "$tmp/hantidy_block.out" "$tmp/in.txt"
  # The CLI's text writer re-spaces blocks, so compare with opencc applied to hantidy's own
  # unconverted output.
  opencc -c "/usr/share/opencc/$config.json" -i "$tmp/identity.out" -o "$tmp/expected.out"
  local same="identical to opencc"
  cmp -s "$tmp/expected.out" "$tmp/hantidy.out" || same="DIFFERS from opencc"
  awk -v b="$bytes" -v o="$(cat "$tmp/opencc.s")" -v i="$(cat "$tmp/identity.s")" \
      -v h="$(cat "$tmp/hantidy.s")" -v k="$(cat "$tmp/hantidy_block.s")" -v same="$same" 'BEGIN {
    mb = b / 1e6
    printf "  opencc CLI %6.2f MB/s (%.2fs)\n", mb / o, o
    printf "  hantidy CLI -F script(config=...) %6.2f MB/s (%.2fs) %.1fx opencc CLI; output %s\n", mb / h, h, o / h, same
    printf "  hantidy CLI changes=block %6.2f MB/s (%.2fs) %.1fx opencc CLI\n", mb / k, k, o / k
    printf "  (hantidy CLI with no filter, reading and writing only: %.2fs)\n", i
  }'
}

run t2s "${t2s_inputs[@]}"
run s2t "${s2t_inputs[@]}"
run s2twp "${s2t_inputs[@]}"
