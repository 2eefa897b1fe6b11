#!/bin/bash
# test-export-cli-safety.sh: cluster-atlas --export against hostile input and
# hostile ends: CSV cells a spreadsheet would run, an export killed by a
# signal or a file size limit, OUT a symbolic link or read-only, options that
# cannot be combined, and an unknown --node that is huge or has a million
# neighbours.  TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
unset DISPLAY WAYLAND_DISPLAY
export LANG=C.UTF-8 LC_ALL=C.UTF-8

command -v python3 >/dev/null || { echo "Bail out! python3 is missing"; exit 1; }

program=${CA_PROGRAM:?}
fixtures=${CA_FIXTURES:?}
work=$(mktemp -d "${TMPDIR:-/tmp}/ca-export-safety-XXXXXX")
immutable=
cleanup () {
  [ -n "$immutable" ] && chattr -i "$immutable" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }

# Runs the program; leaves its status in $status and its stderr in $work/stderr.
run () {
  "$program" "$@" >"$work/stdout" 2>"$work/stderr"
  status=$?
}

# Every name in a folder (hidden ones too) and the checksum of every file.
snapshot () {
  ls -A "$1"
  find "$1" -maxdepth 1 -type f -exec md5sum {} + | sort
}

# --- CSV: formulas neutralised, numbers kept, a byte order mark ----------
formula=$fixtures/export-formula.xml
for id in top plus minus at; do
  run --export "$work/$id.csv" --node "$id" "$formula"
  [ $status -eq 0 ] || not_ok "csv $id: exit $status" "$(cat "$work/stderr")"
done
if out=$(python3 - "$work" 2>&1 <<'PY'
import csv, sys
folder = sys.argv[1]
rows = []
for id in ('top', 'plus', 'minus', 'at'):
    raw = open('%s/%s.csv' % (folder, id), 'rb').read()
    assert raw.startswith(b'\xef\xbb\xbfnode_id,'), 'no byte order mark in %s: %r' % (id, raw[:8])
    # Read as Excel would once it knows the file is UTF-8.
    with open('%s/%s.csv' % (folder, id), newline='', encoding='utf-8-sig') as f:
        table = list(csv.reader(f))
    assert table[0][0] == 'node_id', table[0]
    rows += table[1:]
header = ('node_id,node_path,kind,metric,value,unit,qualifier,year,date,'
          'source_id,source_publisher,source_date,source_title').split(',')
cells = [dict(zip(header, row)) for row in rows]
texts = ('node_id', 'node_path', 'unit', 'source_publisher', 'source_title')
seen = set()
for cell in cells:
    for key in texts:
        value = cell[key]
        # No text cell starts a formula: each dangerous one got an apostrophe.
        assert value[:1] not in ('=', '+', '-', '@', '\t', '\r'), (key, value)
        if value.startswith("'"):
            seen.add(value[1])
    # Numbers stay numbers: no apostrophe, read back as they were written.
    float(cell['value'])
    assert cell['year'].isdigit(), cell
    assert cell['date'] == '' or cell['date'][:4].isdigit(), cell
expected = {
    ('top', 'node_path'): "'=SUM(A1:A9)",
    ('top', 'unit'): "'-1+2",
    ('top', 'source_publisher'): "'+cmd|' /C calc'!A0",
    ('top', 'source_title'): "'=HYPERLINK(\"http://example.com\",\"click\")",
    ('plus', 'node_path'): "'+Plus",
    ('minus', 'node_path'): "'-Minus",
    ('minus', 'source_publisher'): "'\r=3+3",
    ('at', 'node_path'): "'@At",
    ('plus', 'source_publisher'): "'\t=1+1",
}
for (id, key), want in expected.items():
    got = [c[key] for c in cells if c['node_id'] == id][0]
    assert got == want, '%s %s: %r, expected %r' % (id, key, got, want)
assert seen == set('=+-@\t\r'), seen
assert [c['value'] for c in cells if c['node_id'] == 'plus'] == ['0.5']
PY
); then ok "csv: each of = + - @ TAB CR gets an apostrophe, numbers stay numbers, BOM"
else not_ok "csv formulas" "$out"; fi

echo "1..$n"
exit $failed
