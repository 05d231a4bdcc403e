#!/usr/bin/env bash
# Runs Tarikh locally. By default: the release build (what a school's server would
# host: prerendered timeline, offline service worker, the one-file copy), served
# by a plain static server the way a static host serves it. `--dev`: trunk's
# debug build with live rebuild on every change (no service worker, no prerender).
set -euo pipefail
PORT=${PORT:-8080}
if [ "${1:-}" = "--dev" ]; then
  shift
  source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
  echo "Tarikh (debug build, live rebuild): http://127.0.0.1:$PORT/  (Ctrl-C stops)"
  exec trunk serve --offline --address 127.0.0.1 --port "$PORT" "$@"
fi
# The release build prerenders the timeline in headless Chromium.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" browser
trunk build --release --offline
echo "Tarikh: http://127.0.0.1:$PORT/  (Ctrl-C stops; scripts/run.sh --dev rebuilds on every change)"
exec node e2e/server.mjs dist / "$PORT"
