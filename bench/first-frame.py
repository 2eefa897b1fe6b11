#!/usr/bin/env python3
"""Launch to first frame: cluster-atlas beside a bare AdwApplicationWindow.

Run inside one Xvfb and D-Bus session (bench/run-all.py does):
    first-frame.py OUT.json RUNS PROGRAM BASELINE

Both programs (bench/first-frame-app, bench/bare-window) print
"first-frame-us: T" (g_get_monotonic_time) once their first frame is
painted, then quit; more than two may be given, to compare builds; the time from launch to T is the figure,
and the time to the process's exit is given beside it.  The two programs run
in turns, ABBA, with a pause before each launch so that neither pays for
what the other left the X server and the bus daemons to finish; a block of
runs of one program, then of the other, measures the machine's drift between
the blocks as much as the programs.  Writes OUT.json: per program, the
medians (seconds), the quartiles, the fastest and slowest first frames, and
every first frame in the order run.
"""
import json
import statistics
import subprocess
import sys
import time

PAUSE = 0.3


def launch(program):
    time.sleep(PAUSE)
    start = time.monotonic_ns()
    r = subprocess.run([program], capture_output=True, text=True, timeout=60)
    end = time.monotonic_ns()
    for line in r.stdout.splitlines():
        if line.startswith("first-frame-us:"):
            frame = int(line.split(":", 1)[1]) * 1000
            return (frame - start) / 1e9, (end - start) / 1e9
    raise SystemExit(f"{program} did not report its first frame (exit {r.returncode})")


def main():
    out, runs, programs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    frames = {p: [] for p in programs}
    exits = {p: [] for p in programs}
    for p in programs:  # warm the page cache and the session's daemons
        launch(p)
    for i in range(runs):
        for p in programs if i % 2 == 0 else reversed(programs):
            frame, end = launch(p)
            frames[p].append(frame)
            exits[p].append(end)
    with open(out, "w") as f:
        json.dump({p: summary(frames[p], exits[p]) for p in programs}, f)


def summary(frames, exits):
    q1, _, q3 = statistics.quantiles(frames, n=4)
    return {"frame": statistics.median(frames), "exit": statistics.median(exits),
            "frame_q1": q1, "frame_q3": q3, "frame_min": min(frames),
            "frame_max": max(frames), "frames": frames}


if __name__ == "__main__":
    main()
