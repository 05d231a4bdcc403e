#!/usr/bin/env bash
# Builds Tarikh and serves it locally with live rebuild; prints the URL.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
PORT=${PORT:-8080}
echo "Tarikh: http://127.0.0.1:$PORT/  (Ctrl-C stops)"
exec trunk serve --offline --address 127.0.0.1 --port "$PORT" "$@"
