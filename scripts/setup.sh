#!/usr/bin/env bash
# Installs whatever Tarikh's build and tests need and is missing; quick when all is
# there. Sourced by scripts/run.sh and scripts/test.sh (pass "browser" for the tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

TRUNK_VERSION=0.21.14 # trunk 0.22 needs a newer rustc than these machines have
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes about 15 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# trunk would download wasm-bindgen from GitHub unless the one on PATH matches Cargo.lock.
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The release build cuts the deferred views out of the main wasm module
# (scripts/split.mjs, src/app/deferred.rs); trunk has no step for it.
WASM_SPLIT_VERSION=0.2.4
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# wasm-opt (binaryen 132) and the end-to-end test driver come from npm.
# Reinstalled when package-lock.json's content changes (a stamp of its hash, not
# file times: a fresh git worktree has a newer lock file and the same packages).
LOCK_SUM=$(sha256sum package-lock.json | cut -c1-64)
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/world-atlas ] \
  || [ "$(cat node_modules/.tarikh-lock-sum 2>/dev/null)" != "$LOCK_SUM" ]; then
  say "installing npm tools (binaryen, playwright-core, the map data)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$LOCK_SUM" > node_modules/.tarikh-lock-sum
fi

if [ "${1:-}" = browser ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Chromium and ChromeDriver from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# pdftotext and pdftoppm (poppler-utils): e2e/print.test.mjs reads the printed PDFs.
if [ "${1:-}" = browser ] && { [ ! -x /usr/bin/pdftotext ] || [ ! -x /usr/bin/pdftoppm ]; }; then
  say "installing poppler-utils (pdftotext, pdftoppm) from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils
fi
