#!/usr/bin/env bash
# Builds the deployable function app, laid out as the Functions host expects:
#   <out>/package/host.json                  the custom-handler host config
#   <out>/package/Marketplace.Functions      the self-contained linux-x64 executable (+ its files)
#   <out>/package/<FunctionName>/function.json   one folder per function, generated from the endpoint table
#   <out>/marketplace-functions.zip          the same, zipped for deployment
# Usage: scripts/package.sh [out-folder]   (default: out/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/out}" && cd "${1:-$root/out}" && pwd)
package="$out/package"
rm -rf "$package"
mkdir -p "$package"

if [ ! -f "$root/node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css" ]; then
  # The web pages' design system (CSS, JS, images) is published beside the app from the pinned npm package.
  echo "Installing the npm packages from package-lock.json..."
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "Publishing the self-contained linux-x64 handler..."
dotnet publish "$root/functions/Marketplace.Functions/Marketplace.Functions.csproj" \
  -c Release -r linux-x64 --self-contained true -o "$package" --nologo -v quiet
rm -f "$package/appsettings.Development.json" "$package"/*.pdb
cp "$root/host.json" "$package/host.json"

echo "Generating function.json files from the endpoint table..."
# Production endpoints only (no development token route). The placeholder app id only lets the app compose;
# nothing is served and no token is checked while generating.
ASPNETCORE_ENVIRONMENT=Production AzureAd__ClientId=function-metadata-generation \
  "$package/Marketplace.Functions" generate-function-json "$package" > /dev/null

dotnet run "$root/scripts/zipdir.cs" -- "$package" "$out/marketplace-functions.zip"
echo "Functions: $(find "$package" -mindepth 2 -maxdepth 2 -name function.json | wc -l)"
