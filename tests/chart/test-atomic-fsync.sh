#!/bin/bash
# test-atomic-fsync.sh: cluster-atlas --export writes OUT whole or not at
# all, and durably: under strace, for each format and for a new and a
# replaced OUT, the temporary file beside OUT gets its bytes, then an fsync
# on its own descriptor, then is renamed over OUT.  Without that fsync a
# crash soon after the rename can leave OUT empty.  TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
unset DISPLAY WAYLAND_DISPLAY
export LANG=C.UTF-8 LC_ALL=C.UTF-8

program=${CA_PROGRAM:?}
fixtures=${CA_FIXTURES:?}

if ! command -v strace >/dev/null || ! command -v python3 >/dev/null; then
  echo "1..0 # SKIP strace or python3 is missing"
  exit 0
fi
# strace needs ptrace; a container may forbid it.
if ! strace -f -qq -o /dev/null true 2>/dev/null; then
  echo "1..0 # SKIP strace cannot trace here"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/ca-atomic-fsync-XXXXXX")
trap 'rm -rf "$work"' EXIT

. "$(dirname "$0")/../tap.sh"

# Reads strace's log (-y: descriptors with their paths) and checks, for the
# rename that puts OUT in place: the file renamed is a temporary file beside
# OUT, it was written, the last write to it came before an fsync on its
# descriptor, and that fsync came before the rename.
check_log () {
  python3 - "$1" "$2" <<'PY'
import os, re, sys
log, out = sys.argv[1], sys.argv[2]
lines = open(log, encoding='utf-8', errors='replace').read().splitlines()
rename = None
for i, line in enumerate(lines):
    m = re.search(r'rename(?:at2?)?\((?:[^,]*, )?"([^"]+)", (?:[^,]*, )?"([^"]+)"', line)
    if m and m.group(2) == out and re.search(r'\) = 0$', line):
        rename = (i, m.group(1))
if rename is None:
    sys.exit('no rename over %s in the log' % out)
at, temp = rename
if os.path.dirname(temp) != os.path.dirname(out) or \
   not os.path.basename(temp).startswith('.' + os.path.basename(out) + '.'):
    sys.exit('renamed %s, not a temporary file beside %s' % (temp, out))
fd = '<%s>' % temp
writes = [i for i in range(at) if re.search(r'\bwrite\(\d+' + re.escape(fd), lines[i])]
syncs = [i for i in range(at) if re.search(r'\b(fsync|fdatasync)\(\d+' + re.escape(fd) + r'\) = 0',
                                           lines[i])]
if not writes:
    sys.exit('no write to %s before its rename' % temp)
if not [i for i in syncs if i > writes[-1]]:
    sys.exit('no fsync of %s between its last write (line %d) and its rename (line %d)'
             % (temp, writes[-1] + 1, at + 1))
PY
}

for format in png svg pdf csv; do
  for state in new replaced; do
    out=$work/chart-$state.$format
    log=$work/strace-$state-$format.log
    rm -f "$out"
    [ $state = replaced ] && printf 'old contents\n' >"$out"
    strace -f -qq -y -s 0 -o "$log" -e trace=write,fsync,fdatasync,rename,renameat,renameat2 \
      "$program" --export "$out" --node r --chart counts "$fixtures/chart-basic.xml" \
      >"$work/stdout" 2>"$work/stderr"
    status=$?
    if [ $status -ne 0 ]; then
      not_ok "$format, $state OUT: exit $status" "$(cat "$work/stderr")"
    elif ! why=$(check_log "$log" "$out" 2>&1); then
      not_ok "$format, $state OUT: written, flushed, renamed" "$why"
    elif [ ! -s "$out" ] || grep -q '^old contents$' "$out"; then
      not_ok "$format, $state OUT: the export is not in OUT"
    else
      ok "$format, $state OUT: written, fsync of the temporary file, then renamed"
    fi
  done
done

echo "1..$n"
exit $failed
