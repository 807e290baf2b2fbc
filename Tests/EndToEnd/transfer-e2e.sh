#!/usr/bin/env bash
# End-to-end: the transfer lesson in a real terminal (tmux). Opens `descent learn transfer`,
# pages to the frozen-filters race, checks both runs are on screen, trains until the goal is met
# and checks that both took the same steps and the filters pane says they are frozen.
# Usage: transfer-e2e.sh <descent binary>
set -uo pipefail
BIN=${1:?usage: transfer-e2e.sh <descent binary>}
source "$(dirname "$0")/tmux-harness.sh"
fail() { echo "FAIL: $*" >&2; capture >&2 || true; exit 1; }

state=$(mktemp -d "${TMPDIR:-/tmp}/descent-state.XXXXXX")
trap 'harness_cleanup; rm -rf "$state"' EXIT

start_app 80 24 env XDG_STATE_HOME="$state" "$BIN" learn transfer
wait_for 'Transfer learning · page 1/5' || fail "learn transfer did not open the lesson"
send_keys Right Right
wait_for 'page 3/5' || fail "paging did not reach the race"
wait_for 'scratch [0-9.]+ +. transfer [0-9.]+' || fail "the accuracy legend does not show both runs"
wait_for 'Filters.*frozen' || fail "the filters pane does not say they are frozen"
send_keys 1
wait_for 'Right' || fail "the quiz did not take the answer"
send_keys Space
wait_for 'Three in four new digits' 60 || fail "training did not reach the goal"
send_keys Space
wait_for 'paused' || fail "space did not pause"
send_keys q
wait_for 'Progress' || fail "q did not return to the menu"
send_keys q
wait_dead || fail "q in the menu did not quit"
[[ $(exit_info) == "0:" ]] || fail "quit: exit was $(exit_info)"
echo "transfer e2e: passed"
