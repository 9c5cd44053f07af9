#!/usr/bin/env bash
# Compiles and lints the Bicep offline (no Azure login): fetches the Bicep CLI from NuGet
# (Azure.Bicep.CommandLine.linux-x64) into a cache, builds main.bicep and main.bicepparam, fails on any warning.
# Usage: bash deploy/azure/check.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version=0.49.2
cache="${ORDERBOT_TOOLS_CACHE:-$HOME/.cache/orderbot-tools}"
bicep="$cache/packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [ ! -x "$bicep" ]; then
    # A throwaway project outside the repository, so central package management does not apply to it.
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    cat > "$work/fetch.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="Azure.Bicep.CommandLine.linux-x64" Version="$version" /></ItemGroup>
</Project>
XML
    dotnet restore "$work/fetch.csproj" --packages "$cache/packages" >/dev/null
    chmod +x "$bicep"
fi
out=$(mktemp -d)
status=0
for step in "build $here/main.bicep --outdir $out" "lint $here/main.bicep"; do
    # shellcheck disable=SC2086
    log=$("$bicep" $step 2>&1) || status=1
    if [ -n "$log" ]; then echo "$log"; status=1; fi
done
# Dummy secrets: build-params only checks the file against main.bicep's parameters.
log=$(ORDERBOT_APP_PASSWORD=x ORDERBOT_PG_PASSWORD=x INGRAM_CLIENT_SECRET=x SCHNEIDER_API_KEY=x \
    "$bicep" build-params "$here/main.bicepparam" --outfile "$out/main.parameters.json" 2>&1) || status=1
if [ -n "$log" ]; then echo "$log"; status=1; fi
rm -rf "$out"
if [ "$status" -eq 0 ]; then echo "bicep: main.bicep and main.bicepparam build clean"; fi
exit "$status"
