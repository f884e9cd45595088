#!/usr/bin/env bash
# Quick start, command 2: install what Quire needs (Debian 12), build it with warnings as
# errors, and run the whole test suite (each GUI test on a virtual X server of its own); then
# the layers below the window are built once more with AddressSanitizer and
# UndefinedBehaviorSanitizer (clang, the `sanitize` preset) and their tests (storage, model,
# cli) run again; last, the fuzz targets of the file readers run for a short fixed time. QUIRE_SANITIZE_RUN=0 leaves the
# sanitizer run out, QUIRE_SKIP_FUZZ=1 the fuzzing. Each part's time goes to the log.
# Arguments go to the first ctest run (for example -R storage to run a part).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/installer/install-deps.sh"
# ccache, where a machine has it, makes a second build of the same sources quick; nothing
# depends on it.
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
logs="$here/build/test-logs"
mkdir -p "$logs"
rm -f "$logs"/*.log

# Each part runs even when one before it failed, so that one run shows everything; the exit
# status is non-zero when anything failed. The time of each part goes to the log.
status=0
started=$SECONDS
phase() { echo "== quire: $1 took $((SECONDS - started)) s"; started=$SECONDS; }

# No test runs the benchmarks (tests/bench): they are left out of this build.
cmake --preset ci -S "$here" "${launcher[@]}" -DQUIRE_BENCH_IN_ALL=OFF >/dev/null
cmake --build "$here/build/ci" -j"$(nproc)"
phase "the build"
sanitize=${QUIRE_SANITIZE_RUN:-1}
sanitize_build=
sanitize_build_failed=0
if [ "$sanitize" = 1 ]; then
  # The sanitized build starts while the normal suite runs, at the lowest priority, so that it
  # takes only CPU the suite leaves idle (nice 19 weighs 1.5% against a test's 100%). Measured:
  # the suite keeps both cores busy, and the build gets through about 60 of its 210 steps.
  cmake --preset sanitize -S "$here" "${launcher[@]}" >/dev/null
  nice -n 19 cmake --build "$here/build/sanitize" -j"$(nproc)" >"$logs/sanitize-build.log" 2>&1 &
  sanitize_build=$!
fi
if [ "${QUIRE_SKIP_FUZZ:-}" != 1 ]; then
  # So are the fuzz targets (a failed build shows again when they run, below).
  nice -n 19 "$here/tests/fuzz/run-fuzzers.sh" build >"$logs/fuzz-build.log" 2>&1 &
  fuzz_build=$!
fi
export QTWEBENGINE_DISABLE_SANDBOX=1
export QUIRE_SCREENSHOT_DIR="${QUIRE_SCREENSHOT_DIR:-$here/build/ci/screenshots}"
mkdir -p "$QUIRE_SCREENSHOT_DIR"
# Each GUI test starts an X server of its own (Xvfb, tests/support/own-display.sh).
ctest --test-dir "$here/build/ci" --output-on-failure -j2 "$@" | tee "$logs/ci.log" || status=1
phase "the test suite"

if [ -n "$sanitize_build" ]; then
  if wait "$sanitize_build"; then
    phase "the rest of the sanitize build"
    # A few suites are not built for this run (QUIRE_NOT_UNDER_SANITIZERS, tests/CMakeLists.txt).
    (cd "$here" && ctest --preset sanitize -L 'storage|model|cli' -j2) | tee "$logs/sanitize.log" ||
      status=1
    phase "the tests under the sanitizers"
  else
    tail -n 40 "$logs/sanitize-build.log"
    echo "quire: the sanitize build failed (build/test-logs/sanitize-build.log)"
    status=1
    sanitize_build_failed=1
  fi
fi

# The readers of files from outside (tests/fuzz): each fuzz target for a short fixed time, with
# AddressSanitizer and UndefinedBehaviorSanitizer, from the test files as seeds.
fuzzed=0
fuzz_failed=0
if [ "${QUIRE_SKIP_FUZZ:-}" != 1 ]; then
  wait "$fuzz_build" || true
  "$here/tests/fuzz/run-fuzzers.sh" "${QUIRE_FUZZ_SECONDS:-8}" | tee "$logs/fuzz.log" ||
    { status=1; fuzz_failed=1; }
  fuzzed=$(grep -c '^== fuzz_' "$logs/fuzz.log" || true)
  phase "fuzzing"
fi

# One closing line for every run (ctest prints one per run; each fuzz target counts as one).
passed=$((fuzzed - fuzz_failed))
failed=$((fuzz_failed + sanitize_build_failed))
for log in "$logs/ci.log" "$logs/sanitize.log"; do
  [ -f "$log" ] || continue
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
  [ -n "$line" ] || { status=1; failed=$((failed + 1)); continue; }
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
  bad=$(sed -E 's/.*, ([0-9]+) tests? failed.*/\1/' <<<"$line")
  passed=$((passed + total - bad))
  failed=$((failed + bad))
done
echo "quire: $passed passed, $failed failed"
exit $status
