#!/usr/bin/env bash
# Checks the infrastructure templates in infra/bicep, the way CI does:
#   1. installs the Bicep CLI from NuGet (infra/bicep/bicep-cli.proj; needs only the .NET SDK),
#   2. builds main.bicep (the ARM JSON goes to a temporary folder, never into the repo),
#   3. lints every .bicep file with the strict rules in infra/bicep/bicepconfig.json,
#   4. checks that main.parameters.json is valid JSON naming only parameters main.bicep declares, and
#      every parameter main.bicep requires.
# Fails (exit 1) on any error or warning. Reads no standard input. Run from anywhere:
#   bash scripts/check-bicep.sh
set -euo pipefail

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bicep_dir="infra/bicep"
proj="$bicep_dir/bicep-cli.proj"
cd "$root"

fail() {
  echo "check-bicep: FAILED: $*" >&2
  exit 1
}

# One version, written once: the exact version in bicep-cli.proj.
version="$(sed -n 's/.*Include="Azure\.Bicep\.CommandLine\.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' "$proj")"
[[ -n "$version" ]] || fail "no exact Azure.Bicep.CommandLine.linux-x64 version in $proj"

restore_log="$(mktemp)"
if ! dotnet restore "$proj" --nologo --verbosity quiet </dev/null >"$restore_log" 2>&1; then
  cat "$restore_log" >&2
  rm -f "$restore_log"
  fail "dotnet restore $proj"
fi
rm -f "$restore_log"

# The NuGet global packages folder: NUGET_PACKAGES if set, else wherever this SDK's configuration puts it.
packages="${NUGET_PACKAGES:-}"
if [[ -z "$packages" ]]; then
  packages="$(dotnet nuget locals global-packages --list </dev/null | sed -n 's/^global-packages: //p')"
fi
packages="${packages:-$HOME/.nuget/packages}"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
[[ -f "$bicep" ]] || fail "restore did not produce $bicep"
chmod +x "$bicep"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
diagnostics="$work/diagnostics.txt"
: >"$diagnostics"
status=0

# Build: any error fails it; warnings are counted below like the linter's.
"$bicep" build "$bicep_dir/main.bicep" --outdir "$work/arm" </dev/null >>"$diagnostics" 2>&1 || status=1
[[ -s "$work/arm/main.json" ]] || status=1

# Lint every template in one run (the build above already lints main.bicep and the modules it uses; this
# also covers any file nothing references).
files="$(find "$bicep_dir" -name '*.bicep' -not -path '*/obj/*' -not -path '*/bin/*' | wc -l)"
"$bicep" lint --pattern "$bicep_dir/**/*.bicep" </dev/null >>"$diagnostics" 2>&1 || status=1

# Parameters file: decompiling it parses the JSON; then compare its names with main.bicep's params.
param_problems=0
if "$bicep" decompile-params "$bicep_dir/main.parameters.json" --bicep-file "$bicep_dir/main.bicep" --stdout \
  </dev/null >"$work/params.bicepparam" 2>"$work/params.err"; then
  declared="$(sed -n 's/^param \([A-Za-z_][A-Za-z0-9_]*\) .*/\1/p' "$bicep_dir/main.bicep" | sort -u)"
  # Required: declared without a default value (no '=' on the param line).
  required="$(grep -E '^param [A-Za-z_][A-Za-z0-9_]* [^=]+$' "$bicep_dir/main.bicep" | awk '{print $2}' | sort -u)"
  given="$(sed -n 's/^param \([A-Za-z_][A-Za-z0-9_]*\) = .*/\1/p' "$work/params.bicepparam" | sort -u)"
  for name in $given; do
    if ! grep -qx "$name" <<<"$declared"; then
      echo "$bicep_dir/main.parameters.json : Error parameters-file: '$name' is not a parameter of main.bicep" >>"$diagnostics"
      param_problems=$((param_problems + 1))
    fi
  done
  for name in $required; do
    if ! grep -qx "$name" <<<"$given"; then
      echo "$bicep_dir/main.parameters.json : Error parameters-file: required parameter '$name' has no value" >>"$diagnostics"
      param_problems=$((param_problems + 1))
    fi
  done
else
  # Bicep prints a general disclaimer first; the reason is on its last line.
  echo "$bicep_dir/main.parameters.json : Error parameters-file: not a valid parameters file: $(tail -n 1 "$work/params.err")" >>"$diagnostics"
  param_problems=1
fi
((param_problems == 0)) || status=1

# Build and lint report the same diagnostic twice; show each once.
sort -u "$diagnostics" -o "$diagnostics"
errors="$(grep -c ' : Error ' "$diagnostics" || true)"
warnings="$(grep -c ' : Warning ' "$diagnostics" || true)"
other="$(grep -vc ' : \(Error\|Warning\|Info\) ' "$diagnostics" || true)"
if [[ -s "$diagnostics" ]]; then
  sed "s|$root/||" "$diagnostics"
fi
if ((errors > 0 || warnings > 0 || other > 0)); then
  status=1
fi

summary="bicep $version: built main.bicep, linted $files files, checked main.parameters.json: $errors errors, $warnings warnings"
if ((other > 0)); then
  summary="$summary, $other other messages"
fi
if ((status != 0)); then
  fail "$summary"
fi
echo "check-bicep: OK: $summary"
