#!/bin/sh
# Helper of run.sh: classifies each FILE argument, printing
# "CLASS<TAB>FILE<TAB>detail" per file.
program="$CA_CONFORMANCE_PROGRAM"
tmp=$(mktemp -d "$CA_CONFORMANCE_OUT/c.XXXXXX")

for file in "$@"; do
  timeout -k 2 5 "$program" --check "$file" > "$tmp/out" 2> "$tmp/err" < /dev/null
  status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    class=hang
  elif [ "$status" -gt 128 ] || grep -qE 'Sanitizer|runtime error:' "$tmp/err"; then
    class=crash
  elif [ "$status" -eq 0 ] && grep -qF "$file: OK: " "$tmp/out"; then
    class=loaded
  elif [ "$status" -eq 1 ] && [ -s "$tmp/err" ] &&
       ! grep -vqF "$file:" "$tmp/err" &&
       ! cut -c "$(( ${#file} + 2 ))-" "$tmp/err" | grep -vqE '^[0-9]+:[0-9]+: .'; then
    class=refused
  else
    class=unlocated
  fi
  detail=$(head -c 300 "$tmp/err" | head -1)
  printf '%s\t%s\t(exit %s) %s\n' "$class" "$file" "$status" "$detail"
done
rm -rf "$tmp"
