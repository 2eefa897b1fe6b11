#!/bin/bash
# test-export-cli.sh: cluster-atlas --export, run with no display, its files
# checked by independent readers (python3, xmllint, rsvg-convert, pdfinfo,
# pdftotext), and its failures: each leaves no partial or temporary file and
# leaves an existing OUT byte for byte as it was.  TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
unset DISPLAY WAYLAND_DISPLAY
export LANG=C.UTF-8 LC_ALL=C.UTF-8

for tool in python3 xmllint rsvg-convert pdfinfo pdftotext pdffonts md5sum; do
  command -v $tool >/dev/null || { echo "Bail out! $tool is missing"; exit 1; }
done

program=${CA_PROGRAM:?}
fixtures=${CA_FIXTURES:?}
bundled=${CLUSTER_ATLAS_DATADIR:?}/atlas.xml
work=$(mktemp -d "${TMPDIR:-/tmp}/ca-export-cli-XXXXXX")
immutable=
cleanup () {
  [ -n "$immutable" ] && chattr -i "$immutable" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

. "$(dirname "$0")/../tap.sh"
check () {  # check DESCRIPTION COMMAND...
  local desc=$1; shift
  local out
  if out=$("$@" 2>&1); then ok "$desc"; else not_ok "$desc" "$out"; fi
}

# Runs the program; leaves its status in $status and its stderr in $err/stderr.
runner=()  # a command to run the program through, e.g. as another user
run () {
  "${runner[@]}" "$program" "$@" >"$work/stdout" 2>"$work/stderr"
  status=$?
}

# PNG: structure, CRCs (zlib), size and text chunks, read by Python alone.
png_check () {  # FILE WIDTH HEIGHT -> prints "Title<TAB>..." lines
  python3 - "$@" <<'PY'
import struct, sys, zlib
path, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, texts, types, idat = 8, {}, [], []
while pos < len(data):
    size, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + size]
    crc, = struct.unpack('>I', data[pos + 8 + size:pos + 12 + size])
    assert zlib.crc32(kind + body) == crc, 'bad CRC in ' + kind.decode()
    types.append(kind)
    if kind == b'IHDR':
        w, h = struct.unpack('>II', body[:8])
        assert (w, h) == (width, height), 'size %dx%d, expected %dx%d' % (w, h, width, height)
    elif kind == b'IDAT':
        idat.append(body)
    elif kind == b'tEXt':
        key, text = body.split(b'\0', 1)
        texts[key.decode('latin-1')] = text.decode('latin-1')
    elif kind == b'iTXt':
        key, rest = body.split(b'\0', 1)
        assert rest[0] == 0, 'compressed iTXt'
        lang, tkey, text = rest[2:].split(b'\0', 2)
        texts[key.decode('latin-1')] = text.decode('utf-8')
    pos += 12 + size
assert types[0] == b'IHDR' and types[-1] == b'IEND', types
# Something is drawn: the picture is not one flat colour.
raw = zlib.decompress(b''.join(idat))
assert len(set(raw[1:width * 4])) > 2 or len(set(raw)) > 8, 'a blank picture'
for key in ('Title', 'Software'):
    assert texts.get(key), 'no %s chunk' % key
assert texts['Software'].startswith('Cluster Atlas '), texts['Software']
print('Title\t' + texts['Title'])
print('Source\t' + texts.get('Source', '').replace('\n', ' | '))
PY
}

svg_title () {
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = '{http://www.w3.org/2000/svg}'
assert root.tag == ns + 'svg', root.tag
first = list(root)[0]
assert first.tag == ns + 'title', first.tag
print(first.text)
PY
}

pdf_title () {
  pdfinfo "$1" | sed -n 's/^Title: *//p'
}

# Figures under the node in the XML itself, counted apart from the program.
xml_figures () {  # FILE ID
  python3 - "$1" "$2" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = '{urn:cluster-atlas:1}'
root = ET.parse(sys.argv[1]).getroot()
node = [e for e in root.iter() if e.get('id') == sys.argv[2] and
        e.tag in (ns + 'region', ns + 'park', ns + 'program')][0]
print(sum(1 for e in node.iter() if e.tag in (ns + 'goal', ns + 'count')))
PY
}

