#!/usr/bin/env bash
# End-to-end: the lesson player in a real terminal (tmux). Usage: lessons-e2e.sh <descent binary>
set -uo pipefail
BIN=${1:?usage: lessons-e2e.sh <descent binary>}
source "$(dirname "$0")/tmux-harness.sh"
fail() { echo "FAIL: $*" >&2; capture >&2 || true; exit 1; }

state=$(mktemp -d "${TMPDIR:-/tmp}/descent-state.XXXXXX")
trap 'harness_cleanup; rm -rf "$state"' EXIT

# Open the menu with a fresh progress file, enter "Weights decide" (house-prices), page to its lab.
start_app 80 24 env XDG_STATE_HOME="$state" "$BIN"
wait_for 'Weights decide' || fail "the lesson menu did not open"
send_keys Down Enter
wait_for 'Weights decide · page 1/7' || fail "house-prices did not open at page 1"
send_keys Right Right Right
wait_for 'page 4/7' || fail "paging forward did not reach the lab page"
wait_for 'now [0-9.]+, [0-9.]+, [0-9.]+ . step 0 ' || fail "the goal and the weights it judges are not shown before training"
# ? in a lab shows the keys (the lesson's own among them); any key closes the box.
send_keys '?'
wait_for 'back to the lesson menu' || fail "? did not show the help in the lesson lab"
wait_for 'previous / next page' || fail "the lesson help does not list the page keys"
send_keys Escape
wait_gone 'back to the lesson menu' || fail "a key did not close the help"
send_keys Space
# At the lab's pace of 3 steps a second the goal takes about 14 s.
wait_for 'Goal · done' 40 || fail "training did not reach the goal"
# Progress is saved as the learner goes: back to the menu, the lesson shows pages done.
send_keys q
wait_for 'Progress' || fail "q did not return to the menu"
[[ -s $state/descent/progress.json ]] || fail "no progress file was written"
grep -q '"house-prices"' "$state/descent/progress.json" || fail "progress does not mention house-prices"
send_keys q
wait_dead || fail "q in the menu did not quit"
[[ $(exit_info) == "0:" ]] || fail "quit: exit was $(exit_info)"
[[ $(alternate_on) == 0 ]] || fail "quit left the alternate screen on"

# Resuming opens the lesson where it was left.
start_app 80 24 env XDG_STATE_HOME="$state" "$BIN" learn house-prices
wait_for 'page 4/7' || fail "learn house-prices did not resume at page 4"
send_keys q q
wait_dead || fail "did not quit"
# A long page on a small terminal scrolls to its end from the first frame (the real size is known
# at start, not assumed to be 80×24), and again after the terminal grows.
start_app 50 12 env XDG_STATE_HOME="$state" "$BIN" learn backprop
wait_for 'page 1/8' || fail "learn backprop did not open"
send_keys End
wait_for 'significant digits' || fail "End did not reach the end of a long page on a 50×12 terminal"
resize 70 16
send_keys Home
wait_gone 'significant digits' || fail "Home did not scroll back to the top after growing"
send_keys End
wait_for 'significant digits' || fail "End did not reach the end of the page after the terminal grew"
send_keys q q
wait_dead || fail "did not quit"
echo "lessons e2e: passed"
