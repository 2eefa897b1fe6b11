#!/bin/sh
# check-po.sh SRCDIR PO...
# Fails unless every message of the application is translated in each PO.
# Each catalogue is first merged with a template extracted afresh from the
# files in po/POTFILES.in (the keywords of meson's 'glib' preset and
# ca-i18n.h's, as po/meson.build), so a string
# added to the code but not yet to the catalogue counts as untranslated.
set -eu

srcdir=$1; shift
pos=""
for po in "$@"; do
  pos="$pos $(cd "$(dirname "$po")" && pwd)/$(basename "$po")"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$srcdir"
grep -v -e '^#' -e '^[[:space:]]*$' po/POTFILES.in > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments --package-name=cluster-atlas \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=ca_i18n_gettext:2 --keyword=ca_i18n_pgettext:2c,3 --keyword=ca_i18n_ngettext:2,3 \
  --flag=ca_i18n_gettext:2:pass-c-format --flag=ca_i18n_pgettext:3:pass-c-format \
  --flag=ca_i18n_ngettext:2:pass-c-format --flag=ca_i18n_ngettext:3:pass-c-format \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_set_error:4:c-format --flag=g_error_new:3:c-format \
  --flag=g_printerr:1:c-format --flag=g_print:1:c-format \
  -f "$tmp/files" -o "$tmp/template.pot"

status=0
for po in $pos; do
  name=$(basename "$po")
  if ! msgfmt --check --statistics -o /dev/null "$po" 2> "$tmp/own"; then
    cat "$tmp/own"; echo "FAIL: $name: msgfmt --check failed"; status=1; continue
  fi
  msgmerge --quiet --previous -o "$tmp/$name" "$po" "$tmp/template.pot"
  if ! msgfmt --check --statistics -o /dev/null "$tmp/$name" 2> "$tmp/stats"; then
    cat "$tmp/stats"; echo "FAIL: $name: msgfmt --check failed after merging"; status=1; continue
  fi
  stats=$(tail -n 1 "$tmp/stats")
  echo "$name: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "FAIL: $name: every message must be translated and none fuzzy:"
      msgattrib --untranslated --no-obsolete "$tmp/$name" | sed '1,/^$/d' | grep -A3 '^msgid' | head -n 60
      msgattrib --only-fuzzy --no-obsolete "$tmp/$name" | sed '1,/^$/d' | grep -A3 '^msgid' | head -n 60
      status=1 ;;
  esac
  # A popover's buttons are not menu items: no "(_C)" after their words,
  # which GNOME's Chinese catalogues write only in menus and dialogs.
  if msggrep --no-wrap -N 'resources/ca-citation-popover.ui' "$tmp/$name" 2>/dev/null \
       | grep '^msgstr' | grep -q '(_.)'; then
    echo "FAIL: $name: a popover button carries a menu-style mnemonic suffix:"
    msggrep --no-wrap -N 'resources/ca-citation-popover.ui' "$tmp/$name" | grep '(_.)'
    status=1
  fi
done
exit $status
