#!/usr/bin/env python3
"""Times the dataset loader beside xmllint on generated files.

    bench/bench-load.py --bench-load BUILD/bench/bench-load
                        --program BUILD/app/cluster-atlas [--runs 7]
                        [--sizes 1000,10000,100000]

For each size it writes a dataset with bench/gen-dataset.py, then runs, RUNS
times each: `cluster-atlas --check`, `xmllint --stream --noout` and
bench-load (the model alone, without GTK), and prints one table: the file's
size, the median wall time of --check and of xmllint and their ratio, the
peak resident memory of both and each divided by the file's size.  A detail
table follows.  Then it times the refusal of hostile inputs.  Targets (issue
3): --check within 1.5x xmllint's time at 100k nodes, peak memory below the
file's size, every hostile input refused within a second.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ATLAS = '<atlas xmlns="urn:cluster-atlas:1" version="1">\n'
SCRATCH = tempfile.gettempdir()


def run_once(argv, scratch):
    """Returns (seconds, peak RSS in KiB, exit status, CPU seconds) of one run.

    GNU time reports the peak: measuring from Python itself would count the
    Python process that the child is forked from."""
    out = os.path.join(scratch, "time.out")
    start = time.perf_counter()
    child = subprocess.run(["/usr/bin/time", "-q", "-f", "%M %x %U %S", "-o", out] + argv,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    with open(out, encoding="utf-8") as f:
        fields = f.read().split()
    status = int(fields[1]) if len(fields) > 1 else child.returncode
    cpu = float(fields[2]) + float(fields[3]) if len(fields) > 3 else elapsed
    return elapsed, int(fields[0]), status, cpu


def measure(argv, runs):
    results = [run_once(argv, SCRATCH) for _ in range(runs)]
    statuses = {r[2] for r in results}
    return (statistics.median(r[0] for r in results),
            max(r[1] for r in results), statuses,
            statistics.median(r[3] for r in results))


def measure_interleaved(tools, runs):
    """measure () of each (name, argv), the runs taking turns so that a
    change in the machine's load falls on every tool alike."""
    raw = {name: [] for name, _ in tools}
    for _ in range(runs):
        for name, argv in tools:
            raw[name].append(run_once(argv, SCRATCH))
    return {name: (statistics.median(r[0] for r in results), max(r[1] for r in results),
                   {r[2] for r in results}, statistics.median(r[3] for r in results))
            for name, results in raw.items()}


def mib(kib):
    return f"{kib / 1024:.1f} MiB"


