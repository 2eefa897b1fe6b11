#!/usr/bin/env python3
"""The benchmark table of `make bench` (see run-all.sh).

Every figure is a median over several runs (hyperfine unless said), and every
ratio is taken against a baseline measured in the same run on the same
machine: `xmllint --stream --noout` for loading, a bare AdwApplicationWindow
(bench/bare-window.c) for the first frame, timed by bench/first-frame.py.
Windows are timed through bench/first-frame-app, the program linked with a
hook on its first frame, so the product carries no benchmark code."""

import argparse
import importlib.util
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
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


def hyperfine(commands, runs, env=None, wrapper=None, ignore_failure=False):
    """Median seconds of each command, in order; with @ignore_failure a
    command may exit with a failure (--find finding nothing)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as js:
        argv = ["hyperfine", "-N", "--style", "none", "--warmup", "1", "--runs", str(runs),
                "--export-json", js.name] + (["-i"] if ignore_failure else []) + commands
        if wrapper:
            argv = wrapper + argv
        subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        results = json.load(open(js.name))["results"]
    return [r["median"] for r in results]


def dataset(label, n, shape="light"):
    path = os.path.join(OUT, f"atlas-{label}.xml" if shape == "light"
                        else f"atlas-{label}-{shape}.xml")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(HERE, "gen-dataset.py"),
                        "--shape", shape, str(n), path], check=True)
    return path


def run_once(argv, timeout=60):
    """(wall seconds, peak RSS in KiB, exit status, first line of stderr) of
    one run.  The peak is GNU time's %M: the rusage of the child that time
    forks, which is small before the exec.  (Python's own wait4 () would not
    do: the child is forked from Python, and Linux keeps the largest RSS of
    the process across exec.)  The wall time is taken around the whole, so
    it includes time's own fork and exec, the same for every tool.  A run
    longer than @timeout seconds is killed with its process group."""
    with tempfile.NamedTemporaryFile() as peak, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%M", "-o", peak.name] + argv,
                                 stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        timer = threading.Timer(timeout, os.killpg, (child.pid, signal.SIGKILL))
        timer.start()
        code = child.wait()
        elapsed = time.perf_counter() - start
        timer.cancel()
        fields = open(peak.name).read().split()
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").splitlines()
    if code == -signal.SIGKILL and elapsed >= timeout:
        code = "timeout"
    kib = int(fields[-1]) if fields and fields[-1].isdigit() else 0
    return elapsed, kib, code, lines[0] if lines else ""


def interleaved(tools, runs, timeout=60):
    """run_once () of each argv of @tools, @runs times, taking turns (ABBA:
    the order reverses every round) so that a change in the machine's load
    falls on every tool alike.  Returns per tool the median time, the median
    peak RSS and the list of runs."""
    raw = [[] for _ in tools]
    for r in range(runs):
        order = list(range(len(tools)))
        for i in (order if r % 2 == 0 else reversed(order)):
            raw[i].append(run_once(tools[i], timeout))
    return [(statistics.median(x[0] for x in results),
             statistics.median(x[1] for x in results), results) for results in raw]


class Table:
    HEAD = ("Measure", "Cluster Atlas", "Baseline", "Ratio", "Target")

    def __init__(self, head=HEAD):
        self.head = head
        self.rows = []

    def add(self, *cells):
        self.rows.append(tuple(cells) + ("",) * (len(self.head) - len(cells)))

    def print(self):
        n = len(self.head)
        widths = [max(len(r[i]) for r in self.rows + [self.head]) for i in range(n)]
        line = "| " + " | ".join(h.ljust(w) for h, w in zip(self.head, widths)) + " |"
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


LOAD_SHAPES = [("light", "1k", 1000), ("light", "10k", 10000),
               ("light", "100k", 100000), ("heavy", "100k", 100000)]


def bench_load(table, cli, runs):
    """--check beside xmllint --stream --noout, and the peak RSS above the
    start-up of the same program (--check of a one-node file), all taking
    turns in one loop.  Targets apply to the 100k-node files: the small ones
    measure start-up."""
    tiny = dataset("1", 1)
    files = [(shape, label, dataset(label, n, shape)) for shape, label, n in LOAD_SHAPES]
    tools = [[cli, "--check", tiny]]
    for shape, label, path in files:
        check = run_once([cli, "--check", path])
        if check[2] != 0:
            table.add(f"load {label} nodes, {shape}", "REFUSED: " + check[3][:60])
            return
        tools += [[cli, "--check", path], ["xmllint", "--stream", "--noout", path]]
    results = interleaved(tools, runs)
    start, start_kib, _ = results[0]
    table.add("start-up: --check of a 1-node file", f"{ms(start)}, {mib(start_kib)} RSS")
    for k, (shape, label, path) in enumerate(files):
        (ours, peak, _), (base, xml_peak, _) = results[1 + 2 * k], results[2 + 2 * k]
        targeted = label == "100k"
        size_kib = os.path.getsize(path) / 1024
        what = f"load {label} nodes, {shape} ({size_kib / 1024:.1f} MiB)"
        table.add(f"{what}: --check time", ms(ours), f"{ms(base)} xmllint --stream",
                  f"{ours / base:.2f}×", verdict(ours / base, 1.0) if targeted else "")
        if not targeted:
            continue
        net = peak - start_kib
        table.add(f"{what}: peak RSS above start-up", f"{mib(net)} ({mib(peak)} peak)",
                  f"{mib(size_kib)} file ({mib(xml_peak)} xmllint peak)",
                  f"{net / size_kib:.2f}× file", verdict(net / size_kib, 0.5))


def load_module(name):
    sys.dont_write_bytecode = True   # no __pycache__ in the source tree
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"),
                                                  os.path.join(HERE, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BOUND_LIMIT = 2.0      # seconds to load or refuse any shape
BOUND_TIMEOUT = 20.0   # a run of --check is killed after this
BASE_TIMEOUT = 3.0     # and one of xmllint, which only gives the scale


def outcome(code, message):
    if code == 0:
        return "accepted"
    if code == 1:
        return "refused: " + message.split(": ", 1)[-1][:48]
    if code == "timeout":
        return f"killed after {BOUND_TIMEOUT:.0f} s"
    return f"CRASHED (exit {code})"


def measure_shape(path, cli, max_runs):
    """Runs of --check and of xmllint taking turns: one run if the first
    takes over 5 s, three if over 0.5 s, else @max_runs.  xmllint stops
    being run once it takes longer than BASE_TIMEOUT."""
    ours = [run_once([cli, "--check", path], BOUND_TIMEOUT)]
    runs = 1 if ours[0][0] > 5 else 3 if ours[0][0] > 0.5 else max_runs
    base = []
    for r in range(runs):
        if r > 0:
            ours.append(run_once([cli, "--check", path], BOUND_TIMEOUT))
        if not base or base[-1][2] != "timeout":
            base.append(run_once(["xmllint", "--stream", "--noout", path], BASE_TIMEOUT))
    return ours, base


def bench_bounds(table, cli, max_runs):
    """Every shape of bench/gen-bounds.py, written into a temporary folder
    one at a time: the median time of --check beside xmllint --stream, and
    whether it was accepted or refused as it should be."""
    gen = load_module("gen-bounds")
    with tempfile.TemporaryDirectory(prefix="ca-bench-bounds-") as tmp:
        for name, what, accept, _ in gen.SHAPES:
            path = gen.write_shape(tmp, name)
            size = os.path.getsize(path)
            ours, base = measure_shape(path, cli, max_runs)
            os.unlink(path)
            codes = {r[2] for r in ours}
            code = ours[0][2] if len(codes) == 1 else f"varied {sorted(map(str, codes))}"
            seconds = statistics.median(r[0] for r in ours)
            flags = []
            if seconds > BOUND_LIMIT or code == "timeout":
                flags.append(f"OVER {BOUND_LIMIT:.0f} s")
            if accept is not None and (code == 0) != accept:
                flags.append("UNEXPECTED: should be " + ("accepted" if accept else "refused"))
            base_text = (f"> {BASE_TIMEOUT:.0f} s" if base[-1][2] == "timeout"
                         else ms(statistics.median(r[0] for r in base)))
            table.add(f"{name}: {what}", f"{size / 1048576:.1f} MiB",
                      (">" if code == "timeout" else "") + ms(seconds) + f" ({len(ours)})",
                      outcome(code, ours[0][3]),
                      mib(max(r[1] for r in ours)) if code != "timeout" else "-", base_text,
                      ", ".join(flags) or "ok")


def gui_env():
    return dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="1",
                GSETTINGS_BACKEND="memory")


GUI_WRAPPER = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", "dbus-run-session", "--"]


def exits_by_itself(argv, env):
    """Whether bench/first-frame-app quits on its own at the frame it waits for."""
    try:
        r = subprocess.run(GUI_WRAPPER + ["timeout", "60"] + argv, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return False
    return r.returncode == 0


FRAME_LIMIT = 1.2   # the first frame, as a multiple of the bare window's


def first_frame_app(build):
    return os.path.join(build, "bench", "first-frame-app")


def spread(result):
    return f"{ms(result['frame_q1'])}–{ms(result['frame_q3'])} quartiles"


def bench_first_frame(table, build, runs):
    bare = os.path.join(build, "bench", "bare-window")
    program = first_frame_app(build)
    if not os.path.exists(bare) or not os.path.exists(program):
        table.add("first frame, bundled data", "not built: bench/bare-window, first-frame-app")
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
              f"{ours['frame'] / base['frame']:.2f}×",
              verdict(ours["frame"] / base["frame"], FRAME_LIMIT))
    table.add("  spread of those first frames", spread(ours), spread(base))
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


def bench_open_big(table, build, runs):
    path = dataset("100k", 100000)
    program = first_frame_app(build)
    env = dict(gui_env(), CA_BENCH_WAIT="loaded")
    if not exits_by_itself([program, path], env):
        table.add("open 100k nodes to an interactive window", "FAILED: did not quit when shown")
        return
    (ours,) = hyperfine([f"{program} {path}"], max(3, runs // 2), env=env, wrapper=GUI_WRAPPER)
    table.add("launch with 100k nodes to the first frame showing them", ms(ours))
    bench_window_in_process(table, build)


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
    r = subprocess.run(GUI_WRAPPER + ["timeout", "300", prog], env=gui_env(),
                       capture_output=True, text=True)
    for line in r.stdout.splitlines():
        if line.startswith("open to first frame showing the data:"):
            table.add("open 100k nodes in a running window, to its frame (in process)",
                      line.split(":", 1)[1].strip())
        elif line.startswith("expand a node of"):
            what, value = line.split(":", 1)
            table.add(what.strip() + " (in process)", value.strip())


TREND_TARGET_MS = 20.0


def bench_chart_trend(table, build, runs):
    """bench-chart's trend: the layout of a trend of 10,000 points, in process."""
    prog = os.path.join(build, "bench", "bench-chart")
    if not os.path.exists(prog):
        return
    out = subprocess.run([prog, str(max(runs, 5)), "trend"], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        if line.startswith("trend layout, 10000 points:"):
            value = float(line.split(":", 1)[1].split()[0])
            table.add("layout of a trend with 10,000 points, 1200×800 (median, in process)",
                      f"{value:.1f} ms", "", "",
                      f"< {TREND_TARGET_MS:.0f} ms {'ok' if value < TREND_TARGET_MS else 'MISSED'}")


GOALS_LIMIT_MS = 20.0   # layout of the Goals view of a node with 1,000 goals (issue 13)


SEARCH_QUERY_MS = 20.0      # a query on 100k nodes (issue 17)
SEARCH_INDEX_TIME = 0.20    # the index adds under 20% to the load time
SEARCH_INDEX_MEMORY = 0.10  # ... and under 10% to its memory


def bench_search(table, build, runs):
    """bench-search: the search index of 100k nodes with Chinese names
    beside their load (time and resident memory), and a query of each form
    (pinyin, initials, Traditional, none found): median wall and CPU time."""
    prog = os.path.join(build, "bench", "bench-search")
    if not os.path.exists(prog):
        table.add("Search, 100k nodes", "not built: bench/bench-search")
        return
    path = os.path.join(OUT, "atlas-100k-hanzi.xml")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(HERE, "gen-dataset.py"), "--names", "hanzi",
                        "100000", path], check=True)
    out = subprocess.run([prog, str(max(runs, 10)), path], capture_output=True, text=True,
                         check=True).stdout
    values = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
    load_ms, load_kib = (float(v.split()[0]) for v in values["load"].split(", "))
    index_ms, index_kib = (float(v.split()[0]) for v in values["index"].split(", "))
    resident = float(values["resident after load"].split()[0])
    # Memory beside what the process holds with the file loaded (as the
    # program would); the load's own growth is shown too.
    t, m = index_ms / load_ms, index_kib / resident
    table.add("Search index of 100k nodes, time beside their load", f"{index_ms:.0f} ms",
              f"{load_ms:.0f} ms", f"{t:.2f}×",
              f"< {SEARCH_INDEX_TIME:.2f}× {'ok' if t < SEARCH_INDEX_TIME else 'MISSED'}")
    table.add("Search index of 100k nodes, memory beside the process after the load "
              f"(the load itself: {mib(load_kib)})", mib(index_kib),
              mib(resident), f"{m:.2f}×",
              f"< {SEARCH_INDEX_MEMORY:.2f}× {'ok' if m < SEARCH_INDEX_MEMORY else 'MISSED'}")
    for key, value in values.items():
        if not key.startswith("query "):
            continue
        cells = value.split(", ")
        median, cpu = float(cells[0].split()[0]), float(cells[2].split()[0])
        table.add(f"Search “{key[6:]}”, 100k nodes (median; CPU)", f"{median:.1f} ms",
                  f"{cpu:.1f} ms CPU", cells[3],
                  f"< {SEARCH_QUERY_MS:.0f} ms {'ok' if median < SEARCH_QUERY_MS else 'MISSED'}")


