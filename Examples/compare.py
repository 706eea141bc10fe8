"""Checks the output of `most-in-need` against the files of `buurtscore run` on the same model.

usage: python3 compare.py EXAMPLE_OUTPUT CLI_OUTPUT_DIR

Every printed row must be a unit of the latest period of scores.csv with the same index score,
and of uncertainty.csv with the same bands and p_top (relative difference at most 1e-12); the
priorities must be 1, 2, … in order of ascending score. Exits 1 with a message otherwise.
"""
import csv
import math
import sys


def close(a, b):
    a, b = float(a), float(b)
    return a == b or (math.isfinite(a) and abs(a - b) <= 1e-12 * max(abs(a), abs(b)))


def main(example, cli):
    lines = open(example, encoding="utf-8").read().splitlines()
    header = lines[0].split(",")
    rows = [dict(zip(header, line.split(",", len(header) - 1))) for line in lines[1:] if not line.startswith("wrote ")]
    scores = {(r["unit"], r["period"]): r for r in csv.DictReader(open(f"{cli}/scores.csv", encoding="utf-8"))}
    bands = {(r["unit"], r["period"]): r for r in csv.DictReader(open(f"{cli}/uncertainty.csv", encoding="utf-8"))}
    latest = max(period for _, period in scores)
    problems = []
    if not rows:
        problems.append("the example printed no priority rows")
    for k, row in enumerate(rows, start=1):
        key = (row["unit"], row["period"])
        if row["period"] != latest:
            problems.append(f"{key}: not the latest period {latest}")
        if row["priority"] != str(k):
            problems.append(f"{key}: priority {row['priority']}, expected {k}")
        if key not in scores or not close(row["score"], scores[key]["index"]):
            problems.append(f"{key}: score {row['score']} is not scores.csv's {scores.get(key, {}).get('index')}")
        for field in ["score_p05", "score_p95", "rank", "rank_p05", "rank_p95", "p_top"]:
            if key not in bands or not close(row[field], bands[key][field]):
                problems.append(f"{key}: {field} {row[field]} is not uncertainty.csv's {bands.get(key, {}).get(field)}")
    ordered = sorted((float(r["index"]), u) for (u, p), r in scores.items() if p == latest and r["index"])
    expected = [u for _, u in ordered[: len(rows)]]
    if [r["unit"] for r in rows] != expected:
        problems.append(f"units {[r['unit'] for r in rows]} are not the lowest scores {expected}")
    for problem in problems:
        print(f"compare.py: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"compare.py: {len(rows)} priority rows of {latest} match {cli}/scores.csv and uncertainty.csv")


if __name__ == "__main__":
    main(*sys.argv[1:3])
