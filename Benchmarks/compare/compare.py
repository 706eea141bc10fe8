#!/usr/bin/env python3
"""`make bench-compare`: buurtscore against the pandas + numpy researcher on the same files.

    python compare.py --buurtscore PATH [--units 14000] [--rounds 3,2,1] [--out results.md]

1. `buurtscore synth --units N --years 2017-2020 --seed 2017` writes the data (once, in work/).
2. The comparison models are the synthetic model's tree with the stage settings researcher.py
   implements (no outlier treatment), without and with `uncertainty:` (weights and
   normalisation; 1,000 and 10,000 replications).
3. Both programs run on the same CSV and model; their nominal ranks must be equal (scores.csv
   `rank`, and uncertainty.csv `rank`), otherwise this script fails before timing anything.
4. Timing: the two programs alternate (buurtscore, Python, buurtscore, …) for the given number of
   rounds per task; wall, CPU (user + system of the process) and peak RSS per run, with the
   1-minute load average before it. The ratio is Python / buurtscore of the medians.
"""
import argparse
import csv
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")

STAGES = """denominate: {scale: 1}
impute: {method: mean, by: wijk}
screen: {min_coverage: 0.75, basis: observed}
normalise: {method: minmax, range: [0, 100], scope: period}
aggregate: {method: arithmetic}
"""

UNCERTAINTY = """uncertainty:
  weights: {{noise: 0.25, levels: [1, 2]}}
  normalise: [{{method: minmax, range: [1, 100], scope: period}}, {{method: zscore, mean: 50, sd: 10, scope: period}}]
  replications: {replications}
  seed: 2017
priorities:
  top: 5
  reference: mean
"""


def write_models(folder):
    """The synthetic model's title, columns and tree with the comparison's stage settings."""
    text = open(os.path.join(folder, "model.yml"), encoding="utf-8").read()
    tree = []
    keep = False
    for line in text.splitlines():
        if re.match(r"^\w", line):
            keep = line.split(":")[0] in ("title", "data", "unit", "name", "period", "groups", "indicators", "columns")
        if keep and not line.startswith("#"):
            tree.append(line)
    base = "\n".join(tree) + "\n" + STAGES
    models = {"pipeline": base}
    for r in (1000, 10000):
        models[f"uncertainty {r}"] = base + UNCERTAINTY.format(replications=r)
    paths = {}
    for task, body in models.items():
        path = os.path.join(folder, "model-" + task.replace(" ", "-") + ".yml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        paths[task] = path
    return paths


def run_measured(command):
    """Runs command with its output in work/last-run.log; wall s, CPU s and peak RSS MB of that
    process alone (os.wait4), and the 1-minute load average before it."""
    load = open("/proc/loadavg").read().split()[0]
    log = os.path.join(WORK, "last-run.log")
    start = time.perf_counter()
    with open(log, "w") as f:
        pid = os.posix_spawn(command[0], command, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, f.fileno(), 1),
                                                                            (os.POSIX_SPAWN_DUP2, f.fileno(), 2)])
        _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n" + open(log).read())
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024, "load": load}


def read_ranks(path, unit, period, rank):
    with open(path, newline="", encoding="utf-8") as f:
        return {(r[unit], r[period]): float(r[rank]) for r in csv.DictReader(f) if r[rank] != ""}


