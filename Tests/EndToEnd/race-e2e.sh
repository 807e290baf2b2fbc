#!/usr/bin/env bash
# End-to-end: `descent race` in a real terminal (tmux): four learning rates on one bowl, the one
# that diverges is stopped and marked while the others go on; a run hides and shows; a surface
# race in ASCII; q gives the terminal back. Usage: race-e2e.sh <descent binary>
set -uo pipefail
BIN=${1:?usage: race-e2e.sh <descent binary>}
source "$(dirname "$0")/tmux-harness.sh"
fail() { echo "FAIL: $*" >&2; capture >&2 || true; exit 1; }
trap harness_cleanup EXIT

start_app 80 24 "$BIN" race --dataset line --lr 0.01,0.3,0.9,1.1
wait_for 'race · line · 4 × learning rate' || fail "descent race did not open"
wait_for 'Loss bowl' || fail "the bowl is not shown"
wait_for '4 ◆ 1.1' || fail "the legend does not name the fourth run"
send_keys s s
send_keys Space
# η = 1.1 diverges at step 39: about half a second at 100 steps a second.
wait_for '1.1 diverged at step [0-9]+ and stopped; the others go on' 30 || fail "the diverging run was not announced"
wait_for 'diverged at step [0-9]+ *│' || fail "the legend does not mark the diverged run"
wait_for '▶ playing' || fail "the others stopped too"
send_keys 2
wait_for '2   0.3 .*hidden' || fail "2 did not hide the second run"
send_keys 2 q
wait_dead || fail "did not quit"
[[ $(exit_info) == "0:" ]] || fail "quit: exit was $(exit_info)"
[[ $(alternate_on) == 0 ]] || fail "the alternate screen was left on"

start_app 80 24 env LC_ALL=C "$BIN" race --surface valley --optimizer sgd,momentum,rmsprop,adam
wait_for 'race - valley - 4 x optimizer' || fail "the surface race did not open in ASCII"
wait_for 'A long narrow valley' || fail "the surface's summary is not shown"
send_keys n n n
wait_for 'step 3 ' || fail "n did not step every run"
send_keys q
wait_dead || fail "did not quit the surface race"
[[ $(exit_info) == "0:" ]] || fail "quit: exit was $(exit_info)"
echo "race e2e: passed"
