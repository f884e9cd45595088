#!/usr/bin/env bash
# Quick start, command 1: install what Quire needs (Debian 12), build it, and start it. When no
# notebook exists yet, a demo notebook is created first so there is something to look at.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/installer/install-deps.sh"
cmake --preset release -S "$here" >/dev/null
cmake --build "$here/build/release" --target quire quire-cli -j"$(nproc)"

data="${XDG_DATA_HOME:-$HOME/.local/share}/quire"
vault="$data/notebook"
if [ ! -f "$vault/vault.json" ]; then
  vault="$data/demo"
  if [ ! -f "$vault/vault.json" ]; then
    "$here/installer/make-demo-notebook.sh" "$here/build/release/app/quire-cli" "$vault"
  fi
  echo "Opening the demo notebook at $vault (passphrase: quire demo notebook)."
fi
if [ "$(id -u)" = 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
exec "$here/build/release/app/quire" --vault "$vault"
