#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs workloads W1-W4 of docs/PERFORMANCE.md against chat-server, the bare C relay built next
# to it (bench-relay: the physical limit of this machine), Debian's ngIRCd and Debian's
# InspIRCd, one fresh server per run, all on loopback, interleaved: each round runs every
# server once. Prints every run, then per server the median of the rounds and the median of the
# per-round ratios (chat-server over each of the others). Builds nothing: give it a Release
# build directory, e.g.
#   cmake --preset release && cmake --build --preset release
#   bench/compare.sh build/release [--quick] [--only W1,W3] [--runs N] [--timeout S]
#                    [--servers chat,chatirc,relay,ngircd,inspircd] [--chat-server PATH]
#                    [--baseline PATH] [--no-syscalls]
# --chat-server runs another chat-server binary; --baseline adds one more server to every
# round, "base", another chat-server binary (an older build: a before/after table whose two
# sides ran side by side); with --baseline, "baseirc" in --servers runs it over IRC as well
# (beside chatirc).
# Unless --no-syscalls, one more round per workload counts each server's system calls with
# perf stat (tracing costs a little per call, so the CPU figures come from untraced rounds).
set -euo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [--quick] [--only W1,W2,W3,W4] [--runs N] [--timeout SECONDS]" \
         "[--servers chat,chatirc,relay,ngircd,inspircd,baseirc] [--chat-server PATH] [--baseline PATH]" \
         "[--no-syscalls]" >&2
    exit 2
}
[[ $# -ge 1 ]] || usage
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../scripts/loopback.sh
source "$here/../scripts/loopback.sh"
build=$(cd "$1" && pwd); shift
quick=0; only="W1,W2,W3,W4"; timeout=180; runs=3; servers="chat,chatirc,relay,ngircd,inspircd"
server=$build/server/chat-server; syscalls=1; baseline=
while [[ $# -gt 0 ]]; do
    case $1 in
        --quick) quick=1 ;;
        --only) only=$2; shift ;;
        --timeout) timeout=$2; shift ;;
        --runs) runs=$2; shift ;;
        --servers) servers=$2; shift ;;
        --chat-server) server=$2; shift ;;
        --baseline) baseline=$2; servers="$servers,base"; shift ;;
        --no-syscalls) syscalls=0 ;;
        *) usage ;;
    esac
    shift
done

bench=$build/bench/chat-bench
relay=$build/bench/bench-relay
[[ -x $bench && -x $server && -x $relay ]] || { echo "no chat-bench, chat-server or bench-relay in $build" >&2; exit 2; }
ngircd=$(command -v ngircd || true)
inspircd=$(command -v inspircd || true)
if [[ ,$servers, == *,baseirc,* && -z $baseline ]]; then
    echo "baseirc runs the --baseline binary over IRC: give --baseline PATH" >&2; exit 2
fi
if [[ ,$servers, == *,ngircd,* && -z $ngircd ]]; then
    echo "ngircd is not installed: apt-get install ngircd (Debian starts it on 6667; systemctl disable --now ngircd)" >&2; exit 2
fi
if [[ ,$servers, == *,inspircd,* && -z $inspircd ]]; then
    echo "inspircd is not installed: apt-get install inspircd (Debian starts it on 6667; systemctl disable --now inspircd)" >&2; exit 2
fi
if [[ $syscalls == 1 ]] && ! command -v perf >/dev/null; then
    echo "perf is not installed: no system call counts (apt-get install linux-perf)" >&2; syscalls=0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Fixed ports for the servers that cannot say which port they got; out of the range of
# outgoing connections' ports, which a round's clients would otherwise hold for the next.
irc_port=$(free_port)
insp_port=$(free_port)
chat_irc_port=$(free_port) # chatirc: chat-server driven over its IRC front end
base_irc_port=$(free_port) # baseirc: the baseline driven over its IRC front end
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
# InspIRCd: fake lag off and a command rate no sender reaches (millicommands per second),
# so no penalty ever applies; no per-address limits, no DNS or ident, send queues far above
# what a run queues, a MOTD (without one the 422 reply would count as an error).
echo bench > "$work/motd.txt"
cat > "$work/inspircd.conf" <<CONF
<server name="bench.irc" description="chat-bench comparison" network="bench">
<admin name="bench" nick="bench" email="bench@localhost">
<bind address="127.0.0.1" port="$insp_port" type="clients">
<connect name="bench" allow="*" timeout="60" pingfreq="600" hardsendq="16M" softsendq="64K"
         recvq="64K" threshold="1000000" commandrate="2000000000" fakelag="no"
         localmax="100000" globalmax="100000" limit="100000" maxchans="100"
         resolvehostnames="no" useident="no">
