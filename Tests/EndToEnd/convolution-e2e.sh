#!/usr/bin/env bash
# End-to-end: the convolution lesson in a real terminal (tmux). Opens `descent learn convolution`,
# pages to the CNN lab, trains until the goal is met, then on the last page trains again, draws a
# digit with the keys and then with the mouse, and checks that the probabilities change as it is drawn.
# Usage: convolution-e2e.sh <descent binary>
set -uo pipefail
BIN=${1:?usage: convolution-e2e.sh <descent binary>}
source "$(dirname "$0")/tmux-harness.sh"
fail() { echo "FAIL: $*" >&2; capture >&2 || true; exit 1; }

state=$(mktemp -d "${TMPDIR:-/tmp}/descent-state.XXXXXX")
trap 'harness_cleanup; rm -rf "$state"' EXIT

start_app 80 24 env XDG_STATE_HOME="$state" "$BIN" learn convolution
wait_for 'Convolutional networks · page 1/13' || fail "learn convolution did not open the lesson"
wait_for 'test 1/359' || fail "the digit view is not shown"
send_keys Right Right Right Right Right Right Right
wait_for 'page 8/13' || fail "paging did not reach the CNN lab"
wait_for 'Filters' || fail "the filters view is not shown"
send_keys Space
wait_for 'Above 95 % on unseen digits' 60 || fail "training did not reach the goal"
send_keys Space

send_keys Right Right Right Right Right
wait_for 'page 13/13' || fail "paging did not reach the drawing lab"
send_keys Space
wait_for 'Trained. Pause' 60 || fail "training on the drawing page did not reach the goal"
send_keys Space
wait_for 'paused' || fail "space did not pause"
send_keys d
wait_for 'arrows move' || fail "d did not start drawing"
wait_for 'blank pad' || fail "the pad is not blank at first"
# A vertical stroke (a "1"), then a bar across its top (a "7"): the guess and its bars move.
send_keys Up Up Up Space Down Space Down Space Down Space Down Space
wait_for 'guess [0-9]' || fail "no probabilities after the first strokes"
pane() { capture | sed -n '2,11p' | cut -c42-80; }
first=$(pane)
send_keys Up Up Up Up Left Space Left Space Left Space
sleep 0.3
second=$(pane)
[[ $first != "$second" ]] || fail "the probabilities did not change while drawing"
# Arrows stay on the pad while drawing: still the last page.
send_keys Left Left
wait_for 'page 13/13' || fail "an arrow paged away while drawing"
send_keys Escape
wait_for 'drawing done' || fail "Esc did not end drawing"
# The mouse paints too: a drag down the pad's right side (pixel column 6), as tmux reports it to
# this TERM (tmux-256color: X10 encoding, ESC [ M then 32+button, 33+column, 33+row; a move with
# the button held is button 32). The pad's pixels are two cells wide from column 43, row 2.
mouse() { send_keys -H 1b 5b 4d "$(printf '%x' $((32 + $1)))" "$(printf '%x' $((33 + $2)))" "$(printf '%x' $((33 + $3)))"; }
before_mouse=$(pane)
mouse 0 55 2
for row in 3 4 5 6 7 8 9; do mouse 32 55 $row; done
mouse 3 55 9
sleep 0.3
[[ $before_mouse != "$(pane)" ]] || fail "a mouse drag on the pad did not change the probabilities"
send_keys q
wait_for 'Progress' || fail "q did not return to the menu"
send_keys q
wait_dead || fail "q in the menu did not quit"
[[ $(exit_info) == "0:" ]] || fail "quit: exit was $(exit_info)"
echo "convolution e2e: passed"
