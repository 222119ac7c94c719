#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs test programs against a PostgreSQL of their own: initdb in a temporary folder, the
# server on 127.0.0.1 on a free port (its socket in that folder too), one database, its URL in
# CHAT_TEST_POSTGRESQL_URL; then stops it and removes everything, also when a test fails or
# the run is interrupted. Never uses a PostgreSQL already running on the machine.
#   tests/store/with-postgres.sh PROGRAM...     each program runs in turn; fails if one fails
# PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
set -euo pipefail
# shellcheck source=../../scripts/loopback.sh
source "$(cd "$(dirname "$0")/../../scripts" && pwd)/loopback.sh"

if (($# == 0)); then
    echo "usage: $0 PROGRAM..." >&2
    exit 2
fi

# Debian keeps the server's programs out of PATH, under the major version.
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z $bin || ! -x $bin/initdb || ! -x $bin/pg_ctl ]]; then
    echo "FAIL: PostgreSQL's server programs (initdb, pg_ctl) are missing; install the Debian" \
        "package postgresql (scripts/setup.sh does)" >&2
    exit 1
fi

as_server=()
if [[ $(id -u) -eq 0 ]]; then
    as_server=(runuser -u postgres --)
fi

dir=$(mktemp -d /tmp/chat-postgres.XXXXXX)
cleanup() {
    if [[ -f $dir/data/postmaster.pid ]]; then
        "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}
trap cleanup EXIT
# A test runs in the background so that a signal is handled at once (bash would wait for a
# foreground program first): it is stopped, then the server (EXIT).
child=
trap '[[ -n $child ]] && kill "$child" 2>/dev/null; exit 130' INT TERM

# A password with characters a URL must escape, so that the tests cover its decoding.
user=chat
password='pg:secret@test/1'
password_in_url='pg%3Asecret%40test%2F1'
database=chat_test
printf '%s\n' "$password" >"$dir/password"
mkdir "$dir/socket"
if ((${#as_server[@]})); then
    chown -R postgres: "$dir"
fi
chmod 700 "$dir"

"${as_server[@]}" "$bin/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/password" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    echo "FAIL: initdb failed" >&2
    exit 1
}

# A free port: one nothing answers on, and that the server then takes (another may be
# quicker in between: then the next one). fsync=off: a cluster thrown away at the end has
# nothing to keep across a crash, and the machine's disk is spared (the store still sets
# synchronous_commit as it would).
started=
for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$(free_port)
    if "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c fsync=off" start >/dev/null; then
        started=1
        break
    fi
done
if [[ -z $started ]]; then
    cat "$dir/server.log" >&2 2>/dev/null || true
    echo "FAIL: PostgreSQL did not start" >&2
    exit 1
fi

PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -q \
    -v ON_ERROR_STOP=1 -c "CREATE DATABASE $database" >/dev/null

export CHAT_TEST_POSTGRESQL_URL="postgresql://$user:$password_in_url@127.0.0.1:$port/$database"
status=0
for program in "$@"; do
    echo "== $program on PostgreSQL (127.0.0.1:$port/$database)"
    "$program" &
    child=$!
    wait "$child" || status=1
    child=
done
exit $status
