#!/usr/bin/env python3
"""The benchmark table of `make bench` (see run-all.sh).

Every figure is a median over several runs measured by hyperfine, and every
ratio is taken against a baseline measured in the same run on the same
machine: `xmllint --stream --noout` for loading, a bare AdwApplicationWindow
(bench/bare-window.c) for the first frame."""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")
SIZES = [("1k", 1000), ("10k", 10000), ("100k", 100000)]
NS = "{urn:cluster-atlas:1}"


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    return (f"{os.cpu_count()} CPUs ({model}), {mem_kb / 1048576:.1f} GiB RAM, "
            f"{platform.system()} {platform.release()}")


def hyperfine(commands, runs, env=None, wrapper=None):
    """Median seconds of each command, in order."""
    with tempfile.NamedTemporaryFile(suffix=".json") as js:
        argv = ["hyperfine", "-N", "--style", "none", "--warmup", "1", "--runs", str(runs),
                "--export-json", js.name] + commands
        if wrapper:
            argv = wrapper + argv
        subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        results = json.load(open(js.name))["results"]
    return [r["median"] for r in results]


def peak_kib(argv, runs=3):
    """Median of the maximum resident set size, in KiB, from GNU time."""
    peaks = []
    for _ in range(runs):
        r = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        peaks.append(int(r.stderr.strip().splitlines()[-1]))
    return sorted(peaks)[len(peaks) // 2]


def dataset(label, n):
    path = os.path.join(OUT, f"atlas-{label}.xml")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(HERE, "gen-dataset.py"), str(n), path],
                       check=True)
    return path


class Table:
    def __init__(self):
        self.rows = []

    def add(self, what, value, baseline="", ratio="", target=""):
        self.rows.append((what, value, baseline, ratio, target))

    def print(self):
        head = ("Measure", "Cluster Atlas", "Baseline", "Ratio", "Target")
        widths = [max(len(r[i]) for r in self.rows + [head]) for i in range(5)]
        line = "| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |"
        print(line)
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for r in self.rows:
            print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def mib(kib):
    return f"{kib / 1024:.1f} MiB"


def verdict(ratio, limit):
    return f"≤ {limit}× {'ok' if ratio <= limit else 'MISSED'}"


def bench_load(table, program, runs):
    for label, n in SIZES:
        path = dataset(label, n)
        check = subprocess.run([program, "--check", path], capture_output=True, text=True)
        if check.returncode != 0:
            table.add(f"load {label} nodes", "REFUSED: " + check.stderr.splitlines()[0][:60])
            continue
        ours, base = hyperfine([f"{program} --check {path}",
                                f"xmllint --stream --noout {path}"], runs)
        table.add(f"load {label} nodes (--check), time", ms(ours),
                  f"{ms(base)} xmllint --stream", f"{ours / base:.2f}×", verdict(ours / base, 1.5))
        size_kib = os.path.getsize(path) / 1024
        peak = peak_kib([program, "--check", path])
        xml_peak = peak_kib(["xmllint", "--stream", "--noout", path])
        table.add(f"load {label} nodes (--check), peak RSS", mib(peak),
                  f"{mib(size_kib)} file ({mib(xml_peak)} xmllint)",
                  f"{peak / size_kib:.2f}× file", "< 1× file " +
                  ("ok" if peak < size_kib else "MISSED"))


def gui_env():
    env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="1",
               GSETTINGS_BACKEND="memory", CA_BENCH_EXIT_ON_FIRST_FRAME="1")
    return env


GUI_WRAPPER = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", "dbus-run-session", "--"]


def exits_by_itself(argv, env):
    """Whether the program quits on its own under CA_BENCH_EXIT_ON_FIRST_FRAME."""
    try:
        r = subprocess.run(GUI_WRAPPER + ["timeout", "60"] + argv, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return False
    return r.returncode == 0


def bench_first_frame(table, build, program, runs):
    bare = os.path.join(build, "bench", "bare-window")
    if not os.path.exists(bare):
        table.add("first frame, bundled data", "not built: bench/bare-window")
        return
    if not exits_by_itself([program], gui_env()):
        table.add("launch to first frame, bundled data", "FAILED: did not quit at first frame")
        return
    ours, base = hyperfine([program, bare], runs, env=gui_env(), wrapper=GUI_WRAPPER)
    table.add("launch to first frame, bundled data", ms(ours), f"{ms(base)} bare window",
              f"{ours / base:.2f}×", verdict(ours / base, 1.3))


def bench_open_big(table, program, runs):
    path = dataset("100k", 100000)
    env = dict(gui_env(), CA_BENCH_EXIT_ON_FIRST_FRAME="loaded")
    if not exits_by_itself([program, path], env):
        table.add("open 100k nodes to an interactive window", "FAILED: did not quit when shown")
        return
    (ours,) = hyperfine([f"{program} {path}"], max(3, runs // 2), env=env, wrapper=GUI_WRAPPER)
    table.add("open 100k nodes to an interactive window", ms(ours))


def root_node_id():
    tree = ET.parse(os.path.join(TOP, "data", "atlas.xml"))
    for child in tree.getroot():
        if child.tag in (NS + "region", NS + "park", NS + "program"):
            return child.get("id")
    raise SystemExit("no node in data/atlas.xml")


def bench_export(table, build, program, runs):
    node = root_node_id()
    outdir = tempfile.mkdtemp(prefix="ca-bench-export-")
    try:
        commands = [f"{program} --export {outdir}/chart.{ext} --node {node}"
                    for ext in ("png", "svg", "pdf", "csv")]
        times = hyperfine(commands, runs)
    finally:
        shutil.rmtree(outdir)
    for ext, t in zip(("png", "svg", "pdf", "csv"), times):
        table.add(f"--export {ext}, node {node}, 1200×800 (whole process)", ms(t))
    bench_export_prog = os.path.join(build, "bench", "bench-export")
    if os.path.exists(bench_export_prog):
        print(subprocess.run([bench_export_prog], capture_output=True, text=True).stdout,
              file=sys.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--skip", default="", help="comma list: load,frame,open,export")
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    program = os.path.join(build, "app", "cluster-atlas")
    if not os.path.exists(program):
        raise SystemExit(f"no {program}: build first")
    os.makedirs(OUT, exist_ok=True)
    os.environ.setdefault("CLUSTER_ATLAS_DATADIR", os.path.join(TOP, "data"))
    os.environ.setdefault("GSETTINGS_SCHEMA_DIR", os.path.join(build, "data"))
    os.environ.setdefault("CLUSTER_ATLAS_LOCALEDIR", os.path.join(build, "po"))
    skip = set(filter(None, args.skip.split(",")))
    table = Table()
    steps = [("load", lambda: bench_load(table, program, args.runs)),
             ("frame", lambda: bench_first_frame(table, build, program, args.runs)),
             ("open", lambda: bench_open_big(table, program, args.runs)),
             ("export", lambda: bench_export(table, build, program, args.runs))]
    for name, step in steps:
        if name not in skip:
            print(f"measuring {name} ...", file=sys.stderr)
            step()
    print()
    print(f"Machine: {machine()}")
    print(f"Medians of {args.runs} runs (hyperfine); Xvfb and GSK_RENDERER=cairo for windows.")
    print()
    table.print()


if __name__ == "__main__":
    main()
