#!/bin/sh
# make bench: measures load, first frame, opening a big file and exports,
# each beside its baseline in the same run, and prints one table.
#   bench/run-all.sh [BUILD_DIR]     (default: build)
# Needs hyperfine, xmllint, /usr/bin/time, xvfb-run and dbus-run-session.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exec python3 "$here/run-all.py" --build "${1:-${BUILD_DIR:-build}}" ${BENCH_ARGS:-}