<channels users="100" opers="100">
<files motd="$work/motd.txt">
<pid file="$work/inspircd.pid">
<performance somaxconn="4096" softlimit="20000" clonesonconnect="no" quietbursts="yes">
<options syntaxhints="no">
<security hideserver="" userstats="Pu">
<log method="file" type="* -USERINPUT -USEROUTPUT" level="sparse" target="$work/inspircd.log">
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

# chat-server keeps its hardening limits; only those a workload must exceed are raised, and
# only as far as needed: every client comes from 127.0.0.1 (--exempt-loopback lifts the
# per-address cap of 16 for loopback only), and each sender sends up to --window lines at once
# and keeps that rate up (flood pacing allows 10 at once, then 5/s: raised to 100 at once and
# 100,000/s). --max-connections (10,000 by default) is raised to 10,100 so W4 is not at the
# edge. The output cap (256 KiB) and the presence limit (200) stay at their defaults.
chat_opts="--port 0 --irc-port 0 --web-port 0 --bind 127.0.0.1 --exempt-loopback --flood-burst 100 --flood-rate 100000 \
--max-connections 10100"

# The value of a number or boolean key in chat-bench's one-line JSON.
get() { grep -o "\"$2\":[^,}]*" <<<"$1" | head -1 | cut -d: -f2; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a <= 0 || b <= 0) print "-"; else printf "%.2f", a / b }'; }
sum() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-") print "-"; else print a + b }'; }
fmt() { awk -v v="$1" -v d="$2" 'BEGIN { if (v == "" || v < 0) print "-"; else printf "%.*f", d, v }'; }
# The median of the numbers given (ignoring "-"); "-" when there are none.
median() {
    printf '%s\n' "$@" | grep -v '^-*$' | sort -g |
        awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# One run of workload $1 against server $2; extra chat-bench arguments follow. Prints the JSON.
run() {
    local w=$1 name=$2; shift 2
    local args=${workloads[$w]}
    # shellcheck disable=SC2086
    case $name in
        chat) QT_LOGGING_RULES="chat.server.info=false" "$bench" --json --timeout "$timeout" \
                  $args "$@" --server-cmd "$server $chat_opts" || true ;;
        # The same server, driven in IRC by the same client code as ngIRCd and InspIRCd.
        chatirc) QT_LOGGING_RULES="chat.server.info=false" "$bench" --json --timeout "$timeout" \
                     $args "$@" --protocol irc --port "$chat_irc_port" \
                     --server-cmd "$server ${chat_opts/--irc-port 0/--irc-port $chat_irc_port}" || true ;;
        base) QT_LOGGING_RULES="chat.server.info=false" "$bench" --json --timeout "$timeout" \
                  $args "$@" --server-cmd "$baseline $chat_opts" || true ;;
        baseirc) QT_LOGGING_RULES="chat.server.info=false" "$bench" --json --timeout "$timeout" \
                     $args "$@" --protocol irc --port "$base_irc_port" \
                     --server-cmd "$baseline ${chat_opts/--irc-port 0/--irc-port $base_irc_port}" || true ;;
        relay) "$bench" --json --timeout "$timeout" $args "$@" --protocol irc \
                   --server-cmd "$relay --port 0" || true ;;
        # ngIRCd's listen backlog is small: more than a few connections waiting for accept()
        # and the kernel drops SYNs, which costs a second each.
        ngircd) "$bench" --json --timeout "$timeout" $args "$@" --protocol irc \
                    --connect-batch 8 --port "$irc_port" \
                    --server-cmd "$ngircd -n -f $work/ngircd.conf" || true ;;
        inspircd) "$bench" --json --timeout "$timeout" $args "$@" --protocol irc \
                      --port "$insp_port" \
                      --server-cmd "$inspircd --nofork --runasroot --config=$work/inspircd.conf" || true ;;
    esac
}

