#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The cost of keeping history, measured side by side: W1 and W3 of docs/PERFORMANCE.md against
# chat-server with its history in SQLite (durability full, a fresh database per run: every line
# committed before anyone sees it) and in memory (--database memory), interleaved, three runs
# each, and the median ratio of lines/s. Builds nothing: give it a Release build directory.
#   bench/history.sh build/release [--quick] [--runs N]
set -euo pipefail

usage() { echo "usage: $0 BUILD_DIR [--quick] [--runs N]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
build=$(cd "$1" && pwd); shift
quick=0; runs=3
while [[ $# -gt 0 ]]; do
    case $1 in
        --quick) quick=1 ;;
        --runs) runs=$2; shift ;;
        *) usage ;;
    esac
    shift
done
bench=$build/bench/chat-bench
[[ -x $bench && -x $build/server/chat-server ]] || { echo "no chat-bench or chat-server in $build" >&2; exit 2; }

declare -A workloads
if [[ $quick == 1 ]]; then
    workloads=([W1]="-n 50 --rooms 1 -s 5 -m 50 -w 8" [W3]="-n 300 --rooms 15 -s 30 -m 20 -w 8")
else
    workloads=([W1]="-n 200 --rooms 1 -s 20 -m 200 -w 8" [W3]="-n 2000 --rooms 100 -s 200 -m 50 -w 8")
fi

get() { grep -o "\"$2\":[^,}]*" <<<"$1" | head -1 | cut -d: -f2; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
export QT_LOGGING_RULES="chat.server.info=false"

printf '%-3s %-8s %4s %11s %8s %8s %6s %11s %14s\n' load history run lines/s p50ms p99ms lost commits/s "commit ms avg/max"
for w in W1 W3; do
    declare -A rates=([on]="" [off]="")
    for ((run = 1; run <= runs; ++run)); do
        for history in on off; do
            # shellcheck disable=SC2086
            json=$("$bench" --json --spawn --history "$history" ${workloads[$w]} || true)
            [[ -n $json ]] || { echo "$w $history: no result"; continue; }
            rate=$(get "$json" linesPerSecond)
            rates[$history]+="$rate "
            printf '%-3s %-8s %4s %11.0f %8.2f %8.2f %6s %11.0f %8.2f/%.1f\n' "$w" "$history" "$run" \
                "$rate" "$(get "$json" p50Ms)" "$(get "$json" p99Ms)" \
                "$(( $(get "$json" lost) + $(get "$json" duplicated) + $(get "$json" reordered) ))" \
                "$(get "$json" commitsPerSecond)" "$(get "$json" commitMeanMs)" "$(get "$json" commitMaxMs)"
        done
    done
    on=$(tr ' ' '\n' <<<"${rates[on]}" | grep . | median)
    off=$(tr ' ' '\n' <<<"${rates[off]}" | grep . | median)
    awk -v w="$w" -v a="$on" -v b="$off" 'BEGIN { printf "%s median lines/s: history on %.0f, off %.0f, ratio on/off %.2f\n", w, a, b, a / b }'
done
