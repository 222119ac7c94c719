#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Debian packages as an operator gets them: builds them with cpack from a build folder,
# unpacks them into a scratch root (dpkg -x: nothing is installed on this machine, and root is
# not needed), checks that every file is where docs/OPERATING.md says, then runs the unpacked
# chat-server with the packaged configuration (its data folder moved to a temporary one) and
# logs in over a socket.
#   scripts/package-test.sh [build-folder]      default: build/dev
# The suite runs it on its dev build: a release build from scratch takes longer than this test
# may (minutes on two cores), and the packaging is the same, the binaries being stripped either
# way. Exits 77 (skipped) when a tool it needs is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build/dev}")

for tool in cpack dpkg-deb dpkg-shlibdeps file; do
    if ! command -v "$tool" >/dev/null; then
        echo "package test skipped: $tool is missing (Debian packages dpkg-dev, file, cmake)"
        exit 77
    fi
done

work=$(mktemp -d)
server_pid=
cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "package test FAILED: $*" >&2
    exit 1
}

targets=(chat-server chat-server-man)
grep -q '^CHAT_BUILD_CLIENT:BOOL=ON' "$build/CMakeCache.txt" && targets+=(chat-client chat-client-man)
cmake --build "$build" --target "${targets[@]}" >/dev/null
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log"
    fail "cpack"
}

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
arch=$(dpkg --print-architecture)
root=$work/root
packages=(chat-server)
[[ " ${targets[*]} " == *" chat-client "* ]] && packages+=(chat-client)
for package in "${packages[@]}"; do
    deb=$work/out/${package}_${version}_${arch}.deb
    [[ -f $deb ]] || fail "no $(basename "$deb") in: $(ls "$work/out")"
    depends=$(dpkg-deb -f "$deb" Depends)
    [[ $depends == *libqt6core6* ]] || fail "$package: shlibdeps found no Qt in Depends: $depends"
    [[ $package != chat-server || $depends == *libqt6sql6-sqlite* ]] || fail "no SQLite driver in $depends"
    echo "$package: Depends: $depends"
    dpkg-deb -x "$deb" "$root"
done

server_deb=$work/out/chat-server_${version}_${arch}.deb
dpkg-deb -e "$server_deb" "$work/control"
grep -qx /etc/chat-server/chat-server.conf "$work/control/conffiles" || fail "the configuration is no conffile"
for script in postinst prerm postrm; do
    [[ -x $work/control/$script ]] || fail "no $script"
done

expect_files=(
    /usr/bin/chat-server
    /lib/systemd/system/chat-server.service
    /etc/chat-server/chat-server.conf
    /usr/share/man/man1/chat-server.1.gz
    /usr/share/doc/chat-server/README.md
    /usr/share/doc/chat-server/OPERATING.md
    /usr/share/doc/chat-server/SECURITY.md
    /usr/share/doc/chat-server/PROTOCOL.md
)
if [[ " ${packages[*]} " == *" chat-client "* ]]; then
    expect_files+=(
        /usr/bin/chat-client
        /usr/share/applications/org.qtchat.ChatClient.desktop
        /usr/share/icons/hicolor/scalable/apps/chat-client.svg
        /usr/share/man/man1/chat-client.1.gz
        /usr/share/doc/chat-client/CLIENT.md
    )
fi
for file in "${expect_files[@]}"; do
    [[ -f $root$file ]] || fail "missing $file"
done
[[ -x $root/usr/bin/chat-server ]] || fail "chat-server is not executable"
# Captured first: "grep -q" leaving a pipe early makes its writer fail under pipefail.
man=$(zcat "$root/usr/share/man/man1/chat-server.1.gz")
[[ $man == *'metrics\-address'* ]] || fail "the man page lacks options"
if [[ -f $root/usr/share/applications/org.qtchat.ChatClient.desktop ]]; then
    grep -q '^Name\[zh_CN\]=' "$root/usr/share/applications/org.qtchat.ChatClient.desktop" || fail "no Chinese name"
    client_version=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/chat-client" --version 2>/dev/null)
    [[ $client_version == "chat-client $version" ]] || fail "the unpacked chat-client does not run"
fi
if command -v systemd-analyze >/dev/null; then
    # The unit as it will run, but with the unpacked binary: verify looks for what it executes.
    mkdir "$work/unit"
    sed "s|/usr/bin/chat-server|$root/usr/bin/chat-server|" \
        "$root/lib/systemd/system/chat-server.service" >"$work/unit/chat-server.service"
    systemd-analyze verify --man=no "$work/unit/chat-server.service" ||
        fail "systemd-analyze verify"
fi

# The unpacked server with the packaged configuration; only the data folder (the service's
# /var/lib/chat-server) and the port (5005 may be taken here) are moved.
"$root/usr/bin/chat-server" --config "$root/etc/chat-server/chat-server.conf" \
    --data-dir "$work/data" --port 0 --irc-port 0 --web-port 0 --bind 127.0.0.1 --metrics-address 0 \
    >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
port=
metrics=
for _ in $(seq 100); do
    port=$(sed -n 's/.*listening on .* port \([0-9]*\)$/\1/p' "$work/stdout")
    metrics=$(sed -n 's/.*metrics on .* port \([0-9]*\)$/\1/p' "$work/stdout")
    [[ -n $port && -n $metrics ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/stderr"; fail "chat-server exited"; }
    sleep 0.1
done
[[ -n $port ]] || fail "chat-server did not listen: $(cat "$work/stdout" "$work/stderr")"

exec 3<>"/dev/tcp/127.0.0.1/$port"
read -r -t 5 greeting <&3 || fail "no greeting"
[[ $greeting == Welcome* ]] || fail "greeting: $greeting"
printf 'login alice\r\n' >&3
read -r -t 5 reply <&3 || fail "no answer to login"
[[ ${reply%$'\r'} == "You are logged in as alice." ]] || fail "login: $reply"
echo "login: $reply"

exec 4<>"/dev/tcp/127.0.0.1/$metrics"
printf 'GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&4
# Read up to the page's last line rather than waiting for the server to close.
: >"$work/metrics"
while read -r -t 5 line <&4; do
    echo "${line%$'\r'}" >>"$work/metrics"
    [[ $line == chat_fanout_seconds_count* ]] && break
done
grep -q '^chat_logins_total 1$' "$work/metrics" || fail "metrics: $(cat "$work/metrics")"
exec 3>&- 4>&-

kill -TERM "$server_pid"
wait "$server_pid" || fail "chat-server exited with $? after SIGTERM"
server_pid=
[[ -f $work/data/chat.db ]] || fail "no database in the data folder"
echo "package test: ${#packages[@]} packages built, unpacked and run"
