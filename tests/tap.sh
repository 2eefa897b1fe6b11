# tap.sh: the TAP lines of the shell tests, sourced by each of them.
#   ok DESCRIPTION; not_ok DESCRIPTION DETAIL...; skip REASON;
#   expect DESCRIPTION CONDITION DETAIL...   (CONDITION is eval'd)
# $n counts the tests and $failed is 1 once one fails; a script ends with
#   echo "1..$n"; exit $failed
#
# SPDX-License-Identifier: GPL-3.0-or-later

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
# Every line of the details is a TAP comment, even a detail of many lines.
not_ok () {
  n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift
  for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done
}
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }
expect () {
  local desc=$1 cond=$2; shift 2
  if eval "$cond"; then ok "$desc"; else not_ok "$desc" "$@"; fi
}
