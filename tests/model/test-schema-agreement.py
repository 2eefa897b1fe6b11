#!/usr/bin/env python3
"""The loader and data/atlas.xsd agree.

Every fixture of the suite (tests/fixtures, its bad/ folder, the fuzz
regressions and the bundled dataset) goes through both `cluster-atlas
--check` and `xmllint --schema data/atlas.xsd`: whatever the loader accepts,
the schema accepts (the loader may refuse more: the rules the schema cannot
say, listed in data/atlas-format.md).  Then generated variants of one small
file, each touching a rule where the two once disagreed (ids, languages,
decimals, white space, attributes in the atlas namespace, addresses, blank
texts, and what version 2 added: quotes, notes, cites, publishers, archived
copies and dates of access), must get the same answer from both.  Last,
variants that break a rule only the loader checks (one text per language,
what a cite names, version-2 content in a file of version 1) must be refused
by the loader with the message the page promises.

Usage: test-schema-agreement.py PROGRAM SOURCE_ROOT   (prints TAP)
"""

import glob
import os
import subprocess
import sys
import tempfile

PROGRAM, ROOT = sys.argv[1], sys.argv[2]
SCHEMA = os.path.join(ROOT, "data", "atlas.xsd")
TMP = tempfile.mkdtemp(prefix="ca-schema-")

TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<atlas xmlns="urn:cluster-atlas:1" version="{version}">
  <title xml:lang="en">Agreement</title>
  <metrics>
    <metric id="m" kind="{mkind}"{unit}><name xml:lang="en">M</name></metric>
  </metrics>
  <sources>
    <source id="s" published="{published}" publisher="{publisher}"{href}>
      <title xml:lang="en">T</title></source>
  </sources>
  <region id="{id}" kind="{kind}"{extra}>
    <name xml:lang="{lang}">{name}</name>
    <tag>{tag}</tag>
    <goal metric="{metric}" value="{value}" year="{year}" qualifier="{qualifier}" source="{source}"/>
    <count metric="m" value="1" date="{date}" source="s"/>
    <program id="p" start="{start}" status="{status}"><name xml:lang="en">P</name></program>
  </region>
