#!/usr/bin/env python3
"""Markdown table from the exports of `swift package benchmark --format influx` (stdlib only).

    python3 bench_table.py results/raw TARGET... > results/benchmarks.md

Reads results/raw/TARGET/*.influx.csv (raw values: nanoseconds, bytes, counts) and
results/raw/TARGET/load (the 1-minute load average before and after that target ran). One row
per benchmark, the median (p50) of each metric; throughput = 1 / median wall time (the
benchmark's own throughput metric is an integer per second, 0 for runs over a second).
"""
import csv
import glob
import os
import sys


def fmt(x, digits=1, scale=1.0):
    return "–" if x is None else f"{x / scale:,.{digits}f}"


def main():
    raw, targets = sys.argv[1], sys.argv[2:]
    print("| target | benchmark | samples | wall p50 ms | CPU p50 ms | throughput /s | mallocs p50 | peak RSS p50 MB | load before → after |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for target in targets:
        folder = os.path.join(raw, target)
        load_file = os.path.join(folder, "load")
        load = open(load_file).read().strip() if os.path.exists(load_file) else "?"
        rows = {}
        for path in sorted(glob.glob(os.path.join(folder, "*.influx.csv"))):
            for r in csv.reader(line for line in open(path, encoding="utf-8") if not line.startswith("#")):
                if len(r) < 13 or r[0] == "measurement" or r[9] != "50.0":
                    continue
                metric, test = r[6].lower(), r[8]
                entry = rows.setdefault(test, {"samples": r[12]})
                key = "wall" if "wall" in metric else "cpu" if "cpu" in metric else "malloc" if "malloc" in metric \
                    else "rss" if "resident" in metric else None
                if key:
                    entry[key] = float(r[10])
        for test, m in rows.items():
            wall = m.get("wall")
            print(f"| {target} | {test} | {m['samples']} | {fmt(wall, 2, 1e6)} | {fmt(m.get('cpu'), 2, 1e6)} | "
                  f"{fmt(1e9 / wall if wall else None, 2)} | {fmt(m.get('malloc'), 0)} | {fmt(m.get('rss'), 0, 1e6)} | {load} |")


if __name__ == "__main__":
    main()
