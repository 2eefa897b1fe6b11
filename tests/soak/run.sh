#!/bin/sh
# make soak: runs tests/soak/soak-window under Xvfb and a private session bus.
#   tests/soak/run.sh [BUILD_DIR] [ROUNDS]    (defaults: build, 50)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-${BUILD_DIR:-$top/build}}" && pwd)
rounds="${2:-50}"

export GSETTINGS_BACKEND=memory GSK_RENDERER=cairo NO_AT_BRIDGE=1
export GSETTINGS_SCHEMA_DIR="$build/data"
export CLUSTER_ATLAS_LOCALEDIR="$build/po"
export CLUSTER_ATLAS_DATADIR="$top/data"
export G_DEBUG=fatal-criticals

exec xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
  "$build/tests/soak/soak-window" "$rounds"
