#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Kills chat-server with SIGKILL many times in a row while writers talk, and checks after each
# restart that every line anyone was shown is still in the history, without gaps, and that the
# database passes SQLite's integrity check (tests/server/tst_durability.cpp). Builds the dev
# preset's test and server first (or uses the build that is there). Exits non-zero on the first
# failure; its seed, printed at the start, repeats the run: CHAT_DURABILITY_SEED=<seed>.
#   scripts/soak-durability.sh [cycles]        default: 100
set -euo pipefail
cycles=${1:-100}
if ! [[ $cycles =~ ^[0-9]+$ ]] || [[ $cycles -lt 1 ]]; then
    echo "usage: $0 [cycles]" >&2
    exit 2
fi
cd "$(dirname "$0")/.."
if [[ ! -f build/dev/CMakeCache.txt ]]; then
    cmake --preset dev >/dev/null
fi
cmake --build --preset dev --target tst_durability chat-server
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="chat.server.info=false" LC_ALL=C.UTF-8
CHAT_DURABILITY_CYCLES=$cycles exec build/dev/tests/server/tst_durability
