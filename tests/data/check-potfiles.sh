#!/bin/sh
# check-potfiles.sh SRCDIR
# Compares po/POTFILES.in with the files that hold translatable text: C files
# in app/ that call _(), N_(), C_(), NC_(), ngettext() or ca-i18n.h's
# ca_i18n_gettext() and friends, .ui files in
# resources/ with translatable="yes", and the data files that gettext reads
# (.desktop.in, .metainfo.xml.in, and XML that names a gettext-domain).
# Every such file must be listed, every listed file must be one, and the
# list must be sorted (LC_ALL=C).
set -eu

cd "$1"
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

c_pattern='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_)[[:space:]]*\([[:space:]]*"|(^|[^A-Za-z0-9_])(g_d?n?gettext|ngettext|g_dpgettext2?|ca_i18n_n?p?gettext)[[:space:]]*\('
{
  find app -name '*.[ch]' -type f -exec grep -lE "$c_pattern" {} + 2>/dev/null || true
  find resources -name '*.ui' -type f -exec grep -l 'translatable="yes"' {} + 2>/dev/null || true
  find data -maxdepth 1 -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \) -print
  find data -maxdepth 1 -type f -name '*.xml' -exec grep -l 'gettext-domain=' {} + 2>/dev/null || true
} | sed 's|^\./||' | sort -u > "$tmp/found"

grep -v -e '^#' -e '^[[:space:]]*$' po/POTFILES.in > "$tmp/listed"
status=0
if ! sort -c "$tmp/listed" 2> "$tmp/order"; then
  echo "po/POTFILES.in is not sorted (LC_ALL=C sort): $(cat "$tmp/order")"
  status=1
fi
sort -u "$tmp/listed" > "$tmp/listed.sorted"
if [ "$(wc -l < "$tmp/listed")" -ne "$(wc -l < "$tmp/listed.sorted")" ]; then
  echo "po/POTFILES.in lists a file twice"
  status=1
fi
missing=$(comm -23 "$tmp/found" "$tmp/listed.sorted")
extra=$(comm -13 "$tmp/found" "$tmp/listed.sorted")
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi
if [ -n "$extra" ]; then
  echo "Files in po/POTFILES.in without translatable strings (or missing):"
  echo "$extra" | sed 's/^/  /'
  status=1
fi
[ $status -eq 0 ] && echo "po/POTFILES.in: $(wc -l < "$tmp/listed") files, complete and sorted"
exit $status