</atlas>
"""

DEFAULTS = dict(version="1", mkind="count", unit="", published="2024-01-02", publisher="Office",
                href="", id="cn", kind="country", extra="", lang="en", name="China", tag="t",
                metric="m", value="5", year="2030", qualifier="about", source="s",
                date="2024-03", start="2020", status="active")

VARIANTS = {
    "plain": {},
    # ids: libxml2's xs:NCName letters (XML 1.0, fourth edition)
    "id-ordinal": {"id": "\u00aax"}, "id-micro": {"id": "\u00b5x"},
    "id-ideographic-zero": {"id": "\u3007x"}, "id-han": {"id": "\u4e2d\u56fd"},
    "id-middle-dot": {"id": "a\u00b7b"}, "id-digit-first": {"id": "1x"},
    "id-colon": {"id": "a:b"}, "id-257": {"id": "a" * 257}, "id-256": {"id": "a" * 256},
    "id-combining": {"id": "a\u0301"}, "id-fullwidth-digit": {"id": "a\uff11"},
    # languages: xs:language
    "lang-x-klingon": {"lang": "x-klingon"}, "lang-i-klingon": {"lang": "i-klingon"},
    "lang-one-letter": {"lang": "e"}, "lang-underscore": {"lang": "en_GB"},
    "lang-nine": {"lang": "abcdefghi"}, "lang-subtag-nine": {"lang": "en-abcdefghi"},
    "lang-empty": {"lang": ""}, "lang-trailing-dash": {"lang": "en-"},
    "lang-script": {"lang": "zh-Hans-CN"},
    # decimals: at most 24 digits after the leading zeros
    "value-tiny": {"value": "0." + "0" * 400 + "1"}, "value-24": {"value": "1" + "0" * 23},
    "value-25": {"value": "1" + "0" * 24}, "value-small-24": {"value": "0." + "0" * 23 + "1"},
    "value-small-25": {"value": "0." + "0" * 24 + "1"}, "value-zeros": {"value": "0" * 40 + "5"},
    "value-trailing-zeros": {"value": "5." + "0" * 40}, "value-minus-zero": {"value": "-0"},
    "value-plus": {"value": "+5"}, "value-dot-five": {"value": ".5"},
    "value-five-dot": {"value": "5."}, "value-dot": {"value": "."},
    "value-double-zero-dot": {"value": "00."}, "value-negative": {"value": "-1"},
    "value-exponent": {"value": "1e3"}, "value-empty": {"value": ""},
    # white space around values whose types collapse it, and those that keep it
    "ws-id": {"id": " cn "}, "ws-kind": {"kind": "\tcountry\n"}, "ws-year": {"year": " 2030 "},
    "ws-value": {"value": " 5 "}, "ws-lang": {"lang": " en "}, "ws-qualifier": {"qualifier": " about "},
    "ws-status": {"status": " active "}, "ws-start": {"start": " 2020"},
    "ws-metric": {"metric": " m "}, "ws-source": {"source": "s "},
    "ws-inner-kind": {"kind": "hi tech"}, "ws-date": {"date": " 2024-03"},
    "ws-published": {"published": "2024-01-02 "}, "ws-version": {"version": " 1"},
    "ws-char-ref-year": {"year": "&#9;2030&#10;"},
    # attributes in the atlas namespace, and in others
    "attr-atlas-ns": {"extra": ' xmlns:a="urn:cluster-atlas:1" a:foo="x"'},
    "attr-other-ns": {"extra": ' xmlns:o="urn:other" o:foo="x"'},
    "attr-xml-space": {"extra": ' xml:space="nonsense"'},
    "attr-unknown": {"extra": ' size="big"'},
    # addresses: xs:anyURI as libxml2 checks it
    "href-web": {"href": ' href="https://example.org/a?b=c#d"'}, "href-empty": {"href": ' href=""'},
    "href-space": {"href": ' href="http://a b/"'}, "href-colon": {"href": ' href=":"'},
    "href-percent": {"href": ' href="%zz"'}, "href-bracket": {"href": ' href="http://[::1"'},
    "href-chinese": {"href": ' href="https://example.org/\u4e2d"'},
    "href-ws": {"href": ' href=" https://example.org/ "'},
    # texts
    "name-blank": {"name": "   "}, "tag-blank": {"tag": " \n "}, "publisher-blank": {"publisher": "  "},
    "name-inner-space": {"name": " Chi  na "}, "publisher-space": {"publisher": " Office "},
    "unit-blank": {"mkind": "quantity", "unit": ' unit="  "'},
    "unit-quantity": {"mkind": "quantity", "unit": ' unit="t"'},
    # enumerations
    "qualifier-case": {"qualifier": "About"}, "status-empty": {"status": ""},
    "kind-empty": {"kind": ""},
}


# Variants that need more than a value: (what to replace, with what).
EDITS = {
    "goal-foreign-child": ('source="{source}"/>', 'source="{source}"><x:f xmlns:x="urn:x"/></goal>'),
    "goal-white-space": ('source="{source}"/>', 'source="{source}">  </goal>'),
    "goal-text": ('source="{source}"/>', 'source="{source}">5</goal>'),
    "tag-foreign-child": ('<tag>{tag}</tag>', '<tag>a<x:f xmlns:x="urn:x"/>b</tag>'),
    "name-foreign-child": ('>{name}</name>', '>C<x:f xmlns:x="urn:x"/></name>'),
    "region-cdata-space": ('<tag>{tag}</tag>', '<tag>{tag}</tag><![CDATA[ ]]>'),
    "region-foreign-child": ('<tag>{tag}</tag>', '<tag>{tag}</tag><x:f xmlns:x="urn:x">t</x:f>'),
}


# Version 2: (edits of TEMPLATE, applied in order), with version="2" and a
# second source "s2".  The goal's end is GOAL_END; the source's title TITLE.
GOAL_END = 'source="{source}"/>'
TITLE = '<title xml:lang="en">T</title></source>'
SOURCE_OPEN = 'publisher="{publisher}"{href}>'
V2_BASE = [('version="{version}"', 'version="2"'),
           ('  </sources>', '    <source id="s2" published="2024-01-01" publisher="P2">'
                            '<title xml:lang="en">T2</title></source>\n  </sources>')]


def goal_with(children):
    return [(GOAL_END, 'source="{source}">' + children + '</goal>')]


def source_with(children):
    return [(TITLE, children + TITLE)]


def source_attrs(attrs):
    return [(SOURCE_OPEN, 'publisher="{publisher}"{href}' + attrs + '>')]


Q = '<quote xml:lang="en">The figure, in words.</quote>'
N = '<note xml:lang="en">What it rests on.</note>'
C = '<cite source="s2"/>'
V2_EDITS = {
    "v2-plain": [], "v2-quote": goal_with(Q),
    "v2-quotes-two-languages": goal_with(Q + '<quote xml:lang="zh-CN">用词。</quote>'),
    "v2-all-in-order": goal_with(Q + N + '<cite source="s2">' + Q + '</cite>'),
    "v2-foreign-between": goal_with(Q + '<x:f xmlns:x="urn:x"/>' + N + '<x:g xmlns:x="urn:x"/>' + C),
    "v2-quote-blank": goal_with('<quote xml:lang="en"> \n </quote>'),
    "v2-quote-4096": goal_with('<quote xml:lang="en">  ' + 'a' * 4096 + '  </quote>'),
    "v2-quote-4096-collapsed": goal_with('<quote xml:lang="en">' + 'a  ' * 2048 + '</quote>'),
    "v2-quote-4097": goal_with('<quote xml:lang="en">' + 'a' * 4097 + '</quote>'),
    "v2-quote-c1": goal_with('<quote xml:lang="en">a\u0085b</quote>'),
    "v2-quote-del": goal_with('<quote xml:lang="en">a&#127;b</quote>'),
    "v2-quote-no-lang": goal_with('<quote>words</quote>'),
    "v2-quote-bad-lang": goal_with('<quote xml:lang="en_GB">words</quote>'),
    "v2-quote-foreign-child": goal_with('<quote xml:lang="en">a<x:f xmlns:x="urn:x"/></quote>'),
    "v2-quote-cdata": goal_with('<quote xml:lang="en"><![CDATA[a < b]]></quote>'),
    "v2-quote-after-note": goal_with(N + Q), "v2-note-after-cite": goal_with(C + N),
    "v2-quote-after-cite": goal_with(C + Q),
    "v2-count-quote": [('date="{date}" source="s"/>',
                        'date="{date}" source="s">' + Q + C + '</count>')],
    "v2-cite-no-source": goal_with('<cite/>'),
    "v2-cite-note": goal_with('<cite source="s2">' + N + '</cite>'),
    "v2-cite-text": goal_with('<cite source="s2">words</cite>'),
    "v2-note-in-source": source_with(N), "v2-quote-in-region": [('<tag>{tag}</tag>', Q)],
    "v2-unknown-in-goal": goal_with('<comment>x</comment>'),
    "v2-publisher": source_with('<publisher xml:lang="zh-CN">办公室</publisher>'),
    "v2-publisher-after-title": [(TITLE, '<title xml:lang="en">T</title>'
                                  '<publisher xml:lang="en">P</publisher></source>')],
    "v2-publisher-blank": source_with('<publisher xml:lang="en">  </publisher>'),
    "v2-publisher-no-lang": source_with('<publisher>P</publisher>'),
    "v2-archived": source_attrs(' archived="https://web.archive.org/web/2024/https://a.org/"'),
    "v2-archived-http": source_attrs(' archived="http://a.org"'),
    "v2-archived-ftp": source_attrs(' archived="ftp://a.org/x"'),
    "v2-archived-empty": source_attrs(' archived=""'),
    "v2-archived-no-host": source_attrs(' archived="https:///x"'),
    "v2-archived-ws": source_attrs(' archived=" https://a.org/ "'),
    "v2-archived-bad-uri": source_attrs(' archived="https://a.org/%zz"'),
    "v2-accessed": source_attrs(' accessed="2025-03-01"'),
    "v2-accessed-month": source_attrs(' accessed="2025-03"'),
    "v2-accessed-ws": source_attrs(' accessed=" 2025-03-01"'),
    "v2-version-3": [('version="2"', 'version="3"')],
}

# Rules only the loader checks: (edits, part of the loader's message).
V2_LOADER_ONLY = {
    "v2-quote-twice": (goal_with(Q + Q.replace('en"', 'EN"')), "a second <quote> in the language"),
    "v2-note-twice": (goal_with(N + N), "a second <note> in the language"),
    "v2-publisher-twice": (source_with('<publisher xml:lang="en">A</publisher>'
                                       '<publisher xml:lang="en">B</publisher>'),
                           "a second <publisher> in the language"),
    "v2-cite-undeclared": (goal_with('<cite source="s3"/>'),
                           "the source “s3” is not declared in <sources>"),
    "v2-cite-own": (goal_with('<cite source="s"/>'), "the figure’s own source"),
    "v2-cite-twice": (goal_with(C + C), "a second <cite> of the source “s2”"),
    "v2-cite-twice-many": (goal_with(''.join(f'<cite source="t{i}"/>' for i in range(20))
                                     + '<cite source="t7"/>'),
                           "a second <cite> of the source “t7”"),
    "v2-accessed-not-a-day": (source_attrs(' accessed="2023-02-29"'),
                              "“2023-02-29” in “accessed” is not a day"),
    "v1-quote": ([(GOAL_END, 'source="{source}">' + Q + '</goal>')],
                 "<quote> belongs to version 2 of the atlas format"),
    "v1-cite": ([(GOAL_END, 'source="{source}"><cite source="x"/></goal>')],
                "<cite> belongs to version 2"),
    "v1-publisher": ([(TITLE, '<publisher xml:lang="en">P</publisher>' + TITLE)],
                     "<publisher> belongs to version 2"),
    "v1-archived": ([(SOURCE_OPEN, 'publisher="{publisher}"{href} archived="https://a.org/">')],
                    "the attribute “archived” belongs to version 2"),
    "v1-accessed": ([(SOURCE_OPEN, 'publisher="{publisher}"{href} accessed="2024-01-01">')],
                    "the attribute “accessed” belongs to version 2"),
}


def apply_edits(edits, version_2=True):
    text = TEMPLATE
    for old, new in (V2_BASE if version_2 else []) + edits:
        assert old in text, (old, edits)
        text = text.replace(old, new, 1)
    # Cited sources t0..t19 for the variant with many cites.
    declared = ''.join(f'<source id="t{i}" published="2024-01-01" publisher="P">'
                       f'<title xml:lang="en">T</title></source>' for i in range(20))
    return text.replace('  </sources>', '    ' + declared + '\n  </sources>', 1)


def loader_accepts(path):
    proc = subprocess.run([PROGRAM, "--check", path], capture_output=True, timeout=60,
                          env=dict(os.environ, LANGUAGE="en"))
    assert proc.returncode in (0, 1), (path, proc.returncode, proc.stderr[-500:])
    return proc.returncode == 0, proc.stderr.decode("utf-8", "replace").splitlines()[:3]


def schema_accepts(path):
    proc = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", SCHEMA, path],
                          capture_output=True, timeout=60)
    return proc.returncode == 0, proc.stderr.decode("utf-8", "replace").splitlines()[:1]


def corpus():
    patterns = ["tests/fixtures/*.xml", "tests/fixtures/bad/*.xml",
                "tests/fuzz/regressions/*", "data/atlas.xml"]
    for pattern in patterns:
        yield from sorted(glob.glob(os.path.join(ROOT, pattern)))


def main():
    tests = []
    for path in corpus():
        tests.append((f"fixture {os.path.relpath(path, ROOT)}: loader ⊆ schema", path, False))
    for name, change in VARIANTS.items():
        values = dict(DEFAULTS, **change)
        path = os.path.join(TMP, name + ".xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(TEMPLATE.format(**values))
        tests.append((f"variant {name}: loader = schema", path, True))
    for name, (old, new) in EDITS.items():
        path = os.path.join(TMP, name + ".xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(TEMPLATE.replace(old, new).format(**DEFAULTS))
        tests.append((f"variant {name}: loader = schema", path, True))
    for name, edits in V2_EDITS.items():
        path = os.path.join(TMP, name + ".xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(apply_edits(edits).format(**DEFAULTS))
        tests.append((f"variant {name}: loader = schema", path, True))
    for name, (edits, message) in V2_LOADER_ONLY.items():
        path = os.path.join(TMP, name + ".xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(apply_edits(edits, not name.startswith("v1-")).format(**DEFAULTS))
        tests.append((f"variant {name}: the loader refuses (“{message}”)", path, message))
    print(f"1..{len(tests)}")
    failed = 0
    for number, (title, path, equal) in enumerate(tests, 1):
        loader, loader_said = loader_accepts(path)
        schema, schema_said = schema_accepts(path)
        if isinstance(equal, str):
            ok = not loader and any(equal in said for said in loader_said)
        else:
            ok = (loader == schema) if equal else (schema or not loader)
        print(f"{'ok' if ok else 'not ok'} {number} {title}"
              f" (loader {'accepts' if loader else 'refuses'},"
              f" schema {'accepts' if schema else 'refuses'})")
        if not ok:
            failed += 1
            for said in loader_said + schema_said:
                print(f"# {said[:300]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
