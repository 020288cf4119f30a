#!/usr/bin/env bash
# Install what libitsm needs to build, test and benchmark on Debian/Ubuntu, then
# configure and build it in build/. Idempotent: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config tzdata   # compiler, build, the IANA tz database
  libjansson-dev libcmocka-dev              # JSON, unit tests
  swig python3-dev python3-numpy python3-pytest  # Python package and its tests
  python3-pandas                            # benchmark comparison
  python3-holidays python3-workalendar libbusiness-hours-perl  # oracles for holidays and business time
  python3-jsonschema                        # JSON Schema checks of the documents
  python3-matplotlib                        # plots of the analyst examples (optional at run time)
  valgrind clang abigail-tools              # memory checks, libFuzzer builds, ABI baseline
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "setup: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's /usr/bin/python3 is the interpreter that sees the python3-* packages.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
cmake --build build -j"$(nproc)"
