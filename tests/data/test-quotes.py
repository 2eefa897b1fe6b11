#!/usr/bin/env python3
"""Every figure of the bundled dataset quotes its article, and the quote is there.

For each <goal> and <count> of ATLAS, the article of its source must hold
each of its <quote>s (and each <cite>'s quotes, in the cited article), and
the figure must have a quote in its article's language.  The articles are the
stored texts in SEEDS (one file each, as kept beside the checkout for
development and CI, never in the repository); a source's article is the one
file whose text contains the source's address or one of its titles, and its
language is that title's xml:lang.

A quote matches with white space collapsed on both sides.  "…" marks words
left out (article 001 as stored has other text spliced into its sentences):
the pieces between the "…"s must occur in order, spread over no more than
twice the quote's length plus 40 characters, so that a quote cannot be
assembled from words scattered over the article.

Usage: test-quotes.py ATLAS SEEDS   exit 0, 1 on a problem, 77 (skipped)
                                    when SEEDS is not there
       test-quotes.py --self-test   checks the checker on made-up articles
"""

import glob
import os
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "{urn:cluster-atlas:1}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ELLIPSIS = "\u2026"
SKIP = 77


def collapse(text):
    return " ".join(text.split())


def find_pieces(quote, text):
    """True when the pieces of QUOTE between ellipses occur in TEXT, in order, close."""
    pieces = [p for p in (collapse(p) for p in quote.split(ELLIPSIS)) if p]
    if not pieces:
        return False
    limit = 2 * len(collapse(quote)) + 40
    start = text.find(pieces[0])
    while start >= 0:
        end = start + len(pieces[0])
        for piece in pieces[1:]:
            at = text.find(piece, end)
            if at < 0:
                return False
            end = at + len(piece)
        if end - start <= limit:
            return True
        start = text.find(pieces[0], start + 1)
    return False


def load_articles(seeds):
    return {path: collapse(open(path, encoding="utf-8").read())
            for path in sorted(glob.glob(os.path.join(seeds, "*.txt")))}


def article_of(source, articles):
    """(path, language) of SOURCE's article, or an error message."""
    keys = []
    if source.get("href"):
        keys.append((source.get("href"), None))
    keys += [(collapse(t.text or ""), t.get(LANG)) for t in source.findall(NS + "title")]
    found = {}
    for path, text in articles.items():
        for key, lang in keys:
            if key and key in text:
                found.setdefault(path, lang)
    if len(found) != 1:
        what = "no article" if not found else "several articles (%s)" % ", ".join(
            os.path.basename(p) for p in found)
        return None, "source %s: %s holds its address or title" % (source.get("id"), what)
    path, lang = next(iter(found.items()))
    if lang is None:
        titles = source.findall(NS + "title")
        lang = titles[0].get(LANG) if titles else None
    return (path, lang), None


def describe(node, figure):
    return "%s: %s %s=%s (source %s)" % (node.get("id"), figure.tag[len(NS):],
                                         figure.get("metric"), figure.get("value"),
                                         figure.get("source"))


def check_quotes(element, source_id, where, articles_of, problems):
    """Checks the quotes that are children of ELEMENT against SOURCE_ID's article;
    returns the languages quoted."""
    langs = set()
    if source_id not in articles_of:
        problems.append("%s: no article for source %s" % (where, source_id))
        return langs
    path, _ = articles_of[source_id]
    for quote in element.findall(NS + "quote"):
        lang = quote.get(LANG)
        langs.add((lang or "").lower())
        if not find_pieces(quote.text or "", articles_of.text[path]):
            problems.append("%s: quote (%s) not in %s: %s" % (
                where, lang, os.path.basename(path), collapse(quote.text or "")[:120]))
    return langs


class Articles(dict):
    """Source id -> (path, language), with the articles' texts beside."""

    def __init__(self, text):
        super().__init__()
        self.text = text


def check(atlas, seeds):
    """The problems found, one message each."""
    problems = []
    root = ET.parse(atlas).getroot()
    articles_of = Articles(load_articles(seeds))
    for source in root.iter(NS + "source"):
        found, error = article_of(source, articles_of.text)
        if error:
            problems.append(error)
        else:
            articles_of[source.get("id")] = found
    figures = [(node, figure) for node in root.iter() for figure in node
               if figure.tag in (NS + "goal", NS + "count")]
    for node, figure in figures:
        where = describe(node, figure)
        own = figure.get("source")
        langs = check_quotes(figure, own, where, articles_of, problems)
        if own in articles_of:
            lang = articles_of[own][1]
            if (lang or "").lower() not in langs:
                problems.append("%s: no quote in %s, the language of its article" % (where, lang))
        for cite in figure.findall(NS + "cite"):
            check_quotes(cite, cite.get("source"), "%s, cite of %s" % (where, cite.get("source")),
                         articles_of, problems)
    if not figures:
        problems.append("%s has no figures" % atlas)
    return problems, len(figures)


