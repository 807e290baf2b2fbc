#!/usr/bin/env bash
# Measures what README reports (not a test): how fast a key shows its effect while training at
# maximum speed, and the CPU used while paused. Usage: measure-responsiveness.sh <descent binary>
set -uo pipefail
BIN=${1:?usage: measure-responsiveness.sh <descent binary>}
source "$(dirname "$0")/tmux-harness.sh"
now_us() { echo $(($(date +%s%N) / 1000)); }

start_app 120 40 "$BIN" play --dataset spiral --layers 16,16 --activation tanh --lr 0.03 --batch 10
wait_for 'paused' || exit 1
send_keys s s s s        # pace 30 → 100 → 300 → 1000 steps a second → max
wait_for 'pace max' || exit 1
send_keys Space
wait_for 'playing' || exit 1
steps_before=$(capture | grep -oE 'step [0-9]+' | tail -1 | awk '{print $2}')
sleep 2
steps_after=$(capture | grep -oE 'step [0-9]+' | tail -1 | awk '{print $2}')
echo "training speed at max: $(( (steps_after - steps_before) / 2 )) steps/s (spiral 2-16-16-1, batch 10)"
latencies=()
for i in $(seq 20); do
  key=$([[ $((i % 2)) == 1 ]] && echo + || echo -)   # alternate so the run never diverges
  before=$(capture | grep -oE 'lr [0-9.e-]+' | tail -1)
  start=$(now_us)
  send_keys "$key"
  while [[ $(capture | grep -oE 'lr [0-9.e-]+' | tail -1) == "$before" ]]; do :; done
  latencies+=($(( ($(now_us) - start) / 1000 )))
  sleep 0.2
done
sorted=$(printf '%s\n' "${latencies[@]}" | sort -n)
echo "key → screen while training at max speed (20 presses of +/-, ms incl. tmux round trip): median $(echo "$sorted" | sed -n 10p), max $(echo "$sorted" | tail -1)"

send_keys Space
wait_for 'paused' || exit 1
sleep 1
pid=$(app_pid)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
t0=$(ticks); sleep 10; t1=$(ticks)
hz=$(getconf CLK_TCK)
echo "CPU while paused: $(( (t1 - t0) * 1000 / hz )) ms of CPU in 10 s"
send_keys q
