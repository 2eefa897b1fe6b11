#!/bin/bash
# test-export-sources.sh: cluster-atlas --export OUT.bib, OUT.ris, OUT.json
# and OUT.zip (the citation bundle), with no display, on a dataset of hostile
# sources.  Each file is read back by an independent reader: BibTeX by a
# small parser that counts braces as BibTeX does, RIS by lines, CSL-JSON by
# Python's strict json, the zip by Python's zipfile, its PNG by its magic
# bytes, its PDF by pdfinfo and its SVG by rsvg-convert.  Failures leave no
# file and an existing OUT as it was.  TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
unset DISPLAY WAYLAND_DISPLAY
export LANG=C.UTF-8 LC_ALL=C.UTF-8

for tool in python3 rsvg-convert pdfinfo md5sum; do
  command -v $tool >/dev/null || { echo "Bail out! $tool is missing"; exit 1; }
done

program=${CA_PROGRAM:?}
work=$(mktemp -d "${TMPDIR:-/tmp}/ca-export-sources-XXXXXX")
trap 'rm -rf "$work"' EXIT

. "$(dirname "$0")/../tap.sh"

run () {
  "$program" "$@" >"$work/stdout" 2>"$work/stderr"
  status=$?
}

# The dataset: titles with braces, TeX's specials, quotes, backslashes,
# Chinese, Arabic, 4,000 characters; a publisher with a line break and a tab
# (attributes keep them); a source cited twice and one cited by no figure.
python3 - "$work/hostile.xml" <<'PY'
import sys
from xml.sax.saxutils import escape, quoteattr
long_title = ' '.join('集群{%d}&' % i if i % 2 else 'word%d' % i for i in range(700))[:4000]
sources = [
    ('s-braces', 'Office {of} "Future"\nIndustries\t& Co', 'https://example.com/a?b=1&c={2}',
     [('en', 'Plan {A} and }{ unbalanced { 100% & #1 $5 a_b ^ ~ "q" \\ \\textbf{x}')]),
    ('s-zh', '中新网', '', [('zh-CN', '上海新材料产业将聚力建设3大创新高地 培育壮大5个产业集群')]),
    ('s-both', 'Shanghai', 'https://example.cn/1',
     [('en', 'Action Plan'), ('zh-CN', '行动方案')]),
    ('s-rtl', 'مكتب', 'https://example.org/ar', [('ar', 'مدينة شنغهاي للصناعات الكيميائية')]),
    ('s-long', 'Long', 'https://example.com/long', [('zh-CN', long_title)]),
    ('s-unused', 'Nobody', 'https://example.com/unused', [('en', 'Cited by no figure')]),
]
out = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<atlas xmlns="urn:cluster-atlas:1" version="1">',
       '<title xml:lang="en">Hostile sources</title>',
       '<metrics><metric id="m" kind="count"><name xml:lang="en">Projects</name></metric>'
       '</metrics><sources>']
for id, publisher, href, titles in sources:
    attr = quoteattr(publisher).replace('\n', '&#10;').replace('\t', '&#9;')
    out.append('<source id="%s" published="2024-04-07" publisher=%s href=%s>'
               % (id, attr, quoteattr(href)))
    out += ['<title xml:lang="%s">%s</title>' % (l, escape(t)) for l, t in titles]
    out.append('</source>')
out.append('</sources>')
figure = '<count metric="m" value="%d" date="2024" source="%s"/>'
out.append('<region id="top" kind="municipality"><name xml:lang="en">Top</name>'
           '<name xml:lang="zh-CN">顶市</name>')
out += [figure % (i + 1, s) for i, s in enumerate(['s-braces', 's-zh', 's-braces'])]
out.append('<region id="sub" kind="district"><name xml:lang="en">Sub</name>')
out += [figure % (i + 1, s) for i, s in enumerate(['s-both', 's-zh', 's-rtl', 's-long'])]
out.append('</region><region id="empty" kind="district"><name xml:lang="en">Empty</name>'
           '</region></region></atlas>')
open(sys.argv[1], 'w', encoding='utf-8').write('\n'.join(out) + '\n')
PY
data=$work/hostile.xml

