#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs irctest, the IRC conformance suite (progval/irctest), against chat-server's IRC front end,
# with the selection irctest uses for InspIRCd and ngIRCd (not implementation-specific, not
# deprecated, not strict), and optionally against ngIRCd the same way for comparison.
#   scripts/irctest.sh IRCTEST_CHECKOUT [BUILD_DIR] [--ngircd] [--shards N] [-- pytest args...]
# BUILD_DIR defaults to build/release (its server/chat-server is tested). irctest needs
# python3-pytest (Debian's 7.2); --ngircd needs Debian's ngircd. The checkout is copied to a
# temporary directory first: with pytest 7.2 the copy drops irctest's one hook that needs a
# newer pytest (it only turns some skips into failures), and the checkout is never changed.
# Each test starts its own server on loopback (scripts/irctest/chatserver.py); shards run side
# by side, since most of a run is waiting for replies that do not come. Prints each test's
# outcome and the totals; the outputs stay in the temporary directory it names.
set -euo pipefail
usage() {
    echo "usage: $0 IRCTEST_CHECKOUT [BUILD_DIR] [--ngircd] [--shards N] [-- pytest args...]" >&2
    exit 2
}
[[ $# -ge 1 ]] || usage
checkout=$(cd "$1" && pwd)
shift
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build/release
ngircd=0
shards=6
extra=()
while [[ $# -gt 0 ]]; do
    case $1 in
    --ngircd) ngircd=1 ;;
    --shards) shards=$2; shift ;;
    --) shift; extra=("$@"); break ;;
    -*) usage ;;
    *) build=$(cd "$1" && pwd) ;;
    esac
    shift
done
[[ -f $checkout/irctest/server_tests/__init__.py ]] || { echo "$checkout is not irctest" >&2; exit 2; }
[[ -x $build/server/chat-server ]] || { echo "no $build/server/chat-server: build it first" >&2; exit 2; }
python=/usr/bin/python3
$python -c 'import pytest' 2>/dev/null || { echo "needs python3-pytest (apt-get install python3-pytest)" >&2; exit 2; }
if [[ $ngircd -eq 1 ]] && ! command -v ngircd >/dev/null; then
    echo "--ngircd needs ngircd (apt-get install ngircd)" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/chat-irctest.XXXXXX")
cp -r "$checkout" "$work/irctest"
cd "$work/irctest"
if ! $python -c 'import pluggy, sys; sys.exit(0 if tuple(map(int, pluggy.__version__.split(".")[:2])) >= (1, 2) else 1)'; then
    $python - <<'PY'
text = open("conftest.py").read()
cut = text.find("@pytest.hookimpl(wrapper=True)")
if cut >= 0:
    open("conftest.py", "w").write(text[:cut])
PY
fi
find irctest/server_tests -maxdepth 1 -name '*.py' ! -name '__init__.py' | sort >"$work/modules"
find irctest/server_tests -mindepth 1 -maxdepth 1 -type d ! -name '__pycache__' | sort >>"$work/modules"

# irctest keeps the ports its servers use in a file of the temporary directory, unlocked
# unless under pytest-xdist: each shard has its own, as a file written by two at once (or left
# half-written by an earlier run) breaks every test after it. The ports themselves are found
# free by the system.
run() { # controller name
    local controller=$1 name=$2 k
    for ((k = 0; k < shards; k++)); do
        mkdir "$work/tmp.$name.$k"
        # shellcheck disable=SC2046
        TMPDIR=$work/tmp.$name.$k CHAT_SERVER=$build/server/chat-server PYTHONPATH=$root/scripts/irctest \
            timeout 3600 $python -m pytest --controller "$controller" -p no:cacheprovider -v -rfs \
            -m 'not implementation-specific and not deprecated and not strict' \
            $(awk -v k=$k -v n="$shards" 'NR % n == k' "$work/modules") "${extra[@]}" \
            >"$work/$name.$k.txt" 2>&1 &
    done
}
run chatserver chat-server
[[ $ngircd -eq 0 ]] || run irctest.controllers.ngircd ngircd
wait
status=0
for name in chat-server ngircd; do
    ls "$work/$name".*.txt >/dev/null 2>&1 || continue
    # "<test id>\t<outcome>" (an id may hold spaces).
    grep -hE ' (PASSED|FAILED|ERROR|XFAIL|SKIPPED) +\[' "$work/$name".*.txt |
        sed -E 's/ +\[ *[0-9]+%\]$//; s/ ([A-Z]+)$/\t\1/' | sort >"$work/$name.outcomes"
    echo "== $name: $(cut -f2 "$work/$name.outcomes" | sort | uniq -c | tr -s ' \n' ' ')"
    if [[ $name == chat-server ]] && cut -f2 "$work/$name.outcomes" | grep -qx FAILED; then
        status=1
    fi
done
if [[ -f $work/ngircd.outcomes ]]; then
    echo "== passed by ngIRCd, not by chat-server:"
    join -t $'\t' <(awk -F'\t' '$2 == "PASSED" {print $1}' "$work/ngircd.outcomes" | sort) \
        <(awk -F'\t' '$2 != "PASSED"' "$work/chat-server.outcomes" | sort)
fi
echo "outputs: $work"
exit $status
