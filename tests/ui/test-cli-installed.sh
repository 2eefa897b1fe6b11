#!/bin/bash
# test-cli-installed.sh: the headless commands as installed.  The build is
# installed into a DESTDIR, and the cluster-atlas-cli found there runs
# --check, and --export with the export module installed beside it in
# libdir (not the one of the build tree).  TAP output.
#
#   test-cli-installed.sh MESON BUILD_ROOT LIBEXECDIR MODULEDIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
unset DISPLAY WAYLAND_DISPLAY
export LANG=C.UTF-8 LC_ALL=C.UTF-8

meson=${1:?}
build=${2:?}
libexecdir=${3:?}
moduledir=${4:?}
good=${CA_FIXTURES:?}/ui-good.xml
work=$(mktemp -d "${TMPDIR:-/tmp}/ca-cli-installed-XXXXXX")
trap 'rm -rf "$work"' EXIT

. "$(dirname "$0")/../tap.sh"

root=$work/root
"$meson" install -C "$build" --no-rebuild --quiet --destdir "$root" >"$work/install.log" 2>&1
status=$?
cli=$root$libexecdir/cluster-atlas-cli
module=$root$moduledir/cluster-atlas-export.so
expect "meson install puts cluster-atlas-cli in libexecdir and its module in libdir" \
  '[ $status -eq 0 ] && [ -x "$cli" ] && [ -f "$module" ]' \
  "status $status" "$(tail -n 20 "$work/install.log")"

"$cli" --check "$good" >"$work/out" 2>"$work/err"
status=$?
expect "the installed cluster-atlas-cli --check FILE: exit 0 and the OK line" \
  '[ $status -eq 0 ] && [[ $(cat "$work/out") == "$good: OK: "* ]]' \
  "status $status" "$(cat "$work/out" "$work/err")"

LD_DEBUG=files "$cli" --export "$work/chart.png" --node sh "$good" >/dev/null 2>"$work/err"
status=$?
loaded=$(sed -nE 's/^ *[0-9]+:\tfile=([^ ]+) .*dynamically loaded by .*/\1/p' "$work/err")
expect "the installed --export loads the installed module and draws the PNG" \
  '[ $status -eq 0 ] && grep -qxF "$module" <<<"$loaded" && ! grep -qF "$build/" <<<"$loaded" &&
   [ "$(head -c 4 "$work/chart.png" | tail -c 3)" = PNG ]' \
  "status $status" "loaded: $loaded" "$(grep -v "^ *[0-9]*:" "$work/err")"

"$cli" --export "$work/figures.csv" --node sh "$good" >"$work/out" 2>"$work/err"
status=$?
expect "the installed --export writes the figures as CSV" \
  '[ $status -eq 0 ] && head -n 1 "$work/figures.csv" | grep -q "^.*node_id,"' \
  "status $status" "$(cat "$work/err")"

echo "1..$n"
exit $failed
