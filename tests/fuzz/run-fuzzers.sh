#!/usr/bin/env bash
# Builds the libFuzzer targets of the instrument-file readers (tests/fuzz) with clang-14,
# AddressSanitizer and UndefinedBehaviorSanitizer into build/fuzz, and runs each for SECONDS
# (default 60) from a seed corpus: the JCAMP-DX test files and small generated tables. Exits
# non-zero when a target crashes, trips a sanitizer, runs out of memory, or spends more than
# the timeout on one input (a hang or pathological slowness); the input is left in
# build/fuzz/artifacts/.
#
# Needs clang-14 and libclang-rt-14-dev (installer/install-deps.sh), Qt 6 Core and Ninja.
# Usage: tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET...]
#        (targets: jcamp delimited_text readers quire_proof eln_metadata eln_archive pdf_text
#         device_offer recovery)
#        tests/fuzz/run-fuzzers.sh build                     (only builds them)
set -euo pipefail

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(jcamp delimited_text readers quire_proof eln_metadata eln_archive pdf_text device_offer recovery)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$root/build/fuzz
testdata=${QUIRE_TESTDATA:-$root/../shared/testdata}
cxx=${FUZZ_CXX:-clang++-14}

command -v "$cxx" >/dev/null || { echo "run-fuzzers: $cxx not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }

mkdir -p "$build"
cmake -S "$root/tests/fuzz" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 2; }
cmake --build "$build" -j2
[ "$seconds" != build ] || exit 0

