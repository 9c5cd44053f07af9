#!/usr/bin/env bash
# The three-instance topology on this machine WITHOUT Docker: PostgreSQL and Redis from Debian packages on loopback
# (as .ci/run starts them) and three `dotnet` OrderBot instances sharing them, all on ONE pair of supplier sandboxes
# (instance 1 hosts them; instances 2 and 3 are pointed at them), so the three really spend one Ingram budget.
#
#   deploy/run-local.sh services   # PostgreSQL + Redis only; prints ORDERBOT_BENCH_* for the `scaleout` bench
#   deploy/run-local.sh up         # services + build + three instances; waits for each /readyz
#   deploy/run-local.sh status     # what runs, and each instance's /readyz
#   deploy/run-local.sh down       # stops everything this script started (by its pid files)
#
# Ports (override with the variables): instances 4101-4103 (ORDERBOT_LOCAL_PORT), sandboxes 4111 (Schneider) and
# 4112 (Ingram), PostgreSQL 55442, Redis 56389. Nothing listens beyond 127.0.0.1. State in ORDERBOT_LOCAL_DIR.
# Authentication is off (no MicrosoftAppId): point the Agents Playground or `curl` at one instance's /api/messages.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${ORDERBOT_LOCAL_DIR:-/tmp/orderbot-local}
port=${ORDERBOT_LOCAL_PORT:-4101}
schneider_port=${ORDERBOT_LOCAL_SCHNEIDER_PORT:-4111}
ingram_port=${ORDERBOT_LOCAL_INGRAM_PORT:-4112}
pg_port=${ORDERBOT_LOCAL_PGPORT:-55442}
redis_port=${ORDERBOT_LOCAL_REDISPORT:-56389}
mkdir -p "$dir"

log() { printf '[run-local] %s\n' "$*"; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
postgres_cs() { echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

services() {
    if [ -z "$(pg_bin)" ] || ! command -v redis-server >/dev/null 2>&1; then
        log "installing PostgreSQL and redis-server from Debian packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq postgresql redis-server >/dev/null
    fi
    local pgbin; pgbin=$(pg_bin)
    if [ ! -f "$dir/pg/PG_VERSION" ]; then
        mkdir -p "$dir/pg"
        chown postgres:postgres "$dir/pg" 2>/dev/null || true
        as_pg "$pgbin/initdb" -D "$dir/pg" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    if ! as_pg "$pgbin/pg_ctl" -D "$dir/pg" status >/dev/null 2>&1; then
        log "starting PostgreSQL on 127.0.0.1:$pg_port"
        as_pg "$pgbin/pg_ctl" -D "$dir/pg" -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $dir/pg -c max_connections=200" \
            -l "$dir/pg/server.log" -w start >/dev/null
    fi
    if ! redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
        log "starting Redis on 127.0.0.1:$redis_port"
        mkdir -p "$dir/redis"
        redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$dir/redis" \
            --daemonize yes --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log"
        for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    fi
    psql_exists=$(as_pg psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='orderbot'" 2>/dev/null || true)
    [ "$psql_exists" = 1 ] || as_pg psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE orderbot" >/dev/null
    echo "export ORDERBOT_BENCH_POSTGRES='$(postgres_cs)'"
    echo "export ORDERBOT_BENCH_REDIS='127.0.0.1:$redis_port'"
}

instance() {
    local n=$1 http=$((port + $1 - 1))
    local common=(
        "--urls=http://127.0.0.1:$http" "--contentRoot=$dir/instance-$n"
        "--Storage:PostgreSql=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=orderbot"
        "--ConnectionStrings:Redis=127.0.0.1:$redis_port"
    )
    local suppliers
    if [ "$n" = 1 ]; then
        # Instance 1 hosts the sandboxes on fixed loopback ports (the client is pointed at them automatically).
        suppliers=("--Sandbox:Schneider:Port=$schneider_port" "--Sandbox:Ingram:Port=$ingram_port")
    else
        # The others call instance 1's sandboxes with the sandbox's own credentials: one Ingram, one budget.
        suppliers=(
            "--Suppliers:Ingram:BaseUrl=http://127.0.0.1:$ingram_port/" "--Suppliers:Ingram:ClientId=orderbot-sandbox"
            "--Suppliers:Ingram:ClientSecret=orderbot-sandbox-secret" "--Suppliers:Ingram:EnforceAvailability=false"
            "--Suppliers:Ingram:CustomerNumber=20-123456" "--Suppliers:Schneider:DefaultCountry=FR"
            "--Suppliers:Ingram:TrackingUrlTemplate=http://127.0.0.1:$ingram_port/tracking/{0}"
            "--Suppliers:Schneider:BaseUrl=http://127.0.0.1:$schneider_port/v1/supply-chain/partner-order-status" "--Suppliers:Schneider:Auth=ApiKey"
            "--Suppliers:Schneider:ApiKey=sandbox-api-key" "--Suppliers:Schneider:ApiKeyHeader=apikey"
        )
    fi
    mkdir -p "$dir/instance-$n"
    nohup dotnet "$root/src/OrderBot/bin/Release/net10.0/orderbot.dll" "${common[@]}" "${suppliers[@]}" \
        >"$dir/instance-$n.log" 2>&1 &
    echo $! >"$dir/instance-$n.pid"
    for _ in $(seq 1 120); do
        curl -fsS "http://127.0.0.1:$http/readyz" >/dev/null 2>&1 && { log "instance $n ready on http://127.0.0.1:$http (pid $(cat "$dir/instance-$n.pid"))"; return; }
        alive "$dir/instance-$n.pid" || { log "instance $n exited; see $dir/instance-$n.log"; tail -n 20 "$dir/instance-$n.log"; exit 1; }
        sleep 0.5
    done
    log "instance $n not ready after 60 s; see $dir/instance-$n.log"; exit 1
}

up() {
    services >/dev/null
    log "building src/OrderBot (Release)"
    dotnet build "$root/src/OrderBot" -c Release -v q -nologo >/dev/null
    for n in 1 2 3; do
        alive "$dir/instance-$n.pid" && { log "instance $n already runs (pid $(cat "$dir/instance-$n.pid"))"; continue; }
        instance "$n"
    done
}

status() {
    for n in 1 2 3; do
        local http=$((port + n - 1))
        if alive "$dir/instance-$n.pid"; then
            echo "instance $n: pid $(cat "$dir/instance-$n.pid"), http://127.0.0.1:$http/readyz -> $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/readyz")"
        else
            echo "instance $n: not running"
        fi
    done
    redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | sed 's/^/redis: /' || echo "redis: not running"
    [ -n "$(pg_bin)" ] && as_pg "$(pg_bin)/pg_ctl" -D "$dir/pg" status 2>/dev/null | head -n 1 | sed 's/^/postgres: /' || echo "postgres: not running"
}

down() {
    for n in 3 2 1; do
        if alive "$dir/instance-$n.pid"; then kill "$(cat "$dir/instance-$n.pid")"; log "stopped instance $n"; fi
        rm -f "$dir/instance-$n.pid"
    done
    redis-cli -h 127.0.0.1 -p "$redis_port" shutdown nosave >/dev/null 2>&1 && log "stopped Redis" || true
    [ -n "$(pg_bin)" ] && [ -f "$dir/pg/PG_VERSION" ] && as_pg "$(pg_bin)/pg_ctl" -D "$dir/pg" -m fast stop >/dev/null 2>&1 && log "stopped PostgreSQL" || true
}

case "${1:-}" in
    services) services ;;
    up) up ;;
    status) status ;;
    down) down ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
esac
