#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (unit, storage on Azurite, HTTP, packaging, browser).
# Installs the npm packages (Azurite, the NHS.UK design system) from the lock file and Debian's chromium (for the
# browser tests) when missing; test fixtures start their own Azurite on free ports.
# Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
results="$root/out/test-results"
rm -rf "$results"
mkdir -p "$results"

summary() {
  local passed=0 failed=0 skipped=0 f
  for f in "$results"/*.trx; do
    [ -f "$f" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$f" | head -1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
    x=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${x:-0}))
    s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${s:-0}))
  done
  failed=$((failed + $1))
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}

for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "test: $tool is required (the .NET 10 SDK and Node 20)." >&2; summary 1; exit 1; }
done
if [ ! -f node_modules/azurite/dist/src/azurite.js ] || [ ! -f node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css ]; then
  echo "Installing Azurite and the NHS.UK design system from package-lock.json..."
  npm ci --no-audit --no-fund --loglevel=error || { summary 1; exit 1; }
fi
if [ ! -x /usr/bin/chromium ]; then
  # The browser tests drive Debian's Chromium (Playwright's own browser download is never used).
  echo "Installing chromium for the browser tests..."
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } </dev/null; then
    echo "Could not install chromium (apt-get install -y chromium)." >&2
    summary 1
    exit 1
  fi
fi

echo "Building..."
if ! dotnet build Marketplace.sln --nologo -v quiet; then
  echo "Build failed." >&2
  summary 1
  exit 1
fi

echo "Testing..."
dotnet test Marketplace.sln --no-build --nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?
extra=0
if [ "$status" -ne 0 ] && ! grep -q 'failed="[1-9]' "$results"/*.trx 2>/dev/null; then
  extra=1 # the runner failed without a failing test (crash, abort): count it so the line is not green
fi
summary "$extra"
