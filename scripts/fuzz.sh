#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the "fuzz" preset and fuzzes the protocol library, the reader of Redis's replies, the
# PROXY protocol header and what cluster nodes read from the bus for a while (default 60 seconds
# in all).
# The fuzzer works on a copy of each target's corpus in tests/fuzz, so a run never changes the
# committed seeds;
# what it finds new, and the reproducer of any crash, stay in the temporary directory it prints.
# Exits non-zero on any crash, leak, timeout or broken property.
#   scripts/fuzz.sh [seconds]
set -euo pipefail
seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]] || [[ $seconds -lt 1 ]]; then
    echo "usage: $0 [seconds]" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

work=$(mktemp -d "${TMPDIR:-/tmp}/chat-fuzz.XXXXXX")
# Four targets share the time: the protocol (what every client sends) half; the reader of
# Redis's replies, the PROXY header (what a load balancer sends first) and the cluster's events
# (what nodes publish) a sixth each.
status=0
fuzz() { # target corpus seconds
    local target=$1 corpus=$2 time=$3
    cp -r "tests/fuzz/$corpus" "$work/$corpus"
    echo "fuzzing $target for ${time}s; corpus copy in $work/$corpus"
    local result=0
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
        "$root/build/fuzz/tests/fuzz/$target" "$work/$corpus" \
        -max_total_time="$time" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$work/$target-" || result=$?
    if [[ $result -ne 0 ]]; then
        echo "$target failed with status $result ; reproducer in $work (run $target <file>)" >&2
        status=$result
    fi
}
protocol_seconds=$(( seconds / 2 > 0 ? seconds / 2 : 1 ))
resp_seconds=$(( seconds / 6 > 0 ? seconds / 6 : 1 ))
proxy_seconds=$(( seconds / 6 > 0 ? seconds / 6 : 1 ))
cluster_seconds=$(( seconds - protocol_seconds - resp_seconds - proxy_seconds > 0 ? seconds - protocol_seconds - resp_seconds - proxy_seconds : 1 ))
fuzz fuzz_protocol corpus "$protocol_seconds"
fuzz fuzz_resp resp-corpus "$resp_seconds"
fuzz fuzz_proxy proxy-corpus "$proxy_seconds"
fuzz fuzz_cluster cluster-corpus "$cluster_seconds"
exit $status
