#!/usr/bin/env python3
"""Writes atlas files at the format's bounds and just past them.

    bench/gen-bounds.py [--list] [--only NAME,...] DIR

Each shape is a file that a hostile or careless producer could write: one
that every rule check meets exactly at its bound (the loader must accept it)
or just past it (the loader must refuse it), and the shapes that no rule
bounds but that cost the loader the most per byte (a million nodes, a
million figures on one node, 100,000 names on one node).  bench/run-all.py
imports this file and times `cluster-atlas-cli --check` on each shape; every
one must load or be refused in under 2 s.

The bounds are those of data/atlas-format.md and
app/model/ca-dataset-private.h: 32 attributes and 32 namespace declarations
a start tag (the pre-scan counts both, as '=' outside quotes, before
libxml2 sees the tag), a start tag of 64 KiB, 64 levels of elements, a text
of 1 MiB, an id of 256 characters, 65,535 tags a node, 24 digits a value,
100 problems, a file of 256 MiB.  A file at the size bound is only tested
past it: reading 256 MiB of real data is a matter of throughput."""

import argparse
import os
import sys

NS = "urn:cluster-atlas:1"
FOREIGN = "urn:example:foreign"
MAX_ATTRIBUTES = 32
MAX_NAMESPACES = 32
MAX_TAG_BYTES = 64 * 1024
MAX_DEPTH = 64
MAX_TEXT = 1024 * 1024
MAX_ID = 256
MAX_TAGS = 65535
MAX_DIGITS = 24
MAX_FILE = 256 * 1024 * 1024
DECLS = ('  <metrics><metric id="m" kind="count"><name xml:lang="en">M</name></metric>'
         '</metrics>\n'
         '  <sources><source id="s" published="2024" publisher="P">'
         '<title xml:lang="en">S</title></source></sources>\n')


def head(encoding="UTF-8", root_attrs=""):
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n'
            f'<atlas xmlns="{NS}" version="1"{root_attrs}>\n'
            '  <title xml:lang="en">Bounds</title>\n' + DECLS)


def write_text(f, *parts):
    for part in parts:
        f.write(part.encode("utf-8"))


def node(i, body="", attrs=""):
    return f'<program id="n{i}"{attrs}><name xml:lang="en">n</name>{body}</program>\n'


def repeat(f, n, make, block=10000):
    """Writes make (i) for i in 0..n-1, joined in blocks of @block."""
    for start in range(0, n, block):
        f.write("".join(make(i) for i in range(start, min(n, start + block))).encode("utf-8"))


# Rule checks at their bounds -------------------------------------------------

def padding(n_used, total=MAX_ATTRIBUTES):
    """Foreign attributes that bring a start tag with @n_used attributes
    (namespace declarations not counted) to @total."""
    return "".join(f' f:a{k}="{k}"' for k in range(total - n_used))


def attrs_every(n_nodes=4000, encoding="UTF-8"):
    """Every start tag has exactly 32 attributes besides its namespace
    declarations: the format's own, xml:lang, and foreign ones."""
    root = f' xmlns:f="{FOREIGN}"' + padding(1)
    out = [f'<?xml version="1.0" encoding="{encoding}"?>\n<atlas xmlns="{NS}" version="1"{root}>\n'
           f'  <title xml:lang="en"{padding(1)}>Bounds</title>\n'
           f'  <metrics{padding(0)}><metric id="m" kind="count"{padding(2)}>'
           f'<name xml:lang="en"{padding(1)}>M</name></metric></metrics>\n'
           f'  <sources{padding(0)}><source id="s" published="2024" publisher="P"{padding(3)}>'
           f'<title xml:lang="en"{padding(1)}>S</title></source></sources>\n']
    name_pad, tag_pad = padding(1), padding(0)
    node_pad, goal_pad, count_pad = padding(3), padding(4), padding(5)
    for i in range(n_nodes):
        out.append(f'<program id="n{i}" start="2020" end="2030"{node_pad}>'
                   f'<name xml:lang="en"{name_pad}>Node {i}</name>'
                   f'<name xml:lang="zh-CN"{name_pad}>节点{i}</name>'
                   f'<goal metric="m" value="{i}" year="2030" source="s"{goal_pad}/>'
                   f'<count metric="m" value="{i}" date="2024-05" qualifier="about" source="s"'
                   f'{count_pad}/><tag{tag_pad}>t{i % 10}</tag></program>\n')
    out.append("</atlas>\n")
    return "".join(out)


