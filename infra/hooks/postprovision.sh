#!/usr/bin/env bash
# azd postprovision hook: creates or updates the Azure AI Search index definition as the deploying user, who
# holds Search Service Contributor (rbac.bicep); the app's own identity may only read and write documents.
# Runs the app's own `create-search-index` command, so the definition is the one the app's adapter declares.
# azd runs it from the repository root with the deployment's outputs exported; the command signs in with
# DefaultAzureCredential, which finds azd's (or the Azure CLI's) sign-in.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

: "${AZURE_SEARCH_ENDPOINT:?postprovision: AZURE_SEARCH_ENDPOINT is not set (an output of infra/bicep/main.bicep; run azd provision)}"

# The app's own configuration keys (the app settings app.bicep sets), so the command reads what the app reads.
export Search__Provider=AzureAISearch
export Search__Endpoint="$AZURE_SEARCH_ENDPOINT"
export Search__IndexName="${AZURE_SEARCH_INDEX_NAME:-offerings}"
export AzureAd__TenantId="${AZURE_TENANT_ID:-}"
export AzureAd__ClientId="${AZURE_API_CLIENT_ID:-}"
# Production settings only: the development ones point at Azurite and a local Lucene index.
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# The command prints its own result; the identity chain's step-by-step log would bury it.
export Logging__LogLevel__Default=Warning

# A fresh role assignment can take a few minutes to apply: retry a refused request before giving up.
for attempt in 1 2 3 4 5; do
  if dotnet run --project "$root/functions/Marketplace.Functions" --no-launch-profile -- create-search-index </dev/null; then
    exit 0
  fi
  if ((attempt < 5)); then
    echo "postprovision: create-search-index failed (attempt $attempt of 5); the deploying user's Search Service Contributor role may still be propagating. Retrying in 60 s." >&2
    sleep 60
  fi
done
echo "postprovision: could not create the search index; run 'bash ./infra/hooks/postprovision.sh' again once the role has applied, or 'azd hooks run postprovision'." >&2
exit 1
