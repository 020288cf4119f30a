#!/bin/sh
# Compare the built shared library with the checked-in ABI baseline (libabigail).
# Passes when the ABI is identical or only grew (added functions or variables). Fails on a
# tool error, a removed symbol, or any changed function or variable, including a layout
# change in a struct reached from one (abidiff reports those as bit 4, not bit 8).
# Refresh the baseline when the ABI changes on purpose (and bump ITSM_SOVERSION if the
# change is incompatible):
#   abidw --headers-dir include --headers-dir build/include --drop-private-types \
#         build/lib/libitsm.so --out-file abi/libitsm.so.0.abi
# usage: check_abi.sh BASELINE LIBRARY PUBLIC_INCLUDE_DIR
set -u
baseline=$1
lib=$2
headers=$3
report=$(abidiff --headers-dir1 "$headers" --headers-dir2 "$headers" "$baseline" "$lib")
rc=$?
echo "$report"
if [ $((rc & 3)) -ne 0 ]; then
    echo "FAIL: abidiff could not compare (status $rc)"
    exit 1
fi
if [ $((rc & 8)) -ne 0 ]; then
    echo "FAIL: incompatible ABI change against $baseline: bump ITSM_SOVERSION and refresh the baseline"
    exit 1
fi
if [ $((rc & 4)) -ne 0 ]; then
    if echo "$report" | grep -q 'Functions changes summary: 0 Removed, 0 Changed' &&
        echo "$report" | grep -q 'Variables changes summary: 0 Removed, 0 Changed'; then
        echo "OK: the ABI only grew (see above); refresh the baseline at the next release"
    else
        echo "FAIL: the ABI changed against $baseline (see above): bump ITSM_SOVERSION if it is incompatible, and refresh the baseline"
        exit 1
    fi
else
    echo "OK: ABI identical to $baseline"
fi
exit 0
