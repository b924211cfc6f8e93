#!/usr/bin/env bash
# Sets everything up and runs the marketplace locally with the seeded catalogue:
# installs Azurite and the NHS.UK design system (npm ci) and starts Azurite (data kept in .azurite/), builds (the build
# copies the design system's CSS, JS and images beside the app), seeds an empty store, serves http://localhost:7071
# (web pages at /catalogue, sign in at /sign-in, API under /api).
# Settings: MARKETPLACE_PORT (7071), AZURITE_BLOB_PORT/AZURITE_QUEUE_PORT/AZURITE_TABLE_PORT (10000-10002).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port=${MARKETPLACE_PORT:-7071}
for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "run: $tool is required (the .NET 10 SDK and Node 20)." >&2; exit 1; }
done

bash scripts/azurite.sh start
stop_azurite() { bash "$root/scripts/azurite.sh" stop >/dev/null 2>&1 || true; }
trap stop_azurite EXIT

blob=${AZURITE_BLOB_PORT:-10000}; queue=${AZURITE_QUEUE_PORT:-10001}; table=${AZURITE_TABLE_PORT:-10002}
# Azurite's documented public development account; not a secret.
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export ASPNETCORE_ENVIRONMENT=Development
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
export Search__LucenePath="$root/.lucene/offerings"
export Hosting__Urls="http://localhost:$port"

echo "Building..."
dotnet build "$root/functions/Marketplace.Functions/Marketplace.Functions.csproj" -c Release --nologo -v quiet
bin="$root/functions/Marketplace.Functions/bin/Release/net10.0"
# The app reads appsettings.json from its content root, the working directory: run it from its output folder.
cd "$bin"

if [ -f "$root/catalogue-seed/organisations.json" ]; then
  echo "Seeding the catalogue (idempotent)..."
  Logging__LogLevel__Default=Warning dotnet Marketplace.Functions.dll seed "$root/catalogue-seed"
fi

echo "Serving http://localhost:$port  (pages: /catalogue, sign in: /sign-in, health: /api/health, API: /openapi/v1.json; Ctrl-C stops it and Azurite)"
dotnet Marketplace.Functions.dll
