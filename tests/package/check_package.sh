#!/usr/bin/env bash
# The Debian package, built from a configured and built folder (in CI: build/ci) by cpack into
# a scratch folder, unpacked with dpkg -x into a scratch root and checked there: quire-cli runs
# from it (and quire, offscreen), the control fields are set, every desktop file is where
# desktop environments look for it, and desktop-file-validate, appstreamcli and lintian (when
# installed; install-deps.sh installs them) find no error.
# Usage: check_package.sh SOURCE_DIR BUILD_DIR SCRATCH_DIR DEB_VERSION  (CPACK: the cpack to run)
set -euo pipefail
source=$1
build=$2
scratch=$3
version=$4
upstream=${version%-*}

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

rm -rf "$scratch"
mkdir -p "$scratch/out" "$scratch/root"
# -B: the package and cpack's staging folder go to the scratch folder, not next to a package
# someone built by hand in the build folder.
if ! "${CPACK:-cpack}" --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/out" \
    >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log" >&2
    echo "FAIL: cpack could not build the package (are quire and quire-cli built?)" >&2
    exit 1
fi
arch=$(dpkg --print-architecture)
deb="$scratch/out/quire_${version}_${arch}.deb"
[[ -f "$deb" ]] || { ls "$scratch/out" >&2; echo "FAIL: no $deb" >&2; exit 1; }
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

# Control fields.
field() { dpkg-deb --field "$deb" "$1"; }
[[ "$(field Package)" == quire ]] || fail "Package is '$(field Package)'"
[[ "$(field Version)" == "$version" ]] || fail "Version is '$(field Version)', not $version"
[[ "$(field Architecture)" == "$arch" ]] || fail "Architecture is '$(field Architecture)'"
[[ "$(field Section)" == science ]] || fail "Section is '$(field Section)'"
[[ "$(field Priority)" == optional ]] || fail "Priority is '$(field Priority)'"
[[ "$(field Maintainer)" == *"<"*"@"*">" ]] || fail "Maintainer is '$(field Maintainer)'"
[[ "$(field Homepage)" == https://* ]] || fail "Homepage is '$(field Homepage)'"
description=$(field Description)
[[ "$(head -n 1 <<<"$description")" == "electronic lab notebook for regulated labs" ]] ||
    fail "Description's synopsis is '$(head -n 1 <<<"$description")'"
(($(wc -l <<<"$description") > 3)) || fail "Description has no long description"
depends=$(field Depends)
# Linked libraries (dpkg-shlibdeps) and what the programs need without linking it.
for needed in libc6 libqt6core6 libqt6webenginecore6 libqt6charts6 libsqlcipher libgit2 \
    libssl3 libpoppler-qt6 libqpdf libqt6webenginecore6-bin fonts-dejavu-core adwaita-icon-theme; do
    [[ "$depends" == *"$needed"* ]] || fail "Depends lacks $needed: $depends"
done

# Files, owners and modes.
listing=$(dpkg-deb --contents "$deb")
if grep -v ' root/root ' <<<"$listing" | grep -q .; then fail "files not owned by root"; fi
for program in quire quire-cli; do
    grep -qE "^-rwxr-xr-x root/root .* \./usr/bin/$program$" <<<"$listing" ||
        fail "usr/bin/$program is missing or not 0755"
done
if grep -E '^-' <<<"$listing" | grep -vE '\./usr/bin/' | grep -vq '^-rw-r--r--'; then
    fail "a data file is not 0644"
fi
dpkg-deb --control "$deb" "$scratch/control"
for file in control md5sums; do
    [[ "$(stat -c %a "$scratch/control/$file")" == 644 ]] || fail "DEBIAN/$file is not 0644"
done

dpkg -x "$deb" "$scratch/root"
root="$scratch/root"
expected=(
    usr/share/applications/org.quire.Quire.desktop
    usr/share/metainfo/org.quire.Quire.metainfo.xml
    usr/share/icons/hicolor/scalable/apps/org.quire.Quire.svg
    usr/share/man/man1/quire-cli.1.gz
    usr/share/man/man1/quire.1.gz
    usr/share/doc/quire/copyright
    usr/share/doc/quire/changelog.Debian.gz
)
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/org.quire.Quire.png")
done
for file in "${expected[@]}"; do
    [[ -s "$root/$file" ]] || fail "$file is missing"
done
# Stripped: no symbol table left in the programs.
for program in quire quire-cli; do
    if readelf --section-headers "$root/usr/bin/$program" | grep -qE '\.symtab|\.debug_info'; then
        fail "usr/bin/$program is not stripped"
    fi
done
# The manual page describes every command quire-cli dispatches (app/cli/CliCommands.cpp), so
# that a new command without its entry in installer/man/quire-cli.1.in fails here.
manual=$(zcat "$root/usr/share/man/man1/quire-cli.1.gz")
commands=$(grep -oE 'command == "[a-z-]+"' "$source/app/cli/CliCommands.cpp" | cut -d'"' -f2 |
    grep -vxE 'help|version')
(($(wc -w <<<"$commands") > 20)) || fail "found only these commands in CliCommands.cpp: $commands"
for command in $commands; do
    grep -qE "^\.B ${command//-/\\\\-}( |$)" <<<"$manual" ||
        fail "quire-cli.1 lacks the command '$command' (add it to installer/man/quire-cli.1.in)"
done

# The program runs from the unpacked package, with the system's libraries.
cli_version=$("$root/usr/bin/quire-cli" --version) || fail "quire-cli --version failed"
[[ "$cli_version" == "quire-cli $upstream" ]] || fail "quire-cli --version says '$cli_version'"
echo "$cli_version"
# The window's program loads its libraries (QtWebEngine among them) and answers too; offscreen,
# as the test has no display.
mkdir -m 0700 "$scratch/runtime"
gui_version=$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$scratch/runtime" \
    "$root/usr/bin/quire" --version) ||
    fail "quire --version failed"
[[ "$gui_version" == "Quire $upstream" ]] || fail "quire --version says '$gui_version'"

if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/org.quire.Quire.desktop" ||
        fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
    # --no-net: the test makes no network connection (the homepage is not fetched).
    appstreamcli validate --no-net "$root/usr/share/metainfo/org.quire.Quire.metainfo.xml" ||
        fail "appstreamcli validate"
fi
if command -v lintian >/dev/null; then
    # Errors fail the test; warnings and the rest are printed.
    lintian_status=0
    lintian_output=$(lintian --fail-on error --tag-display-limit 0 "$deb" 2>&1) || lintian_status=$?
    [[ -z "$lintian_output" ]] || echo "$lintian_output"
    ((lintian_status == 0)) || fail "lintian reports errors"
fi

if ((failures)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
rm -rf "$scratch"
echo "package checks passed"
