#!/bin/bash
# test-export-compare.sh: cluster-atlas --export OUT --compare ID,ID[,…],
# with no display.  The PDF is read back as text (pdftotext), the SVG by
# its <title> and <desc> and by rsvg-convert, the PNG by its magic bytes,
# in English and in Chinese (--lang zh_CN); --chart counts and goals
# choose the figures; every usage error says what is wrong, exactly, exits
# 2 and leaves no file.  TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
unset DISPLAY WAYLAND_DISPLAY
export LANG=C.UTF-8 LC_ALL=C.UTF-8

for tool in pdftotext rsvg-convert python3; do
  command -v $tool >/dev/null || { echo "Bail out! $tool is missing"; exit 1; }
done

program=${CA_PROGRAM:?}
fixture=${CA_FIXTURES:?}/chart-compare.xml
work=$(mktemp -d "${TMPDIR:-/tmp}/ca-export-compare-XXXXXX")
trap 'rm -rf "$work"' EXIT

. "$(dirname "$0")/../tap.sh"

run () {
  "$program" "$@" >"$work/stdout" 2>"$work/stderr"
  status=$?
}

# One line of the PDF's text with its runs of spaces made one.
pdf_text () {
  pdftotext -layout "$1" - | tr -s ' '
}

run --export "$work/c.pdf" --compare north,south,east "$fixture"
expect "PDF of three nodes written" '[ $status = 0 ] && [ -s "$work/c.pdf" ]' "$(cat "$work/stderr")"
text=$(pdf_text "$work/c.pdf")
expect "PDF title names every node and the view" \
  'grep -q "North District, South District of the Very Long Name for Wrapping, East District — Comparison" <<<"$text"' "$text"
expect "PDF has a panel per shared metric, units in the headings" \
  'grep -q "^Projects" <<<"$text" && grep -q "Output value (CNY billion)" <<<"$text" && grep -q "Floor area (million square metres)" <<<"$text"' "$text"
expect "PDF keeps qualifiers and the goal apart from the report" \
  'grep -q "≈ 210 (2024); goal ≈ 500 by 2030" <<<"$text" && grep -q "16 (April 2024); goal ≥ 40 by 2030" <<<"$text"' "$text"
expect "PDF shows sources that disagree as a range" 'grep -q "60 to 64 (7 April 2024)" <<<"$text"' "$text"
expect "PDF lists what only some have" \
  'grep -q "Only some of them have" <<<"$text" && grep -q "Patents: North District, South District of the Very Long Name for Wrapping" <<<"$text" && grep -q "Incubators: North District" <<<"$text"' "$text"
expect "PDF footer cites the disagreeing source too" 'grep -q "Wire Service, 2 May 2024" <<<"$text"' "$text"

run --export "$work/counts.pdf" --compare north,south,east --chart counts "$fixture"
text=$(pdf_text "$work/counts.pdf")
expect "--chart counts draws reports only" \
  '[ $status = 0 ] && grep -q "— Counts compared" <<<"$text" && grep -q "Output value: North District, East District" <<<"$text" && ! grep -q "goal" <<<"$text"' "$text"

run --export "$work/goals.pdf" --compare south,north --chart goals "$fixture"
text=$(pdf_text "$work/goals.pdf")
expect "--chart goals compares goals, in the order given" \
  '[ $status = 0 ] && grep -q "South District of the Very Long Name for Wrapping, North District — Goals compared" <<<"$text" && grep -q "goal 300 by 2028" <<<"$text" && grep -q "Projects: North District" <<<"$text"' "$text"

run --lang zh_CN --export "$work/zh.pdf" --compare north,south,east "$fixture"
text=$(pdf_text "$work/zh.pdf")
expect "Chinese PDF writes the names, numbers and dates in Chinese" \
  '[ $status = 0 ] && grep -q "北区" <<<"$text" && grep -q "东区" <<<"$text" && grep -q "产值（亿元）" <<<"$text" && grep -q "≈2100（2024年）" <<<"$text" && grep -q "2024年4月" <<<"$text"' "$text"

run --lang zh_CN --export "$work/zh.svg" --compare north,east "$fixture"
expect "Chinese SVG has the names in its title and the sources in its desc" \
  '[ $status = 0 ] && grep -q "<title>北区.*东区" "$work/zh.svg" && tr "\n" " " <"$work/zh.svg" | grep -q "<desc>[^<]*District Government"' "$(head -c 600 "$work/zh.svg")"
expect "the SVG renders" 'rsvg-convert "$work/zh.svg" -o "$work/zh-svg.png" 2>/dev/null && [ -s "$work/zh-svg.png" ]'

run --export "$work/c.svg" --compare north,south "$fixture"
expect "English SVG title" \
  '[ $status = 0 ] && grep -q "<title>North District, South District of the Very Long Name for Wrapping — Comparison</title>" "$work/c.svg"' "$(head -c 600 "$work/c.svg")"