# The readers, one Python module for all the cases below.
cat >"$work/readers.py" <<'PY'
import json, re
ORDER = ['s-braces', 's-zh', 's-both', 's-rtl', 's-long']

def one_line(text):
    return ' '.join(text.split())

def read_bibtex(text):
    """Entries as (type, key, {field: value}), braces counted as BibTeX does."""
    entries, pos = [], 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos == len(text):
            return entries
        m = re.compile(r'@(\w+)\{([^,\s{}]+),').match(text, pos)
        assert m, 'no entry at %r' % text[pos:pos + 40]
        kind, key, pos, fields = m.group(1), m.group(2), m.end(), {}
        while True:
            m = re.compile(r'\s*(\w+)\s*=\s*\{').match(text, pos)
            if not m:
                break
            depth, start, pos = 1, m.end(), m.end()
            while depth:
                depth += {'{': 1, '}': -1}.get(text[pos], 0)
                pos += 1
            assert m.group(1) not in fields
            fields[m.group(1)] = text[start:pos - 1]
            m2 = re.compile(r'\s*,').match(text, pos)
            if m2:
                pos = m2.end()
        m = re.compile(r'\s*\}').match(text, pos)
        assert m, 'entry %s not closed: %r' % (key, text[pos:pos + 40])
        pos = m.end()
        entries.append((kind, key, fields))

def untex(value):
    assert value.startswith('{') and value.endswith('}'), value
    value, out, i = value[1:-1], '', 0
    commands = {'\\textbackslash{}': '\\', '\\textbraceleft{}': '{', '\\textbraceright{}': '}',
                '\\textasciicircum{}': '^', '\\textasciitilde{}': '~'}
    while i < len(value):
        for command, char in commands.items():
            if value.startswith(command, i):
                out, i = out + char, i + len(command)
                break
        else:
            if value[i] == '\\':
                assert value[i + 1] in '%&#$_', value[i:i + 20]
                out, i = out + value[i + 1], i + 2
            else:
                assert value[i] not in '\\{}%&#$_^~', 'bare %r in %r' % (value[i], value)
                out, i = out + value[i], i + 1
    return out

def read_ris(raw):
    text = raw.decode('utf-8')
    assert text.endswith('\r\n')
    records, record = [], None
    for line in text.split('\r\n')[:-1]:
        assert '\r' not in line and '\n' not in line
        if line == '':
            assert record is None
            continue
        m = re.fullmatch(r'([A-Z][A-Z0-9])  - (.*)', line)
        assert m, repr(line)
        tag, value = m.groups()
        if record is None:
            assert tag == 'TY', line
            record = {}
        if tag == 'ER':
            records.append(record)
            record = None
            continue
        assert tag not in record, tag
        record[tag] = value
    assert record is None
    return records

def read_json(raw):
    items = json.loads(raw.decode('utf-8'))
    assert isinstance(items, list)
    return items
PY

# --- each format read back ------------------------------------------------
for ext in bib ris json; do
  run --export "$work/top.$ext" --node top "$data"
  expect "--export top.$ext: exit 0" '[ $status -eq 0 ]' "$(cat "$work/stderr")"
