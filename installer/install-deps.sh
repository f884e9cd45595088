#!/usr/bin/env bash
# Installs everything needed to build, test and run Quire on Debian 12 (bookworm).
# Run as root, or as a user who may use sudo. When every package is already installed it
# touches neither the network nor the package lists, so a second run is fast and works offline.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git ca-certificates clang-format
    # tests: the test programs link with lld (tests/CMakeLists.txt), four times faster than ld
    lld
    # Qt 6
    qt6-base-dev qt6-base-dev-tools qt6-webengine-dev qt6-webengine-dev-tools
    qt6-webchannel-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6opengl6-dev libgl-dev libxkbcommon-dev
    # storage: encrypted database, git, crypto, PDF, formats
    libsqlcipher-dev sqlcipher libsqlite3-dev sqlite3
    libgit2-dev
    libssl-dev openssl
    libpoppler-qt6-dev poppler-utils libqpdf-dev qpdf
    libgumbo-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
    libarchive-dev zlib1g-dev
    # PDF export: pages, headers and signature blocks are set in DejaVu (embedded as subsets)
    fonts-dejavu-core
    # tests: GUI tests run under a virtual X server
    xvfb xauth
    # tests: .eln exports read by an independent reader (tests/check_eln.py, standard library
    # only); the export bench's baseline zips the same files with Info-ZIP
    python3 zip
    # tests: real git servers on 127.0.0.1 (git daemon and git-http-backend come with git):
    # lighttpd with TLS for https + basic auth, sshd and ssh-agent/ssh-keygen for ssh. The tests
    # start their own instances on free ports; no system service is configured or needed.
    lighttpd lighttpd-mod-openssl openssh-server openssh-client
    # bench: quire-eln-bench compares an import with `bsdtar -tf` listing the same archive
    libarchive-tools
    # tests: a computer clock set back in time (libfaketime), for the clock-backwards audit
    faketime
    # tests: our signed PDFs read by other tools (pdfsig with an NSS database made by certutil,
    # mutool); the fuzz targets of the file readers (libFuzzer comes with clang's runtime)
    libnss3-tools mupdf-tools clang libclang-rt-14-dev
    # the Debian package (installer/package.sh, the package.deb test): dpkg-shlibdeps comes with
    # dpkg-dev (build-essential); lintian, desktop-file-validate and appstreamcli check it, and
    # rsvg-convert renders the icon's sizes (installer/icons/render-icons.sh)
    lintian desktop-file-utils appstream librsvg2-bin
)

# build: the entry editor's page is bundled from npm packages (resources/editor). A node that
# came from elsewhere (NodeSource, nvm) brings its own npm, and Debian's npm would conflict
# with it, so Debian's node and npm are added only when there is no npm at all.
if ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi

# dpkg-query prints nothing useful for a package it has never heard of and exits non-zero, so
# both "unknown" and "known but not installed" count as missing.
missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    if [[ "$status" != "installed" ]]; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "All ${#packages[@]} packages Quire needs are installed."
    exit 0
fi

if ((EUID == 0)); then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "error: run this script as root, or install sudo; missing packages:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
fi

echo "Installing ${#missing[@]} missing package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
# Install the whole list, not just the missing part, so apt can settle versions together.
"${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