csv_check () {  # FILE EXPECTED_ROWS
  python3 - "$1" "$2" <<'PY'
import csv, sys
raw = open(sys.argv[1], 'rb').read()
raw.decode('utf-8')
assert raw.startswith(b'\xef\xbb\xbfnode_id,'), 'no UTF-8 byte order mark: %r' % raw[:8]
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')))
header = ('node_id,node_path,kind,metric,value,unit,qualifier,year,date,'
          'source_id,source_publisher,source_date,source_title,'
          'reported_value,reported_date,share_reached,expected_value,expected_now,'
          'time_elapsed,status,quote,note').split(',')
assert rows[0] == header, rows[0]
assert len(rows) - 1 == int(sys.argv[2]), '%d rows, expected %s' % (len(rows) - 1, sys.argv[2])
for row in rows[1:]:
    assert len(row) == len(header), row
    assert row[2] in ('goal', 'count'), row
    float(row[4])
    assert row[9] and row[10], 'figure without a source: %r' % row
    # The progress columns: a status on every goal, nothing on a count.
    if row[2] == 'goal':
        assert row[19] in ('achieved', 'on-track', 'behind', 'uncertain', 'no-baseline',
                           'no-report'), row
    else:
        assert not any(row[13:20]), row
assert raw.endswith(b'\r\n')
PY
}

image_size () {  # PNG -> "WIDTHxHEIGHT"
  python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print('%dx%d' % struct.unpack('>II', d[16:24]))" "$1"
}

