#!/bin/bash
# test-man.sh: the man page cluster-atlas.1 renders without a warning, is of
# this version, and documents every option the program's --help shows; the
# README's "Command line" names every option of the table too.  TAP output.
#
#   test-man.sh MAN_PAGE VERSION README
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
unset DISPLAY WAYLAND_DISPLAY LANGUAGE
export LC_ALL=C.UTF-8

command -v groff >/dev/null || { echo "Bail out! groff is missing (Debian: groff-base)"; exit 1; }

page=${1:?}
version=${2:?}
readme=${3:?}
program=${CA_PROGRAM:?}
work=$(mktemp -d "${TMPDIR:-/tmp}/ca-man-XXXXXX")
trap 'rm -rf "$work"' EXIT

. "$(dirname "$0")/../tap.sh"

# -ww turns on every warning; -P -cbou gives plain text to search.
groff -man -Tutf8 -ww -P -cbou "$page" >"$work/page.txt" 2>"$work/warnings"
status=$?
expect "groff -man -Tutf8 -ww renders it without a warning" \
  '[ $status -eq 0 ] && [ ! -s "$work/warnings" ] && [ -s "$work/page.txt" ]' \
  "status $status" "$(cat "$work/warnings")"

th=$(grep -m1 '^\.TH ' "$page")
expect "its .TH names version $version" '[[ $th == *"Cluster Atlas $version"* ]]' "$th"

for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT FILES; do
  expect "it has a $section section" 'grep -qx "$section" "$work/page.txt"' ""
done

# An option as a word of its own: --help is not found in --help-all.
has_option () {  # has_option OPTION FILE
  grep -qE -- "(^|[^[:alnum:]-])$1([^[:alnum:]-]|\$)" "$2"
}

"$program" --help-all >"$work/help" 2>&1
status=$?
options=$(grep -oE '^  (-[a-zA-Z], )?--[a-z-]+' "$work/help" | grep -oE -- '--[a-z-]+')
count=$(wc -w <<<"$options")
expect "cluster-atlas --help-all lists the options ($count)" \
  '[ $status -eq 0 ] && [ "$count" -ge 10 ]' "status $status" "$(cat "$work/help")"
# Each has its own paragraph in OPTIONS: a line that starts with it.
sed -n '/^OPTIONS$/,/^[A-Z][A-Z ]*$/p' "$work/page.txt" >"$work/options.txt"
for option in $options; do
  expect "the man page's OPTIONS has a paragraph for $option" \
    'grep -qE -- "^       (-[a-zA-Z], )?$option(=[A-Z]+)?\$" "$work/options.txt"' ""
done

# The README's section, from its heading to the next one of its level.
sed -n '/^## Command line$/,/^## /p' "$readme" >"$work/readme"
for option in $options; do
  case $option in --help-*|--gapplication-*) continue ;; esac
  expect "README's Command line names $option" 'has_option "$option" "$work/readme"' ""
done

# The three forms, the statuses and the height that fits, in both: as
# words, however a line is filled or wrapped.
tr -s '[:space:]' ' ' <"$work/page.txt" >"$work/page.words"
tr -s '[:space:]' ' ' <"$work/readme" >"$work/readme.words"
for text in "cluster-atlas --check FILE" "cluster-atlas --export OUT --node ID" \
            "CLUSTER_ATLAS_DATADIR" "CLUSTER_ATLAS_LOCALEDIR" "LANGUAGE" "byte order mark" \
            "the height fits the chart's content"; do
  expect "man page and README both say “$text”" \
    'grep -qF -- "$text" "$work/page.words" && grep -qF -- "$text" "$work/readme.words"' ""
done

echo "1..$n"
exit $failed
