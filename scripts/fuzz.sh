#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the "fuzz" preset and fuzzes the protocol library for a while (default 60 seconds).
# The fuzzer works on a copy of tests/fuzz/corpus, so a run never changes the committed seeds;
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
cp -r tests/fuzz/corpus "$work/corpus"
echo "fuzzing for ${seconds}s; corpus copy in $work/corpus"
status=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$root/build/fuzz/tests/fuzz/fuzz_protocol" "$work/corpus" \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/" || status=$?
if [[ $status -ne 0 ]]; then
    echo "fuzz_protocol failed with status $status ; reproducer in $work (run fuzz_protocol <file>)" >&2
fi
exit $status
