#!/usr/bin/env python3
"""`make bench-compare`: buurtscore against the pandas + numpy researcher on the same files.

    python compare.py --buurtscore PATH [--units 14000] [--indicators 36] [--replications 1000,10000]
                      [--rounds 3,2,1] [--out results.md]

1. `buurtscore synth --units N --years 2017-2020 --seed 2017 --indicators 36` writes the data
   (once, in work/).
2. The comparison models are the synthetic model's tree with the stage settings researcher.py
   implements (no outlier treatment): without `uncertainty:` (the deterministic pipeline), and
   per replication count R with `uncertainty:` (weights and normalisation) twice:
   - like for like: `priorities: none` and `changes: none`, so buurtscore computes what
     researcher.py computes (scores, ranks; rank and score bands and p_top per unit-year);
   - full: buurtscore's default run, which also computes the per-buurt problem list with gap
     bands (themes.csv, priorities.csv) and the change bands first → last year (changes.csv).
     researcher.py has nothing to add here, so this row sets that run against the same Python
     time: it is NOT a like-for-like ratio.
3. Both programs run on the same CSV and model; their nominal ranks must be equal (scores.csv
   `rank`, and uncertainty.csv `rank`), otherwise this script fails before timing anything. The
   like-for-like run must write no priorities.csv, themes.csv or changes.csv, the full run must
   write them.
4. Timing: the programs alternate (buurtscore, Python, buurtscore full; then the other way
   round) for the given number of rounds per task; wall, CPU (user + system of the process) and
   peak RSS per run, with the 1-minute load average before it. The ratio is Python / buurtscore
   of the medians.
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
"""

# What researcher.py computes: p_top among the 5 lowest (the default top), no lists, no changes.
LIKE_FOR_LIKE = """priorities: none
changes: none
"""

# buurtscore's default run: both priority lists (gaps against the year's mean) and the changes
# from the first to the last year, with bands.
FULL = """priorities:
  top: 5
  reference: mean
"""

# Outputs only the full run writes.
EXTRA_OUTPUTS = ("priorities.csv", "themes.csv", "changes.csv")


def write_models(folder, replications):
    """The synthetic model's title, columns and tree with the comparison's stage settings: the
    pipeline alone, and per replication count the like-for-like and the full model."""
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
    for r in replications:
        models[f"uncertainty {r}"] = base + UNCERTAINTY.format(replications=r) + LIKE_FOR_LIKE
        models[f"full {r}"] = base + UNCERTAINTY.format(replications=r) + FULL
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


