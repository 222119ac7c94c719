#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Saves what a person sees of the desktop client into docs/screenshots/: the login window in
# English and Chinese, a login error, the chat window after two people talked, three rooms and a
# private conversation with what is unread, the marker line (under it a script's note), the dark theme (these three in
# English and Chinese), the chat window after a dropped connection came back (what was missed under a divider), the question about
# a self-signed TLS certificate, and (in English and Chinese) the login window asking for the
# password of a registered nickname, a room's owner, operators, muted and away people in the
# people list, and its context menu; and the rules and bans dialogs of a room (the bans and the
# exemptions from them), as its owner sees them, and the question before the owner steps down.
# Starts a chat-server and the client's windows on a private Xvfb display.
#   scripts/screenshots.sh [build directory]      (default: build/client)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/client}
out=$root/docs/screenshots

if [[ ! -x $build/server/chat-server || ! -x $build/tests/client/chat-client-screenshots ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
    cmake --build "$build" -j2 --target chat-server chat-client-screenshots
fi

workdir=$(mktemp -d)
cleanup() {
    [[ -n ${server_pid:-} ]] && kill "$server_pid" 2>/dev/null || true
    [[ -n ${xvfb_pid:-} ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$workdir"
}
trap cleanup EXIT

"$build/server/chat-server" --port 0 --irc-port 0 --web-port 0 --data-dir "$workdir/data" >"$workdir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
    port=$(grep -o 'port [0-9]*' "$workdir/server.log" | head -n1 | cut -d' ' -f2 || true)
    [[ -n $port ]] && break
    sleep 0.1
done
[[ -n ${port:-} ]] || { echo "chat-server did not start:" >&2; cat "$workdir/server.log" >&2; exit 1; }

# -displayfd lets Xvfb pick a free display and tell us which one it took.
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$workdir/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 50); do
    [[ -s $workdir/display ]] && break
    sleep 0.1
done
display=:$(cat "$workdir/display")

mkdir -p "$out"
# A settings folder of its own, so the pictures never show a developer's last nickname.
DISPLAY=$display QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME=$workdir/config LC_ALL=C.UTF-8 \
    "$build/tests/client/chat-client-screenshots" "127.0.0.1:$port" "$out"
echo "screenshots in $out"
