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

. "$(dirname "$0")/../tap.sh"

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
          'source_id,source_publisher,source_date,source_title,'
          'reported_value,reported_date,share_reached,expected_value,expected_now,'
          'time_elapsed,status,quote,note').split(',')
cells = [dict(zip(header, row)) for row in rows]
texts = ('node_id', 'node_path', 'unit', 'source_publisher', 'source_title', 'quote', 'note')
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
    ('top', 'quote'): "'=2+2, said the plan",
    ('top', 'note'): "'@note \"quoted\"",
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

# --- options that cannot be combined -----------------------------------
for args in "--check a b --export x.png" "--export x.png --node sh --check a"; do
  # shellcheck disable=SC2086
  run $args
  if [ $status -eq 2 ] && grep -q -- "--check and --export cannot be combined" "$work/stderr"; then
    ok "$args: exit 2, “$(head -1 "$work/stderr")”"
  else not_ok "$args: exit $status, wanted 2" "$(cat "$work/stderr")"; fi
done

# --- an unknown --node: bounded time, at most 10 ids, values cut ---------
# 300,000 top-level nodes, and ids of 250 characters that all look alike.
python3 - "$work" <<'PY'
import sys
head = ('<?xml version="1.0" encoding="UTF-8"?>\n<atlas xmlns="urn:cluster-atlas:1" '
        'version="1">\n<title xml:lang="en">Many</title>\n')
node = '<region id="%s" kind="district"><name xml:lang="en">R</name></region>\n'
with open(sys.argv[1] + '/many.xml', 'w') as f:
    f.write(head + ''.join(node % ('r%07d' % i) for i in range(300000)) + '</atlas>\n')
with open(sys.argv[1] + '/long.xml', 'w') as f:
    f.write(head + ''.join(node % ('a' * 244 + '%06d' % i) for i in range(100000)) + '</atlas>\n')
