#!/usr/bin/env python3
"""The benchmark table of `make bench` (see run-all.sh).

Every figure is a median over several runs (hyperfine unless said), and every
ratio is taken against a baseline measured in the same run on the same
machine: `xmllint --stream --noout` for loading, a bare AdwApplicationWindow
(bench/bare-window.c) for the first frame, timed by bench/first-frame.py."""

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
    # The same binary links GTK, so its start-up alone costs time and
    # resident memory that xmllint does not pay: --check of a one-node file.
    tiny = dataset("1", 1)
    (start,) = hyperfine([f"{program} --check {tiny}"], runs)
    start_kib = peak_kib([program, "--check", tiny])
    table.add("start-up: --check of a 1-node file", f"{ms(start)}, {mib(start_kib)} RSS")
    for label, n in SIZES:
        path = dataset(label, n)
        check = subprocess.run([program, "--check", path], capture_output=True, text=True)
        if check.returncode != 0:
            table.add(f"load {label} nodes", "REFUSED: " + check.stderr.splitlines()[0][:60])
            continue
        # Targets apply to the 100k file: the small ones measure start-up.
        targeted = n == SIZES[-1][1]
        ours, base = hyperfine([f"{program} --check {path}",
                                f"xmllint --stream --noout {path}"], runs)
        table.add(f"load {label} nodes (--check), time", ms(ours),
                  f"{ms(base)} xmllint --stream", f"{ours / base:.2f}×",
                  verdict(ours / base, 1.5) if targeted else "")
        size_kib = os.path.getsize(path) / 1024
        peak = peak_kib([program, "--check", path])
        xml_peak = peak_kib(["xmllint", "--stream", "--noout", path])
        net = peak - start_kib
        table.add(f"load {label} nodes (--check), peak RSS", mib(peak),
                  f"{mib(size_kib)} file ({mib(xml_peak)} xmllint)",
                  f"{peak / size_kib:.2f}× file",
                  ("< 1× file " + ("ok" if peak < size_kib else "MISSED")) if targeted else "")
        table.add(f"load {label} nodes, peak RSS above start-up", mib(net),
                  f"{mib(size_kib)} file", f"{net / size_kib:.2f}× file",
                  ("< 1× file " + ("ok" if net < size_kib else "MISSED")) if targeted else "")


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
    # Timed by bench/first-frame.py, in turns with pauses: see there why.
    frame_runs = max(20, 2 * runs)
    with tempfile.NamedTemporaryFile(suffix=".json") as js:
        subprocess.run(GUI_WRAPPER + [sys.executable, os.path.join(HERE, "first-frame.py"),
                                      js.name, str(frame_runs), program, bare],
                       check=True, env=gui_env(), stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        result = json.load(open(js.name))
    ours, base = result[program], result[bare]
    table.add(f"launch to first frame, bundled data ({frame_runs} runs each, in turns)",
              ms(ours["frame"]), f"{ms(base['frame'])} bare window",
              f"{ours['frame'] / base['frame']:.2f}×", verdict(ours["frame"] / base["frame"], 1.3))
    table.add("launch to exit after that frame", ms(ours["exit"]),
              f"{ms(base['exit'])} bare window", f"{ours['exit'] / base['exit']:.2f}×")
    bench_first_frame_instructions(table, program, bare)


def bench_first_frame_instructions(table, program, bare):
    """The same two launches counted in instructions, which do not vary with
    the machine's load: callgrind, every thread, launch to exit."""
    if shutil.which("valgrind") is None:
        return
    counts = []
    for argv in ([program], [bare]):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "callgrind.out")
            subprocess.run(GUI_WRAPPER + ["valgrind", "--tool=callgrind",
                                          f"--callgrind-out-file={out}"] + argv,
                           check=True, env=gui_env(), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            with open(out) as f:
                totals = [line for line in f if line.startswith("totals:")]
            counts.append(int(totals[0].split()[1]))
    table.add("instructions, launch to exit after the first frame (callgrind)",
              f"{counts[0] / 1e6:.0f} M", f"{counts[1] / 1e6:.0f} M bare window",
              f"{counts[0] / counts[1]:.2f}×")


def bench_open_big(table, program, runs):
    path = dataset("100k", 100000)
    env = dict(gui_env(), CA_BENCH_EXIT_ON_FIRST_FRAME="loaded")
    if not exits_by_itself([program, path], env):
        table.add("open 100k nodes to an interactive window", "FAILED: did not quit when shown")
        return
    (ours,) = hyperfine([f"{program} {path}"], max(3, runs // 2), env=env, wrapper=GUI_WRAPPER)
    table.add("launch with 100k nodes to the first frame showing them", ms(ours))
    bench_window_in_process(table, os.path.dirname(os.path.dirname(program)))


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
        size = "" if ext == "csv" else " 1200×800"
        table.add(f"--export {ext}, node {node}{size} (whole process)", ms(t))
    bench_in_process_export(table, build)


def bench_in_process_export(table, build):
    """EXPORT's bench-export: ca_export_write () alone, beside the renderer."""
    prog = os.path.join(build, "bench", "bench-export")
    if not os.path.exists(prog):
        return
    lines = subprocess.run([prog, "9"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    # marks, size, renderer, then per format: in memory, ratio, to a file, file size.
    rows = [line.split() for line in lines if line.split() and line.split()[0].isdigit()]
    for cells in rows[:1] + rows[2:3]:
        marks, size, renderer = cells[0], cells[1], float(cells[2])
        for i, ext in enumerate(("png", "svg", "pdf")):
            memory, to_file = float(cells[3 + 4 * i]), float(cells[5 + 4 * i])
            table.add(f"export {ext}, {marks} marks {size} (in process)",
                      f"{memory:.1f} ms ({to_file:.1f} ms to a file)",
                      f"{renderer:.1f} ms renderer alone", f"{memory / renderer:.2f}×")


def bench_window_in_process(table, build):
    """UI-A's bench-window: open a 100k-node file in a running window."""
    prog = os.path.join(build, "bench", "bench-window")
    if not os.path.exists(prog):
        return
    r = subprocess.run(GUI_WRAPPER + ["timeout", "300", prog], env=gui_env_plain(),
                       capture_output=True, text=True)
    for line in r.stdout.splitlines():
        if line.startswith("open to first frame showing the data:"):
            table.add("open 100k nodes in a running window, to its frame (in process)",
                      line.split(":", 1)[1].strip())
        elif line.startswith("expand a node of"):
            what, value = line.split(":", 1)
            table.add(what.strip() + " (in process)", value.strip())


def gui_env_plain():
    env = gui_env()
    del env["CA_BENCH_EXIT_ON_FIRST_FRAME"]
    return env


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
    print(f"Medians of {args.runs} runs (hyperfine) unless the row says; "
          "Xvfb and GSK_RENDERER=cairo for windows.")
    print()
    table.print()


if __name__ == "__main__":
    main()
