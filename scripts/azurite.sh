#!/usr/bin/env bash
# Installs (from the lock file) and starts or stops the pinned Azurite on 127.0.0.1.
# Usage: scripts/azurite.sh start|stop|status
# Ports: AZURITE_BLOB_PORT (10000), AZURITE_QUEUE_PORT (10001), AZURITE_TABLE_PORT (10002).
# Data: AZURITE_LOCATION (default .azurite/ in the repo, git-ignored) so a restart keeps the catalogue.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
blob=${AZURITE_BLOB_PORT:-10000}
queue=${AZURITE_QUEUE_PORT:-10001}
table=${AZURITE_TABLE_PORT:-10002}
location=${AZURITE_LOCATION:-$root/.azurite}
pidfile="$location/azurite.pid"

ensure_installed() {
  if [ ! -f "$root/node_modules/azurite/dist/src/azurite.js" ] || [ ! -f "$root/node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css" ]; then
    echo "Installing Azurite and the NHS.UK design system from package-lock.json..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ours_running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "${1:-start}" in
  start)
    ensure_installed
    if ours_running; then echo "Azurite already running (pid $(cat "$pidfile"))."; exit 0; fi
    if listening "$blob"; then echo "Something already listens on 127.0.0.1:$blob; using it as Azurite."; exit 0; fi
    mkdir -p "$location"
    nohup node "$root/node_modules/azurite/dist/src/azurite.js" \
      --blobHost 127.0.0.1 --blobPort "$blob" \
      --queueHost 127.0.0.1 --queuePort "$queue" \
      --tableHost 127.0.0.1 --tablePort "$table" \
      --location "$location" --skipApiVersionCheck --disableTelemetry \
      > "$location/azurite.log" 2>&1 &
    echo $! > "$pidfile"
    for _ in $(seq 1 100); do
      if listening "$blob" && listening "$queue" && listening "$table"; then
        echo "Azurite started (pid $(cat "$pidfile"); blob $blob, queue $queue, table $table; data in $location)."
        exit 0
      fi
      ours_running || { echo "Azurite exited; see $location/azurite.log" >&2; cat "$location/azurite.log" >&2; exit 1; }
      sleep 0.2
    done
    echo "Azurite did not open its ports within 20 s; see $location/azurite.log" >&2
    exit 1
    ;;
  stop)
    if ours_running; then kill "$(cat "$pidfile")"; rm -f "$pidfile"; echo "Azurite stopped."; else echo "No Azurite started by this script is running."; fi
    ;;
  status)
    if ours_running; then echo "running (pid $(cat "$pidfile"))"; else echo "stopped"; exit 1; fi
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
