#!/usr/bin/env bash
# Runs every test: native unit tests, in-browser component tests, and end-to-end
# tests of the release build in headless Chromium. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" browser

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native tests (the pure core, the data pipeline crate, the compiled dataset)"
cargo test --workspace

step "in-browser component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver TARIKH_DATA_DIR=tests/fixtures/markup \
  cargo test --target wasm32-unknown-unknown --test tests

step "release build (trunk build --release)"
trunk build --release --offline

step "end-to-end tests (playwright-core, Chromium, release build under a sub-path)"
node --test e2e/
