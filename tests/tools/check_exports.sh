#!/bin/sh
# The shared library must export exactly the functions its public headers declare with
# ITSM_API: nothing internal leaks (no non-itsm_ symbol, no itsm__ helper) and nothing
# declared is missing.
# usage: check_exports.sh LIBRARY INCLUDE_DIR...
set -eu
lib=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVWi]$/ { sub(/@.*/, "", $3); print $3 }' | sort -u >"$tmp/exported"
find "$@" -name '*.h' -exec cat {} + |
    tr '\n' ' ' | grep -o 'ITSM_API[^;(]*(' | sed 's/($//; s/.*[ *]//' | grep '^itsm_' | sort -u >"$tmp/declared"

status=0
if grep -v '^itsm_' "$tmp/exported" >"$tmp/foreign"; then
    echo "FAIL: symbols outside the itsm_ prefix are exported:"; cat "$tmp/foreign"; status=1
fi
if grep '^itsm__' "$tmp/exported" >"$tmp/internal"; then
    echo "FAIL: internal itsm__ symbols are exported:"; cat "$tmp/internal"; status=1
fi
comm -23 "$tmp/exported" "$tmp/declared" >"$tmp/undeclared"
comm -13 "$tmp/exported" "$tmp/declared" >"$tmp/missing"
if [ -s "$tmp/undeclared" ]; then
    echo "FAIL: exported but not declared in a public header:"; cat "$tmp/undeclared"; status=1
fi
if [ -s "$tmp/missing" ]; then
    echo "FAIL: declared ITSM_API but not exported:"; cat "$tmp/missing"; status=1
fi
n=$(wc -l <"$tmp/exported")
if [ "$n" -eq 0 ]; then
    echo "FAIL: no symbols exported from $lib"; status=1
fi
[ $status -eq 0 ] && echo "OK: $n exported symbols, all itsm_*, exactly the public API"
exit $status
