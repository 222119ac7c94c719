#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A real IRC client against the built server: Debian's irssi, in tmux, joins #hall and talks
# with a person on a plain socket (as on telnet) and a program on the tagged rendering; both
# sides are checked. Then a second irssi logs in to a registered account by SASL PLAIN.
# Usage: irssi_session.sh path/to/chat-server
set -euo pipefail
server=$1
# shellcheck source=../../scripts/loopback.sh
source "$(dirname "$0")/../../scripts/loopback.sh"
for tool in irssi tmux; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (scripts/setup.sh installs it)"; exit 1; }
done

work=$(mktemp -d)
socket="irssi-test-$$"
server_pid=
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    for session in irc sasl; do
        echo "--- irssi's screen ($session):"
        tmux -L "$socket" capture-pane -p -t "$session" 2>/dev/null || true
    done
    echo "--- the server's log:"; tail -n 30 "$work/server.log"
    exit 1
}

# Free ports: the server says which it got when asked for port 0; IRC takes a free one and
# the test tries again if another program took it first.
for attempt in 1 2 3 4 5; do
    irc_port=$(free_port)
    "$server" --port 0 --irc-port "$irc_port" --web-port 0 --bind 127.0.0.1 --database memory --name irssi-test \
        >"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do
        grep -q "listening" "$work/server.log" && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    grep -q "listening" "$work/server.log" && break
    wait "$server_pid" 2>/dev/null || true
    server_pid=
done
[[ -n $server_pid ]] || fail "the server did not start"
chat_port=$(grep -o "port [0-9]*" "$work/server.log" | head -n1 | cut -d' ' -f2)
[[ -n $chat_port ]] || fail "no chat port in the log"

# Reads lines from a descriptor until one matches, within a few seconds.
expect_line() { # fd pattern what
    local line
    while IFS= read -r -t 10 -u "$1" line; do
        line=${line%$'\r'}
        [[ $line =~ $2 ]] && return 0
    done
    fail "$3: no line matching '$2'"
}
# Waits for irssi's screen to show a pattern.
expect_screen() { # pattern what [tmux session]
    for _ in $(seq 100); do
        tmux -L "$socket" capture-pane -p -t "${3:-irc}" | grep -q -- "$1" && return 0
        sleep 0.1
    done
    fail "$2: irssi never showed '$1'"
}

exec 3<>"/dev/tcp/127.0.0.1/$chat_port"
printf 'login tess\r\n' >&3
expect_line 3 "You have entered hall" "tess logs in"
exec 4<>"/dev/tcp/127.0.0.1/$chat_port"
printf 'set tagged on\r\nlogin prog\r\n' >&4
expect_line 4 "^users " "prog logs in"

# irssi's windows stay after it quits: otherwise the first /quit ends the last session, tmux's
# server exits with it, and the next new-session may reach that server while it goes away
# ("server exited unexpectedly", seen with tests running four at a time). A config of its own
# also keeps the user's out.
printf 'set -g remain-on-exit on\n' >"$work/tmux.conf"
mkdir -p "$work/irssi"
tmux -L "$socket" -f "$work/tmux.conf" new-session -d -s irc -x 160 -y 40 \
    "TERM=screen irssi --home='$work/irssi' -c 127.0.0.1 -p $irc_port -n ircy"
expect_line 3 "ircy has entered" "tess sees irssi arrive"
expect_line 4 "^join .* hall ircy$" "prog sees irssi arrive"
# irssi opened #hall's window by itself, behind the status window; /join shows it.
tmux -L "$socket" send-keys -t irc "/join #hall" Enter
expect_screen "\[#hall" "irssi shows #hall"
tmux -L "$socket" send-keys -t irc "hello from irssi" Enter
expect_line 3 "^ircy: hello from irssi$" "tess reads irssi"
expect_line 4 "^message .* hall [0-9]+ ircy hello\\\\sfrom\\\\sirssi$" "prog reads irssi"

printf 'hi ircy, tess here\r\n' >&3
expect_screen "hi ircy, tess here" "irssi reads tess"
printf 'say #hall a program speaks\r\n' >&4
expect_screen "a program speaks" "irssi reads prog"
printf 'msg ircy a secret\r\n' >&3
# irssi shows a private message in a window of its own.
tmux -L "$socket" send-keys -t irc "/window goto tess" Enter
expect_screen "a secret" "irssi reads a private message"
tmux -L "$socket" send-keys -t irc "/msg tess a secret back" Enter
expect_line 3 "^\\*ircy\\* a secret back$" "tess reads irssi's private answer"
tmux -L "$socket" send-keys -t irc "/window goto #hall" Enter

tmux -L "$socket" send-keys -t irc "/me waves" Enter
expect_line 3 "^\\* ircy waves$" "tess sees the action"
tmux -L "$socket" send-keys -t irc "/nick ircz" Enter
expect_line 3 "ircy is now known as ircz" "tess sees the nick change"
tmux -L "$socket" send-keys -t irc "/topic all three of us" Enter
expect_line 3 "ircz changed the topic to: all three of us" "tess sees the topic"
tmux -L "$socket" send-keys -t irc "/part #hall" Enter
expect_line 3 "ircz has left the room" "tess sees irssi leave"
tmux -L "$socket" send-keys -t irc "/quit" Enter
expect_line 4 "^leave .* hall ircz" "prog saw irssi leave"

# SASL PLAIN: carol registers on telnet and leaves; irssi, set up as people set it up (a
# network with sasl_username and sasl_password), comes back to carol's account under the nick
# it was set up with.
exec 5<>"/dev/tcp/127.0.0.1/$chat_port"
printf 'login carol\r\nregister sesame-street-42\r\n' >&5
expect_line 5 "is registered" "carol registers"
printf 'logout\r\n' >&5
expect_line 4 "^leave .* hall carol" "carol leaves"
mkdir -p "$work/irssi-sasl"
cat >"$work/irssi-sasl/config" <<CONFIG
chatnets = { chat = { type = "IRC"; sasl_mechanism = "PLAIN"; sasl_username = "carol"; sasl_password = "sesame-street-42"; }; };
servers = ( { address = "127.0.0.1"; chatnet = "chat"; port = "$irc_port"; autoconnect = "yes"; use_tls = "no"; } );
settings = { core = { nick = "someone"; real_name = "Carol"; user_name = "carol"; }; };
CONFIG
tmux -L "$socket" -f "$work/tmux.conf" new-session -d -s sasl -x 160 -y 40 \
    "TERM=screen irssi --home='$work/irssi-sasl'"
expect_line 4 "^join .* hall carol$" "carol comes back by SASL"
# The others see carol as soon as the password is right; irssi, once registration is over,
# then the nick irssi asked for.
expect_screen "End of /MOTD" "irssi is welcomed after SASL" sasl
expect_line 4 "^nick .* carol someone$" "carol goes by irssi's nick"
tmux -L "$socket" send-keys -t sasl "/join #hall" Enter
expect_screen "\[#hall" "irssi shows #hall after SASL" sasl
tmux -L "$socket" send-keys -t sasl "carol by SASL" Enter
expect_line 3 "^someone: carol by SASL$" "tess reads carol under irssi's nick"
tmux -L "$socket" send-keys -t sasl "/quit" Enter
expect_line 4 "^leave .* hall someone" "carol leaves again"
echo "PASS: irssi, a telnet user and a program talked in #hall both ways; irssi logged in by SASL"