def encoded(text, encoding, codec):
    # The declaration names the encoding; characters the codec lacks (Chinese
    # in EBCDIC) become character references, which mean the same text.
    text = text.replace('encoding="UTF-8"', f'encoding="{encoding}"', 1)
    return text.encode(codec, errors="xmlcharrefreplace")


def attrs_every_in(encoding, codec):
    return lambda f: f.write(encoded(attrs_every(), encoding, codec))


def attrs_one(n, encoding="UTF-8", codec="utf-8"):
    """The root start tag with @n attributes (version and foreign ones) and
    two namespace declarations."""
    extra = f' xmlns:f="{FOREIGN}"' + "".join(f' f:a{k}="{k}"' for k in range(n - 1))
    text = head(root_attrs=extra) + node(0) + "</atlas>\n"
    return lambda f: f.write(encoded(text, encoding, codec))


def start_tag(total_bytes):
    """A <program> start tag of @total_bytes bytes from '<' to '>'."""
    def write(f):
        before, after = f'<program id="n0" xmlns:f="{FOREIGN}" f:long="', '">'
        fill = "x" * (total_bytes - len(before) - len(after))
        write_text(f, head(), before, fill, after, '<name xml:lang="en">n</name></program>\n'
                   '</atlas>\n')
    return write


def nested(levels):
    """@levels elements deep in all: <atlas>, programs, the innermost <name>."""
    def write(f):
        programs = levels - 2
        write_text(f, head(), "".join(f'<program id="d{i}"><name xml:lang="en">d</name>'
                                      if i < programs - 1 else f'<program id="d{i}">'
                                      for i in range(programs)),
                   '<name xml:lang="en">deepest</name>', "</program>" * programs, "\n</atlas>\n")
    return write


def long_text(n_bytes):
    def write(f):
        write_text(f, head(), '<program id="n0"><name xml:lang="en">', "a" * n_bytes,
                   "</name></program>\n</atlas>\n")
    return write


def long_id(n_chars):
    def write(f):
        write_text(f, head(), node("i" * (n_chars - 1)), "</atlas>\n")
    return write


def value(digits):
    """A count whose value is @digits (a string of digits)."""
    def write(f):
        write_text(f, head(), node(0, f'<count metric="m" value="{digits}" date="2024" '
                                      'source="s"/>'), "</atlas>\n")
    return write


def tags(n):
    def write(f):
        write_text(f, head(), '<program id="n0"><name xml:lang="en">n</name>\n')
        repeat(f, n, lambda i: f"<tag>t{i}</tag>\n")
        write_text(f, "</program>\n</atlas>\n")
    return write


def file_over_size(f):
    # Refused from its size alone, so the rest of it need not be written.
    write_text(f, head(), node(0), "</atlas>\n")
    f.truncate(MAX_FILE + 1)


# Shapes no rule bounds ---------------------------------------------------------

def names_in_languages(n):
    """@n <name> elements on one node, each in a language of its own."""
    def write(f):
        write_text(f, head(), '<program id="n0">\n')
        repeat(f, n, lambda i: f'<name xml:lang="en-x{i}">n</name>\n')
        write_text(f, "</program>\n</atlas>\n")
    return write


def top_level_nodes(n):
    def write(f):
        write_text(f, head())
        repeat(f, n, node)
        write_text(f, "</atlas>\n")
    return write


def figures_on_one_node(n):
    def write(f):
        write_text(f, head(), '<program id="n0"><name xml:lang="en">n</name>\n')
        repeat(f, n, lambda i: f'<count metric="m" value="{i}" date="2024" source="s"/>\n')
        write_text(f, "</program>\n</atlas>\n")
    return write


def duplicate_ids(n, distinct):
    """@n nodes whose ids repeat after @distinct of them: the first n -
    distinct are unique, so n - distinct problems are found at the end."""
    def write(f):
        write_text(f, head())
        repeat(f, n, lambda i: node(i if i < distinct else i % distinct))
        write_text(f, "</atlas>\n")
    return write