# --- the checker's own test ------------------------------------------------

ARTICLE_EN = """Home > News > A made-up article

A made-up article

On 1 May the park opened 12 new
    laboratories and   hired 300 researchers.
Filler text follows, as much of it as it takes to put the next figure far from
the first one, and then a much later sentence names 40 companies here.
"""

ARTICLE_ZH = "示例文章\n\n园区9日表示,插入片段将建设3大高地,另插入培育5个集群。\n"

HEAD = """<atlas xmlns="urn:cluster-atlas:1" version="2">
<sources>
<source id="en" published="2024-05-01" publisher="P" href="https://example.org/a">
  <title xml:lang="en">A made-up article</title></source>
<source id="zh" published="2024-05-01" publisher="P">
  <title xml:lang="zh-CN">示例文章</title></source>
</sources>
<region id="r" kind="k"><name xml:lang="en">R</name>
"""


def self_test_case(folder, body):
    path = os.path.join(folder, "atlas.xml")
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD + body + "</region></atlas>\n")
    return check(path, os.path.join(folder, "seeds"))[0]


def count(source, *quotes, cites=""):
    children = "".join('<quote xml:lang="%s">%s</quote>' % q for q in quotes)
    return '<count metric="m" value="1" date="2024" source="%s">%s%s</count>\n' % (
        source, children, cites)


def self_test():
    folder = tempfile.mkdtemp(prefix="ca-quotes-")
    try:
        os.mkdir(os.path.join(folder, "seeds"))
        for name, text in (("000_en.txt", ARTICLE_EN), ("001_zh.txt", ARTICLE_ZH)):
            with open(os.path.join(folder, "seeds", name), "w", encoding="utf-8") as out:
                out.write(text)
        good = count("en", ("en", "the park opened 12 new laboratories")) + \
            count("zh", ("zh-CN", "园区9日表示,…将建设3大高地,…培育5个集群。"))
        cases = [
            ("quotes found, white space collapsed, pieces in order", good, 0),
            ("a quote the article does not hold",
             count("en", ("en", "the park opened 13 new laboratories")), 1),
            ("pieces out of order",
             count("zh", ("zh-CN", "培育5个集群…将建设3大高地")), 1),
            ("pieces too far apart",
             count("en", ("en", "the park opened…names 40 companies")), 1),
            ("a figure without a quote", count("en"), 1),
            ("no quote in the article's language",
             count("zh", ("en", "the park opened 12 new laboratories")), 2),
            ("only ellipses", count("en", ("en", "…")), 1),
            ("a figure whose source has no article",
             '<count metric="m" value="1" date="2024" source="none"/>\n', 1),
            ("a cite's quote is looked for in the cited article",
             count("en", ("en", "hired 300 researchers"),
                   cites='<cite source="zh">'
                         '<quote xml:lang="zh-CN">培育9个集群</quote></cite>'), 1),
        ]
        failed = 0
        for name, body, expected in cases:
            problems = self_test_case(folder, body)
            ok = len(problems) == expected
            failed += not ok
            print("%s: %s (%d problems%s)" % ("ok" if ok else "FAILED", name, len(problems),
                                              "".join("\n  " + p for p in problems)))
        shutil.rmtree(os.path.join(folder, "seeds"))
        os.mkdir(os.path.join(folder, "seeds"))
        problems = self_test_case(folder, good)
        ok = len(problems) == 4 and all("no article" in p for p in problems)
        failed += not ok
        print("%s: an empty folder of articles finds none" % ("ok" if ok else "FAILED"))
        return 1 if failed else 0
    finally:
        shutil.rmtree(folder)


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    atlas, seeds = argv[1], argv[2]
    if not os.path.isdir(seeds):
        print("skipped: no articles at %s" % seeds)
        return SKIP
    problems, n = check(atlas, seeds)
    for problem in problems:
        print(problem)
    if problems:
        print("%d problems in the quotes of %s" % (len(problems), atlas))
        return 1
    print("%d figures, each quoting its article" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