def baselines(args, tmp):
    """Peak RSS of each tool on an empty atlas: what the program costs
    before it holds any data (for --check, mostly GTK's shared libraries)."""
    tiny = os.path.join(tmp, "tiny.xml")
    with open(tiny, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?>\n' + ATLAS + "</atlas>\n")
    base = {"bench-load": measure([args.bench_load, tiny], 3)[1]}
    if args.program:
        base["--check"] = measure([args.program, "--check", tiny], 3)[1]
    base["xmllint"] = measure(["xmllint", "--stream", "--noout", tiny], 3)[1]
    return base


def print_main_row(n, size_kib, results):
    """The table of the targets: --check beside xmllint --stream --noout."""
    check, ref = results["--check"], results["xmllint"]
    flag = "" if check[2] == {0} else f"  exit {sorted(check[2])}"
    print(f"{n:>7} {mib(size_kib):>9} {check[0] * 1000:>8.0f}ms {ref[0] * 1000:>8.0f}ms "
          f"{check[0] / ref[0]:>6.2f}x {mib(check[1]):>10} {mib(ref[1]):>10} "
          f"{check[1] / size_kib:>6.2f}x {ref[1] / size_kib:>6.2f}x{flag}")


def print_detail(rows, base):
    print()
    print("Detail: CPU time (user+sys, 10 ms resolution), bench-load (the model without GTK), "
          "and peak RSS less the same program's on an empty atlas (" +
          ", ".join(f"{k} {mib(v)}" for k, v in base.items()) + "):")
    print(f"{'nodes':>7} {'tool':<11} {'wall':>9} {'CPU':>7} {'x xmllint':>9} "
          f"{'peak RSS':>10} {'/ file':>7} {'RSS-base':>9} {'/ file':>7}")
    for n, size_kib, results in rows:
        ref_cpu = results["xmllint"][3]
        for name, (seconds, peak, statuses, cpu) in results.items():
            flag = "" if statuses == {0} else f"  exit {sorted(statuses)}"
            # Below the 10 ms resolution of the CPU times, there is no ratio.
            ratio = f"{cpu / ref_cpu:>8.2f}x" if ref_cpu > 0 else f"{'-':>9}"
            print(f"{n:>7} {name:<11} {seconds * 1000:>7.1f}ms {cpu * 1000:>5.0f}ms "
                  f"{ratio} {mib(peak):>10} {peak / size_kib:>6.2f}x "
                  f"{mib(peak - base[name]):>9} {(peak - base[name]) / size_kib:>6.2f}x{flag}")


def bench_sizes(args, tmp):
    if args.program and not os.access(args.program, os.X_OK):
        sys.exit(f"{args.program} is not an executable program")
    base = baselines(args, tmp)
    rows = []
    print(f"`cluster-atlas --check FILE` beside `xmllint --stream --noout FILE`: median wall "
          f"time of {args.runs} runs, peak RSS (VmHWM of the whole process, by GNU time; "
          f"the largest of the runs)")
    print(f"{'nodes':>7} {'file':>9} {'--check':>10} {'xmllint':>10} {'ratio':>7} "
          f"{'RSS check':>10} {'RSS xmllint':>10} {'/ file':>7} {'/ file':>7}")
    for n in args.sizes:
        path = os.path.join(tmp, f"atlas-{n}.xml")
        subprocess.run([sys.executable, os.path.join(HERE, "gen-dataset.py"), str(n), path],
                       check=True)
        size_kib = os.path.getsize(path) / 1024
        tools = [("--check", [args.program, "--check", path]),
                 ("xmllint", ["xmllint", "--stream", "--noout", path]),
                 ("bench-load", [args.bench_load, path])]
        results = measure_interleaved(tools, args.runs)
        print_main_row(n, size_kib, results)
        rows.append((n, size_kib, results))
        os.unlink(path)
    print_detail(rows, base)
    return rows


def write_hostile(tmp):
    files = {}

    def put(name, data):
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            if callable(data):
                data(f)
            else:
                f.write(data)
        files[name] = path

    head = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    laughs = b'<!DOCTYPE atlas [<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)) + b"]>"
    put("billion-laughs",
        head + laughs + ATLAS.encode() + b"<title xml:lang='en'>&lol9;</title></atlas>")
    put("entity-file", head + b'<!DOCTYPE atlas [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + ATLAS.encode() + b"<title xml:lang='en'>&x;</title></atlas>")
    put("entity-http", head + b'<!DOCTYPE atlas [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
        + ATLAS.encode() + b"<title xml:lang='en'>&x;</title></atlas>")
    put("external-dtd", head + b'<!DOCTYPE atlas SYSTEM "http://127.0.0.1:9/a.dtd">'
        + ATLAS.encode() + b"</atlas>")
    put("deep-10000", head + ATLAS.encode()
        + b"".join(b'<region id="r%d" kind="x">' % i for i in range(10000))
        + b"</region>" * 10000 + b"</atlas>")

    def huge(f):
        f.write(head + ATLAS.encode() + b"<title xml:lang='en'>")
        block = b"a" * (1 << 20)
        for _ in range(300):
            f.write(block)
        f.write(b"</title></atlas>")
    put("text-300MB", huge)
    put("attributes-30000", head + b'<atlas xmlns="urn:cluster-atlas:1" version="1"'
        + b"".join(b' a%d="%d"' % (i, i) for i in range(30000)) + b"></atlas>")
    put("invalid-utf8", head + ATLAS.encode() + b"<title xml:lang='en'>\xff\xfe</title></atlas>")
    put("random-bytes", os.urandom(65536))
    put("empty", b"")
    return files


def bench_hostile(args, tmp):
    print()
    print("Hostile inputs (bench-load; each must be refused, exit 1):")
    worst = 0.0
    for name, path in write_hostile(tmp).items():
        seconds, peak, statuses, _ = measure([args.bench_load, path], 3)
        worst = max(worst, seconds)
        print(f"  {name:<18} {seconds * 1000:8.1f} ms  {mib(peak):>9}  exit {sorted(statuses)}")
        os.unlink(path)
    print(f"  slowest refusal: {worst * 1000:.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-load", required=True)
    parser.add_argument("--program", required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="1000,10000,100000",
                        type=lambda s: [int(x) for x in s.split(",")])
    args = parser.parse_args()
    global SCRATCH
    with tempfile.TemporaryDirectory(prefix="ca-bench-load-") as tmp:
        SCRATCH = tmp
        bench_sizes(args, tmp)
        bench_hostile(args, tmp)


if __name__ == "__main__":
    main()