done
if out=$(python3 - "$work" "$data" 2>&1 <<'PY'
import sys, xml.etree.ElementTree as ET
sys.path.insert(0, sys.argv[1])
from readers import *
folder = sys.argv[1]
ns = {'a': 'urn:cluster-atlas:1'}
root = ET.parse(sys.argv[2]).getroot()
data = {s.get('id'): s for s in root.find('a:sources', ns)}
def title(id, lang='en'):
    titles = {t.get('{http://www.w3.org/XML/1998/namespace}lang'): t.text
              for t in data[id].findall('a:title', ns)}
    return titles.get(lang) or titles.get('en') or list(titles.values())[0]
bib = read_bibtex(open(folder + '/top.bib', encoding='utf-8').read())
ris = read_ris(open(folder + '/top.ris', 'rb').read())
csl = read_json(open(folder + '/top.json', 'rb').read())
# Every source any figure of the subtree cites, once, in the order first cited.
assert [k for _, k, _ in bib] == ORDER, [k for _, k, _ in bib]
assert [r['ID'] for r in ris] == ORDER
assert [i['id'] for i in csl] == ORDER
for (kind, key, f), r, j in zip(bib, ris, csl):
    s, want = data[key], title(key)
    publisher = s.get('publisher')
    assert untex(f['title']) == one_line(want), (key, untex(f['title']))
    assert untex(f['author']) == one_line(publisher), (key, f['author'])
    assert r['TI'] == one_line(want) and r['AU'] == r['PB'] == one_line(publisher), r
    assert j['title'] == want and j['publisher'] == publisher, j
    assert j['author'] == [{'literal': publisher}]
    assert j['issued'] == {'date-parts': [[2024, 4, 7]]} and f['date'] == '2024-04-07'
    assert r['DA'] == '2024/04/07/' and r['PY'] == '2024' and f['year'] == '2024'
    href = s.get('href')
    assert kind == ('online' if href else 'misc') and r['TY'] == ('ELEC' if href else 'GEN')
    assert j['type'] == ('webpage' if href else 'article')
    assert j.get('URL', '') == href and r.get('UR', '') == href
lang = {i['id']: i['language'] for i in csl}
assert lang == {'s-braces': 'en', 's-zh': 'zh-CN', 's-both': 'en', 's-rtl': 'ar',
                's-long': 'zh-CN'}, lang
assert {r['ID']: r['LA'] for r in ris} == lang
langid = {k: f.get('langid') for _, k, f in bib}
assert langid == {'s-braces': 'english', 's-zh': 'chinese', 's-both': 'english',
                  's-rtl': 'arabic', 's-long': 'chinese'}, langid
assert len(csl[4]['title']) == 4000, len(csl[4]['title'])
print('%d sources in each, %d-character title kept' % (len(csl), len(csl[4]['title'])))
PY
); then ok "bib, ris, json of top: read back, $out"
else not_ok "bib, ris, json of top" "$out"; fi

# --lang zh_CN takes a source's Chinese title where it has one.
run --export "$work/zh.json" --node sub --lang zh_CN "$data"
if [ $status -eq 0 ] && out=$(python3 - "$work" <<'PY' 2>&1
import sys
sys.path.insert(0, sys.argv[1])
from readers import read_json
items = {i['id']: i for i in read_json(open(sys.argv[1] + '/zh.json', 'rb').read())}
assert list(items) == ['s-both', 's-zh', 's-rtl', 's-long'], list(items)
assert items['s-both']['title'] == '行动方案' and items['s-both']['language'] == 'zh-CN'
assert items['s-rtl']['language'] == 'ar'
PY
); then ok "--lang zh_CN: the Chinese title, language zh-CN; others keep their own"
else not_ok "--lang zh_CN json (exit $status)" "$(cat "$work/stderr")" "${out:-}"; fi

# A node whose subtree cites nothing: empty files, an empty JSON array.
for ext in bib ris json; do run --export "$work/empty.$ext" --node empty "$data"; done
expect "a subtree with no figures: empty .bib and .ris, [] in .json" \
  '[ ! -s "$work/empty.bib" ] && [ ! -s "$work/empty.ris" ] && [ "$(cat "$work/empty.json")" = "[]" ]'

