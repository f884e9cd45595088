#!/usr/bin/env bash
# Creates a demo notebook with a few experiments, entries and an attachment.
# Usage: make-demo-notebook.sh QUIRE_CLI VAULT_DIR
set -euo pipefail
cli="$1"
vault="$2"
demo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../resources/demo" && pwd)"
export QUIRE_PASSPHRASE="quire demo notebook"
q() { "$cli" --vault "$vault" "$@"; }
q init --notebook "Demo lab notebook" --name "Alice Researcher" --email alice@lab.example >/dev/null
buffer=$(q experiment new --title "Phosphate buffer, pH 7.4" --project "Buffers" --tag buffer --tag routine)
q entry add --experiment "$buffer" --title "Preparation" --file "$demo/buffer-preparation.md" >/dev/null
calib=$(q entry add --experiment "$buffer" --title "pH meter calibration" --file "$demo/ph-calibration.md")
q attach "$calib" "$demo/ph-calibration.csv" >/dev/null
growth=$(q experiment new --title "E. coli growth curve at 37 °C" --project "Microbiology" --tag od600)
q entry add --experiment "$growth" --title "Inoculation" --file "$demo/growth-inoculation.md" >/dev/null
echo "Demo notebook created at $vault"
