#!/usr/bin/env bash
# End-to-end: the playground in a real terminal (tmux). Usage: playground-e2e.sh <descent binary>
set -uo pipefail
BIN=${1:?usage: playground-e2e.sh <descent binary>}
source "$(dirname "$0")/tmux-harness.sh"

fail() { echo "FAIL: $*" >&2; capture >&2 || true; exit 1; }
# The train loss on the status line, e.g. "loss 4.8e-4" → 4.8e-4.
status_loss() { capture | grep -oE ' loss [0-9.e+-]+' | tail -1 | awk '{print $2}'; }
less_than() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0) }'; }

# 1. Train, watch the loss fall, change the learning rate, resize, quit.
start_app 100 30 "$BIN" play --dataset house --lr 0.05
wait_for 'paused +pace 30/s +step 0 ' || fail "the playground did not open paused at step 0, at 30 steps a second"
before=$(status_loss)
send_keys Space
wait_for 'playing +pace 30/s +step ([3-9][0-9]|[0-9]{3,}) ' || fail "training did not advance"
middle=$(status_loss)
# s twice: 30 → 100 → 300 steps a second.
send_keys s s
wait_for 'pace 300/s' || fail "s did not raise the pace to 300 steps a second"
wait_for 'playing +pace 300/s +step ([3-9][0-9]{2}|[0-9]{4,}) ' 10 || fail "training did not keep advancing"
after=$(status_loss)
less_than "$middle" "$before" || fail "loss did not fall: $before → $middle"
less_than "$after" "$middle" || fail "loss did not keep falling: $middle → $after"
send_keys +
wait_for 'lr 0\.068 ' || fail "+ did not raise the learning rate 0.05 → 0.068 on screen"
resize 50 15
wait_for 'Enlarge the terminal' || fail "no enlarge message at 50x15"
resize 100 30
wait_for 'Loss' || fail "panes did not come back after growing to 100x30"
wait_for 'lr 0\.068 ' || fail "learning rate lost across the resize"
send_keys q
wait_dead || fail "q did not quit"
[[ $(exit_info) == "0:" ]] || fail "q: exit was $(exit_info), expected 0:"
[[ $(alternate_on) == 0 ]] || fail "q left the alternate screen on"

# 1b. Reshape live: a layer, an input feature, the neuron thumbnails in the maximised pane.
start_app 80 24 "$BIN" play --dataset circle --layers 4,2 --lr 0.1
wait_for 'paused' || fail "the circle run did not open"
send_keys ]
wait_for '2→4→4→2→out rebuilt, training restarted' || fail "] did not add a layer and say so"
send_keys i
wait_for 'Inputs' || fail "i did not open the feature chooser"
send_keys 3
wait_for 'x₁² on: inputs x₁, x₂, x₁²' || fail "3 did not switch x₁² on"
send_keys Escape
wait_for 'inputs: x₁, x₂, x₁² \(i changes them\)' || fail "Esc did not close the chooser"
send_keys Tab Tab Enter
wait_for 'L3' || fail "the maximised network pane shows no neuron thumbnails"
send_keys q
wait_dead || fail "q did not quit the reshaped run"

# 2. Ctrl-C while training: dies by SIGINT with the terminal restored.
start_app 80 24 "$BIN" play --dataset circle --layers 4,2 --lr 0.1
wait_for 'paused' || fail "second run did not open"
send_keys Space
wait_for 'playing' || fail "second run did not start training"
send_keys C-c
wait_dead || fail "Ctrl-C did not stop the program"
[[ $(exit_info) == ":2" ]] || fail "Ctrl-C: exit was $(exit_info), expected :2 (SIGINT)"
[[ $(alternate_on) == 0 ]] || fail "Ctrl-C left the alternate screen on"

# 3. Not a terminal, or no usable TERM: one line pointing to 'descent train', exit 2.
for setup in "stdin" "dumb" "unset"; do
  case $setup in
    stdin) output=$("$BIN" play 2>&1 </dev/null); status=$? ;;
    dumb) output=$(TERM=dumb script -qec "$BIN play" /dev/null 2>&1); status=$? ;;
    unset) output=$(env -u TERM script -qec "$BIN play" /dev/null 2>&1); status=$? ;;
  esac
  output=$(printf '%s' "$output" | tr -d '\r')
  [[ $status == 2 ]] || fail "$setup: exit $status, expected 2 ($output)"
  [[ $(printf '%s\n' "$output" | wc -l) == 1 ]] || fail "$setup: expected one line, got: $output"
  [[ $output == *"descent train"* ]] || fail "$setup: message does not point to 'descent train': $output"
done
echo "playground e2e: passed"