# Seeds: the real instrument files, and tables of each shape the delimited-text reader knows.
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds/jcamp" "$seeds/text" "$seeds/pdf"
cp "$root"/tests/storage/data/*.pdf "$seeds/pdf/"
printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>endobj\n4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 20 100 Td (Ribonuclease) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' >"$seeds/pdf/small.pdf"
if [ -d "$testdata/instruments/jcamp" ]; then
  cp "$testdata"/instruments/jcamp/*.dx "$testdata"/instruments/jcamp/*.jdx "$seeds/jcamp/" 2>/dev/null || true
else
  echo "run-fuzzers: no test data at $testdata (set QUIRE_TESTDATA); JCAMP-DX seeds are the built-in ones" >&2
fi
printf '##TITLE=t\n##XFACTOR=1\n##YFACTOR=1\n##FIRSTX=0\n##LASTX=9\n##NPOINTS=10\n##XYDATA=(X++(Y..Y))\n0 @A1b2J%%jT\n7 c3+5-6 1.5E+01\n##END=\n' >"$seeds/jcamp/asdf.jdx"
printf '##TITLE=l\n##DATA TYPE=LINK\n##BLOCKS=1\n##TITLE=a\n##NTUPLES=x\n##VAR_NAME=A,B\n##SYMBOL=X,Y\n##VAR_DIM=2,2\n##PAGE=N=1\n##DATA TABLE=(XY..XY), PEAKS\n1 2; 3 4\n##END NTUPLES=x\n##END=\n##END=\n' >"$seeds/jcamp/link.jdx"
printf 'Wavelength (nm),Abs [AU]\n200,0.1\n201,0.2\n' >"$seeds/text/comma.csv"
# .eln seeds: the other ELNs' archives, and their ro-crate-metadata.json (read by python3's zipfile).
mkdir -p "$seeds/eln" "$seeds/eln-metadata"
if [ -d "$testdata/eln" ]; then
  cp "$testdata"/eln/*.eln "$seeds/eln/" 2>/dev/null || true
  for f in "$testdata"/eln/*.eln; do
    python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
n = [n for n in z.namelist() if n.endswith("ro-crate-metadata.json")][0]
sys.stdout.buffer.write(z.read(n))' "$f" >"$seeds/eln-metadata/$(basename "$f" .eln).json" || true
  done
fi
printf '{"@context":"https://w3id.org/ro/crate/1.1/context","@graph":{"@id":"./","@type":"Dataset","hasPart":["./a%%20b.txt"]}}' >"$seeds/eln-metadata/object-graph.json"
printf 'Instrument: UV\r\nSample;A\r\n\r\nx / nm;T/\xb0C\r\n400,5;1,23\r\n401,0;-0,5\r\n' >"$seeds/text/semicolon.csv"
printf '\xef\xbb\xbftime (s)\tA\tB\n0\t1\t2\n1\t3\t4\n' >"$seeds/text/tabs.tsv"
printf '"Title","Run, ""final"""\n"x","y"\n"1","2,5"\n3,4\n' >"$seeds/text/quoted.csv"
printf '  400.0   0.125\r  400.5   0.250\r' >"$seeds/text/xy.txt"
printf 'x,y,\n1,2,\n2,oops,\n3,,\n' >"$seeds/text/bad.csv"

# quire_proof: files as [name length][name][2-byte length][content] (fuzz_quire_proof.cpp): a
# manifest naming a record, the record, a Merkle path and a certificate, a shape to mutate from.
# device_offer: an offer file's shape with a cheap key derivation (fuzz_device_offer.cpp).
mkdir -p "$seeds/device-offer"
printf '%s' '{"expires_at":"2026-12-08T10:00:00.000Z","format":"quire/1","kdf":{"alg":"scrypt","n":1024,"p":1,"r":8,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"offer":"3f0c6a4e-1b2c-4d5e-8f90-123456789abc","sealed":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","type":"device_offer","wrong_codes":0}' >"$seeds/device-offer/offer.qdev"
# recovery: a recovery file (first byte even) and a backup archive (first byte odd), both small
# (fuzz_recovery.cpp).
mkdir -p "$seeds/recovery"
printf '0%s' '{"code_id":"0123456789abcdef","created_at":"2026-12-07T10:00:00.000Z","format":"quire/1","kdf":{"alg":"scrypt","n":1024,"p":1,"r":8,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"member":"3f0c6a4e-1b2c-4d5e-8f90-123456789abc","notebook":"3f0c6a4e-1b2c-4d5e-8f90-123456789abd","sealed":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","type":"recovery"}' >"$seeds/recovery/recovery.json"
( cd "$build" && rm -rf backup-seed && mkdir -p backup-seed/repo.git && cd backup-seed &&
  printf '{"format":"quire-backup/1"}' >BACKUP.json && printf '{}' >vault.json &&
  printf 'x' >quire.db && printf 'ref: refs/heads/main\n' >repo.git/HEAD &&
  { printf '1'; tar --format=pax -cf - BACKUP.json vault.json quire.db repo.git/HEAD; } >"$seeds/recovery/backup.tar" )
mkdir -p "$seeds/proof"
proof_seed() { # NAME CONTENT...
  local out=$1; shift
  : >"$out"
  while [ $# -gt 1 ]; do
    local name=$1 content=$2; shift 2
    printf "\\$(printf '%03o' ${#name})%s\\$(printf '%03o' $((${#content} / 256)))\\$(printf '%03o' $((${#content} % 256)))%s" "$name" "$content" >>"$out"
  done
}
id=$(printf '%064d' 0 | tr 0 a)
proof_seed "$seeds/proof/crate" \
  quire-manifest.json "{\"experiments\":[{\"entries\":[{\"entry\":\"e\",\"record\":\"$id\"}],\"experiment\":\"x\",\"record\":\"$id\"}],\"files\":[{\"name\":\"record-$id.json\",\"sha256\":\"00\",\"size\":2}],\"format\":\"quire/1\",\"genesis\":\"$id\",\"notebook\":\"n\",\"records\":[\"$id\"],\"type\":\"eln_export\"}" \
  "record-$id.json" "{\"record\":{\"author\":\"a\",\"body\":{\"leaves\":[\"$id\"],\"root\":\"00\",\"token\":\"AA==\"},\"object\":\"n\",\"type\":\"anchor\"},\"seal\":{\"cert\":\"00\",\"sig\":\"AA==\"}}" \
  "proof-$id.json" "{\"path\":[{\"hash\":\"$id\",\"side\":\"left\"}],\"record\":\"$id\",\"root\":\"$id\"}" \
  "timestamp-$id.tsr" "0" \
  notebook-ca.pem "-----BEGIN CERTIFICATE-----MIIB-----END CERTIFICATE-----"

# Inputs of 1 MiB made to be slow (long lists read per page, deep nesting, one endless line,
# unbalanced quotes, DUP counts at the limit). Natively each reads in about 0.1 s (ctest
# asserts under 1 s); with the sanitizers, which make every allocation dear, the slowest take
# 1.5-3.5 s here, so the bound is 10 s: it catches the quadratic, not the sanitizers' cost.
slow=$build/slow-inputs
rm -rf "$slow"
mkdir -p "$slow"
repeat() { local text=$1 count=$2; printf "%${count}s" | sed "s/ /$text/g"; }
mib=1048576
# (head stops its writer early: SIGPIPE, which pipefail would take for a failure, hence || true)
{ printf '##TITLE=a\n##NTUPLES=x\n##SYMBOL='; repeat 'X,' 150000; printf 'Y\n'
  repeat '##PAGE=1\n##FIRST=1\n##DATA TABLE=(XY..XY)\n1 2\n' 18000; } | head -c $mib >"$slow/pages.jdx" || true
repeat '##TITLE=a\n' 110000 | head -c $mib >"$slow/nested.jdx" || true
{ printf '##TITLE='; repeat x 500000; printf '\n'; repeat '##PEAK TABLE=(XYZ)\n' 25000; } | head -c $mib >"$slow/warnings.jdx" || true
{ printf '##TITLE=a\n##FIRSTX=0\n##DELTAX=1\n##XYDATA=(X++(Y..Y))\n0 A'; repeat J 1000000; printf '\n'; } | head -c $mib >"$slow/oneline.jdx" || true
{ printf '##TITLE=a\n##FIRSTX=0\n##DELTAX=1\n##XYDATA=(X++(Y..Y))\n'; repeat '0 As9999999\n' 90000; } | head -c $mib >"$slow/dup.jdx" || true
{ printf '##TITLE=a\n##PEAK TABLE=(XY..XY)\n'; repeat '1e5 2.5E-3\n' 100000; } | head -c $mib >"$slow/peaks.jdx" || true
repeat ',' $mib >"$slow/commas.csv"
repeat '"' $mib >"$slow/quotes.csv"
repeat '1 ' 524288 >"$slow/wide.txt"
{ repeat 'Key: value\n' 95000; printf '1,2\n'; } | head -c $mib >"$slow/preamble.csv" || true
{ printf 'x,y\n'; repeat '1,"2\n' 150000; } | head -c $mib >"$slow/openquotes.csv" || true
repeat '\r' $mib >"$slow/returns.txt"
{ repeat '1;2,5\n' 100000; repeat 'a,b;c\td e\n' 30000; } | head -c $mib >"$slow/mixed.csv" || true

# fuzz_readers takes its first byte for the file name and plot width: 'I' is spectrum.jdx,
# 'H' data.csv, both 361 pixels.
mkdir -p "$slow/readers"
for file in "$slow"/*.*; do
  case $file in *.jdx) first=I ;; *) first=H ;; esac
  { printf '%s' "$first"; cat "$file"; } >"$slow/readers/$(basename "$file")"
done

status=0
for target in "${targets[@]}"; do
  case $target in
    jcamp) inputs=("$slow"/*.jdx) ;;
    pdf_text) inputs=("$seeds"/pdf/*) ;;
    delimited_text) inputs=("$slow"/*.csv "$slow"/*.txt) ;;
    quire_proof) continue ;; # its inputs are files of 64 KiB at most
    device_offer) continue ;; # a header of a few hundred bytes; only cheap offers are opened
    recovery) continue ;; # the same for recovery files; archives are only listed
    eln_metadata|eln_archive) continue ;; # their caps bound the work; no slow set of their own
    *) inputs=("$slow"/readers/*) ;;
  esac
  if ! "$build/fuzz_$target" -timeout=10 -rss_limit_mb=4096 "${inputs[@]}" >"$build/slow_$target.log" 2>&1; then
    echo "fuzz_$target is too slow (or fails) on a 1 MiB input; see $build/slow_$target.log" >&2
    grep -E 'ERROR|timeout|SUMMARY' "$build/slow_$target.log" | head -5 >&2 || true
    status=1
  else
    echo "fuzz_$target: $(grep -c '^Executed' "$build/slow_$target.log") slow inputs of 1 MiB, slowest $(grep -o 'in [0-9]* ms' "$build/slow_$target.log" | sort -k2 -n | tail -1)"
  fi
done

# Each target is one process on one core: they run side by side, as many at a time as there
# are cores (QUIRE_FUZZ_JOBS), each writing its summary to a file printed in order at the end.
fuzz_one() {
  local target=$1 corpus=$build/corpus/$1 dirs
  mkdir -p "$corpus" "$build/artifacts"
  case $target in
    jcamp) dirs=("$seeds/jcamp") ;;
    delimited_text) dirs=("$seeds/text") ;;
    readers) dirs=("$seeds/jcamp" "$seeds/text") ;;
    quire_proof) dirs=("$seeds/proof") ;;
    device_offer) dirs=("$seeds/device-offer") ;;
    recovery) dirs=("$seeds/recovery") ;;
    eln_metadata) dirs=("$seeds/eln-metadata") ;;
    eln_archive) dirs=("$seeds/eln") ;;
    pdf_text) dirs=("$seeds/pdf") ;;
    *) echo "run-fuzzers: unknown target $target" >&2; return 2 ;;
  esac
  echo "== fuzz_$target for ${seconds}s"
  # -timeout: one input may take at most 10 s (inputs up to 1 MiB); -rss_limit_mb: the
  # readers may hold up to 2^25 points (two axes of 256 MiB) plus the sanitizers' overhead.
  if ! "$build/fuzz_$target" "$corpus" "${dirs[@]}" \
      -max_total_time="$seconds" -timeout=10 -max_len=1048576 -rss_limit_mb=4096 \
      -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 \
      >"$build/fuzz_$target.log" 2>&1; then
    echo "fuzz_$target FAILED; see $build/fuzz_$target.log and $build/artifacts/" >&2
    grep -E 'ERROR|SUMMARY|fuzz check failed|timeout|out-of-memory' "$build/fuzz_$target.log" | head -20 >&2 || true
    return 1
  fi
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|stat::slowest_unit_time_sec' "$build/fuzz_$target.log" || true
  tail -1 "$build/fuzz_$target.log"
}

jobs_at_once=${QUIRE_FUZZ_JOBS:-$(nproc)}
for target in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_at_once" ]; do wait -n || true; done
  ( fuzz_one "$target" >"$build/summary_$target.txt" 2>&1; echo $? >"$build/status_$target" ) &
done
wait
for target in "${targets[@]}"; do
  cat "$build/summary_$target.txt"
  [ "$(cat "$build/status_$target" 2>/dev/null)" = 0 ] || status=1
done
exit $status