def bench_goals(table, build, runs):
    """bench-goals: the Goals view of a node with 1,000 goals laid out, at
    the export's size and at the window's largest."""
    prog = os.path.join(build, "bench", "bench-goals")
    if not os.path.exists(prog):
        table.add("Goals view layout, 1,000 goals", "not built: bench/bench-goals")
        return
    lines = subprocess.run([prog, str(max(runs, 5))], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    for line in lines:
        if not line.startswith("goals layout,"):
            continue
        what, value = line.rsplit(":", 1)
        median = float(value.split()[0])
        table.add(what.replace("goals layout", "Goals view layout") + " (in process, median)",
                  f"{median:.1f} ms", "", "",
                  f"≤ {GOALS_LIMIT_MS:.0f} ms {'ok' if median <= GOALS_LIMIT_MS else 'MISSED'}")


def bench_facets(table, build, runs):
    """bench-facets: the Figures page's facets, counts and sorting over the
    200,000 figures of the heavy 100k-node file (issue 16)."""
    prog = os.path.join(build, "bench", "bench-facets")
    if not os.path.exists(prog):
        table.add("Figures page facets", "not built: bench/bench-facets")
        return
    path = dataset("100k", 100000, "heavy")
    lines = subprocess.run([prog, path, str(max(runs, 5))], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    for line in lines:
        if " ms  (target " not in line:
            continue
        what, rest = line.split("  ", 1)
        median = float(rest.split()[0])
        target = float(rest.split("(target ")[1].split()[0])
        table.add(f"Figures, 200k figures: {what.strip()} (in process, median)",
                  f"{median:.1f} ms", "", "",
                  f"< {target:.0f} ms {'ok' if median < target else 'MISSED'}")


FIND_LIMIT_S = 0.5          # --find on 100k nodes, the whole process (issue 16)
FIGURES_FRAME_MS = 100.0    # a facet applied or removed, to the window's frame (issue 16)
FIGURES_SORT_MS = 200.0     # sorted by value, to the window's frame (issue 16)


def bench_find(table, cli, runs):
    """cluster-atlas-cli --find on the heavy 100k-node file (200,000
    figures), the whole process, beside --check of the same file: the load
    is most of it."""
    path = dataset("100k", 100000, "heavy")
    queries = ["Node 51234", "n51234", "zzzz"]
    commands = [f"{cli} --check {path}"] + [f"{cli} --find '{q}' {path}" for q in queries]
    times = hyperfine(commands, runs, ignore_failure=True)
    check = times[0]
    for q, t in zip(queries, times[1:]):
        table.add(f"--find “{q}”, heavy 100k nodes (whole process; baseline --check)", ms(t),
                  ms(check), f"{t / check:.2f}×",
                  f"< {FIND_LIMIT_S * 1000:.0f} ms {'ok' if t < FIND_LIMIT_S else 'MISSED'}")


def bench_figures_window(table, build):
    """bench-figures-window: the Figures page of the real window on 200,000
    figures, each change to its next frame, beside a frame with nothing
    changed (Xvfb, GSK_RENDERER=cairo)."""
    prog = os.path.join(build, "bench", "bench-figures-window")
    if not os.path.exists(prog) or shutil.which("xvfb-run") is None:
        table.add("Figures page in the window", "not built or no xvfb-run")
        return
    path = dataset("100k", 100000, "heavy")
    env = dict(os.environ, GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo", NO_AT_BRIDGE="1")
    out = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", prog, path],
                         capture_output=True, text=True, check=True, env=env).stdout
    values = {}
    for line in out.splitlines():
        if ":" in line and " ms" in line:
            what, rest = line.split(":", 1)
            values[what.strip()] = float(rest.split()[0])
    base = values.get("a frame with nothing changed")
    for what in ("choose a facet value, to a frame", "remove it, to a frame",
                 "sort by value (header), to a frame", "scroll, 200 jumps over the list",
                 "scroll, 200 steps of a page"):
        if what not in values:
            continue
        t = values[what]
        limit = FIGURES_SORT_MS if what.startswith("sort") else FIGURES_FRAME_MS
        target = (f"< {limit:.0f} ms {'ok' if t < limit else 'MISSED'}"
                  if "scroll" not in what else "")
        table.add(f"Figures window, 200k figures: {what} (median)", f"{t:.1f} ms",
                  f"{base:.1f} ms" if base else "", f"{t / base:.1f}×" if base else "", target)


def main():
    parser = argparse.ArgumentParser(description="The benchmark table of make bench.")
    parser.add_argument("--build", default="build")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--skip", default="",
                        help="comma list: load,bounds,frame,open,export,chart,goals,search,"
                             "facets,figures-window,find")
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    program = os.path.join(build, "app", "cluster-atlas")
    cli = os.path.join(build, "app", "cluster-atlas-cli")
    for needed in (program, cli):
        if not os.path.exists(needed):
            raise SystemExit(f"no {needed}: build first")
    os.makedirs(OUT, exist_ok=True)
    os.environ.setdefault("CLUSTER_ATLAS_DATADIR", os.path.join(TOP, "data"))
    os.environ.setdefault("GSETTINGS_SCHEMA_DIR", os.path.join(build, "data"))
    os.environ.setdefault("CLUSTER_ATLAS_LOCALEDIR", os.path.join(build, "po"))
    skip = set(filter(None, args.skip.split(",")))
    table = Table()
    bounds = Table(("Shape", "File", "--check median (runs)", "Outcome", "Peak RSS",
                    "xmllint --stream", f"Under {BOUND_LIMIT:.0f} s, as expected"))
    steps = [("load", lambda: bench_load(table, cli, args.runs)),
             ("bounds", lambda: bench_bounds(bounds, cli, max(3, args.runs // 2))),
             ("frame", lambda: bench_first_frame(table, build, args.runs)),
             ("open", lambda: bench_open_big(table, build, args.runs)),
             ("export", lambda: bench_export(table, build, program, args.runs)),
             ("chart", lambda: bench_chart_trend(table, build, args.runs)),
             ("goals", lambda: bench_goals(table, build, args.runs)),
             ("search", lambda: bench_search(table, build, args.runs)),
             ("facets", lambda: bench_facets(table, build, args.runs)),
             ("figures-window", lambda: bench_figures_window(table, build)),
             ("find", lambda: bench_find(table, cli, args.runs))]
    for name, step in steps:
        if name not in skip:
            print(f"measuring {name} ...", file=sys.stderr)
            step()
    print()
    print(f"Machine: {machine()}")
    print(f"Medians of {args.runs} runs unless the row says (loading: the tools taking turns, "
          "wall time and GNU time's peak RSS of each run; otherwise hyperfine); "
          "Xvfb and GSK_RENDERER=cairo for windows.")
    print()
    table.print()
    if bounds.rows:
        print()
        print("Shapes at the format's bounds (bench/gen-bounds.py), cluster-atlas-cli --check "
              "beside xmllint --stream --noout, taking turns; each must load or be refused "
              f"in under {BOUND_LIMIT:.0f} s:")
        print()
        bounds.print()


if __name__ == "__main__":
    main()
