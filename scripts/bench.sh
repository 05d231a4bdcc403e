#!/usr/bin/env bash
# The benchmark (README, "Benchmark"): builds the release site and synthetic builds
# of 1k, 10k and 100k events, the same events in Knight Lab TimelineJS beside it,
# then measures them in headless Chromium (scripts/bench.mjs) and writes
# bench/results.json and BENCHMARKS.md. Installs what is missing first. Not part of
# scripts/test.sh: it asserts nothing and takes long (full mode about an hour here).
#
#   scripts/bench.sh [--quick] [--runs N] [--sizes "1000 10000 100000"] [--no-lighthouse]
#                    [--only filter,typo,suggest,axis,quiz,people,map,network,throttled,memory]
#
# --only: just those measurements (and the loads they need), the budgets they bear
# on printed and the numbers in bench/results-only.json; BENCHMARKS.md is left as it
# is, and TimelineJS and Lighthouse are not run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" browser

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

QUICK=() RUNS=() LIGHTHOUSE=(--lighthouse) SIZES="1000 10000 100000" ONLY=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=(--quick) ;;
    --runs) RUNS=(--runs "$2"); shift ;;
    --sizes) SIZES="$2"; shift ;;
    --no-lighthouse) LIGHTHOUSE=() ;;
    --only) ONLY=(--only "$2"); LIGHTHOUSE=(); shift ;;
    *) echo "usage: scripts/bench.sh [--quick] [--runs N] [--sizes \"1000 10000 100000\"] [--no-lighthouse] [--only LIST]" >&2; exit 2 ;;
  esac
  shift
done

# The peer and Lighthouse are devDependencies too (setup.sh checks only the tools
# the build and tests need).
# twiggy: each crate's share of the wasm (BENCHMARKS.md, "Where the bytes are").
if ! command -v twiggy >/dev/null; then
  echo "[bench] installing twiggy"
  cargo install twiggy --locked
fi
if [ ! -d node_modules/@knight-lab/timelinejs ] || [ ! -x node_modules/.bin/lighthouse ]; then
  echo "[bench] installing npm devDependencies (TimelineJS, Lighthouse)"
  npm ci --no-audit --no-fund --loglevel=error
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tarikh-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
unset TARIKH_DATA_DIR

step "release build, real data"
trunk build --release --offline --dist "$WORK/real"

TIMELINEJS=()
if [ ${#ONLY[@]} -eq 0 ]; then
  step "the real events in TimelineJS's format"
  cargo run --quiet --example export_timelinejs > "$WORK/timeline.json"
  TIMELINEJS=(--timelinejs "$WORK/timeline.json")
fi

# Synthetic builds: their own cargo target dir (so the usual build stays cached),
# and each dist kept under target/bench/dist/, keyed by everything it is built
# from, so a rerun on the same code does not rebuild them.
KEY=$({ git ls-files -z src crates build.rs Cargo.toml Cargo.lock Trunk.toml index.html style assets \
          scripts/postbuild.mjs scripts/prerender.mjs scripts/split.mjs scripts/bench-data.mjs data/vocab.toml data/sources.toml data/periods.toml \
        | xargs -0 sha256sum; rustc --version; trunk --version; } | sha256sum | cut -c1-16)
SYNTHETIC=()
for N in $SIZES; do
  OUT="$PWD/target/bench/dist/$N-$KEY"
  if [ ! -f "$OUT/meta.json" ]; then
    step "synthetic dataset of $N events: generate and build (release)"
    rm -rf "$PWD/target/bench/dist/$N-"*
    node scripts/bench-data.mjs "$N" "$WORK/data-$N" > "$WORK/meta-$N.json"
    mkdir -p "$OUT"
    CARGO_TARGET_DIR="$PWD/target/bench" TARIKH_DATA_DIR="$WORK/data-$N" \
      trunk build --release --offline --dist "$OUT/site"
    mv "$WORK/meta-$N.json" "$OUT/meta.json"
  else
    step "synthetic dataset of $N events: built already ($OUT)"
  fi
  SYNTHETIC+=("$N:$OUT/site:$OUT/meta.json")
done

step "measuring (headless Chromium)"
SYN=$(IFS=,; echo "${SYNTHETIC[*]:-}")
node scripts/bench.mjs --real "$WORK/real" --linked "$PWD/target/wasm32-unknown-unknown/release/tarikh.wasm" "${TIMELINEJS[@]}" \
  ${SYN:+--synthetic "$SYN"} "${QUICK[@]}" "${RUNS[@]}" "${LIGHTHOUSE[@]}" "${ONLY[@]}"
