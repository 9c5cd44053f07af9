#!/usr/bin/env bash
# Validates the Teams app manifest offline: bundled v1.30 JSON schema (ajv), `atk validate`, icons, and
# negative fixtures that must be rejected. Run from anywhere: bash tools/manifest/validate.sh [filled-manifest.json]
# Needs node + npm; installs the pinned tools from package-lock.json on first use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
manifest_arg=()
if [ "$#" -gt 0 ]; then manifest_arg=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"); fi
cd "$here"

command -v node >/dev/null || { echo "validate.sh: node is required" >&2; exit 2; }
stamp=node_modules/.orderbot-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    # --ignore-scripts: a native optional dependency of the toolkit fails to build and is not needed offline.
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
fi
exec node validate.mjs "${manifest_arg[@]}"
