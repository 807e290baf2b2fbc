#!/usr/bin/env bash
# Compares two release binaries of descent on one workload. Runs alternate (old, new, then new,
# old) so the shared machine's noise falls on both alike, and the figure is the median of the
# per-pair ratios: steadier than a ratio of medians when the machine's speed drifts.
#   Tools/bench-ab.sh OLD_BINARY NEW_BINARY w1|w2|w3|w4|w5 [PAIRS] [SECONDS]
# e.g. Tools/bench-ab.sh /tmp/old /tmp/new w3 30 0.3
set -euo pipefail
old=$1 new=$2 workload=$3 pairs=${4:-11} seconds=${5:-1}
rate() { "$1" bench "$workload" --seconds "$seconds" | sed -E 's/.*samples_per_s=([^ ]+).*/\1/'; }
a=() b=()
for pair in $(seq "$pairs"); do
  if ((pair % 2)); then
    a+=("$(rate "$old")"); b+=("$(rate "$new")")
  else
    b+=("$(rate "$new")"); a+=("$(rate "$old")")
  fi
done
python3 - "${a[*]}" "${b[*]}" "$workload" <<'PY'
import statistics, sys
old = [float(x) for x in sys.argv[1].split()]
new = [float(x) for x in sys.argv[2].split()]
ratios = sorted(n / o for o, n in zip(old, new))
quarter = len(ratios) // 4
print("%s old %.3g new %.3g ratio %.3f (pairs %d, middle half %.3f-%.3f)" % (
    sys.argv[3], statistics.median(old), statistics.median(new), statistics.median(ratios),
    len(ratios), ratios[quarter], ratios[len(ratios) - 1 - quarter]))
PY