run --export "$work/c.png" --width 360 --scale 2 --compare north,south,east,empty "$fixture"
expect "PNG at 360 px, scale 2" \
  '[ $status = 0 ] && [ "$(head -c 8 "$work/c.png" | od -An -tx1 | tr -d " \n")" = 89504e470d0a1a0a ] && python3 -c "import struct,sys; d=open(sys.argv[1],\"rb\").read(24); sys.exit(struct.unpack(\">I\", d[16:20])[0] != 720)" "$work/c.png"'

ids8=north,south,east,empty,r
run --export "$work/five.pdf" --compare $ids8 "$fixture"
expect "five nodes, two of them without figures: the other three's metrics drawn, the two named" \
  '[ $status = 0 ] && text=$(pdf_text "$work/five.pdf") && grep -q "Floor area" <<<"$text" && grep -q "Empty District and Compareville have no figures of their own to compare" <<<"$text" && ! grep -q "No metric is recorded" <<<"$text"' "$(cat "$work/stderr")"

# Usage errors: the exact message, status 2, no file.
usage () {
  local desc=$1 message=$2; shift 2
  rm -f "$work/bad.png"
  run "$@"
  expect "$desc" '[ $status = 2 ] && [ "$(cat "$work/stderr")" = "cluster-atlas: $message" ] && [ ! -e "$work/bad.png" ]' \
    "status $status" "$(cat "$work/stderr")"
}
usage "one id" "--compare needs 2 to 8 ids separated by commas; 1 was given" \
  --export "$work/bad.png" --compare north "$fixture"
usage "nine ids" "--compare needs 2 to 8 ids separated by commas; 9 were given" \
  --export "$work/bad.png" --compare a,b,c,d,e,f,g,h,i "$fixture"
usage "a repeated id" "--compare names “south” twice; give each node once" \
  --export "$work/bad.png" --compare north,south,east,south "$fixture"
usage "an empty id" "--compare has an empty id: give ids separated by single commas" \
  --export "$work/bad.png" --compare north,,east "$fixture"
usage "a trailing comma" "--compare has an empty id: give ids separated by single commas" \
  --export "$work/bad.png" --compare north,east, "$fixture"
usage "ids not in UTF-8" "--compare is not valid UTF-8: give the ids as the dataset writes them" \
  --export "$work/bad.png" --compare $'north,\xff' "$fixture"

run --export "$work/spaced.pdf" --compare "north, south , east" "$fixture"
expect "spaces around the ids are left out" \
  '[ $status = 0 ] && pdf_text "$work/spaced.pdf" | grep -q "^North District, South District of the Very Long Name for Wrapping, East District — Comparison"' "$(cat "$work/stderr")"

run --help
expect "--help says a comparison without --chart draws reports and goals" \
  '[ $status = 0 ] && tr -s " \n" " " <"$work/stdout" | grep -q "with --chart counts or goals, only their reports or goals (the default: both)"' "$(cat "$work/stdout")"
usage "an unknown id names the nearest" "Unknown node “nort”; nearest ids: north" \
  --export "$work/bad.png" --compare east,nort "$fixture"
usage "an unknown --node is quoted as given, its spaces too" "Unknown node “ nort ”; nearest ids: north" \
  --export "$work/bad.png" --node " nort " "$fixture"
usage "an id near nothing names the top-level ids" \
  "Unknown node “zzzzzzzzzzzz”; no id is near it; top-level ids: r" \
  --export "$work/bad.png" --compare east,zzzzzzzzzzzz "$fixture"
usage "with --node" "--node and --compare cannot be combined; give one of them" \
  --export "$work/bad.png" --node north --compare north,east "$fixture"
usage "an unknown --chart" "Unknown chart “trend” for --compare; allowed: counts, goals" \
  --export "$work/bad.png" --compare north,east --chart trend "$fixture"
usage "not a chart format" "--compare exports a chart: OUT.png, OUT.svg or OUT.pdf" \
  --export "$work/bad.csv" --compare north,east "$fixture"
usage "an unknown extension names only the chart formats" \
  "--compare exports a chart: OUT.png, OUT.svg or OUT.pdf" \
  --export "$work/bad.txt" --compare north,east "$fixture"
usage "a bad --width" "--width must be a whole number from 200 to 10000" \
  --export "$work/bad.png" --compare north,east --width 20 "$fixture"
long=$(printf 'x%.0s' $(seq 1 5000))
run --export "$work/bad.png" --compare "north,$long" "$fixture"
expect "a huge id is quoted cut, on one line" \
  '[ $status = 2 ] && [ $(wc -l <"$work/stderr") = 1 ] && [ $(wc -c <"$work/stderr") -lt 400 ]' \
  "$(head -c 300 "$work/stderr")"
run --export "$work/bad.png" --compare "$(printf 'north,ea\tst\033[31m')" "$fixture"
expect "control characters in an id are escaped" \
  '[ $status = 2 ] && ! grep -q "$(printf "\033")" "$work/stderr"' "$(cat -v "$work/stderr")"

echo "1..$n"
exit $failed
