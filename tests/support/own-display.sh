#!/usr/bin/env bash
# Runs one GUI test on an X server of its own (Xvfb, 1600x1000, 24 bits, or the size
# QUIRE_XVFB_SCREEN gives), so that tests which run side by side never share a display: one
# test's window cannot take the keyboard focus or the active window from another's. Xvfb picks a
# free display number itself (-displayfd), so two starting at once do not race for one. Without
# Xvfb the test runs on the display it was given (and skips itself, exit code 77, when there is
# none).
set -u
if ! command -v Xvfb >/dev/null 2>&1; then exec "$@"; fi
dir=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 "${QUIRE_XVFB_SCREEN:-1600x1000x24}" -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
cleanup() {
  kill "$xvfb" 2>/dev/null
  wait "$xvfb" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
# -displayfd writes the number once the server accepts clients.
for _ in $(seq 1 300); do
  [ -s "$dir/display" ] && break
  kill -0 "$xvfb" 2>/dev/null || break
  sleep 0.1
done
if [ ! -s "$dir/display" ]; then
  echo "own-display.sh: Xvfb did not start:" >&2
  cat "$dir/xvfb.log" >&2
  exit 1
fi
export DISPLAY=":$(head -n 1 "$dir/display")"
unset WAYLAND_DISPLAY
"$@"
