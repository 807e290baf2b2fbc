#!/usr/bin/env bash
# Runs the lesson parser under libFuzzer (coverage-guided, with AddressSanitizer).
#   Tools/fuzz-lessons/run.sh [seconds=600]
# Builds in release with -sanitize=fuzzer,address (DESCENT_PORTABLE=1: no host-tuned flags, which a
# dependency package may not carry), runs from the committed corpus plus the seeds with a fixed
# seed, writes crashes to artifacts/ (a crash file replays with: .build/release/FuzzLessons FILE),
# then merges what it learned back into corpus/ (kept small: a set cover of the features seen).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
DESCENT_PORTABLE=1 swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address 2>&1 |
  grep -v "Cannot export local symbol" | tail -3
work=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-lessons.XXXXXX")
trap 'rm -rf "$work"' EXIT
found="$work/found" merged="$work/merged"
mkdir -p corpus artifacts "$found" "$merged"
# SWIFT_BACKTRACE=enable=no: the Swift backtracer confuses ASan and can leave a process holding stdout.
SWIFT_BACKTRACE=enable=no .build/release/FuzzLessons "$found" corpus seeds -dict=lesson.dict -seed=1 \
  -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=artifacts/ \
  -print_final_stats=1 2>&1 | grep -v "Cannot export local symbol" | tee "$work/log" | grep -E "^#|stat::|ERROR|SUMMARY|Done" | tail -25
# Keep the committed corpus small: the fewest inputs that still cover every feature seen.
SWIFT_BACKTRACE=enable=no .build/release/FuzzLessons -set_cover_merge=1 -use_value_profile=0 "$merged" corpus \
  "$found" 2>&1 | grep -E "MERGE-OUTER: [0-9]+ new files" || true
rm -rf corpus && mv "$merged" corpus
