#!/usr/bin/env bash
# Installs the anchor bots' packages (versions pinned in each package.json / package-lock.json).
set -euo pipefail
cd "$(dirname "$0")"
for bot in botbuilder agents; do
    (cd "$bot" && npm ci --no-audit --no-fund)
done