PY
# CPU seconds of the program, so that a busy machine does not fail the test.
cpu_time () {  # cpu_time OUTFILE ARGS...: prints seconds, or "timeout"
  python3 - "$program" "$@" <<'PY'
import resource, subprocess, sys
program, out, args = sys.argv[1], sys.argv[2], sys.argv[3:]
try:
    with open(out, 'wb') as err:
        subprocess.run([program] + args, stdout=subprocess.DEVNULL, stderr=err, timeout=30)
except subprocess.TimeoutExpired:
    print('timeout')
    sys.exit()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print('%.3f' % (usage.ru_utime + usage.ru_stime))
PY
}
long_a=$(printf 'a%.0s' $(seq 10000))
for spec in "many.xml:r000000" "many.xml:zzzzzzzz" "many.xml:$long_a" "many.xml:r0${long_a:0:300}" \
            "long.xml:${long_a:0:250}" "long.xml:b${long_a:0:249}" "long.xml:$long_a"; do
  file=${spec%%:*} id=${spec#*:}
  base=$(cpu_time "$work/err" --check "$work/$file")
  took=$(cpu_time "$work/err" --export "$work/x.csv" --node "$id" "$work/$file")
  desc="unknown --node of ${#id} characters in $file"
  if [ "$took" = timeout ] || [ "$base" = timeout ]; then
    not_ok "$desc: still running after 30 s"; continue
  fi
  if out=$(python3 - "$work/err" "$base" "$took" <<'PY' 2>&1
import re, sys
err = open(sys.argv[1], encoding='utf-8').read()
base, took = float(sys.argv[2]), float(sys.argv[3])
# The old search took minutes; a bound far above the usual 0.1-0.3 s keeps
# the test from flaking in the sanitizer build or on a busy machine.
assert took - base < 5, 'the ids took %.2f s of CPU beyond loading (%.2f s)' % (took - base, base)
assert len(err) < 2000, '%d bytes of message' % len(err)
m = re.match(r'cluster-atlas: Unknown node “([^”]*)”; (nearest ids|no id is near it; top-level ids): (.*)\n$', err)
assert m, err[:300]
assert len(m.group(1)) <= 80, 'the id is quoted whole: %d characters' % len(m.group(1))
ids = re.sub(r' and \d+ more$', '', m.group(3)).split(', ')
assert 1 <= len(ids) <= 10, ids
assert all(len(i) <= 80 for i in ids), ids
print('%.2f s beyond loading, %d ids' % (took - base, len(ids)))
PY
  ); then ok "$desc: $out"; else not_ok "$desc" "$out"; fi
done

# --- an export ended by a signal leaves no temporary file ---------------
# strace holds the program in every fsync () (3 s each), the first being that
# of its temporary file, so that the signal surely comes while that file
# exists.
sig=$work/signals
mkdir -p "$sig"
printf 'old contents\n' >"$sig/keep.png"
if command -v strace >/dev/null; then
  for signal in TERM INT HUP; do
    # What an earlier case left would be taken for this one's file.
    rm -f "$sig"/.keep.png.*
    before=$(snapshot "$sig")
    # A background job of a script ignores SIGINT, and so would the program,
    # as it keeps what its parent ignores: env gives it the default back.
    strace -f -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=3000000:when=1+ \
      env --default-signal=INT,HUP,TERM "$program" --export "$sig/keep.png" --node sh \
      >/dev/null 2>"$work/stderr" &
    tracer=$!
    child= seen=
    for _ in $(seq 200); do
      # By its name: strace forks short-lived children of its own at start.
      child=$(pgrep -P $tracer cluster-atlas | head -n 1)
      if [ -n "$child" ] && ls -A "$sig" | grep -q '^\.keep\.png\.'; then seen=1; break; fi
      sleep 0.05
    done
    [ -n "$child" ] && kill -s $signal "$child"
    wait $tracer
    after=$(snapshot "$sig")
    if [ -n "$seen" ] && [ "$before" = "$after" ]; then
      ok "SIG$signal during the write: no temporary file, keep.png untouched"
    else not_ok "SIG$signal during the write (temporary file seen: ${seen:-no})" \
      "before: $before" "after: $after" "$(cat "$work/stderr")"; fi
  done
else
  skip "strace is missing: SIGTERM, SIGINT, SIGHUP"
fi

# A file size limit: SIGXFSZ is ignored, so the write fails with a message.
for out in keep.png keep.csv; do
  printf 'old\n' >"$sig/$out"
  before=$(snapshot "$sig")
  ( ulimit -f 1; exec "$program" --export "$sig/$out" --node cn ) >/dev/null 2>"$work/stderr"
  status=$?
  after=$(snapshot "$sig")
  if [ $status -eq 1 ] && grep -q "Could not write “$sig/$out”: File too large" "$work/stderr" &&
     [ "$before" = "$after" ]; then
    ok "ulimit -f 1, $out: exit 1, “$(head -1 "$work/stderr")”, nothing left"
  else not_ok "ulimit -f 1, $out: exit $status" "$(cat "$work/stderr")" "before: $before" "after: $after"; fi
done

# --- symbolic links, read-only files and folders, as cp ---------------------
links=$work/links
mkdir -p "$links/real" "$links/other"
printf 'old\n' >"$links/real/chart.csv"
ln -s real/chart.csv "$links/link.csv"
ln -s ../real/chart.csv "$links/other/chain.csv"
ln -s ../other/chain.csv "$links/real/chain2.csv"
run --export "$links/link.csv" --node sh
if [ $status -eq 0 ] && [ -L "$links/link.csv" ] && [ "$(readlink "$links/link.csv")" = real/chart.csv ] &&
   head -c 3 "$links/real/chart.csv" | grep -q $'^\xef\xbb\xbf' &&
   [ -z "$(ls -A "$links" | grep '^\.')" ] && [ -z "$(ls -A "$links/real" | grep '^\.')" ]; then
  ok "OUT a symbolic link: still the same link, the file it points to replaced"
else not_ok "OUT a symbolic link (exit $status)" "$(ls -la "$links" "$links/real")" "$(cat "$work/stderr")"; fi
printf 'old\n' >"$links/real/chart.csv"
run --export "$links/real/chain2.csv" --node sh
if [ $status -eq 0 ] && [ -L "$links/real/chain2.csv" ] && [ -L "$links/other/chain.csv" ] &&
   [ "$(head -c 3 "$links/real/chart.csv")" = $'\xef\xbb\xbf' ]; then
  ok "OUT a link to a link: both stay links, the last file replaced"
else not_ok "OUT a link to a link (exit $status)" "$(ls -la "$links/real")" "$(cat "$work/stderr")"; fi
ln -s nowhere.csv "$links/dangling.csv"
before=$(snapshot "$links")
run --export "$links/dangling.csv" --node sh
if [ $status -eq 1 ] && grep -q "symbolic link to a file that does not exist" "$work/stderr" &&
   [ "$before" = "$(snapshot "$links")" ] && [ ! -e "$links/nowhere.csv" ]; then
  ok "OUT a link to nothing: refused, “$(head -1 "$work/stderr")”"
else not_ok "OUT a dangling link (exit $status)" "$(cat "$work/stderr")"; fi

# OUT the dataset itself, by its name, a link or a hard link: refused as a
# usage error, the dataset unchanged (cp refuses a file onto itself).
cp "$fixtures/ui-good.xml" "$links/data.csv"
ln -s data.csv "$links/data-link.png"
ln "$links/data.csv" "$links/data-hard.svg"
sum=$(md5sum <"$links/data.csv")
for out in data.csv data-link.png data-hard.svg; do
  run --export "$links/$out" --node sh "$links/data.csv"
  if [ $status -eq 2 ] && grep -q "would write over its own dataset" "$work/stderr" &&
     [ "$sum" = "$(md5sum <"$links/data.csv")" ]; then
    ok "OUT $out, the dataset itself: refused, the dataset unchanged"
  else not_ok "OUT $out, the dataset itself (exit $status)" "$(cat "$work/stderr")"; fi
done

# A name as long as a name may be (255 bytes): the temporary file beside it
# takes a shorter one.
long=$(printf 'c%.0s' $(seq 251)).png
run --export "$links/$long" --node sh
if [ $status -eq 0 ] && [ -s "$links/$long" ] && [ -z "$(ls -A "$links" | grep '^\.')" ]; then
  ok "OUT of 255 bytes written, no temporary file left"
else not_ok "OUT of 255 bytes (exit $status)" "$(cat "$work/stderr")"; fi

# A read-only file in a folder the user may write: the rename would replace
# it, cp would refuse.  Root may write any file, so the program runs as the
# user nobody (setpriv, util-linux), who owns the folder but not the right
# to write the file; as another user the test runs as that user.
ro=$work/ro
mkdir -p "$ro"
printf 'old\n' >"$ro/keep.csv"
chmod 444 "$ro/keep.csv"
chmod 755 "$work"
as=()
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
    chown nobody "$ro" "$ro/keep.csv"
    as=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
  fi
fi
if [ "$(id -u)" = 0 ] && [ ${#as[@]} -eq 0 ]; then
  skip "root without setpriv: no user for whom a file is read-only"
else
  before=$(snapshot "$ro")
  "${as[@]}" "$program" --export "$ro/keep.csv" --node sh >/dev/null 2>"$work/stderr"
  status=$?
  if [ $status -eq 1 ] && grep -q "Could not write “$ro/keep.csv”: the file may not be written to: Permission denied" "$work/stderr" &&
     [ "$before" = "$(snapshot "$ro")" ]; then
    ok "OUT read-only (0444${as:+, as nobody}): refused, unchanged, “$(head -1 "$work/stderr")”"
  else not_ok "OUT read-only: exit $status" "$(cat "$work/stderr")" "$(ls -la "$ro")"; fi
fi

# A folder that cannot be written is named as the reason.  As root it is
# made immutable (chattr +i) where the file system allows.
rodir=$work/rodir
mkdir -p "$rodir"
printf 'old\n' >"$rodir/keep.pdf"
chmod 555 "$rodir"
as=()
if [ "$(id -u)" = 0 ]; then
  if chattr +i "$rodir" 2>/dev/null; then immutable=$rodir
  elif command -v setpriv >/dev/null; then as=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
  fi
fi
before=$(snapshot "$rodir")
"${as[@]}" "$program" --export "$rodir/keep.pdf" --node sh >/dev/null 2>"$work/stderr"
status=$?
if [ $status -eq 1 ] && grep -q "Could not write “$rodir/keep.pdf”: its folder “$rodir” cannot be written to: " "$work/stderr" &&
   [ "$before" = "$(snapshot "$rodir")" ]; then
  ok "read-only folder: “$(head -1 "$work/stderr")”"
else not_ok "read-only folder: exit $status" "$(cat "$work/stderr")"; fi
[ -n "$immutable" ] && chattr -i "$rodir" && immutable=
chmod 755 "$rodir"

echo "1..$n"
exit $failed