# --- every view in every format, for nodes of the bundled data and a fixture
export_all () {  # DATASET_ARG ID...
  local file=$1; shift
  for id in "$@"; do
    for chart in goals trend counts timeline; do
      local base="$work/$id-$chart" titles=() desc="$id $chart"
      run --export "$base.png" --node "$id" --chart "$chart" --width 800 --height 500 --scale 2 $file
      if [ $status -ne 0 ]; then not_ok "$desc png: exit $status" "$(cat "$work/stderr")"; continue; fi
      if info=$(png_check "$base.png" 1600 1000 2>&1); then
        ok "$desc png: 1600x1000, CRCs, Title/Source/Software chunks"
        titles+=("$(echo "$info" | sed -n 's/^Title\t//p')")
      else not_ok "$desc png" "$info"; fi

      run --export "$base.svg" --node "$id" --chart "$chart" --height 800 $file
      if [ $status -eq 0 ] && xmllint --noout "$base.svg" 2>"$work/lint" &&
         rsvg-convert -o "$base-svg.png" "$base.svg" 2>>"$work/lint" &&
         png_size=$(image_size "$base-svg.png") &&
         [ "$png_size" = 1200x800 ]; then
        ok "$desc svg: xmllint, rsvg-convert to 1200x800"
        titles+=("$(svg_title "$base.svg")")
      else not_ok "$desc svg (exit $status, ${png_size:-})" "$(cat "$work/stderr" "$work/lint")"; fi

      run --export "$base.pdf" --node "$id" --chart "$chart" $file
      if [ $status -eq 0 ] && pdfinfo "$base.pdf" >/dev/null 2>&1; then
        titles+=("$(pdf_title "$base.pdf")")
        local creator text name
        creator=$(pdfinfo "$base.pdf" | sed -n 's/^Creator: *//p')
        text=$(pdftotext "$base.pdf" - | tr -s ' \n' '  ')
        name=${titles[0]%% — *}
        if [[ $creator == "Cluster Atlas "* ]] && [[ $text == *"$name"* ]]; then
          ok "$desc pdf: pdfinfo Creator, pdftotext finds “$name”"
        else not_ok "$desc pdf" "creator=$creator" "name=$name" "text=${text:0:300}"; fi
      else not_ok "$desc pdf: exit $status" "$(cat "$work/stderr")"; fi

      if [ ${#titles[@]} -eq 3 ] && [ "${titles[0]}" = "${titles[1]}" ] &&
         [ "${titles[1]}" = "${titles[2]}" ] && [ -n "${titles[0]}" ]; then
        ok "$desc: one title in PNG, SVG and PDF metadata: ${titles[0]}"
      else not_ok "$desc: titles differ" "${titles[@]}"; fi
    done
  done
}

export_all "" sh scip baoshan
export_all "$fixtures/chart-basic.xml" r plan
export_all "$fixtures/trend.xml" city district

# --- the trend in every format: what it draws is in the PDF's text, and a
# CSV asked for with --chart trend is the subtree's figures as for any view
run --export "$work/trend.pdf" --node city --chart trend "$fixtures/trend.xml"
text=$(pdftotext "$work/trend.pdf" - 2>/dev/null | tr -s ' \n' '  ')
if [ $status -eq 0 ] && [[ $text == *"City — Trend"* ]] && [[ $text == *"≥ CNY 230 bn"* ]] &&
   [[ $text == *"Today"* ]] && [[ $text == *"Expected path"* ]]; then
  ok "trend pdf: title, a qualified point's label, today and the expected path"
else not_ok "trend pdf (exit $status)" "$(cat "$work/stderr")" "${text:0:300}"; fi
run --export "$work/trend.csv" --node district --chart trend "$fixtures/trend.xml"
expected=$(xml_figures "$fixtures/trend.xml" district)
if [ $status -eq 0 ] && out=$(csv_check "$work/trend.csv" "$expected" 2>&1); then
  ok "trend csv: $expected rows of district's subtree"
else not_ok "trend csv (exit $status)" "$(cat "$work/stderr")" "${out:-}"; fi

# --- without --height, the height fits the content, at least 300; --height wins
run --export "$work/one.png" --node p2 --chart counts "$fixtures/chart-basic.xml"
size=$(image_size "$work/one.png"); height=${size#*x}
if [ $status -eq 0 ] && [ "${size%x*}" = 1200 ] && [ "$height" -ge 300 ] && [ "$height" -le 450 ]; then
  ok "one panel, no --height: 1200 wide, $height high (300 to 450, not 800)"
else not_ok "one panel, no --height: $size" "$(cat "$work/stderr")"; fi
run --export "$work/empty.svg" --node p3 --chart counts "$fixtures/chart-basic.xml"
if [ $status -eq 0 ] && grep -q 'height="300' "$work/empty.svg"; then
  ok "an empty chart, no --height: the minimum, 300"
else not_ok "empty chart height" "$(head -c 300 "$work/empty.svg")"; fi
run --export "$work/tall.png" --node sh --chart timeline
size=$(image_size "$work/tall.png")
if [ $status -eq 0 ] && [ "${size#*x}" -gt 800 ]; then
  ok "Shanghai's 20 dated programs, no --height: $size, every row shown"
else not_ok "tall timeline: $size" "$(cat "$work/stderr")"; fi
run --export "$work/given.png" --node p2 --chart counts --height 800 "$fixtures/chart-basic.xml"
if [ $status -eq 0 ] && [ "$(image_size "$work/given.png")" = 1200x800 ]; then
  ok "--height 800 wins over the content's height"
else not_ok "--height 800: $(image_size "$work/given.png")" "$(cat "$work/stderr")"; fi

# --- the sources are in the picture and in the metadata
run --export "$work/src.pdf" --node p1 --chart counts "$fixtures/chart-basic.xml"
subject=$(pdfinfo "$work/src.pdf" | sed -n 's/^Subject: *//p')
text=$(pdftotext "$work/src.pdf" - | tr -s ' \n' '  ')
if [[ $subject == *"Baoshan District Government"* ]] && [[ $text == *"Baoshan District Government"* ]]; then
  ok "pdf: sources in Subject and in the drawn footer"
else not_ok "pdf sources" "subject=$subject" "text=$text"; fi
run --export "$work/src.svg" --node p1 --chart counts "$fixtures/chart-basic.xml"
check "svg: sources in <desc>" python3 - "$work/src.svg" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
desc = root.find('{http://www.w3.org/2000/svg}desc')
assert desc is not None and 'Baoshan District Government' in desc.text, desc
PY

# --- Chinese: names and the 亿 of the formatting module, in a PDF
run --lang zh_CN --export "$work/zh.pdf" --node sh --chart goals
text=$(pdftotext "$work/zh.pdf" - 2>/dev/null)
title=$(pdf_title "$work/zh.pdf")
if [ $status -eq 0 ] && [[ $text == *上海* ]] && [[ $text == *亿* ]] && [[ $title == *上海* ]]; then
  ok "--lang zh_CN: pdftotext finds 上海 and 亿, Title “$title”"
else not_ok "--lang zh_CN pdf (exit $status)" "title=$title" "$(cat "$work/stderr")" "${text:0:300}"; fi
run --lang zh_CN --export "$work/zh.png" --node sh --chart counts --height 800
if [ $status -eq 0 ] && info=$(png_check "$work/zh.png" 1200 800) && [[ $info == *上海* ]]; then
  ok "--lang zh_CN: PNG Title in UTF-8 (iTXt): $(echo "$info" | head -1)"
else not_ok "--lang zh_CN png" "${info:-}"; fi

# --- Traditional Chinese: the words of zh_TW.po, names converted from the
# dataset's Simplified ones (产业 → 產業), 億, and a font with their glyphs
run --lang zh_TW --export "$work/zh-tw.pdf" --node sh --chart goals
text=$(pdftotext "$work/zh-tw.pdf" - 2>/dev/null)
fonts=$(pdffonts "$work/zh-tw.pdf" 2>/dev/null)
if [ $status -eq 0 ] && [[ $text == *目標* ]] && [[ $text == *產業* ]] && [[ $text == *億* ]] \
   && [[ $text != *目标* ]] && [[ $text != *产业* ]] && [[ $text != *亿* ]] \
   && [[ $fonts == *WenQuanYi* ]]; then
  ok "--lang zh_TW: pdftotext finds 目標, 產業 and 億 and no Simplified form; fonts embedded"
else not_ok "--lang zh_TW pdf (exit $status)" "$(cat "$work/stderr")" "$fonts" "${text:0:300}"; fi

# --- CSV: parsed back, one row per figure of the subtree
for spec in "$bundled:sh:" "$bundled:cn:" "$bundled:scip:" "$bundled:bs-hitech-park:" \
            "$fixtures/chart-basic.xml:r:$fixtures/chart-basic.xml" \
            "$fixtures/export-csv.xml:top:$fixtures/export-csv.xml"; do
  IFS=: read -r xml id arg <<<"$spec"
  expected=$(xml_figures "$xml" "$id")
  run --export "$work/$id.csv" --node "$id" $arg
  if [ $status -eq 0 ] && out=$(csv_check "$work/$id.csv" "$expected" 2>&1); then
    ok "csv $id: $expected rows, BOM, RFC 4180, CRLF"
  else not_ok "csv $id (exit $status)" "$(cat "$work/stderr")" "${out:-}"; fi
done

# --- failures ---------------------------------------------------------
# Each leaves the folder as it was: no partial OUT, no temporary file, an
# existing OUT byte for byte the same.
# Every name in a folder and the checksum of every regular file in it.
snapshot () {
  ls -A "$1"
  find "$1" -maxdepth 1 -type f -exec md5sum {} + | sort
}

fail_case () {  # DESCRIPTION EXPECTED_STATUS MESSAGE_PATTERN FOLDER -- ARGS...
  local desc=$1 want=$2 pattern=$3 folder=$4; shift 5
  local before after
  before=$(snapshot "$folder")
  run "$@"
  after=$(snapshot "$folder")
  if [ $status -eq "$want" ] && grep -q -- "$pattern" "$work/stderr" && [ "$before" = "$after" ]; then
    ok "$desc: exit $want, “$(head -1 "$work/stderr")”"
  else
    not_ok "$desc: exit $status, wanted $want" "$(cat "$work/stderr")" "before: $before" "after: $after"
  fi
}

f=$work/fail
mkdir -p "$f"
printf 'old contents\n' >"$f/keep.png"
printf 'old csv\n' >"$f/keep.csv"
touch "$f/a-file"

fail_case "unknown node" 2 "Unknown node “baoshn”; nearest ids: baoshan" "$f" -- \
  --export "$f/keep.png" --node baoshn
fail_case "unknown node, nothing near" 2 "Unknown node “zzzzzzzz”; no id is near it; top-level ids: cn" \
  "$f" -- --export "$f/keep.csv" --node zzzzzzzz
fail_case "unknown chart" 2 "goals, trend, counts, timeline" "$f" -- \
  --export "$f/keep.png" --node sh --chart pie
fail_case "unknown extension" 2 ".png, .svg, .pdf, .csv, .bib, .ris, .json or .zip" "$f" -- \
  --export "$f/keep.gif" --node sh
fail_case "no extension" 2 ".png, .svg, .pdf, .csv, .bib, .ris, .json or .zip" "$f" -- \
  --export "$f/keep" --node sh
fail_case "width too small" 2 "from 200 to 10000" "$f" -- \
  --export "$f/keep.png" --node sh --width 10
fail_case "width not a number" 2 "from 200 to 10000" "$f" -- \
  --export "$f/keep.png" --node sh --width wide
fail_case "scale too large" 2 "--scale must be a whole number from 1 to 3" "$f" -- \
  --export "$f/keep.png" --node sh --scale 4
fail_case "png too large" 2 "too large" "$f" -- \
  --export "$f/keep.png" --node sh --width 10000 --height 10000 --scale 3
fail_case "no --node" 2 "--node" "$f" -- --export "$f/keep.png"
fail_case "two files" 2 "one dataset FILE" "$f" -- \
  --export "$f/keep.png" --node r "$fixtures/chart-basic.xml" "$fixtures/chart-basic.xml"
fail_case "invalid dataset" 1 "" "$f" -- \
  --export "$f/keep.png" --node sh "$f/a-file"
fail_case "no such folder" 1 "Could not write “$f/missing/x.png”: No such file or directory" "$f" -- \
  --export "$f/missing/x.png" --node sh
fail_case "folder is a file" 1 "Not a directory" "$f" -- \
  --export "$f/a-file/x.pdf" --node sh
mkdir -p "$f/dir.svg"
fail_case "OUT is a folder" 1 "Is a directory" "$f" -- \
  --export "$f/dir.svg" --node sh
mkfifo "$f/pipe.csv"
fail_case "OUT is a pipe" 1 "not a regular file" "$f" -- \
  --export "$f/pipe.csv" --node sh

# A full disk, even as root: a file size limit fails write () with EFBIG
# part-way through the temporary file.
(
  trap '' XFSZ
  ulimit -f 2
  fail_case "full disk (png)" 1 "File too large" "$f" -- \
    --export "$f/keep.png" --node sh --scale 3
  fail_case "full disk (csv)" 1 "File too large" "$f" -- \
    --export "$f/keep.csv" --node cn
) >"$work/sub.tap"
while IFS= read -r line; do
  case $line in
    "ok "*) ok "${line#ok * - }" ;;
    "not ok "*) not_ok "${line#not ok * - }" ;;
    *) echo "$line" ;;
  esac