row_format='%-3s %-8s %-4s %8s %8s %11s %8s %9s %5s %7s %8s %8s %6s %8s %8s %10s %6s\n'
row() { # workload server run json
    local json=$4
    printf "$row_format" "$1" "$2" "$3" \
        "$(fmt "$(get "$json" loginSeconds)" 3)" "$(fmt "$(get "$json" readySeconds)" 3)" \
        "$(fmt "$(get "$json" linesPerSecond)" 0)" "$(fmt "$(get "$json" p50Ms)" 2)" \
        "$(fmt "$(get "$json" p99Ms)" 2)" "$(get "$json" lost)" \
        "$(sum "$(get "$json" duplicated)" "$(get "$json" reordered)")" \
        "$(get "$json" serverPeakKiB)" "$(fmt "$(get "$json" serverKiBPerClient)" 2)" \
        "$(fmt "$(get "$json" serverCpuSeconds)" 2)" "$(fmt "$(get "$json" serverCpuUsPerLine)" 3)" \
        "$(fmt "$(get "$json" syscallsPerLine)" 4)" "$(fmt "$(get "$json" sendCallsPerLine)" 4)" \
        "$(fmt "$(get "$json" serverIdleCpuPercent)" 2)"
}

IFS=, read -r -a names <<<"$servers"
echo "chat-server: $server $chat_opts"
[[ -z $baseline ]] || echo "base: $baseline"
echo "load $(uptime | sed 's/.*load average/load average/'); $runs rounds per workload"
printf "$row_format" load server run login ready lines/s p50ms p99ms lost dup+reo peakKiB \
    KiB/conn cpu_s us/line sys/line sends/line idle%
for w in W1 W2 W3 W4; do
    [[ ,$only, == *,$w,* ]] || continue
    declare -A results=()
    for ((r = 1; r <= runs; ++r)); do
        for name in "${names[@]}"; do
            json=$(run "$w" "$name")
            results[$name.$r]=$json
            if [[ -z $json ]]; then echo "$w  $name $r: no result"; continue; fi
            row "$w" "$name" "$r" "$json"
            if [[ $(get "$json" timedOut) == true ]]; then
                # Shown, but no figure of a run that did not finish goes into a median.
                echo "    $name timed out after ${timeout}s: left out of the medians"
                results[$name.$r]=
            fi
        done
    done
    # System calls per line from a round of their own, with perf attached while messages flow.
    # W4 sends one message: nothing to count per line.
    if [[ $syscalls == 1 && $w != W4 ]]; then
        for name in "${names[@]}"; do
            json=$(run "$w" "$name" --syscalls)
            results[$name.sys]=$json
            [[ -n $json ]] && row "$w" "$name" "sys" "$json"
        done
    fi
    echo "  $w medians of $runs rounds (sys/line and sends/line from the traced round):"
    for name in "${names[@]}"; do
        med() {
            local values=() r
            for ((r = 1; r <= runs; ++r)); do values+=("$(get "${results[$name.$r]:-}" "$1")"); done
            median "${values[@]}"
        }
        printf "$row_format" "$w" "$name" med \
            "$(fmt "$(med loginSeconds)" 3)" "$(fmt "$(med readySeconds)" 3)" \
            "$(fmt "$(med linesPerSecond)" 0)" "$(fmt "$(med p50Ms)" 2)" "$(fmt "$(med p99Ms)" 2)" \
            "$(med lost)" "$(sum "$(med duplicated)" "$(med reordered)")" "$(med serverPeakKiB)" \
            "$(fmt "$(med serverKiBPerClient)" 2)" "$(fmt "$(med serverCpuSeconds)" 2)" \
            "$(fmt "$(med serverCpuUsPerLine)" 3)" \
            "$(fmt "$(get "${results[$name.sys]:-}" syscallsPerLine)" 4)" \
            "$(fmt "$(get "${results[$name.sys]:-}" sendCallsPerLine)" 4)" \
            "$(fmt "$(med serverIdleCpuPercent)" 2)"
    done
    for mine in chat chatirc baseirc; do
        [[ ,$servers, == *,$mine,* ]] || continue
        for other in "${names[@]}"; do
            [[ $other == chat || $other == chatirc || $other == "$mine" ]] && continue
            # baseirc is compared with the IRC servers, and chatirc with it.
            [[ $other == baseirc && $mine != chatirc ]] && continue
            [[ $mine == baseirc && $other == base ]] && continue
            # Ratios within each round, then their median: the servers of one round ran side by side.
            per_round() {
                local values=()
                for ((r = 1; r <= runs; ++r)); do
                    values+=("$(ratio "$(get "${results[$mine.$r]:-}" "$1")" "$(get "${results[$other.$r]:-}" "$1")")")
                done
                echo "$(median "${values[@]}") (${values[*]})"
            }
            echo "    $mine/$other: cpu us/line $(per_round serverCpuUsPerLine)," \
                 "lines/s $(per_round linesPerSecond), p99 $(per_round p99Ms)," \
                 "ready $(per_round readySeconds), KiB/conn $(per_round serverKiBPerClient)"
        done
    done
done
