#!/bin/bash
# Retakes data/screenshots/window-{light,dark}-{en,zh_CN}.png from the real
# window, with Shanghai's Future Industrial Clusters plan selected.
#   tests/ui/screenshots.sh [BUILD_DIR]     (default: build)
# Needs xvfb-run, dbus-run-session and ImageMagick (see ../shared/tools/shot
# in the development setup, or any 1280x800 Xvfb screenshot).  Look at every
# picture before committing it.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
shot=${SHOT:-/work/shared/tools/shot}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GSETTINGS_SCHEMA_DIR=$build/data CLUSTER_ATLAS_LOCALEDIR=$build/po GSETTINGS_BACKEND=keyfile
for variant in light-en dark-en light-zh_CN dark-zh_CN; do
  mkdir -p "$tmp/$variant/glib-2.0/settings"
  cat > "$tmp/$variant/glib-2.0/settings/keyfile" <<KEYS
[org/clusteratlas/ClusterAtlas]
last-node='sh-future-industries'
expanded-nodes=['cn', 'sh', 'sh-future-industries']
window-width=1200
window-height=760
KEYS
  scheme=default; lang=en
  case $variant in dark-*) scheme=prefer-dark ;; esac
  case $variant in *-zh_CN) lang=zh_CN ;; esac
  XDG_CONFIG_HOME=$tmp/$variant ADW_DEBUG_COLOR_SCHEME=$scheme LANGUAGE=$lang \
    "$shot" "$tmp/$variant.png" 4 -- "$build/app/cluster-atlas" >/dev/null
  convert "$tmp/$variant.png" -crop 1200x760+0+0 +repage \
    "$top/data/screenshots/window-$variant.png"
  echo "data/screenshots/window-$variant.png"
done
