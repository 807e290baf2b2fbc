#!/usr/bin/env bash
# Compares two release binaries of descent on one workload, interleaving their runs so the
# shared machine's noise falls on both alike; prints both medians and their ratio.
#   Tools/bench-ab.sh OLD_BINARY NEW_BINARY w1|w2|w3|w4|w5 [RUNS] [SECONDS]
set -euo pipefail
old=$1 new=$2 workload=$3 runs=${4:-5} seconds=${5:-1}
rate() { "$1" bench "$workload" --seconds "$seconds" | sed -E 's/.*samples_per_s=([^ ]+).*/\1/'; }
a=() b=()
for _ in $(seq "$runs"); do
  a+=("$(rate "$old")")
  b+=("$(rate "$new")")
done
python3 - "${a[*]}" "${b[*]}" "$workload" <<'PY'
import statistics, sys
old = [float(x) for x in sys.argv[1].split()]
new = [float(x) for x in sys.argv[2].split()]
print("%s old %.3g new %.3g ratio %.2f" % (sys.argv[3], statistics.median(old), statistics.median(new),
                                          statistics.median(new) / statistics.median(old)))
PY
