#!/usr/bin/env python3
"""Writes a synthetic atlas dataset of N nodes, valid by the format page.

    bench/gen-dataset.py N OUT.xml

A tree with a fan-out of 10: regions at the top two levels, parks below
them, then programs and their sub-programs.  Every node has an English and
a Chinese name and two tags; every other node a goal and a count, so the
file exercises ids, references, numbers, years and dates like a real one."""

import sys

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<atlas xmlns="urn:cluster-atlas:1" version="1">
  <title xml:lang="en">Synthetic benchmark atlas</title>
  <title xml:lang="zh-CN">合成基准数据集</title>
  <metrics>
    <metric id="output-value" kind="money" unit="CNY">
      <name xml:lang="en">Output value</name><name xml:lang="zh-CN">产值</name>
    </metric>
    <metric id="projects" kind="count">
      <name xml:lang="en">Projects</name><name xml:lang="zh-CN">项目</name>
    </metric>
  </metrics>
  <sources>
"""
FANOUT = 10


def kind_of(depth):
    if depth < 2:
        return "region"
    if depth == 2:
        return "park"
    return "program"


def node_open(out, i, depth):
    element = kind_of(depth)
    pad = "  " * (depth + 1)
    attrs = f'id="n{i}"'
    if element == "region":
        attrs += ' kind="district"'
    elif element == "park":
        attrs += ' kind="hi-tech-park"'
    else:
        attrs += f' start="{2000 + i % 20}" end="{2030 + i % 10}" status="active"'
    out.write(f'{pad}<{element} {attrs}>\n'
              f'{pad}  <name xml:lang="en">Node {i}</name>'
              f'<name xml:lang="zh-CN">节点{i}</name>\n')
    if i % 2 == 0:
        src = f"s{i % 20}"
        out.write(f'{pad}  <goal metric="output-value" value="{(i + 1) * 1000000}" '
                  f'year="{2025 + i % 10}" qualifier="about" source="{src}"/>\n'
                  f'{pad}  <count metric="projects" value="{i % 500}" '
                  f'date="2024-{1 + i % 12:02d}-{1 + i % 28:02d}" source="{src}"/>\n')
    out.write(f'{pad}  <tag>cluster-{i % 7}</tag><tag>industry-{i % 13}</tag>\n')
    return element


def write_tree(out, n):
    # Node i's children are i*FANOUT+1 .. i*FANOUT+FANOUT (a heap layout), so
    # a depth-first walk with an explicit stack writes a well-nested file.
    stack = [(0, 0, False)]
    while stack:
        i, depth, closing = stack.pop()
        if closing:
            out.write(f'{"  " * (depth + 1)}</{kind_of(depth)}>\n')
            continue
        node_open(out, i, depth)
        stack.append((i, depth, True))
        first = i * FANOUT + 1
        for child in reversed(range(first, min(first + FANOUT, n))):
            stack.append((child, depth + 1, False))


def main():
    n, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD)
        for s in range(20):
            out.write(f'    <source id="s{s}" published="2024-01-{1 + s:02d}" '
                      f'publisher="Publisher {s}"><title xml:lang="en">Article {s}</title>'
                      f'</source>\n')
        out.write("  </sources>\n")
        write_tree(out, n)
        out.write("</atlas>\n")


if __name__ == "__main__":
    main()
