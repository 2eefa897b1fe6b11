#!/usr/bin/env python3
"""Writes a synthetic atlas dataset of N nodes, valid by the format page.

A tree with a fan-out of 10: regions at the top two levels, parks below
them, then programs and their sub-programs.  Every node has an English and
a Chinese name and two tags.

Shapes (--shape):
  light  every other node has a goal and a count (1 figure a node on
         average), 2 metrics and 20 sources: the shape of the first
         benchmarks.
  heavy  every node has 1 to 3 figures (goals with a baseline, counts) over
         4 metrics and 100 sources, all declared: the shape of a real
         dataset with figures everywhere.

Names (--names):
  plain  节点N, the Chinese name of the first benchmarks.
  hanzi  a place, an industry and a kind of site, as real names read
         (厦门集成电路产业园17), drawn from lists with polyphones in them (厦 长 重
         行 蚌 曾): the shape the search benchmark needs."""

import argparse
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
"""
HEAVY_METRICS = """    <metric id="floor-area" kind="quantity" unit="m²">
      <name xml:lang="en">Floor area</name><name xml:lang="zh-CN">建筑面积</name>
    </metric>
    <metric id="firms" kind="count">
      <name xml:lang="en">Firms</name><name xml:lang="zh-CN">企业数</name>
    </metric>
"""
FANOUT = 10
PLACES = ["上海", "宝山", "厦门", "长沙", "重庆", "蚌埠", "浦东", "苏州", "无锡", "杭州",
          "南京", "合肥", "深圳", "广州", "成都", "武汉", "西安", "曾家岩", "长三角", "银川"]
INDUSTRIES = ["人工智能", "集成电路", "生物医药", "新材料", "软件和信息服务", "大数据",
              "机器人", "新能源汽车", "银行", "航空航天", "智能制造"]
SITES = ["产业园", "创新中心", "高新区", "科技城", "示范区", "孵化器", "行动计划"]


def plain_name(i):
    return f"节点{i}"


def hanzi_name(i):
    return (f"{PLACES[i % len(PLACES)]}{INDUSTRIES[(i // len(PLACES)) % len(INDUSTRIES)]}"
            f"{SITES[(i // 7) % len(SITES)]}{i}")


NAMES = {"plain": plain_name, "hanzi": hanzi_name}
SHAPES = {"light": 20, "heavy": 100}   # shape: number of sources


def kind_of(depth):
    if depth < 2:
        return "region"
    if depth == 2:
        return "park"
    return "program"


def light_figures(out, pad, i):
    if i % 2 != 0:
        return
    src = f"s{i % 20}"
    out.write(f'{pad}  <goal metric="output-value" value="{(i + 1) * 1000000}" '
              f'year="{2025 + i % 10}" qualifier="about" source="{src}"/>\n'
              f'{pad}  <count metric="projects" value="{i % 500}" '
              f'date="2024-{1 + i % 12:02d}-{1 + i % 28:02d}" source="{src}"/>\n')


def heavy_figures(out, pad, i):
    # 1, 2 or 3 figures, cycling over goals and counts of the four metrics.
    for k in range(1 + i % 3):
        src = f"s{(i + k) % 100}"
        which = (i + k) % 4
        if which == 0:
            out.write(f'{pad}  <goal metric="output-value" value="{(i + 1) * 1000000}" '
                      f'year="{2025 + i % 10}" baseline="{(i + 1) * 400000}" '
                      f'baseline-year="{2015 + i % 10}" qualifier="about" source="{src}"/>\n')
        elif which == 1:
            out.write(f'{pad}  <count metric="projects" value="{i % 500}" '
                      f'date="2024-{1 + i % 12:02d}-{1 + i % 28:02d}" source="{src}"/>\n')
        elif which == 2:
            out.write(f'{pad}  <goal metric="floor-area" value="{(i % 900 + 1) * 1250.5}" '
                      f'year="{2026 + i % 5}" qualifier="at-least" source="{src}"/>\n')
        else:
            out.write(f'{pad}  <count metric="firms" value="{i % 3000}" '
                      f'date="2023-{1 + i % 12:02d}" qualifier="more-than" source="{src}"/>\n')


def node_open(out, i, depth, figures, chinese_name):
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
              f'<name xml:lang="zh-CN">{chinese_name(i)}</name>\n')
    figures(out, pad, i)
    out.write(f'{pad}  <tag>cluster-{i % 7}</tag><tag>industry-{i % 13}</tag>\n')


def write_tree(out, n, figures, chinese_name):
    # Node i's children are i*FANOUT+1 .. i*FANOUT+FANOUT (a heap layout), so
    # a depth-first walk with an explicit stack writes a well-nested file.
    stack = [(0, 0, False)]
    while stack:
        i, depth, closing = stack.pop()
        if closing:
            out.write(f'{"  " * (depth + 1)}</{kind_of(depth)}>\n')
            continue
        node_open(out, i, depth, figures, chinese_name)
        stack.append((i, depth, True))
        first = i * FANOUT + 1
        for child in reversed(range(first, min(first + FANOUT, n))):
            stack.append((child, depth + 1, False))


def write(path, n, shape="light", names="plain"):
    """Writes the dataset; also called by bench/run-all.py."""
    heavy = shape == "heavy"
    with open(path, "w", encoding="utf-8", buffering=1 << 20) as out:
        out.write(HEAD)
        if heavy:
            out.write(HEAVY_METRICS)
        out.write("  </metrics>\n  <sources>\n")
        for s in range(SHAPES[shape]):
            out.write(f'    <source id="s{s}" published="2024-01-{1 + s % 28:02d}" '
                      f'publisher="Publisher {s}"><title xml:lang="en">Article {s}</title>')
            if heavy:
                out.write(f'<title xml:lang="zh-CN">文章{s}</title>')
            out.write('</source>\n')
        out.write("  </sources>\n")
        write_tree(out, n, heavy_figures if heavy else light_figures, NAMES[names])
        out.write("</atlas>\n")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n", 1)[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("nodes", type=int, metavar="N", help="number of nodes (at least 1)")
    parser.add_argument("out", metavar="OUT.xml", help="file to write")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="light",
                        help="what each node carries (default: light)")
    parser.add_argument("--names", choices=sorted(NAMES), default="plain",
                        help="how the Chinese names read (default: plain)")
    args = parser.parse_args()
    if args.nodes < 1:
        parser.error("N must be at least 1")
    write(args.out, args.nodes, args.shape, args.names)


if __name__ == "__main__":
    sys.exit(main())
