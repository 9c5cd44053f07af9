#!/usr/bin/env bash
# End to end through Microsoft 365 Agents Playground (offline): starts the bot (sandbox suppliers, a fresh SQLite
# file, the sandbox pushing Ingram events as in the README's recipe, polling within 5 s for Schneider
# (Alerts:NoticeWithin), Ingram availability windows off so the run does not depend on the hour), starts the Playground on :56150, runs e2e.mjs, stops both. Exit code of e2e.mjs.
#   bash tools/playground/run.sh [--alerts]
#   PLAYGROUND_SCRIPT=screenshots.mjs bash tools/playground/run.sh   (browser screenshots into docs/images; needs
#   Debian's chromium and playwright-core on NODE_PATH — see docs/images/README.md)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/orderbot-e2e.XXXXXX)
cd "$here"
[ -d node_modules/@microsoft/m365agentsplayground ] || npm ci --ignore-scripts --no-audit --no-fund >/dev/null

dotnet build "$root/src/OrderBot" -v q -nologo >/dev/null
Storage__Sqlite__Path="$work/orderbot.db" Suppliers__Ingram__EnforceAvailability=false Sandbox__Ingram__EnforceAvailability=false Alerts__NoticeWithin=00:00:05 Alerts__DeliveryInterval=00:00:01 \
    dotnet run --no-build --project "$root/src/OrderBot" -- --urls http://127.0.0.1:3978 >"$work/bot.log" 2>&1 &
bot=$!
TEAMSAPPTESTER_BROWSER=none node node_modules/@microsoft/m365agentsplayground/cli.js \
    --app-endpoint http://127.0.0.1:3978/api/messages --channel-id msteams --port 56150 --disable-telemetry \
    >"$work/playground.log" 2>&1 &
playground=$!
cleanup() { kill "$bot" "$playground" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 120); do
    curl -sf http://127.0.0.1:3978/healthz >/dev/null 2>&1 && curl -sf http://127.0.0.1:56150/_internal/v1/config >/dev/null 2>&1 && break
    sleep 0.5
done
status=0
node "${PLAYGROUND_SCRIPT:-e2e.mjs}" http://127.0.0.1:56150 "$@" || status=$?
if [ "$status" -ne 0 ]; then echo "--- bot log ($work/bot.log) ---"; tail -n 40 "$work/bot.log"; fi
exit "$status"
