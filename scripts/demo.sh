#!/usr/bin/env bash
# Set everything up, build, and run the demo report on the shipped sample data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
./build/examples/itsm_demo "$@"
