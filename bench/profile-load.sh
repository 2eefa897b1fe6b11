#!/bin/sh
# Where --check spends its instructions and its memory on the heavy shape
# (bench/gen-dataset.py --shape heavy), beside xmllint --stream; the
# findings are in bench/profile-heavy.md.
#   bench/profile-load.sh [BUILD_DIR] [NODES]     (default: build, 100000)
# Needs valgrind (callgrind, massif) and xmllint.  Takes about 3 minutes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-build}" && pwd)
nodes=${2:-100000}
cli="$build/app/cluster-atlas-cli"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ca-profile-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

python3 "$here/gen-dataset.py" --shape heavy "$nodes" "$tmp/heavy.xml"
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
  "$cli" --check "$tmp/heavy.xml" >/dev/null 2>&1
valgrind --tool=callgrind --callgrind-out-file="$tmp/cgx.out" \
  xmllint --stream --noout "$tmp/heavy.xml" >/dev/null 2>&1
valgrind --tool=massif --depth=12 --massif-out-file="$tmp/ms.out" \
  "$cli" --check "$tmp/heavy.xml" >/dev/null 2>&1

echo "file: $(stat -c %s "$tmp/heavy.xml") bytes, $nodes nodes"
for run in cg cgx; do
  echo
  echo "== instructions, $run (cg: --check, cgx: xmllint): self cost, top 15 (callgrind)"
  callgrind_annotate --threshold=100 --show-percs=yes "$tmp/$run.out" 2>/dev/null \
    | sed -n '/PROGRAM TOTALS/p;/file:function/,$p' | sed -n 1p\;3,17p | cut -c1-150
done
echo
echo "== instructions, --check: inclusive cost of the loader's functions"
callgrind_annotate --inclusive=yes --threshold=100 --show-percs=yes "$tmp/cg.out" 2>/dev/null \
  | sed -n '/file:function/,$p' | grep -E 'model/ca-|xmlParseChunk|g_hash|g_string' \
  | grep -v 'ca_loader_run\|ca_dataset_load' | awk '!seen[$NF]++' | head -25 | cut -c1-150
echo
echo "== heap at the peak by the first frame in the project (massif)"
python3 - "$tmp/ms.out" <<'EOF'
import collections, re, sys

lines = open(sys.argv[1]).read().splitlines()
start = None
for i, line in enumerate(lines):
    if line == "heap_tree=peak":
        start = i + 1
# Arena and string-chunk blocks are charged to the allocation that opened
# them, so sites that share a block are approximate.
sites, stack = collections.Counter(), []
pat = re.compile(r"^( *)n(\d+): (\d+) (.*)$")
for line in lines[start:]:
    m = pat.match(line)
    if not m:
        break
    depth = len(m.group(1))
    stack[depth:] = [re.sub(r"^0x[0-9A-F]+: ", "", m.group(4))]
    if m.group(2) == "0":
        site = next((f for f in stack if "(ca-" in f and "ca-arena.c" not in f), stack[-1])
        sites[site] += int(m.group(3))
for site, size in sites.most_common(10):
    print(f"{size:>12,} B  {site}")
EOF
