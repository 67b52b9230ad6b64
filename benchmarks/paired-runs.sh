#!/usr/bin/env bash
# Alternates single-fork JMH runs of MeterUsageBenchmark's floor (a) and awssim sync (b), N pairs, and prints
# each pair's b/a and the median. On a small shared VM the machine's speed drifts by more than the gap being
# measured; a fork of a right next to a fork of b sees the same machine.
# Usage: benchmarks/paired-runs.sh [pairs] [jar]   (build first: mvn -B -pl benchmarks -am package -DskipTests)
set -euo pipefail
pairs=${1:-6}
jar=${2:-benchmarks/target/benchmarks.jar}
score() {
  java -jar "$jar" "MeterUsageBenchmark.$1\$" -f 1 -wi 10 -w 2 -i 5 -r 2 2>&1 \
    | awk -v b="$1" '$1 == "MeterUsageBenchmark." b { print $(NF-3) }'
}
ratios=()
for i in $(seq 1 "$pairs"); do
  a=$(score a_floorCannedBytes)
  b=$(score b_awssimSync)
  r=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b / a }')
  ratios+=("$r")
  echo "pair $i: a $a us/op, b $b us/op, b/a $r"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "median b/a %.3f over %d pairs\n", m, NR }'
