#!/usr/bin/env bash
# Set everything up, build, and run the whole test suite (C, Python, examples, install).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