def check_same_ranks(task, ours, theirs):
    if ours.keys() != theirs.keys():
        sys.exit(f"{task}: the two programs kept different unit-years ({len(ours)} against {len(theirs)})")
    differ = [key for key in ours if ours[key] != theirs[key]]
    if differ:
        examples = ", ".join(f"{k}: {ours[k]:g} vs {theirs[k]:g}" for k in differ[:5])
        sys.exit(f"{task}: nominal ranks differ in {len(differ)} of {len(ours)} unit-years ({examples}); no timing")
    print(f"{task}: nominal ranks equal in all {len(ours)} unit-years")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--buurtscore", required=True)
    ap.add_argument("--units", type=int, default=14000)
    ap.add_argument("--rounds", default="3,2,1", help="rounds for: pipeline, 1,000 and 10,000 replications")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    os.makedirs(WORK, exist_ok=True)
    folder = os.path.join(WORK, f"synth-{args.units}")
    if not os.path.exists(os.path.join(folder, "data.csv")):
        subprocess.run([args.buurtscore, "synth", "--units", str(args.units), "--years", "2017-2020", "--seed", "2017",
                        "--out", folder], check=True)
    models = write_models(folder)
    data = os.path.join(folder, "data.csv")
    researcher = os.path.join(HERE, "researcher.py")

    def ours(task, out):
        return [args.buurtscore, "run", models[task], "--data", data, "--out", out, "--quiet"]

    def theirs(task, out):
        os.makedirs(out, exist_ok=True)
        return [sys.executable, researcher, models[task], data, out]

    agreement = []
    # Same nominal ranks first (these runs also warm the file cache).
    for task, table in (("pipeline", "scores.csv"), ("uncertainty 1000", "uncertainty.csv")):
        a, b = os.path.join(WORK, "check-swift"), os.path.join(WORK, "check-python")
        run_measured(ours(task, a))
        run_measured(theirs(task, b))
        period = "period"
        swift_ranks = read_ranks(os.path.join(a, table), "unit", period, "rank")
        python_ranks = read_ranks(os.path.join(b, table), "unit", "period", "rank")
        check_same_ranks(f"{task} ({table})", swift_ranks, python_ranks)
        if table == "scores.csv":
            a_scores = read_ranks(os.path.join(a, table), "unit", period, "index")
            b_scores = read_ranks(os.path.join(b, table), "unit", "period", "index")
            worst = max(abs(a_scores[k] - b_scores[k]) for k in a_scores)
            agreement.append(f"nominal ranks equal in all {len(swift_ranks)} unit-years; index scores differ by at most {worst:.1e}")
            print(f"{task}: index scores differ by at most {worst:.2e}")

    rounds = [int(r) for r in args.rounds.split(",")]
    rows = []
    for task, n in zip(("pipeline", "uncertainty 1000", "uncertainty 10000"), rounds):
        runs = {"buurtscore": [], "python": []}
        for i in range(n):
            order = ["buurtscore", "python"] if i % 2 == 0 else ["python", "buurtscore"]
            for who in order:
                out = os.path.join(WORK, f"timed-{who}")
                command = ours(task, out) if who == "buurtscore" else theirs(task, out)
                if who == "buurtscore":
                    subprocess.run(["rm", "-rf", out])
                m = run_measured(command)
                runs[who].append(m)
                print(f"{task:18} {who:10} {m['wall']:8.2f} s wall {m['cpu']:8.2f} s CPU {m['rss']:7.0f} MB  load {m['load']}", flush=True)
        rows.append((task, runs))

    med = lambda runs, key: statistics.median(r[key] for r in runs)
    md = f"Same CSV (`buurtscore synth --units {args.units} --years 2017-2020 --seed 2017`, 21 indicators) and model settings; "
    md += "medians of the alternating runs; ratio = Python / buurtscore (> 1: buurtscore is faster). "
    md += "Checked before timing: " + "; ".join(agreement) + ".\n\n"
    md += "| task | runs | buurtscore wall s | CPU s | peak MB | Python wall s | CPU s | peak MB | ratio wall | ratio CPU | load (1 min) |\n"
    md += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
    for task, runs in rows:
        if not runs["buurtscore"]:
            continue
        s, p = runs["buurtscore"], runs["python"]
        loads = ", ".join(r["load"] for r in s + p)
        label = "CSV load + deterministic pipeline" if task == "pipeline" else f"uncertainty, {task.split()[1]} replications"
        md += (f"| {label} | {len(s)} + {len(p)} | {med(s, 'wall'):.2f} | {med(s, 'cpu'):.2f} | {med(s, 'rss'):.0f} | "
               f"{med(p, 'wall'):.2f} | {med(p, 'cpu'):.2f} | {med(p, 'rss'):.0f} | **{med(p, 'wall') / med(s, 'wall'):.1f}** | "
               f"{med(p, 'cpu') / med(s, 'cpu'):.1f} | {loads} |\n")
    print()
    print(md)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(md)


if __name__ == "__main__":
    main()
