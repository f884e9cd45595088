#!/usr/bin/env bash
# Quick start, command 2: install what Quire needs (Debian 12), build it with warnings as
# errors, and run the whole test suite (GUI tests under a virtual X server).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/installer/install-deps.sh"
cmake --preset ci -S "$here" >/dev/null
cmake --build "$here/build/ci" -j"$(nproc)"
export QTWEBENGINE_DISABLE_SANDBOX=1
export QUIRE_SCREENSHOT_DIR="${QUIRE_SCREENSHOT_DIR:-$here/build/ci/screenshots}"
mkdir -p "$QUIRE_SCREENSHOT_DIR"
xvfb-run -a -s "-screen 0 1600x1000x24" \
  ctest --test-dir "$here/build/ci" --output-on-failure -j2 "$@"
