#!/usr/bin/env bash
# End-to-end: the setup string and saving, in a real terminal (tmux).
#   sharing-e2e.sh <descent binary>
# 1. `play` with options and `play --setup` with the string `v` shows: the same screen after the
#    same steps. 2. `w` saves a model that `predict` reads, predicting exactly what `train --setup`
#    with the same string and as many epochs predicts (a full batch is an epoch per step).
set -uo pipefail
BIN=${1:?usage: sharing-e2e.sh <descent binary>}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")  # the test runs in its own folder
source "$(dirname "$0")/tmux-harness.sh"

fail() { echo "FAIL: $*" >&2; capture >&2 || true; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/e2e-sharing.XXXXXX")
cleanup() { harness_cleanup; rm -rf "$WORK"; }
trap cleanup EXIT
cd "$WORK" || exit 1

steps() { for _ in $(seq "$1"); do send_keys n; done; }

start_app 80 24 "$BIN" play --dataset circle --layers 4,2 --activation relu --lr 0.05 --seed 3
wait_for 'paused +pace 30/s +step 0 ' || fail "the playground did not open"
steps 12
wait_for 'step 12 ' || fail "n did not take 12 steps"
explicit=$(capture)
send_keys v
wait_for '^circle;' || fail "v did not show the setup string in the first column"
setup=$(capture | grep -E '^circle;' | head -1 | sed 's/ *$//')
[[ $setup == 'circle;4,2;relu;opt=sgd;lr=0.05;batch=full;seed=3' ]] || fail "unexpected setup: $setup"
send_keys v
wait_gone '^circle;' || fail "a key did not close the setup"
send_keys q
wait_dead || fail "q did not quit"

start_app 80 24 "$BIN" play --setup "$setup"
wait_for 'paused +pace 30/s +step 0 ' || fail "play --setup did not open"
steps 12
wait_for 'step 12 ' || fail "n did not take 12 steps with --setup"
spelled=$(capture)
[[ $spelled == "$explicit" ]] || fail "play --setup shows another run than the options: $(diff <(echo "$explicit") <(echo "$spelled"))"

send_keys w
wait_for 'saved the model to descent-circle-1\.json' || fail "w did not say where it saved"
send_keys q
wait_dead || fail "q did not quit after saving"
[[ -s descent-circle-1.json && -s descent-circle-1.csv ]] || fail "the saved files are missing"
[[ $(grep -c '^step,' descent-circle-1.csv) == 12 ]] || fail "the history does not hold 12 step rows"

printf 'x1,x2\n0,0\n0.3,-0.2\n-0.9,0.8\n0.05,0.5\n' >points.csv
"$BIN" train --setup "$setup;epochs=12" --save trained.json --format csv >/dev/null || fail "train --setup failed"
played=$("$BIN" predict descent-circle-1.json --csv points.csv) || fail "predict cannot read the playground's model"
trained=$("$BIN" predict trained.json --csv points.csv) || fail "predict cannot read the trained model"
[[ $(printf '%s\n' "$played" | wc -l) == 5 ]] || fail "predict printed: $played"
[[ $played == "$trained" ]] || fail "the playground's and train's models predict differently: $played / $trained"
echo "sharing e2e: passed"
