#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up (packages, release build) and starts chat-server; arguments go to the server,
# e.g. scripts/run-server.sh --port 6000 --name "Team chat". Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh release
exec build/release/server/chat-server "$@"
