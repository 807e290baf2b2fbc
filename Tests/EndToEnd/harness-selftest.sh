#!/usr/bin/env bash
# Self-test of tmux-harness.sh with plain shell programs (no Descent binary needed): run it in CI after
# changing the harness. Exit 0 when every check passes.
set -euo pipefail
source "$(dirname "$0")/tmux-harness.sh"

failures=0
check() {  # check <description> <shell code>
  local what=$1
  if eval "$2"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}

# Text, literal input and keys: a shell loop that echoes what it reads.
start_app 80 24 sh -c 'echo READY; while IFS= read -r line; do echo "got:$line"; done'
check "wait_for sees output" 'wait_for "^READY\$"'
send_text 'ä日'
send_keys Enter
check "send_text delivers UTF-8" 'wait_for "^got:ä日\$"'
send_keys x Enter
check "send_keys delivers keys" 'wait_for "^got:x\$"'
check "capture returns the screen" '[[ $(capture | head -1) == READY ]]'
send_keys C-d
check "exit status 0" '[[ $(exit_info) == "0:" ]]'

# Resize: the program reports its size after SIGWINCH.
start_app 80 24 sh -c 'trap "echo size=\$(stty size)" WINCH; echo size=$(stty size); while :; do sleep 0.05; done'
check "initial size" 'wait_for "size=24 80"'
resize 50 15
check "resize reaches the program" 'wait_for "size=15 50"'

# Exit status, signals, alternate screen.
start_app 80 24 sh -c 'printf "\033[?1049h"; echo ALT; exec sleep 30'
check "alternate_on while in the alternate screen" 'wait_for ALT'
check "alternate_on reports 1" '[[ $(alternate_on) == 1 ]]'
signal_app TERM
check "wait_dead" 'wait_dead'
check "exit_info reports the signal" '[[ $(exit_info) == ":15" ]]'
start_app 80 24 sh -c 'echo "one-line error"; exit 3'
check "exit_info reports status 3" '[[ $(exit_info) == "3:" ]]'
check "capture_all keeps the top line" 'capture_all | grep -q "^one-line error$"'
check "wait_gone" 'start_app 80 24 sh -c "echo BUSY; sleep 0.3; clear; sleep 5" && wait_gone BUSY'

(( failures == 0 )) && echo "harness self-test: all passed" || { echo "harness self-test: $failures failed"; exit 1; }