# --- the bundle -------------------------------------------------------------
run --export "$work/top.zip" --node top --chart counts --width 800 "$data"
expect "--export top.zip: exit 0" '[ $status -eq 0 ]' "$(cat "$work/stderr")"
mkdir -p "$work/unzipped"
if out=$(python3 - "$work" <<'PY' 2>&1
import sys, zipfile
sys.path.insert(0, sys.argv[1])
from readers import *
folder = sys.argv[1]
z = zipfile.ZipFile(folder + '/top.zip')
assert z.testzip() is None
names = z.namelist()
assert names == ['README.txt', 'chart.png', 'chart.svg', 'chart.pdf', 'figures.csv',
                 'sources.bib', 'sources.ris', 'sources.json'], names
z.extractall(folder + '/unzipped')
member = z.read
assert member('chart.png')[:8] == b'\x89PNG\r\n\x1a\n'
assert member('chart.pdf')[:5] == b'%PDF-'
assert b'<svg' in member('chart.svg')[:400]
assert member('figures.csv').startswith(b'\xef\xbb\xbfnode_id,')
# The sources are those of the standalone exports, byte for byte.
for ext in ('bib', 'ris', 'json'):
    assert member('sources.' + ext) == open('%s/top.%s' % (folder, ext), 'rb').read(), ext
readme = member('README.txt').decode('utf-8')
assert readme.startswith('Top — Counts\n'), readme[:80]
for title in ('Plan {A} and }{ unbalanced', '上海新材料产业', 'مدينة شنغهاي'):
    assert title in readme, title
assert 'Cited by no figure' not in readme
print('%d members' % len(names))
PY
); then ok "top.zip: $out, PNG magic, sources as the standalone files, README cites them"
else not_ok "top.zip" "$out"; fi
check_tool () {  # DESCRIPTION COMMAND...
  local desc=$1 out; shift
  if out=$("$@" 2>&1); then ok "$desc"; else not_ok "$desc" "$out"; fi
}
check_tool "the bundle's PDF: pdfinfo reads it" pdfinfo "$work/unzipped/chart.pdf"
check_tool "the bundle's SVG: rsvg-convert draws it" \
  rsvg-convert -o "$work/svg.png" "$work/unzipped/chart.svg"
# Same size in every format: the PNG 800 pixels wide, the PDF 800 points.
if python3 - "$work/unzipped/chart.png" <<'PY' && pdfinfo "$work/unzipped/chart.pdf" | grep -q "Page size: *800 x"
import struct, sys
w, h = struct.unpack('>II', open(sys.argv[1], 'rb').read()[16:24])
assert w == 800, w
PY
then ok "the bundle's PNG and PDF are 800 wide, as --width asked"
else not_ok "bundle sizes" "$(pdfinfo "$work/unzipped/chart.pdf")"; fi

# --- failures: nothing written, an existing OUT as it was ------------------
snapshot () {
  ls -A "$1"
  find "$1" -maxdepth 1 -type f -exec md5sum {} + | sort
}
f=$work/fail
mkdir -p "$f" "$f/folder.bib"
for ext in bib ris json zip; do printf 'old %s\n' $ext >"$f/keep.$ext"; done
# Every file of top holds the 4,000-character title: more than the limit.
for ext in bib ris json zip; do
  before=$(snapshot "$f")
  ( ulimit -f 1; exec "$program" --export "$f/keep.$ext" --node top "$data" ) \
    >/dev/null 2>"$work/stderr"
  status=$?
  if [ $status -eq 1 ] && grep -q "Could not write “$f/keep.$ext”: File too large" "$work/stderr" &&
     [ "$before" = "$(snapshot "$f")" ]; then
    ok "ulimit -f 1, keep.$ext: exit 1, “$(head -1 "$work/stderr")”, keep.$ext untouched"
  else not_ok "ulimit -f 1, keep.$ext: exit $status" "$(cat "$work/stderr")"; fi
done
for out in "$f/no/such/folder/s.bib" "$f/no/s.zip" "$f/folder.bib"; do
  before=$(snapshot "$f")
  run --export "$out" --node top "$data"
  if [ $status -eq 1 ] && grep -q "Could not write “$out”" "$work/stderr" &&
     [ "$before" = "$(snapshot "$f")" ] && [ ! -e "$f/no" ]; then
    ok "unwritable ${out#$f/}: exit 1, “$(head -1 "$work/stderr")”, nothing left"
  else not_ok "unwritable ${out#$f/}: exit $status" "$(cat "$work/stderr")"; fi
done
# Usage errors come before anything is written.
before=$(snapshot "$f")
run --export "$f/keep.zip" --node top --width 10 "$data"
expect "bundle with --width 10: exit 2, keep.zip untouched" \
  '[ $status -eq 2 ] && [ "$before" = "$(snapshot "$f")" ]' "$(cat "$work/stderr")"
run --export "$f/keep.zip" --node top --width 10000 --scale 3 --height 10000 "$data"
expect "bundle of 30000 x 30000 pixels: exit 2, too large" \
  '[ $status -eq 2 ] && grep -q "too large" "$work/stderr" && [ "$before" = "$(snapshot "$f")" ]' \
  "$(cat "$work/stderr")"

echo "1..$n"
exit $failed
