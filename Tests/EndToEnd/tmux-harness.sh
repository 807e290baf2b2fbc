#!/usr/bin/env bash
# tmux end-to-end harness: drive a curses program in a real (pseudo) terminal and read the screen back.
#
# Source it from a bash test script (it sets no shell options of its own):
#
#   source Tests/EndToEnd/tmux-harness.sh
#   start_app 100 30 .build/debug/descent
#   wait_for 'Descent'            || fail "no menu"
#   send_keys Down Enter
#   send_text 'ä'
#   resize 50 15;  wait_for 'size=50x15'
#   send_keys q;   [[ $(exit_info) == "0:" ]] && [[ $(alternate_on) == 0 ]]
#
# Every harness uses a private server socket (-S, parallel-safe, never the user's tmux) and a generated
# config (no ~/.tmux.conf; remain-on-exit on, so a dead pane keeps its screen and exit status). The pane
# runs with LANG/LC_ALL=C.UTF-8 and TERM=tmux-256color unless the command overrides them (e.g.
# `env TERM=xterm NO_COLOR=1 prog`). The server is killed and its socket removed on EXIT (see
# harness_cleanup; call it yourself if you install your own EXIT trap).
#
# Functions (all return non-zero on failure; wait_for prints the screen to stderr when it times out):
#   start_app <cols> <rows> <cmd> [args...]  start (or restart) the program in a fresh session
#   wait_for <regex> [seconds=5]             poll the visible screen (grep -E) every 50 ms
#   wait_gone <regex> [seconds=5]            poll until the regex is no longer on screen
#   send_keys <key>...                       tmux key names: Up Down Left Right Enter Escape Tab BTab F5 C-c …
#   send_text <text>                         literal UTF-8 text (send-keys -l)
#   capture [-e]                             the screen as text (-e keeps SGR colour/attribute escapes)
#   capture_all [-e]                         scrollback + screen: use it after the program died, because
#                                            tmux scrolls the pane by one line to print "Pane is dead",
#                                            which pushes the top line (e.g. a one-line error) off-screen
#   resize <cols> <rows>                     resize the window (the program gets SIGWINCH)
#   app_pid                                  pid of the program (the pane's process)
#   signal_app <SIG>                         kill -<SIG> the program
#   wait_dead [seconds=5]                    wait until the program has exited
#   exit_info                                "<status>:<signal>" of the dead program, e.g. "0:", ":2" (SIGINT)
#   alternate_on                             1 while the pane shows the alternate screen, else 0
#   cursor_visible                           1/0 (only meaningful while the program runs)
#   harness_cleanup                          kill the server, remove socket and config

HARNESS_SESSION=${HARNESS_SESSION:-app}
HARNESS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/e2e-tmux.XXXXXX")
HARNESS_SOCKET="$HARNESS_DIR/socket"
printf '%s\n' 'set -g remain-on-exit on' 'set -g exit-empty off' \
  'set -g default-terminal tmux-256color' >"$HARNESS_DIR/tmux.conf"
HARNESS_TMUX=(tmux -S "$HARNESS_SOCKET" -f "$HARNESS_DIR/tmux.conf")

harness_cleanup() {
  "${HARNESS_TMUX[@]}" kill-server 2>/dev/null || true
  rm -rf "$HARNESS_DIR"
}
trap harness_cleanup EXIT

_harness_now_ms() { echo $(($(date +%s%N) / 1000000)); }

start_app() {
  local cols=${1:?cols} rows=${2:?rows}
  shift 2
  (($# > 0)) || { echo "start_app: no command" >&2; return 2; }
  "${HARNESS_TMUX[@]}" kill-session -t "$HARNESS_SESSION" 2>/dev/null || true
  "${HARNESS_TMUX[@]}" new-session -d -s "$HARNESS_SESSION" -x "$cols" -y "$rows" \
    -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -- "$@"
}

capture() {
  "${HARNESS_TMUX[@]}" capture-pane -p "$@" -t "$HARNESS_SESSION"
}

capture_all() {
  "${HARNESS_TMUX[@]}" capture-pane -p -S - "$@" -t "$HARNESS_SESSION"
}

wait_for() {
  local screen re=${1:?regex} deadline=$(($(_harness_now_ms) + ${2:-5} * 1000))
  while (($(_harness_now_ms) < deadline)); do
    screen=$(capture) && grep -qE -- "$re" <<<"$screen" && return 0
    sleep 0.05
  done
  { echo "wait_for: /$re/ not seen within ${2:-5}s; screen:"; capture; } >&2
  return 1
}

wait_gone() {
  local screen re=${1:?regex} deadline=$(($(_harness_now_ms) + ${2:-5} * 1000))
  while (($(_harness_now_ms) < deadline)); do
    screen=$(capture) && ! grep -qE -- "$re" <<<"$screen" && return 0
    sleep 0.05
  done
  { echo "wait_gone: /$re/ still there after ${2:-5}s; screen:"; capture; } >&2
  return 1
}

send_keys() {
  "${HARNESS_TMUX[@]}" send-keys -t "$HARNESS_SESSION" "$@"
}

send_text() {
  "${HARNESS_TMUX[@]}" send-keys -t "$HARNESS_SESSION" -l -- "${1:?text}"
}

resize() {
  "${HARNESS_TMUX[@]}" resize-window -t "$HARNESS_SESSION" -x "${1:?cols}" -y "${2:?rows}"
}

_harness_format() {
  "${HARNESS_TMUX[@]}" display-message -p -t "$HARNESS_SESSION" "$1"
}

app_pid() { _harness_format '#{pane_pid}'; }
alternate_on() { _harness_format '#{alternate_on}'; }
cursor_visible() { _harness_format '#{cursor_flag}'; }

signal_app() {
  kill -s "${1:?signal}" "$(app_pid)"
}

wait_dead() {
  local deadline=$(($(_harness_now_ms) + ${1:-5} * 1000))
  while (($(_harness_now_ms) < deadline)); do
    [[ $(_harness_format '#{pane_dead}') == 1 ]] && return 0
    sleep 0.05
  done
  echo "wait_dead: still running after ${1:-5}s" >&2
  return 1
}

# "<status>:<signal>". pane_dead flips on pty EOF before tmux has reaped the child, and tmux 3.3a sometimes
# never reaps it until another SIGCHLD arrives: nudge the server while waiting.
exit_info() {
  local i state dead
  for i in $(seq 200); do
    state=$(_harness_format '#{pane_dead_status}:#{pane_dead_signal}')
    dead=$(_harness_format '#{pane_dead}')
    # Both: the status (child reaped) and pane_dead (pty EOF: all output has been read into the screen).
    if [[ $state != ":" && $dead == 1 ]]; then
      echo "$state"
      return 0
    fi
    if [[ $dead == 1 ]]; then
      kill -CHLD "$("${HARNESS_TMUX[@]}" display-message -p '#{pid}')" 2>/dev/null || true
    fi
    sleep 0.05
  done
  echo "exit_info: program still running" >&2
  return 1
}
