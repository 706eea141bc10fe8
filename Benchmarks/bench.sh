#!/usr/bin/env bash
# `make bench`: the machine and its limits, the scale table and every benchmark of this package;
# the tables go to results/*.md and into ../BENCHMARKS.md (between its BEGIN/END markers).
# Environment: SWIFT (default swift); BENCH_TARGETS (default: all three benchmark targets);
# SCALE_ARGS (arguments of scale-table, e.g. "--units 1000,14000 --replications 1000";
# default: 19, 1,000, 14,000 and 100,000 buurten × 1,000 and 10,000 replications).
set -euo pipefail
cd "$(dirname "$0")"
SWIFT=${SWIFT:-swift}
targets=${BENCH_TARGETS:-"PipelineBenchmarks StageBenchmarks UncertaintyBenchmarks"}
mkdir -p results/raw

$SWIFT build -c release
bin=$($SWIFT build -c release --show-bin-path)

echo "== machine and physical bound"
"$bin/machine-bound" --out results/machine.md
echo "== scale table"
# shellcheck disable=SC2086
"$bin/scale-table" ${SCALE_ARGS:-} --out results/scale.md
./splice.sh ../BENCHMARKS.md machine=results/machine.md scale=results/scale.md

for target in $targets; do
  echo "== $target"
  rm -rf "results/raw/$target"; mkdir -p "results/raw/$target"
  before=$(cut -d' ' -f1 /proc/loadavg)
  $SWIFT package --disable-sandbox --allow-writing-to-package-directory benchmark --target "$target" \
    --format influx --path "results/raw/$target" --no-progress
  echo "$before → $(cut -d' ' -f1 /proc/loadavg)" > "results/raw/$target/load"
done
python3 bench_table.py results/raw $targets > results/benchmarks.md
./splice.sh ../BENCHMARKS.md benchmarks=results/benchmarks.md
echo "Tables written to Benchmarks/results/ and BENCHMARKS.md"
