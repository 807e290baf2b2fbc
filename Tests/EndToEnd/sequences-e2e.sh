#!/usr/bin/env bash
# End-to-end: `descent learn lstm` in a real terminal (tmux) trains its lab until the goal is met,
# then m switches the lab to the plain RNN. Usage: sequences-e2e.sh <descent binary>
set -uo pipefail
BIN=${1:?usage: sequences-e2e.sh <descent binary>}
source "$(dirname "$0")/tmux-harness.sh"
fail() { echo "FAIL: $*" >&2; capture >&2 || true; exit 1; }

state=$(mktemp -d "${TMPDIR:-/tmp}/descent-state.XXXXXX")
trap 'harness_cleanup; rm -rf "$state"' EXIT

start_app 80 24 env XDG_STATE_HOME="$state" "$BIN" learn lstm
wait_for 'Long short-term memory · page 1/7' || fail "learn lstm did not open the lesson"
send_keys Right Right Right
wait_for 'page 4/7' || fail "paging forward did not reach the lab page"
wait_for 'LSTM gates' || fail "the gates pane is not shown"
wait_for 'forget' || fail "the gates pane does not show the forget gate"
wait_for 'now test accuracy [0-9]+% · step 0' || fail "the goal and its live value are not shown before training"
send_keys Space
# About 260 steps at the lab's pace of 10 a second; generous for a loaded machine.
wait_for 'Goal · done' 120 || fail "training did not reach the goal"
grep -q '"lstm"' "$state/descent/progress.json" || fail "progress does not mention lstm"
# m rebuilds the lab as the plain RNN, and says so.
send_keys m
wait_for 'rebuilt: rnn 16' || fail "m did not switch to the RNN"
send_keys q q
wait_dead || fail "did not quit"
[[ $(exit_info) == "0:" ]] || fail "quit: exit was $(exit_info)"
echo "sequences e2e: passed"