def unresolved(n):
    """@n figures, each naming a metric and a source declared nowhere."""
    def write(f):
        write_text(f, head())
        repeat(f, n, lambda i: node(i, f'<count metric="m{i}" value="1" date="2024" '
                                       f'source="s{i}"/>'))
        write_text(f, "</atlas>\n")
    return write


def foreign_nested(levels):
    """Foreign elements nested inside a node to @levels elements in all."""
    def write(f):
        inner = levels - 2
        write_text(f, head(), f'<program id="n0" xmlns:f="{FOREIGN}"><name xml:lang="en">n</name>',
                   "<f:e>" * inner, "</f:e>" * inner, "</program>\n</atlas>\n")
    return write


def namespaces_on_siblings(n):
    """@n namespace declarations, one on each of @n foreign elements."""
    def write(f):
        write_text(f, head(), '<program id="n0"><name xml:lang="en">n</name>\n')
        repeat(f, n, lambda i: f'<p{i}:e xmlns:p{i}="urn:x:{i}" p{i}:a="1"/>\n')
        write_text(f, "</program>\n</atlas>\n")
    return write


def namespaces_on_one_tag(n, n_attributes=1):
    """A <program> with @n namespace declarations and @n_attributes
    attributes (its id and foreign ones in the first namespace)."""
    def write(f):
        decls = "".join(f' xmlns:p{i}="urn:x:{i}"' for i in range(n))
        attrs = "".join(f' p0:a{k}="{k}"' for k in range(n_attributes - 1))
        write_text(f, head(), f'<program id="n0"{decls}{attrs}><name xml:lang="en">n</name>'
                   '</program>\n</atlas>\n')
    return write


def namespaces_in_scope(leaves):
    """Every level of foreign elements down to the depth bound declares 32
    namespaces (about 2,000 in scope), then @leaves elements each with 32
    attributes in the namespaces declared first, the slowest to look up."""
    def write(f):
        levels = MAX_DEPTH - 3
        write_text(f, head(), '<program id="n0"><name xml:lang="en">n</name>\n')
        for d in range(levels):
            decls = "".join(f' xmlns:q{d}x{k}="urn:q:{d}:{k}"' for k in range(MAX_ATTRIBUTES))
            write_text(f, f"<q{d}x0:e{decls}>\n")
        attrs = "".join(f' q0x{k}:a="1"' for k in range(MAX_ATTRIBUTES))
        repeat(f, leaves, lambda i: f"<q0x0:leaf{attrs}/>\n")
        write_text(f, "".join(f"</q{d}x0:e>" for d in reversed(range(levels))),
                   "\n</program>\n</atlas>\n")
    return write


