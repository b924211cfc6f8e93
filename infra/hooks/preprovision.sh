#!/usr/bin/env bash
# azd preprovision hook: stops before anything is deployed when a setting the deployment cannot do without is
# missing, naming the command that fixes it. azd runs it from the repository root with the environment's values
# (.azure/<env>/.env) exported.
set -uo pipefail

problems=0

# `language: custom` (the api service) is an azd alpha feature. Either the user config switch or azd's
# AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM variable turns it on; `azd config get` prints the value as JSON ("on").
switch="$(azd config get alpha.language.custom 2>/dev/null | tr -d '"[:space:]' || true)"
case "${AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM:-}" in
  1 | t | T | true | TRUE | True) switch=on ;;
esac
if [[ "$switch" != "on" ]]; then
  echo "preprovision: azd's alpha feature for 'language: custom' is off. Turn it on with:" >&2
  echo "  azd config set alpha.language.custom on" >&2
  problems=$((problems + 1))
fi

# main.bicep requires entraClientId (main.parameters.json maps it from AZURE_API_CLIENT_ID): without it the
# app cannot validate a single token and refuses to start.
if [[ -z "${AZURE_API_CLIENT_ID:-}" ]]; then
  echo "preprovision: AZURE_API_CLIENT_ID is not set: the application (client) ID of the API's Entra app registration. Set it with:" >&2
  echo "  azd env set AZURE_API_CLIENT_ID <client id>" >&2
  problems=$((problems + 1))
fi

if ((problems > 0)); then
  echo "preprovision: see infra/README.md (Deploying with azd)." >&2
  exit 1
fi
echo "preprovision: alpha.language.custom is on; AZURE_API_CLIENT_ID is set."
