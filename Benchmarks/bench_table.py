#!/usr/bin/env python3
"""Markdown table from the JMH exports of `swift package benchmark --format jmh` (stdlib only).

    python3 bench_table.py results/raw TARGET... > results/benchmarks.md

Reads results/raw/TARGET/*.json and results/raw/TARGET/load (the 1-minute load average before
and after that target ran). One row per benchmark: median (p50) of each metric.
"""
import glob
import json
import os
import sys


def p50(metric):
    return metric["scorePercentiles"]["50.0"] if metric else None


def find(metrics, word):
    return next((m for name, m in metrics.items() if word in name.lower()), None)


def fmt(x, digits=1, scale=1.0):
    return "–" if x is None else f"{x / scale:,.{digits}f}"


def main():
    raw, targets = sys.argv[1], sys.argv[2:]
    print("| target | benchmark | samples | wall p50 ms | CPU p50 ms | throughput p50 /s | mallocs p50 | peak RSS p50 MB | load before → after |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for target in targets:
        folder = os.path.join(raw, target)
        load = open(os.path.join(folder, "load")).read().strip() if os.path.exists(os.path.join(folder, "load")) else "?"
        for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
            for element in json.load(open(path)):
                name = element["benchmark"].split(f".{target}.", 1)[-1].replace("_", " ")
                metrics = element["secondaryMetrics"]
                wall, cpu = find(metrics, "wall"), find(metrics, "cpu")
                mallocs, rss = find(metrics, "malloc"), find(metrics, "resident")
                print(f"| {target} | {name} | {element['measurementIterations']} | {fmt(p50(wall), 2, 1e3)} | {fmt(p50(cpu), 2, 1e3)} | "
                      f"{fmt(p50(element['primaryMetric']), 2)} | {fmt(p50(mallocs), 0)} | {fmt(p50(rss), 0, 1e6)} | {load} |")


if __name__ == "__main__":
    main()
