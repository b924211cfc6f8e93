#!/usr/bin/env bash
# Cold start: process start to the first 200 from GET /api/health, median of N runs (default 5), in wall time and in the
# process's CPU time at that moment (user + system, from /proc; it moves far less than wall time when the machine is shared), for
#  1. the marketplace's deployable package (self-contained linux-x64, as the Functions host starts it), on Azurite;
#  2. the same package as deployed: Production, with an Entra ID app registration configured (placeholder tenant and client
#     ids: nothing fetches Entra ID's metadata before the first authenticated request, and health is anonymous);
#  3. an empty ASP.NET Core app (dotnet new web + one /api/health route), published self-contained with the SDK's defaults
#     (the framework's assemblies come precompiled per assembly; the app's own is not), as this script always has;
#  4. the same empty app published as a ReadyToRun composite (framework + app in one image), as package.sh publishes the
#     marketplace: the like-for-like comparison. Publishing it compiles the whole framework (minutes).
# Usage: bench/cold-start.sh [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
trap 'bash "$root/scripts/azurite.sh" stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

export AZURITE_BLOB_PORT=11000 AZURITE_QUEUE_PORT=11001 AZURITE_TABLE_PORT=11002 AZURITE_LOCATION="$work/azurite"
bash "$root/scripts/azurite.sh" start >/dev/null
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:11000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:11001/devstoreaccount1;TableEndpoint=http://127.0.0.1:11002/devstoreaccount1;"

echo "Packaging the marketplace..." >&2
bash "$root/scripts/package.sh" "$work/marketplace" >/dev/null
echo "Publishing an empty ASP.NET Core app..." >&2
mkdir -p "$work/empty-src"
(cd "$work/empty-src" && dotnet new web -n EmptyApp -o . --force >/dev/null 2>&1 \
  && sed -i 's|app.MapGet("/", () => "Hello World!");|app.MapGet("/", () => "Hello World!");\napp.MapGet("/api/health", () => "ok");|' Program.cs)
# A copy of the source for the composite publish, so the two publishes never share obj/ (stale ReadyToRun outputs).
cp -r "$work/empty-src" "$work/empty-composite-src"
(cd "$work/empty-src" && dotnet publish -c Release -r linux-x64 --self-contained -o "$work/empty" --nologo -v quiet >/dev/null)
echo "Publishing the empty app as a ReadyToRun composite..." >&2
(cd "$work/empty-composite-src" && dotnet publish -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true \
  -p:PublishReadyToRunComposite=true -o "$work/empty-composite" --nologo -v quiet >/dev/null)

# The publishes leave the compiler and MSBuild servers running; stopped, they do not share the cores with the starts.
dotnet build-server shutdown >/dev/null 2>&1 || true

# Prints "wall/cpu": milliseconds from process start to the first 200 on the port, and the process's CPU milliseconds then.
ticks=$(getconf CLK_TCK)
measure() {
  local dir=$1 exe=$2 port=$3
  local start end pid cpu
  start=$(date +%s%N)
  (cd "$dir" && exec env FUNCTIONS_CUSTOMHANDLER_PORT="$port" ASPNETCORE_URLS="http://127.0.0.1:$port" "./$exe" >/dev/null 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/api/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "process exited" >&2; return 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  cpu=$(awk -v t="$ticks" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 ))/$cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() { printf '%s\n' "$@" | cut -d/ -f1 | median; }
cpu() { printf '%s\n' "$@" | cut -d/ -f2 | median; }

export Storage__ConnectionString="$conn" Search__LucenePath="$work/lucene" ASPNETCORE_ENVIRONMENT=Development
production=(AzureAd__TenantId=00000000-0000-0000-0000-000000000001 AzureAd__ClientId=00000000-0000-0000-0000-000000000002)
marketplace=(); deployed=(); empty=(); empty_composite=()
for i in $(seq 1 "$runs"); do
  marketplace+=("$(measure "$work/marketplace/package" Marketplace.Functions 7301)")
  deployed+=("$(export ASPNETCORE_ENVIRONMENT=Production "${production[@]}"; measure "$work/marketplace/package" Marketplace.Functions 7303)")
  empty+=("$(measure "$work/empty" EmptyApp 7302)")
  empty_composite+=("$(measure "$work/empty-composite" EmptyApp 7304)")
done
echo "marketplace runs (wall/CPU ms): ${marketplace[*]}"
echo "as deployed (Production) runs:  ${deployed[*]}"
echo "empty app runs (wall/CPU ms):   ${empty[*]}"
echo "empty app composite runs:       ${empty_composite[*]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cold start, median of $runs: marketplace $(wall "${marketplace[@]}") ms (Development), $(wall "${deployed[@]}") ms (Production, as deployed), empty ASP.NET Core app $(wall "${empty[@]}") ms"
echo "CPU time to the first 200, median of $runs: marketplace $(cpu "${marketplace[@]}") ms (Development), $(cpu "${deployed[@]}") ms (Production), empty ASP.NET Core app $(cpu "${empty[@]}") ms"
echo "like for like (both ReadyToRun composite), median of $runs: empty app composite $(wall "${empty_composite[@]}") ms wall, $(cpu "${empty_composite[@]}") ms CPU; marketplace/empty composite CPU $(awk -v a="$(cpu "${marketplace[@]}")" -v b="$(cpu "${empty_composite[@]}")" 'BEGIN {printf "%.2f", a / b}')x, wall $(awk -v a="$(wall "${marketplace[@]}")" -v b="$(wall "${empty_composite[@]}")" 'BEGIN {printf "%.2f", a / b}')x"
