#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Three chat-server nodes of one cluster behind HAProxy, on this machine's loopback, for trying
# a cluster out (docs/CLUSTER.md): a PostgreSQL and a redis-server of the script's own (nothing
# already running is used; PostgreSQL runs as the postgres user), the nodes, and HAProxy
# spreading connections over the nodes that are ready (/readyz). Prints the address to connect
# to; Ctrl-C stops everything and removes what it made.
#   scripts/run-cluster.sh [BUILD_DIR]        (default: build/release, else build/dev)
# Needs the Debian packages postgresql, redis-server and haproxy.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=loopback.sh
source "$here/loopback.sh"

if [[ -z ${CHAT_TEST_POSTGRESQL_URL:-} ]]; then
    build=${1:-}
    if [[ -z $build ]]; then
        build=$root/build/release
        [[ -x $build/server/chat-server ]] || build=$root/build/dev
    fi
    build=$(cd "$build" && pwd)
    [[ -x $build/server/chat-server ]] || {
        echo "FAIL: no chat-server in $build (cmake --build --preset release)" >&2
        exit 1
    }
    for program in redis-server haproxy; do
        command -v "$program" >/dev/null || {
            echo "FAIL: $program is missing (Debian package $program)" >&2
            exit 1
        }
    done
    export CHAT_CLUSTER_BUILD=$build
    exec "$root/tests/store/with-postgres.sh" "$here/run-cluster.sh"
fi

build=$CHAT_CLUSTER_BUILD
work=$(mktemp -d /tmp/chat-cluster.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 0' INT TERM

# Waits for a listener on port, or gives up with the end of every log.
listening() {
    wait_for_port "$1" || {
        echo "FAIL: nothing listens on port $1; the logs end:" >&2
        tail -n 5 "$work"/*.log >&2
        exit 1
    }
}

start_redis "$work/redis.log" || listening "$redis_port"
pids+=("$redis_pid")

# The first node makes the schema and the hall of the new database; the others follow it.
servers=""
for n in 1 2 3; do
    port=$(free_port)
    metrics=$(free_port)
    "$build/server/chat-server" --port "$port" --bind 127.0.0.1 --irc-port 0 --web-port 0 \
        --database "$CHAT_TEST_POSTGRESQL_URL" --cluster "redis://127.0.0.1:$redis_port" \
        --node-name "node$n" --metrics-address "127.0.0.1:$metrics" \
        --proxy-from 127.0.0.1 >"$work/node$n.log" 2>&1 &
    pids+=($!)
    # The metrics port opens after the chat port: a probe of the chat port from loopback, which
    # the node trusts for PROXY headers, would be logged as a connection without its header.
    listening "$metrics"
    servers+="    server node$n 127.0.0.1:$port send-proxy-v2 check port $metrics inter 1s fall 2 rise 1"$'\n'
done

# Every connection reaches a node from HAProxy's address; with send-proxy-v2 it starts with a
# PROXY header naming the person's address, which the nodes believe from HAProxy's address
# (--proxy-from) alone, so their per-address limits and the logs count people, not HAProxy.
# HAProxy's stick table limits a person's connections across all the nodes.
front=$(free_port)
cat >"$work/haproxy.cfg" <<EOF
global
    maxconn 4096
defaults
    mode tcp
    timeout connect 5s
    timeout client 1h
    timeout server 1h
frontend chat
    bind 127.0.0.1:$front
    stick-table type ip size 100k expire 60s store conn_cur
    tcp-request connection track-sc0 src
    tcp-request connection reject if { sc_conn_cur(0) gt 16 }
    default_backend nodes
backend nodes
    balance leastconn
    option httpchk GET /readyz
    http-check expect status 200
$servers
EOF
haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
pids+=($!)
listening "$front"

echo "A cluster of three nodes is running behind HAProxy: connect to 127.0.0.1:$front"
echo "  (nc 127.0.0.1 $front, or the desktop client). Logs: $work. Ctrl-C stops it."
wait "${pids[-1]}"
