#!/bin/sh
# encode-symbolic.sh TOOL SVG SIZE OUTPUT: gtk4-encode-symbolic-svg names its
# output after the input, in a folder; this puts it at the name meson wants.
set -eu
tool=$1 svg=$2 size=$3 out=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$tool" -o "$tmp" "$svg" "${size}x${size}"
mv "$tmp/$(basename "$svg" .svg).symbolic.png" "$out"
