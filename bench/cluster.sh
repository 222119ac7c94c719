#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The cost of a cluster, side by side in one run: workload W1 of docs/PERFORMANCE.md (200
# clients in one room, 20 senders x 200 lines, window 8) against
#   single    one chat-server on PostgreSQL, not in a cluster;
#   cluster1  one node of a cluster (PostgreSQL and Redis);
#   cluster2  two nodes of one cluster, the clients spread over both in turn, so that most
#             lines cross between the nodes through Redis.
# For each: lines/s, and CPU per delivered line of everything the chat runs on (the nodes,
# Redis, PostgreSQL), each apart and in all, measured from /proc around chat-bench's run.
# PostgreSQL and redis-server are the script's own (tests/store/with-postgres.sh starts the
# first, as the postgres user; nothing already running on the machine is used).
#   bench/cluster.sh BUILD_DIR [--runs N] [--clients N] [--senders N] [--messages N]
set -euo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [--runs N] [--clients N] [--senders N] [--messages N]" >&2
    exit 2
}

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../scripts/loopback.sh
source "$here/../scripts/loopback.sh"

# First pass: parse, then run again inside a PostgreSQL of our own.
if [[ -z ${CHAT_TEST_POSTGRESQL_URL:-} ]]; then
    (($# >= 1)) || usage
    build=$(cd "$1" && pwd)
    shift
    runs=1 clients=200 senders=20 messages=200
    while (($#)); do
        case $1 in
        --runs) runs=$2 ;;
        --clients) clients=$2 ;;
        --senders) senders=$2 ;;
        --messages) messages=$2 ;;
        *) usage ;;
        esac
        shift 2
    done
    [[ -x $build/server/chat-server && -x $build/bench/chat-bench ]] || {
        echo "FAIL: $build has no server/chat-server and bench/chat-bench" >&2
        exit 1
    }
    command -v redis-server >/dev/null || {
        echo "FAIL: redis-server is missing (Debian package redis-server)" >&2
        exit 1
    }
    export CLUSTER_BENCH="$build $runs $clients $senders $messages"
    exec "$here/../tests/store/with-postgres.sh" "$here/cluster.sh"
fi

read -r build runs clients senders messages <<<"$CLUSTER_BENCH"
url=$CHAT_TEST_POSTGRESQL_URL
pg_port=${url##*:}
pg_port=${pg_port%%/*}
work=$(mktemp -d /tmp/chat-cluster-bench.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Waits for a listener on port, or gives up.
listening() {
    wait_for_port "$1" || {
        echo "FAIL: nothing listens on port $1" >&2
        exit 1
    }
}

# User and system time of a process, in clock ticks; with its reaped children's for PostgreSQL,
# whose backends come and go.
ticks() {
    local fields
    read -r -a fields <"/proc/$1/stat" || { echo 0; return; }
    # After "pid (comm)" the fields shift: utime is field 14, stime 15, cutime 16, cstime 17.
    echo $((fields[13] + fields[14] + ${2:-0} * (fields[15] + fields[16])))
}
postgres_ticks() {
    local main total=0 child
    main=$(ss -Hltnp "sport = :$pg_port" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
    total=$(ticks "$main" 1)
    for child in $(pgrep -P "$main"); do
        total=$((total + $(ticks "$child")))
    done
    echo "$total"
}

start_redis "$work/redis.log" || listening "$redis_port"
pids+=("$redis_pid")

# Each setup starts on an empty database, as chat-bench makes its room anew.
credentials=${url#postgresql://}
credentials=${credentials%%@*}
pg_user=${credentials%%:*}
encoded=${credentials#*:}
pg_password=$(printf '%b' "${encoded//%/\\x}")
pg_database=${url##*/}
psql=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql
empty_database() {
    PGPASSWORD=$pg_password "$psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d "$pg_database" \
        -q -v ON_ERROR_STOP=1 -c "DROP SCHEMA public CASCADE" -c "CREATE SCHEMA public" \
        >/dev/null 2>&1
}

hz=$(getconf CLK_TCK)
options=(--irc-port 0 --web-port 0 --bind 127.0.0.1 --exempt-loopback --flood-burst 100
    --flood-rate 100000 --max-connections 10100 --database "$url")
echo "bench/cluster.sh: W1 = $clients clients, 1 room, $senders senders x $messages lines," \
    "window 8; PostgreSQL 127.0.0.1:$pg_port, Redis 127.0.0.1:$redis_port"
printf '%-9s %4s %12s %10s %10s %10s %10s %s\n' setup run "lines/s" "nodes µs" "redis µs" \
    "pg µs" "all µs" "(CPU per delivered line)"

run=0
for round in $(seq 1 "$runs"); do
    for setup in single cluster1 cluster2; do
        run=$((run + 1))
        nodes=1
        [[ $setup == cluster2 ]] && nodes=2
        empty_database
        ports=()
        node_pids=()
        for n in $(seq 1 "$nodes"); do
            port=$(free_port)
            extra=()
            [[ $setup != single ]] && extra=(--cluster "redis://127.0.0.1:$redis_port"
                --node-name "bench$run-$n")
            "$build/server/chat-server" --port "$port" "${options[@]}" "${extra[@]}" \
                >"$work/node$run-$n.log" 2>&1 &
            node_pids+=($!)
            pids+=($!)
            listening "$port"
            # A node of a cluster takes logins once it holds its lease, a moment after it
            # listens.
            if [[ $setup != single ]] &&
                ! wait_for_line "$work/node$run-$n.log" "holds its lease"; then
                echo "FAIL: node $n did not take its lease" >&2
                exit 1
            fi
            ports+=("$port")
        done
        more=()
        ((nodes > 1)) && more=(--more-ports "$(IFS=,; echo "${ports[*]:1}")")
        before_nodes=0
        for pid in "${node_pids[@]}"; do before_nodes=$((before_nodes + $(ticks "$pid"))); done
        before_redis=$(ticks "$redis_pid")
        before_pg=$(postgres_ticks)
        "$build/bench/chat-bench" --port "${ports[0]}" "${more[@]}" -n "$clients" --rooms 1 \
            -s "$senders" -m "$messages" -w 8 --timeout 120 --json >"$work/run$run.json"
        after_nodes=0
        for pid in "${node_pids[@]}"; do after_nodes=$((after_nodes + $(ticks "$pid"))); done
        after_redis=$(ticks "$redis_pid")
        after_pg=$(postgres_ticks)
        delivered=$(grep -o '"deliveredLines": *[0-9]*' "$work/run$run.json" | grep -o '[0-9]*$')
        rate=$(grep -o '"linesPerSecond": *[0-9.e+]*' "$work/run$run.json" | sed 's/.*: *//')
        clean=$(grep -o '"clean": *[a-z]*' "$work/run$run.json" | sed 's/.*: *//')
        per_line() { awk -v t="$1" -v hz="$hz" -v n="$delivered" 'BEGIN { printf "%.3f", t / hz * 1e6 / n }'; }
        nodes_us=$(per_line $((after_nodes - before_nodes)))
        redis_us=$(per_line $((after_redis - before_redis)))
        pg_us=$(per_line $((after_pg - before_pg)))
        all_us=$(per_line $((after_nodes - before_nodes + after_redis - before_redis + after_pg - before_pg)))
        printf '%-9s %4s %12.0f %10s %10s %10s %10s %s\n' "$setup" "$round" "$rate" "$nodes_us" \
            "$redis_us" "$pg_us" "$all_us" "$([[ $clean == true ]] || echo "NOT CLEAN: see $work/run$run.json")"
        for pid in "${node_pids[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
    done
done
