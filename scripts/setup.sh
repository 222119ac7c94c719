#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages the project needs (when run as root; otherwise prints the
# command to run), then configures and builds the given CMake presets.
#   scripts/setup.sh [preset...]        default preset: dev
set -euo pipefail
cd "$(dirname "$0")/.."

presets=("$@")
((${#presets[@]})) || presets=(dev)

packages=(
    cmake ninja-build g++ clang libclang-rt-14-dev lld pkg-config openssl
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev libgl-dev libvulkan-dev libqt6sql6-sqlite libsqlite3-dev sqlite3 libicu-dev libargon2-dev
    # the store on PostgreSQL (--database postgresql://...): Qt's driver
    libqt6sql6-psql
    dpkg-dev file systemd
    # bench/compare.sh: perf for system call counts. The IRC servers it compares with (ngircd,
    # inspircd) are not installed here: Debian starts them on port 6667, the chat server's IRC
    # port, and scripts/run-server.sh would then fail to listen.
    linux-perf
)
# What only the tests use, left out when only the release build is asked for
# (scripts/run-server.sh): some are services Debian starts on installing them, which someone
# who only runs the chat server has no use for.
test_packages=(
    # the server that the store_postgresql test starts for itself (tests/store/with-postgres.sh;
    # it never uses a running service)
    postgresql
    # the client's tests: AppStream validation, a private D-Bus for the notifier
    appstream dbus-daemon
    # the IRC front end's test drives a real IRC client in a terminal
    irssi tmux
    # the cluster's tests start a redis-server of their own (tests/support/RedisProcess)
    redis-server
    # the browser client's test: Debian's Chromium, driven by playwright-core from npm
    chromium nodejs
)
tests=0
for preset in "${presets[@]}"; do
    [[ $preset == release ]] || tests=1
done
((tests)) && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm: Debian packages it apart from nodejs, other builds of nodejs bring their own.
((tests)) && ! command -v npm >/dev/null && missing+=(npm)
if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "Missing Debian packages. Install them as root, then run this again:" >&2
        echo "  apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# playwright-core, at the version tests/web/package-lock.json pins (it drives the Chromium above
# and downloads no browser of its own).
if ((tests)) && [[ ! -d tests/web/node_modules ]]; then
    (cd tests/web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

for preset in "${presets[@]}"; do
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
done
