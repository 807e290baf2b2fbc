#!/usr/bin/env bash
# End-to-end: hostile surroundings in a real terminal (tmux). Usage: hardening-e2e.sh <descent binary>
#
# 1. a FIFO where progress.json should be; 2. signals that end the process; 3. escape sequences;
# 4. a 100 KB paste.
set -uo pipefail
BIN=${1:?usage: hardening-e2e.sh <descent binary>}
source "$(dirname "$0")/tmux-harness.sh"
fail() { echo "FAIL: $*" >&2; capture_all >&2 || true; exit 1; }

state=$(mktemp -d "${TMPDIR:-/tmp}/descent-state.XXXXXX")
trap 'harness_cleanup; rm -rf "$state"' EXIT

# 1. A FIFO at progress.json: startup does not block, the menu says why progress is not saved,
#    `learn` says it too, and the FIFO is left as it was.
mkdir -p "$state/descent" && mkfifo "$state/descent/progress.json"
start_app 100 30 env XDG_STATE_HOME="$state" "$BIN"
wait_for 'Weights decide' 5 || fail "a FIFO progress file blocked startup"
wait_for 'FIFO \(named pipe\), not a regular file' || fail "the menu does not report the FIFO"
send_keys Down Enter
wait_for 'page 1/7' || fail "house-prices did not open"
send_keys q q
wait_dead || fail "q q did not quit"
[[ $(exit_info) == "0:" ]] || fail "quit: exit was $(exit_info)"
start_app 100 30 env XDG_STATE_HOME="$state" "$BIN" learn house-prices
wait_for 'page 1/7' 5 || fail "learn blocked on a FIFO progress file"
wait_for 'FIFO \(named pipe\)' || fail "learn does not report the FIFO"
send_keys q q
wait_dead || fail "q q did not quit learn"
capture_all -J | grep -q 'descent: progress file .* FIFO' || fail "the FIFO warning is not on stderr after the UI closed"
[[ -p $state/descent/progress.json ]] || fail "the FIFO was replaced"
echo "fifo progress: passed"

# 2. Signals whose default action ends the process give the terminal back: alternate screen left,
#    cursor shown, echo and canonical mode on, death by the same signal. A plain sh runs the program
#    (bash would repair the tty itself) and reports the status and the tty modes afterwards.
report='"$0" "$@"; status=$?; modes=$(stty -a | tr " ;" "\n\n" | grep -xE -- "-?(echo|icanon|icrnl)" | sort | tr "\n" " "); echo "after: status=$status modes=$modes"; exec sleep 60'
for signal in PIPE USR1 ALRM XCPU; do
  number=$(kill -l "$signal")
  start_app 100 30 sh -c "$report" "$BIN" play --dataset circle --layers 4,2
  wait_for 'paused' || fail "SIG$signal: the playground did not open"
  child=$(pgrep -P "$(app_pid)" -n) || fail "SIG$signal: no program under sh"
  kill -s "$signal" "$child"
  wait_for "after: status=$((128 + number)) " 5 || fail "SIG$signal: no death by the signal"
  wait_for 'modes=echo icanon icrnl$' || fail "SIG$signal left the tty raw"
  [[ $(alternate_on) == 0 ]] || fail "SIG$signal left the alternate screen on"
  [[ $(cursor_visible) == 1 ]] || fail "SIG$signal left the cursor hidden"
  echo "SIG$signal: passed"
done

# 3. Escape sequences curses does not know are read whole. Under TERM=xterm-256color tmux sends Home
#    and End as ESC[1~ and ESC[4~, which that terminfo entry does not list: Home on a quiz page must not
#    answer choice 1, End on the menu must not quit (it selects the last lesson), and a lone Escape
#    still quits the menu.
start_app 100 30 env TERM=xterm-256color XDG_STATE_HOME="$state/keys" "$BIN" learn neuron
wait_for 'page 1/' || fail "learn neuron did not open"
send_keys Right Right Right Right
wait_for 'What does it predict for x = 4' || fail "the quiz page did not open"
send_keys Home End Home
sleep 0.3
capture | grep -qE 'Right\.|Not quite' && fail "Home or End answered the quiz"
send_keys 2
wait_for 'Right\.' || fail "2 did not answer choice 2 after Home and End"
send_keys q
wait_for 'Progress' || fail "q did not return to the menu"
send_keys End
sleep 0.3
[[ $(_harness_format '#{pane_dead}') == 0 ]] || fail "End quit the menu"
send_keys Home
sleep 0.2
[[ $(_harness_format '#{pane_dead}') == 0 ]] || fail "Home quit the menu"
send_keys Escape
wait_dead || fail "a lone Escape no longer quits the menu"
[[ $(exit_info) == "0:" ]] || fail "Escape: exit was $(exit_info)"
echo "escape sequences: passed"

# 4. A 100 KB paste: drained in well under the 26 s it used to take, reported, and the next key shows
#    at once; Ctrl-C right after a paste is not queued behind it.
paste_file="$state/paste.txt"
# The paste holds `w`, which saves the run in the current folder: keep that in the scratch folder.
cd "$state" || fail "cannot enter $state"
# No key that opens a mode taking the next keys (d draw, e choose a weight, i inputs, v setup):
# the `+` after the paste must reach the learning rate whatever the paste's last letters were.
head -c 200000 /dev/urandom | tr -dc 'bcfgjkmtuwz ' | head -c 102400 >"$paste_file"
start_app 100 30 "$BIN" play --dataset circle --layers 4,2 --lr 0.03
wait_for 'paused' || fail "paste: the playground did not open"
"${HARNESS_TMUX[@]}" load-buffer "$paste_file"
"${HARNESS_TMUX[@]}" paste-buffer -t "$HARNESS_SESSION"
wait_for 'ignored [0-9]+ pasted keys' 5 || fail "a 100 KB paste was not drained within 5 s"
send_keys +
wait_for 'lr 0\.033' 1 || fail "the key after a paste did not show within 1 s"
"${HARNESS_TMUX[@]}" paste-buffer -t "$HARNESS_SESSION"
send_keys C-c
wait_dead 2 || fail "Ctrl-C was queued behind a paste"
[[ $(exit_info) == ":2" ]] || fail "Ctrl-C after a paste: exit was $(exit_info)"
echo "paste: passed"

echo "hardening e2e: passed"
