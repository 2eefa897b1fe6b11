#!/bin/bash
# test-cli-program.sh: the headless commands run in cluster-atlas-cli, which
# links no GTK: cluster-atlas hands --check and --export to it (one exec, seen
# by the dynamic loader), and runs them itself when it cannot.  TAP output.
#
#   test-cli-program.sh CLUSTER_ATLAS_CLI LIBEXECDIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
unset DISPLAY WAYLAND_DISPLAY
export LANG=C.UTF-8 LC_ALL=C.UTF-8

for tool in ldd python3; do
  command -v $tool >/dev/null || { echo "Bail out! $tool is missing"; exit 1; }
done

program=${CA_PROGRAM:?}
cli=${1:?}
libexecdir=${2:?}
good=${CA_FIXTURES:?}/ui-good.xml
bad=$CA_FIXTURES/ui-bad.xml
work=$(mktemp -d "${TMPDIR:-/tmp}/ca-cli-program-XXXXXX")
trap 'rm -rf "$work"' EXIT

. "$(dirname "$0")/../tap.sh"

# Runs a program; leaves its status in $status, its output in $out and $err.
run () {
  "$@" >"$work/stdout" 2>"$work/stderr"
  status=$?
  out=$(cat "$work/stdout")
  err=$(cat "$work/stderr")
}

# How many program images the dynamic loader started for one run: 2 when the
# process exec'd cluster-atlas-cli, 1 when it ran the command itself.
images () {
  LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -c 'initialize program:'
}

# The libraries, including indirect ones, that the dynamic loader maps.  ldd
# runs from python3 so that valgrind (meson test --setup valgrind), which
# leaves python3 alone, does not run the program in its place.
libs_of () {
  python3 -c 'import subprocess, sys; print(subprocess.run(["ldd", sys.argv[1]],
              capture_output=True, text=True).stdout)' "$1"
}
libs=$(libs_of "$cli")
expect "ldd lists the libraries of cluster-atlas-cli" 'grep -q libglib-2.0 <<<"$libs"' "$libs"
expect "cluster-atlas-cli maps no GTK 4 or libadwaita" \
  '! grep -qE "libgtk-4|libadwaita-1" <<<"$libs"' "$libs"
expect "cluster-atlas-cli links no cairo or Pango: --export loads them with its module" \
  '! grep -qE "libcairo|libpango" <<<"$libs"' "$libs"
gui_libs=$(libs_of "$program")
expect "cluster-atlas itself does link GTK 4 (so the check above can fail)" \
  'grep -q libgtk-4 <<<"$gui_libs"' "$gui_libs"

# The files the dynamic loader maps for one run, one a line, as named when
# mapped: cairo and the export module come only with --export.
mapped () {
  LD_DEBUG=files "$@" 2>&1 >/dev/null |
    sed -nE 's/^ *[0-9]+:\tfile=([^ ]+) .*generating link map$/\1/p'
}
maps=$(mapped "$cli" --check "$good")
expect "cluster-atlas-cli --check maps no cairo, Pango or fontconfig" \
  'grep -q libxml2 <<<"$maps" && ! grep -qE "libcairo|libpango|libfontconfig|export" <<<"$maps"' \
  "$maps"
maps=$(mapped "$cli" --export "$work/mapped.png" --node sh "$good")
expect "cluster-atlas-cli --export loads the module beside it, then cairo, and draws" \
  'grep -qx "$(dirname "$cli")/cluster-atlas-export.so" <<<"$maps" &&
   grep -q libcairo <<<"$maps" && [ "$(head -c 4 "$work/mapped.png" | tail -c 3)" = PNG ]' \
  "$maps"

run "$program" --check "$good"
expect "cluster-atlas --check FILE: exit 0 and the OK line" \
  '[ $status -eq 0 ] && [[ $out == "$good: OK: "* ]]' "status $status" "$out" "$err"
expected_out=$out
run "$cli" --check "$good"
expect "cluster-atlas-cli --check FILE prints the same" \
  '[ $status -eq 0 ] && [ "$out" = "$expected_out" ]' "status $status" "$out" "$err"

count=$(images "$program" --check "$good")
expect "cluster-atlas --check runs in cluster-atlas-cli (two program images)" \
  '[ "$count" = 2 ]' "images: $count"
count=$(images "$program" --version)
expect "cluster-atlas --version stays in cluster-atlas (one image)" \
  '[ "$count" = 1 ]' "images: $count"
count=$(images "$program" --lang xx_YY -- --check)
expect "--check after -- is a FILE, not the command" \
  '[ "$count" = 1 ]' "images: $count"
count=$(images "$program" --export="$work/never.csv" --node no-such-node "$good")
expect "cluster-atlas --export runs in cluster-atlas-cli (two images)" \
  '[ "$count" = 2 ]' "images: $count"
count=$(images "$program" --check --no-such-option)
expect "cluster-atlas finds a usage error itself, before any exec (one image)" \
  '[ "$count" = 1 ]' "images: $count"
