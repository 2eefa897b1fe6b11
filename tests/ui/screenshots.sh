#!/bin/bash
# Retakes the pictures in data/screenshots/ from the real window (README,
# metainfo), in English, Simplified and Traditional Chinese, light and dark:
#   window-VARIANT.png         Shanghai's Future Industrial Clusters plan, Goals
#   window-narrow-VARIANT.png  the same in a window 360 px wide
#   view-VIEW-VARIANT.png      Shanghai in each of the four views
#   figures-VARIANT.png        the Figures page (Alt+2), every figure with the facets
#   tests/ui/screenshots.sh [BUILD_DIR]     (default: build)
# VARIANTS="light-zh_TW dark-zh_TW" retakes only those; ONLY=figures retakes
# the Figures page's pictures alone.
# Needs xvfb-run, dbus-run-session and ImageMagick (see ../shared/tools/shot
# in the development setup: it runs a window manager and a compositor, so
# popovers draw as on a desktop).  Look at every picture before committing it.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
shot=${SHOT:-/work/shared/tools/shot}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GSETTINGS_SCHEMA_DIR=$build/data CLUSTER_ATLAS_LOCALEDIR=$build/po GSETTINGS_BACKEND=keyfile
export CLUSTER_ATLAS_DATADIR=$top/data

# One desktop for all the pictures (../shared/tools/desktop), so that the
# pointer can be moved out of the way before each: at the screen's middle it
# would raise a chart's tooltip over the picture.
desktop=${DESKTOP:-$(dirname "$shot")/desktop}
"$desktop" start 1280x800 >/dev/null
trap '"$desktop" stop >/dev/null; rm -rf "$tmp"' EXIT

# take NAME NODE VIEW EXPANDED WIDTH HEIGHT VARIANT [KEYS...]
# KEYS are pressed in the window before the picture (xdotool key names).
take() {
  local name=$1 node=$2 view=$3 expanded=$4 width=$5 height=$6 variant=$7
  local home=$tmp/$name scheme=default lang=en pid
  mkdir -p "$home/glib-2.0/settings"
  cat > "$home/glib-2.0/settings/keyfile" <<KEYS
[org/clusteratlas/ClusterAtlas]
last-node='$node'
expanded-nodes=$expanded
chart-view='$view'
window-width=$width
window-height=$height
KEYS
  case $variant in dark-*) scheme=prefer-dark ;; esac
  case $variant in *-zh_CN) lang=zh_CN ;; *-zh_TW) lang=zh_TW ;; esac
  pid=$(XDG_CONFIG_HOME=$home ADW_DEBUG_COLOR_SCHEME=$scheme LANGUAGE=$lang \
          "$desktop" run "$build/app/cluster-atlas" | sed -n 's/.*(pid \([0-9]*\)).*/\1/p')
  sleep 4
  shift 7
  for key in "$@"; do
    "$desktop" do key "$key" >/dev/null
    sleep 1
  done
  "$desktop" do mousemove 1279 799 >/dev/null
  sleep 1
  "$desktop" shot "$tmp/$name.png" >/dev/null
  kill "$pid" 2>/dev/null
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  echo "$tmp/$name.png"
}

for variant in ${VARIANTS:-light-en dark-en light-zh_CN dark-zh_CN light-zh_TW dark-zh_TW}; do
  # The Figures page of the whole dataset, switched to with Alt+2.
  out=$(take "figures-$variant" sh-future-industries goals "['cn', 'sh']" 1280 800 "$variant" \
          alt+2)
  cp "$out" "$top/data/screenshots/figures-$variant.png"
  echo "data/screenshots/figures-$variant.png"
  [ "${ONLY:-}" = figures ] && continue
  out=$(take "window-$variant" sh-future-industries goals "['cn', 'sh', 'sh-future-industries']" \
          1280 800 "$variant")
  cp "$out" "$top/data/screenshots/window-$variant.png"
  echo "data/screenshots/window-$variant.png"
  out=$(take "window-narrow-$variant" sh-future-industries goals \
          "['cn', 'sh', 'sh-future-industries']" 360 720 "$variant")
  convert "$out" -trim +repage "$top/data/screenshots/window-narrow-$variant.png"
  echo "data/screenshots/window-narrow-$variant.png"
  for view in goals trend counts timeline; do
    out=$(take "view-$view-$variant" sh "$view" "['cn', 'sh']" 1280 800 "$variant")
    cp "$out" "$top/data/screenshots/view-$view-$variant.png"
    echo "data/screenshots/view-$view-$variant.png"
  done
done