# name, what it is, whether the loader must accept it (None: either, as long
# as it answers in time; which encodings a dataset may use is the loader's
# policy, and it refuses EBCDIC), writer (binary file).
SHAPES = [
    ("attrs-32-every", "32 attributes on every start tag", True, attrs_every_in("UTF-8", "utf-8")),
    ("attrs-33-one", "33 attributes on one start tag", False, attrs_one(33)),
    ("attrs-30000-one", "30,000 attributes on one start tag", False, attrs_one(30000)),
    ("attrs-32-every-ebcdic", "32 attributes on every tag, EBCDIC (IBM500, cp500)", None,
     attrs_every_in("IBM500", "cp500")),
    ("attrs-32-every-utf16", "32 attributes on every tag, UTF-16 (BOM)", True,
     attrs_every_in("UTF-16", "utf-16")),
    ("attrs-32-every-gbk", "32 attributes on every tag, GBK", True, attrs_every_in("GBK", "gbk")),
    ("attrs-30000-ebcdic", "30,000 attributes on one tag, EBCDIC", False,
     attrs_one(30000, "IBM500", "cp500")),
    ("attrs-100000-ebcdic", "100,000 attributes on one tag, EBCDIC", False,
     attrs_one(100000, "IBM500", "cp500")),
    ("attrs-30000-utf16", "30,000 attributes on one tag, UTF-16", False,
     attrs_one(30000, "UTF-16", "utf-16")),
    ("attrs-30000-gbk", "30,000 attributes on one tag, GBK", False,
     attrs_one(30000, "GBK", "gbk")),
    ("tag-64KiB", "a start tag of 65,536 bytes", True, start_tag(MAX_TAG_BYTES)),
    ("tag-64KiB+1", "a start tag of 65,537 bytes", False, start_tag(MAX_TAG_BYTES + 1)),
    ("depth-64", "elements nested 64 deep", True, nested(MAX_DEPTH)),
    ("depth-65", "elements nested 65 deep", False, nested(MAX_DEPTH + 1)),
    ("text-1MiB", "a name of 1 MiB", True, long_text(MAX_TEXT)),
    ("text-1MiB+1", "a name of 1 MiB + 1 byte", False, long_text(MAX_TEXT + 1)),
    ("id-256", "an id of 256 characters", True, long_id(MAX_ID)),
    ("id-257", "an id of 257 characters", False, long_id(MAX_ID + 1)),
    ("digits-24", "a value of 24 digits", True, value("9" * MAX_DIGITS)),
    ("digits-25", "a value of 25 digits", False, value("1" + "0" * MAX_DIGITS)),
    ("digits-65000-zeros", "a value of 65,000 leading zeros and a 1", True,
     value("0" * 65000 + "1")),
    ("tags-65535", "65,535 tags on one node", True, tags(MAX_TAGS)),
    ("tags-100k", "100,000 tags on one node", False, tags(100000)),
    ("dup-ids-99", "100k nodes, the last 99 ids repeated (99 problems)", False,
     duplicate_ids(100000, 100000 - 99)),
    ("dup-ids-99k", "100k nodes, 99,000 ids repeated (stops at 100 problems)", False,
     duplicate_ids(100000, 1000)),
    ("unresolved-100k", "100k figures naming undeclared metrics and sources", False,
     unresolved(100000)),
    ("file-256MiB+1", "a file of 256 MiB + 1 byte", False, file_over_size),
    ("names-100k-langs", "100,000 names in distinct languages on one node", True,
     names_in_languages(100000)),
    ("nodes-1M", "1,000,000 tiny top-level nodes", True, top_level_nodes(1000000)),
    ("figures-1M", "1,000,000 figures on one node", True, figures_on_one_node(1000000)),
    ("foreign-depth-64", "foreign elements nested to depth 64", True, foreign_nested(MAX_DEPTH)),
    ("foreign-depth-10000", "foreign elements nested 10,000 deep", False, foreign_nested(10000)),
    ("ns-10000-siblings", "10,000 namespace declarations, one a foreign element", True,
     namespaces_on_siblings(10000)),
    ("ns-32-attrs-32", "32 namespace declarations and 32 attributes on one tag", True,
     namespaces_on_one_tag(MAX_NAMESPACES, MAX_ATTRIBUTES)),
    ("ns-33", "33 namespace declarations on one start tag", False,
     namespaces_on_one_tag(MAX_NAMESPACES + 1)),
    ("ns-10000-one-tag", "10,000 namespace declarations on one start tag", False,
     namespaces_on_one_tag(10000)),
    ("ns-1952-in-scope", "1,952 namespaces in scope, 10,000 tags of 32 attributes", True,
     namespaces_in_scope(10000)),
]


def write_shape(directory, name):
    """Writes the shape @name into @directory and returns its path."""
    writer = {s[0]: s[3] for s in SHAPES}[name]
    path = os.path.join(directory, name + ".xml")
    with open(path, "wb") as f:
        writer(f)
    return path


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n", 2)[0],
        epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", metavar="DIR", nargs="?", help="where to write the files")
    parser.add_argument("--list", action="store_true", help="list the shapes and exit")
    parser.add_argument("--only", default="", help="comma list of shape names")
    args = parser.parse_args()
    if args.list:
        for name, what, accept, _ in SHAPES:
            verdict = "either" if accept is None else "accept" if accept else "refuse"
            print(f"{name:<24} {verdict}  {what}")
        return 0
    if args.directory is None:
        parser.error("DIR is needed unless --list")
    names = args.only.split(",") if args.only else [s[0] for s in SHAPES]
    os.makedirs(args.directory, exist_ok=True)
    for name in names:
        print(write_shape(args.directory, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