count=$(images "$program" --help)
expect "cluster-atlas --help stays in cluster-atlas (one image)" \
  '[ "$count" = 1 ]' "images: $count"

# Messages and statuses are the same through the exec: argv[0] is kept.
run "$program" --lang en --check "$good" "$bad"
expect "an invalid file: exit 1, its problem on stderr" \
  '[ $status -eq 1 ] && [[ $err == *"ui-bad.xml:18:"* ]]' "status $status" "$err"
run "$program" --check --no-such-option
expect "a usage error names cluster-atlas and exits 2" \
  '[ $status -eq 2 ] && [[ $err == "cluster-atlas: "*"--no-such-option"* ]]' \
  "status $status" "$err"
run "$program" --export="$work/out.csv" --node no-such-node "$good"
expect "--export=OUT is headless too: an unknown node is a usage error (2)" \
  '[ $status -eq 2 ] && [[ $err == *"no-such-node"* ]] && [ ! -e "$work/out.csv" ]' \
  "status $status" "$err"
run "$cli" --check "$good" --width
expect "cluster-atlas-cli: a usage error names the program, says where to look, exits 2" \
  '[ $status -eq 2 ] && [ -z "$out" ] &&
   [ "$err" = "cluster-atlas-cli: Missing argument for --width
Run “cluster-atlas-cli --help” to see the options." ]' "status $status" "$err"
run "$cli" --version
expect "cluster-atlas-cli --version" \
  '[ $status -eq 0 ] && [[ $out == "cluster-atlas "[0-9]* ]] && [ -z "$err" ]' \
  "status $status" "$out" "$err"
run "$cli" --help
expect "cluster-atlas-cli --help lists the commands' options" \
  '[ $status -eq 0 ] && [[ $out == *--check* && $out == *--export* && $out == *--node* ]]' \
  "status $status" "$out"
run "$cli" "$good"
expect "cluster-atlas-cli without a command: a usage error (2)" \
  '[ $status -eq 2 ] && [ -z "$out" ] && [[ $err == *--check* ]]' "status $status" "$err"

# Anything but a regular file is refused at once, through the exec too: a
# FIFO with no writer used to block open () for ever.  `timeout 5` turns a
# hang into status 124; the limit on the whole run is generous for valgrind.
mkfifo "$work/fifo.xml"
mkdir "$work/folder.xml"
for target in "$work/fifo.xml" /dev/zero "$work/folder.xml"; do
  start=$(date +%s%N)
  run timeout 5 "$program" --check "$target"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  expect "--check $(basename "$target"): refused as not a regular file, exit 1, in ${ms} ms" \
    '[ $status -eq 1 ] && [ -z "$out" ] && [ $ms -lt 3000 ] &&
     [ "$err" = "$target:0:0: “$target” is not a regular file" ]' \
    "status $status after $ms ms" "$err"
done

# Names that are not UTF-8 or hold a newline: each problem is still one
# line, FILE:LINE:COLUMN: message, the name escaped (\xE9, \n).
n_problems=$("$cli" --check "$bad" 2>&1 | grep -c "ui-bad.xml:[0-9]*:[0-9]*: ")
for pair in "caf\xe9.xml|caf\\\\xE9.xml" "two\nlines.xml|two\\\\nlines.xml"; do
  name=$(printf "${pair%%|*}")
  shown=$(printf "${pair#*|}")
  cp "$bad" "$work/$name"
  run timeout 5 "$program" --check "$work/$name"
  lines=$(printf '%s\n' "$err" | wc -l)
  good_lines=$(printf '%s\n' "$err" | grep -cF "$work/$shown:")
  expect "--check $shown: $n_problems problems, one line each, the name escaped" \
    '[ $status -eq 1 ] && [ "$n_problems" -ge 1 ] && [ "$lines" -eq "$n_problems" ] &&
     [ "$good_lines" -eq "$n_problems" ]' \
    "status $status, $lines lines, $good_lines named $shown" "$err"
done

# Alone in a directory, with no cluster-atlas-cli beside it, the program
# runs the command itself (unless one is installed in libexecdir).
cp "$program" "$work/cluster-atlas"
run "$work/cluster-atlas" --check "$good"
expect "without cluster-atlas-cli, cluster-atlas --check still works" \
  '[ $status -eq 0 ] && [ "$out" = "$expected_out" ]' "status $status" "$out" "$err"
if [ -x "$libexecdir/cluster-atlas-cli" ]; then
  ok "# SKIP $libexecdir/cluster-atlas-cli is installed, so the fallback is not reached"
else
  count=$(images "$work/cluster-atlas" --check "$good")
  expect "... in the same process (one image)" '[ "$count" = 1 ]' "images: $count"
fi

# cluster-atlas-cli alone, with no module beside it or installed with it:
# --check needs none, --export says which file it could not open.
mkdir "$work/alone"
cp "$cli" "$work/alone/cluster-atlas-cli"
run "$work/alone/cluster-atlas-cli" --check "$good"
expect "without its export module, cluster-atlas-cli --check still works" \
  '[ $status -eq 0 ] && [ "$out" = "$expected_out" ]' "status $status" "$out" "$err"
run "$work/alone/cluster-atlas-cli" --export "$work/alone.png" --node sh "$good"
expect "... and --export exits 1, naming the module it could not open" \
  '[ $status -eq 1 ] && [ ! -e "$work/alone.png" ] &&
   [[ $err == "Could not open “$work/lib/"*"/cluster-atlas-export.so”: No such file"* ]]' \
  "status $status" "$err"

# --find: the window's search from the command line (ca-match.h), through
# the exec as every headless command, ID<TAB>PATH a line, best match first.
tab=$'\t'
run "$program" --find 宝山 "$good"
expect "--find 宝山: the two nodes the window's search finds, ID<TAB>PATH, exit 0" \
  '[ $status -eq 0 ] && [ -z "$err" ] && [ "$out" = "baoshan${tab}China › Shanghai › Baoshan
bs-hitech${tab}China › Shanghai › Baoshan › Baoshan High-tech Park" ]' "status $status" "$out"
run "$cli" --find "ＢＡＯＳＨＡＮ　ｈｉｇｈ" "$good"
expect "--find folds case and full-width forms, every word must match" \
  '[ $status -eq 0 ] && [ "$out" = "bs-hitech${tab}China › Shanghai › Baoshan › Baoshan High-tech Park" ]' \
  "status $status" "$out"
run "$cli" --find robotics "$good"
expect "--find matches tags" '[ $status -eq 0 ] && [[ $out == "bs-hitech$tab"* ]]' "$out"
run "$cli" --find BS-POC "$good"
expect "--find matches ids" '[ $status -eq 0 ] && [[ $out == "bs-poc$tab"* ]]' "$out"
run "$cli" --lang zh_CN --find baoshan "$good"
expect "--find writes the path in the interface language" \
  '[ $status -eq 0 ] && [[ $out == "baoshan${tab}中国 › 上海 › 宝山区"* ]]' "$out"
for lang in zh_HK zh_MO; do
  run "$cli" --lang $lang --find baoshan "$good"
  expect "--lang $lang reads zh_TW (README, Command line)" \
    '[ $status -eq 0 ] && [[ $out == "baoshan${tab}中國 › "* ]]' "status $status" "$out" "$err"
done
run "$cli" --find no-such-thing "$good"
expect "--find with no match: nothing printed, exit 1" \
  '[ $status -eq 1 ] && [ -z "$out" ] && [ -z "$err" ]' "status $status" "$out" "$err"
run "$cli" --find "  " "$good"
expect "--find with no word: a usage error (2)" '[ $status -eq 2 ] && [ -z "$out" ]' "$err"
run "$cli" --find x "$good" "$good"
expect "--find reads one FILE: two are a usage error (2)" '[ $status -eq 2 ]' "$err"
run "$cli" --find x "$bad"
expect "--find in a refused file: its problems, exit 1" \
  '[ $status -eq 1 ] && [ -z "$out" ] && [[ $err == *"ui-bad.xml:18:5: "* ]]' "$err"
# Chinese: pinyin, initials, Traditional input, ranking (match-hanzi.xml).
hanzi=$CA_FIXTURES/match-hanzi.xml
run "$program" --find "bǎo shān" "$hanzi"
expect "--find in pinyin with tones and a space: the whole name first, then by where it is" \
  '[ $status -eq 0 ] && [ "$out" = "d-3${tab}China › 宝山
d-2${tab}China › 宝山区
d-4${tab}China › 寶山鄉
d-1${tab}China › 上海宝山" ]' "status $status" "$out"
run "$cli" --find 宝山 "$hanzi"
expect "--find ranks the exact name, then names that start with it, then the rest" \
  '[ $status -eq 0 ] && [ "$(cut -f1 <<<"$out" | tr "\n" " ")" = "d-3 d-2 d-4 d-1 " ]' \
  "$out"
run "$cli" --find xm "$hanzi"
expect "--find by initials, a polyphone by its second reading (厦 xià)" \
  '[ $status -eq 0 ] && [ "$(cut -f1 <<<"$out" | tr "\n" " ")" = "c-592 u-1 " ]' "$out"
run "$cli" --find zhongqing "$hanzi"
expect "--find: a declared reading wins (重庆 is Chóngqìng, 重庆路 is read by its characters)" \
  '[ $status -eq 0 ] && [ "$out" = "zq-road${tab}China › 重庆路" ]' "$out"
run "$cli" --find x --check "$good"
expect "--find and --check cannot be combined (2)" \
  '[ $status -eq 2 ] && [[ $err == *"cannot be combined"* ]]' "$err"

echo "1..$n"
exit $failed
