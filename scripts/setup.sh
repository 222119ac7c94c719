#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages the project needs (when run as root; otherwise prints the
# command to run), then configures and builds the given CMake presets.
#   scripts/setup.sh [preset...]        default preset: dev
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    cmake ninja-build g++ clang libclang-rt-14-dev pkg-config openssl
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev libgl-dev libvulkan-dev libqt6sql6-sqlite sqlite3 libicu-dev libargon2-dev
    # the store on PostgreSQL: Qt's driver, and the server that the store_postgresql test starts
    # for itself (tests/store/with-postgres.sh; it never uses a running service)
    libqt6sql6-psql postgresql
    dpkg-dev file systemd
    # the client's tests: AppStream validation, a private D-Bus for the notifier
    appstream dbus-daemon
    # the IRC front end's test drives a real IRC client in a terminal
    irssi tmux
    redis-server
    # the browser client's test: Debian's Chromium, driven by playwright-core from npm
    chromium nodejs
    # bench/compare.sh: perf for system call counts. The IRC servers it compares with (ngircd,
    # inspircd) are not installed here: Debian starts them on port 6667, the chat server's IRC
    # port, and scripts/run-server.sh would then fail to listen.
    linux-perf
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm: Debian packages it apart from nodejs, other builds of nodejs bring their own.
command -v npm >/dev/null || missing+=(npm)
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
if [[ ! -d tests/web/node_modules ]]; then
    (cd tests/web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

presets=("$@")
((${#presets[@]})) || presets=(dev)
for preset in "${presets[@]}"; do
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
done
