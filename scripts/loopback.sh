# SPDX-License-Identifier: MIT
# Sourced by the scripts that start services of their own on 127.0.0.1 (tests/store/
# with-postgres.sh, bench/cluster.sh, scripts/run-cluster.sh): free ports, waiting for a
# listener or a log line, and a redis-server that keeps nothing on disk.

# Whether nothing answers on port.
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_listens() { ! port_is_free "$1"; }

# A port nothing answers on now (another program may still take it first), below the range
# the kernel takes the local ports of outgoing connections from: a benchmark's thousands of
# client connections would otherwise hold the port a server of a later round asks for.
free_port() {
    local port low high base span
    read -r low high </proc/sys/net/ipv4/ip_local_port_range
    if ((low > 11000)); then
        base=10000 span=$((low - 10000))
    else # an unusual range: above it instead
        base=$((high + 1)) span=$((65536 - high - 1))
    fi
    ((span > 0)) || base=20000 span=40000
    while :; do
        port=$((base + RANDOM % span))
        port_is_free "$port" && { echo "$port"; return; }
    done
}

# Runs the command given until it succeeds, up to 10 s; false if it never does.
poll() {
    local _
    for _ in $(seq 1 200); do
        "$@" && return 0
        sleep 0.05
    done
    return 1
}

# Waits up to 10 s for something to listen on port; false if nothing does.
wait_for_port() { poll port_listens "$1"; }

# Waits up to 10 s for a line matching the pattern $2 (grep -E) in the log file $1; false if
# none comes (a cluster node logs "holds its lease" once it takes logins).
wait_for_line() { poll grep -qE "$2" "$1" 2>/dev/null; }

# Starts redis-server on a free port, logging to $1; sets redis_port and redis_pid. False if
# it does not listen.
start_redis() {
    redis_port=$(free_port)
    redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
        --daemonize no >"$1" 2>&1 &
    redis_pid=$!
    wait_for_port "$redis_port"
}
