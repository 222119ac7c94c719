#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up and runs every test twice: a normal build, then one with AddressSanitizer and
# UndefinedBehaviorSanitizer. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev asan
export QT_QPA_PLATFORM=offscreen
ctest --preset dev
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --preset asan
