#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up and runs every test: the suite in a normal build, the suite again with
# AddressSanitizer and UndefinedBehaviorSanitizer, then a one-minute libFuzzer run over the
# protocol code (also under both sanitizers). Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev asan
export QT_QPA_PLATFORM=offscreen
# The test presets run four tests at once on two cores: most of a test's time is spent waiting
# on sockets, timers and the processes it starts (a run at -j2 kept the cores under half busy).
ctest --preset dev
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --preset asan
scripts/fuzz.sh "${CHAT_FUZZ_SECONDS:-60}"
echo "fuzz: 4 passed, 0 failed" # reached only when scripts/fuzz.sh passed every target