def check_outputs(task, out):
    """The like-for-like run writes none of EXTRA_OUTPUTS, the full run all of them."""
    present = [name for name in EXTRA_OUTPUTS if os.path.exists(os.path.join(out, name))]
    if task.startswith("uncertainty") and present:
        sys.exit(f"{task}: buurtscore wrote {', '.join(present)} although the model says priorities: none, changes: none")
    if task.startswith("full") and len(present) != len(EXTRA_OUTPUTS):
        sys.exit(f"{task}: buurtscore wrote only {present or 'none'} of {', '.join(EXTRA_OUTPUTS)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--buurtscore", required=True)
    ap.add_argument("--units", type=int, default=14000)
    ap.add_argument("--indicators", type=int, default=36, help="indicators of the synthetic data (buurtscore synth --indicators)")
    ap.add_argument("--replications", default="1000,10000", help="replication counts of the uncertainty tasks")
    ap.add_argument("--rounds", default="3,2,1", help="rounds for: the pipeline, then each replication count")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    replications = [int(r) for r in args.replications.split(",")]
    rounds = [int(r) for r in args.rounds.split(",")]
    if len(rounds) != 1 + len(replications):
        sys.exit(f"--rounds needs {1 + len(replications)} numbers (the pipeline, then {args.replications}), got {args.rounds}")
    os.makedirs(WORK, exist_ok=True)
    folder = os.path.join(WORK, f"synth-{args.units}x{args.indicators}")
    if not os.path.exists(os.path.join(folder, "data.csv")):
        subprocess.run([args.buurtscore, "synth", "--units", str(args.units), "--years", "2017-2020", "--seed", "2017",
                        "--indicators", str(args.indicators), "--out", folder], check=True)
    models = write_models(folder, replications)
    data = os.path.join(folder, "data.csv")
    researcher = os.path.join(HERE, "researcher.py")

    def ours(task, out):
        return [args.buurtscore, "run", models[task], "--data", data, "--out", out, "--quiet"]

    def theirs(task, out):
        os.makedirs(out, exist_ok=True)
        # Full runs are timed against the Python run of the same replications.
        return [sys.executable, researcher, models[task.replace("full", "uncertainty")], data, out]

    agreement = []
    # Same nominal ranks first (these runs also warm the file cache).
    first = f"uncertainty {replications[0]}"
    for task, table in (("pipeline", "scores.csv"), (first, "uncertainty.csv")):
        a, b = os.path.join(WORK, "check-swift"), os.path.join(WORK, "check-python")
        subprocess.run(["rm", "-rf", a])
        run_measured(ours(task, a))
        run_measured(theirs(task, b))
        check_outputs(task, a)
        swift_ranks = read_ranks(os.path.join(a, table), "unit", "period", "rank")
        python_ranks = read_ranks(os.path.join(b, table), "unit", "period", "rank")
        check_same_ranks(f"{task} ({table})", swift_ranks, python_ranks)
        if table == "scores.csv":
            a_scores = read_ranks(os.path.join(a, table), "unit", "period", "index")
            b_scores = read_ranks(os.path.join(b, table), "unit", "period", "index")
            worst = max(abs(a_scores[k] - b_scores[k]) for k in a_scores)
            agreement.append(f"nominal ranks equal in all {len(swift_ranks)} unit-years; index scores differ by at most {worst:.1e}")
            print(f"{task}: index scores differ by at most {worst:.2e}")

    tasks = [("pipeline", ["buurtscore", "python"])]
    tasks += [(f"uncertainty {r}", ["buurtscore", "python", "buurtscore full"]) for r in replications]
    runs_of = {}
    for (task, programs), n in zip(tasks, rounds):
        runs = {who: [] for who in programs}
        for i in range(n):
            order = programs if i % 2 == 0 else list(reversed(programs))
            for who in order:
                timed = task.replace("uncertainty", "full") if who == "buurtscore full" else task
                out = os.path.join(WORK, "timed-" + who.replace(" ", "-"))
                if who.startswith("buurtscore"):
                    subprocess.run(["rm", "-rf", out])
                m = run_measured(ours(timed, out) if who.startswith("buurtscore") else theirs(timed, out))
                if who.startswith("buurtscore"):
                    check_outputs(timed, out)
                runs[who].append(m)
                print(f"{task:18} {who:16} {m['wall']:8.2f} s wall {m['cpu']:8.2f} s CPU {m['rss']:7.0f} MB  load {m['load']}", flush=True)
        runs_of[task] = runs

    med = lambda runs, key: statistics.median(r[key] for r in runs)
    md = (f"Same CSV (`buurtscore synth --units {args.units} --years 2017-2020 --seed 2017 --indicators {args.indicators}`, "
          f"{args.indicators} indicators) and model settings; medians of the alternating runs; ratio = Python / buurtscore "
          "(> 1: buurtscore is faster). Like for like: the model has `priorities: none` and `changes: none`, so both "
          "compute scores, ranks, rank and score bands and p_top, nothing else. The full run (no such keys) also computes "
          "the per-buurt problem list with gap bands and the change bands first → last year, which the Python script "
          "does not; its row compares it with the same Python run. "
          "Checked before timing: " + "; ".join(agreement) + ".\n\n")
    md += "| task | runs | buurtscore wall s | CPU s | peak MB | Python wall s | CPU s | peak MB | ratio wall | ratio CPU | load (1 min) |\n"
    md += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"

    def row(label, s, p):
        loads = ", ".join(r["load"] for r in s + p)
        return (f"| {label} | {len(s)} + {len(p)} | {med(s, 'wall'):.2f} | {med(s, 'cpu'):.2f} | {med(s, 'rss'):.0f} | "
                f"{med(p, 'wall'):.2f} | {med(p, 'cpu'):.2f} | {med(p, 'rss'):.0f} | **{med(p, 'wall') / med(s, 'wall'):.1f}** | "
                f"{med(p, 'cpu') / med(s, 'cpu'):.1f} | {loads} |\n")

    for task, _ in tasks:
        runs = runs_of.get(task)
        if not runs or not runs["buurtscore"]:
            continue
        if task == "pipeline":
            md += row("CSV load + deterministic pipeline", runs["buurtscore"], runs["python"])
            continue
        r = f"{int(task.split()[1]):,}"
        md += row(f"uncertainty, {r} replications: rank and score bands, p_top (like for like)", runs["buurtscore"], runs["python"])
        md += row(f"buurtscore full run, {r} replications (+ problem list with gap bands, change bands; not like for like)",
                  runs["buurtscore full"], runs["python"])
    print()
    print(md)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(md)


if __name__ == "__main__":
    main()
