#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs workloads W1-W4 of docs/PERFORMANCE.md against chat-server and against Debian's ngIRCd
# (apt-get install ngircd), one fresh server per run, both on loopback, and prints a table
# with the ratios. Builds nothing: give it a Release build directory, e.g.
#   cmake --preset release && cmake --build --preset release
#   bench/compare.sh build/release [--quick] [--only W1,W3] [--timeout S]
set -euo pipefail

usage() { echo "usage: $0 BUILD_DIR [--quick] [--only W1,W2,W3,W4] [--timeout SECONDS]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
build=$(cd "$1" && pwd); shift
quick=0; only="W1,W2,W3,W4"; timeout=180
while [[ $# -gt 0 ]]; do
    case $1 in
        --quick) quick=1 ;;
        --only) only=$2; shift ;;
        --timeout) timeout=$2; shift ;;
        *) usage ;;
    esac
    shift
done

bench=$build/bench/chat-bench
server=$build/server/chat-server
ngircd=$(command -v ngircd || true)
[[ -x $bench && -x $server ]] || { echo "no chat-bench or chat-server in $build" >&2; exit 2; }
[[ -n $ngircd ]] || { echo "ngircd is not installed (apt-get install ngircd)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
irc_port=$((20000 + RANDOM % 20000))
# Flood protection off (MaxPenaltyTime = 0) and no per-address limit: every client comes
# from 127.0.0.1. No DNS, ident or PAM, so logins measure the server alone.
cat > "$work/ngircd.conf" <<CONF
[Global]
    Name = bench.irc
    Info = chat-bench comparison
    AdminInfo1 = bench
    AdminInfo2 = bench
    AdminEMail = bench@localhost
    Listen = 127.0.0.1
    Ports = $irc_port
    PidFile = $work/ngircd.pid
    MotdPhrase = bench
[Limits]
    MaxConnections = 0
    MaxConnectionsIP = 0
    MaxJoins = 0
    MaxNickLength = 30
    MaxPenaltyTime = 0
    PingTimeout = 600
    PongTimeout = 600
[Options]
    DNS = no
    Ident = no
    PAM = no
CONF

# name: chat-bench arguments. W4 stays in the login room (chat-server's hall; #hall on IRC).
declare -A workloads
if [[ $quick == 1 ]]; then
    workloads=([W1]="-n 50 --rooms 1 -s 5 -m 50 -w 8"
               [W2]="-n 300 --rooms 1 -s 5 -m 20 -w 8"
               [W3]="-n 300 --rooms 15 -s 30 -m 20 -w 8"
               [W4]="-n 1000 --rooms 0 -s 1 -m 1 --idle 2")
else
    workloads=([W1]="-n 200 --rooms 1 -s 20 -m 200 -w 8"
               [W2]="-n 2000 --rooms 1 -s 10 -m 50 -w 8"
               [W3]="-n 2000 --rooms 100 -s 200 -m 50 -w 8"
               [W4]="-n 10000 --rooms 0 -s 1 -m 1 --idle 10")
fi

# The value of a number or boolean key in chat-bench's one-line JSON.
get() { grep -o "\"$2\":[^,}]*" <<<"$1" | head -1 | cut -d: -f2; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a <= 0 || b <= 0) print "-"; else printf "%.2f", a / b }'; }
fmt() { awk -v v="$1" -v d="$2" 'BEGIN { if (v < 0) print "-"; else printf "%.*f", d, v }'; }

# chat-server keeps its hardening limits; only those a workload must exceed are raised, and
# only as far as needed: every client comes from 127.0.0.1 (--exempt-loopback lifts the
# per-address cap of 16 for loopback only), and each sender sends up to --window lines at once
# and keeps that rate up (flood pacing allows 10 at once, then 5/s: raised to 100 at once and
# 100,000/s). --max-connections (10,000 by default) is raised to 10,100 so W4 is not at the
# edge. The output cap (256 KiB) and the presence limit (200) stay at their defaults.
chat_opts="--port 0 --bind 127.0.0.1 --exempt-loopback --flood-burst 100 --flood-rate 100000 \
--max-connections 10100"

# chat-server's log line per connection would cost it CPU and fill the temporary file.
export QT_LOGGING_RULES="chat.server.info=false"
echo "chat-server options: $chat_opts"
printf '%-3s %-5s %8s %8s %8s %11s %9s %9s %6s %6s %9s %8s %6s %7s\n' \
    load server connect login ready lines/s p50ms p99ms lost dup+reo peakKiB KiB/conn cpu_s idle%
for w in W1 W2 W3 W4; do
    [[ ,$only, == *,$w,* ]] || continue
    args=${workloads[$w]}
    # shellcheck disable=SC2086
    chat=$("$bench" --json --timeout "$timeout" $args \
        --server-cmd "$server $chat_opts" || true)
    # ngIRCd's listen backlog is small: more than a few connections waiting for accept()
    # and the kernel drops SYNs, which costs a second each.
    # shellcheck disable=SC2086
    irc=$("$bench" --json --timeout "$timeout" $args --protocol irc --connect-batch 8 \
        --port "$irc_port" --server-cmd "$ngircd -n -f $work/ngircd.conf" || true)
    for pair in "chat:$chat" "ngircd:$irc"; do
        name=${pair%%:*}; json=${pair#*:}
        if [[ -z $json ]]; then echo "$w  $name: no result"; continue; fi
        printf '%-3s %-5s %8s %8s %8s %11s %9s %9s %6s %6s %9s %8s %6s %7s\n' "$w" "$name" \
            "$(fmt "$(get "$json" connectSeconds)" 3)" "$(fmt "$(get "$json" loginSeconds)" 3)" \
            "$(fmt "$(get "$json" readySeconds)" 3)" \
            "$(fmt "$(get "$json" linesPerSecond)" 0)" "$(fmt "$(get "$json" p50Ms)" 2)" \
            "$(fmt "$(get "$json" p99Ms)" 2)" "$(get "$json" lost)" \
            "$(( $(get "$json" duplicated) + $(get "$json" reordered) ))" \
            "$(get "$json" serverPeakKiB)" "$(fmt "$(get "$json" serverKiBPerClient)" 2)" \
            "$(fmt "$(get "$json" serverCpuSeconds)" 2)" "$(fmt "$(get "$json" serverIdleCpuPercent)" 2)"
        [[ $(get "$json" timedOut) == true ]] && echo "    $name timed out after ${timeout}s"
    done
    if [[ -n $chat && -n $irc ]]; then
        echo "    ratio chat/ngircd: lines/s $(ratio "$(get "$chat" linesPerSecond)" "$(get "$irc" linesPerSecond)")," \
             "p99 $(ratio "$(get "$chat" p99Ms)" "$(get "$irc" p99Ms)")," \
             "ready time $(ratio "$(get "$chat" readySeconds)" "$(get "$irc" readySeconds)")," \
             "KiB/conn $(ratio "$(get "$chat" serverKiBPerClient)" "$(get "$irc" serverKiBPerClient)")"
    fi
done
