#!/usr/bin/env bash
# azd postprovision hook: creates or updates the Azure AI Search index definition as the deploying user, who
# holds Search Service Contributor (rbac.bicep); the app's own identity may only read and write documents.
# Runs the app's own `create-search-index` command, so the definition is the one the app's adapter declares.
# azd runs it from the repository root with the deployment's outputs exported; the command signs in with
# DefaultAzureCredential, which finds azd's (or the Azure CLI's) sign-in.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

: "${AZURE_SEARCH_ENDPOINT:?postprovision: AZURE_SEARCH_ENDPOINT is not set (an output of infra/bicep/main.bicep; run azd provision)}"

# The certificate that encrypts the app's Data Protection key ring (sign-in cookies, antiforgery tokens) at rest.
# Bicep cannot create a Key Vault certificate, so the deploying user (Key Vault Certificates Officer, keyvault.bicep)
# creates a self-signed one with Key Vault's default policy (RSA 2048, 12 months, renewed automatically before expiry;
# the app still opens keys encrypted to earlier versions). Needs the Azure CLI, signed in (`az login`).
if [[ -n "${AZURE_KEY_VAULT_NAME:-}" ]]; then
  certificate="${AZURE_DATA_PROTECTION_CERTIFICATE_NAME:-data-protection}"
  if az keyvault certificate show --vault-name "$AZURE_KEY_VAULT_NAME" --name "$certificate" --only-show-errors >/dev/null 2>&1; then
    echo "postprovision: Key Vault certificate $certificate exists."
  else
    created=""
    for attempt in 1 2 3 4 5; do
      if az keyvault certificate create --vault-name "$AZURE_KEY_VAULT_NAME" --name "$certificate" \
          --policy "$(az keyvault certificate get-default-policy --only-show-errors)" --only-show-errors >/dev/null; then
        created=1
        break
      fi
      ((attempt < 5)) && { echo "postprovision: creating the Data Protection certificate failed (attempt $attempt of 5); the Key Vault role may still be propagating. Retrying in 60 s." >&2; sleep 60; }
    done
    [[ -n "$created" ]] || { echo "postprovision: could not create Key Vault certificate $certificate in $AZURE_KEY_VAULT_NAME." >&2; exit 1; }
    echo "postprovision: created Key Vault certificate $certificate."
  fi
fi

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
