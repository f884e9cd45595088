#!/usr/bin/env bash
# Renders the application icon's PNG sizes (hicolor theme) from org.quire.Quire.svg. The PNGs
# are committed, so building the package needs no SVG renderer; run this after changing the
# SVG (rsvg-convert comes with librsvg2-bin, which installer/install-deps.sh installs).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" org.quire.Quire.svg \
        --output "org.quire.Quire-$size.png"
done