done <"$work/sub.tap"

# No permission: a folder that cannot be written.  Root ignores modes, so
# as root the folder is made immutable where the file system allows it,
# or else the program runs as the user nobody.
ro=$work/readonly
mkdir -p "$ro"
printf 'old\n' >"$ro/keep.pdf"
chmod 555 "$ro"
chmod 755 "$work"
probe=(touch "$ro/probe")
if [ "$(id -u)" = 0 ]; then
  if chattr +i "$ro" 2>/dev/null; then
    immutable=$ro
  elif command -v setpriv >/dev/null; then
    runner=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    probe=("${runner[@]}" touch "$ro/probe")
  fi
fi
if "${probe[@]}" 2>/dev/null; then
  rm -f "$ro/probe"
  echo "ok $((n += 1)) # SKIP no way to make a read-only folder here"
else
  fail_case "read-only folder${runner:+ (as nobody)}" 1 "Could not write “$ro/keep.pdf”: " \
    "$ro" -- --export "$ro/keep.pdf" --node sh
fi
runner=()
[ -n "$immutable" ] && chattr -i "$ro" && immutable=
chmod 755 "$ro"

# The successes above replaced nothing they should not have: OUT written
# over an existing file is whole.
printf 'old\n' >"$work/over.png"
run --export "$work/over.png" --node sh --height 800
if [ $status -eq 0 ] && png_check "$work/over.png" 1200 800 >/dev/null; then
  ok "an existing OUT is replaced whole"
else not_ok "replace existing" "$(cat "$work/stderr")"; fi
left=$(find "$work" -name '.*.??????' | head -5)
if [ -z "$left" ]; then ok "no temporary file left anywhere"; else not_ok "temporary files left" "$left"; fi

echo "1..$n"
exit $failed
