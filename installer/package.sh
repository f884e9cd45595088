#!/usr/bin/env bash
# Quick start, command 3 (optional): install what Quire needs (Debian 12), build the release
# programs, make the Debian package with CPack (installer/CMakeLists.txt) and install it with
# apt-get, which also installs the packages it depends on. --no-install stops after writing
# build/release/quire_<version>_<arch>.deb. `apt-get remove quire` takes the programs away
# again and leaves every notebook in place.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/installer/install-deps.sh"
cmake --preset release -S "$here" >/dev/null
# Only the two programs: the `package` target would build the tests too (it depends on `all`).
cmake --build "$here/build/release" --target quire quire-cli -j"$(nproc)"
(cd "$here/build/release" && cpack -G DEB)
deb=$(ls -t "$here"/build/release/quire_*_"$(dpkg --print-architecture)".deb | head -n 1)
echo "Package: $deb"
if [ "${1:-}" = --no-install ]; then exit 0; fi

as_root=()
if [ "$(id -u)" != 0 ]; then as_root=(sudo); fi
# apt-get reads a local package only from a path that has a slash in it.
"${as_root[@]}" apt-get install -y "$deb"
