#!/usr/bin/env python3
"""`make bench-compare`: buurtscore against the pandas + numpy researcher on the same files.

    python compare.py --buurtscore PATH [--cases pipeline,uncertainty0,...] [--repeat 3]
                      [--units 14000] [--quick] [--out results.md]

Cases (cases.py):
  pipeline      CSV load + deterministic pipeline, synth 14,000 x 36 indicators x 4 years
  uncertainty0  weights + normalisation alternatives, 1,000 replications (same data)
  uncertainty1  the same, 10,000 replications
  geometric     synth 14,000 x 36 x 1 year, weights at levels 1 and 2, aggregation drawn from
                [arithmetic, geometric], 10,000 replications; `priorities: none` and default lists
  national      `buurtscore synth --units 14000 --years 2017-2020` and its model's uncertainty
                (sampling, treat, impute, normalisation, aggregation, weights), `sensitivity: false`,
                1,000 replications; `priorities: none, changes: none` and the default lists + changes
  defaults      the model a user must write (title, columns, tree; no stage keys, no uncertainty),
                synth 3,000 x 21 x 4 years; as written (default lists and changes) and with
                `priorities: none, changes: none`
  arithmetic, geometric-mean, harmonic, power2, power0.5, mpi, copeland
                each aggregation method as the nominal method (generalised p = 2 and 0.5, `mpi`
                = Mazziotta-Pareto) with weight noise at levels 1 and 2 and, for the means, two
                normalisation alternatives inside the method's domain; no impute or screen (so
                missing children), synth 3,000 x 21 x 2 years, 1,000 replications (Copeland:
                1,000 buurten, 100 replications); `priorities: none, changes: none`
  demo          datasets/demo/model.yml as it is (sampling, sensitivity, lists, changes,
                crosswalk, breaks, report), and with `sensitivity: false`; the researcher does
                the pipeline, crosswalk re-code and Monte Carlo, not sensitivity, categories,
                break flags or the report
  asem          COINr's ASEM example with COINr's four uncertain inputs, 1,000 replications: the
                whole `buurtscore run` (no Python counterpart; COINr's time in the row)
Default: every case. `--quick`: small sizes and one round (a smoke test in a few minutes).

Before the table, per case: the two programs' nominal ranks (scores.csv `rank`, and
uncertainty.csv `rank`) must be equal and their index scores within 1e-9 (1e-12 for the
defaults, method and demo cases), else the script stops.
The Monte Carlo streams differ (Philox in buurtscore, PCG64 in numpy), so bands are compared
only loosely: the mean |difference| of the median ranks is printed with the table.

Timing: the runs of a case alternate (its order, then reversed, ...) for --repeat rounds; wall,
CPU (user + system) and peak RSS of each process (os.wait4), and the 1-minute load average
before it. Ratio = Python / buurtscore of the medians.
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys
import time

import cases

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
ALL = ("pipeline,uncertainty0,uncertainty1,geometric,national,defaults,arithmetic,geometric-mean,harmonic,power2,"
       "power0.5,mpi,copeland,demo,asem")


def run_measured(command):
    """Runs command with its output in work/last-run.log; wall s, CPU s and peak RSS MB of that
    process alone (os.wait4), the 1-minute load average before it, and its output."""
    load = open("/proc/loadavg").read().split()[0]
    log = os.path.join(WORK, "last-run.log")
    start = time.perf_counter()
    with open(log, "w") as f:
        pid = os.posix_spawn(command[0], command, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, f.fileno(), 1),
                                                                            (os.POSIX_SPAWN_DUP2, f.fileno(), 2)])
        _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    output = open(log).read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n" + output)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024, "load": load, "log": output}


def read_column(path, column):
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["unit"], r.get("period", "")): float(r[column]) for r in csv.DictReader(f) if r.get(column, "") != ""}


def check_agreement(name, ours, theirs, tolerance):
    """Nominal ranks equal, index scores within tolerance; the loose Monte Carlo comparison."""
    notes = []
    for table, column in (("scores.csv", "rank"), ("uncertainty.csv", "rank")):
        a, b = os.path.join(ours, table), os.path.join(theirs, table)
        if not os.path.exists(b):
            continue
        x, y = read_column(a, column), read_column(b, column)
        if x.keys() != y.keys():
            sys.exit(f"{name} {table}: the programs kept different unit-years ({len(x)} against {len(y)})")
        differ = [k for k in x if x[k] != y[k]]
        if differ:
            sys.exit(f"{name} {table}: nominal ranks differ in {len(differ)} of {len(x)} unit-years, e.g. {differ[:3]}; no table")
    x, y = read_column(os.path.join(ours, "scores.csv"), "index"), read_column(os.path.join(theirs, "scores.csv"), "index")
    worst = max(abs(x[k] - y[k]) for k in x)
    if worst > tolerance:
        sys.exit(f"{name}: nominal index scores differ by up to {worst:.2e}; no table")
    notes.append(f"nominal ranks equal in all {len(x):,} unit-years, index scores within {worst:.1e}")
    if os.path.exists(os.path.join(theirs, "uncertainty.csv")):
        gaps = []
        for column in ("rank_p05", "rank_median", "rank_p95"):
            x = read_column(os.path.join(ours, "uncertainty.csv"), column)
            y = read_column(os.path.join(theirs, "uncertainty.csv"), column)
            gaps.append(statistics.mean(abs(x[k] - y[k]) for k in x))
        notes.append("rank bands 5 % / 50 % / 95 % differ by " + " / ".join(f"{g:.1f}" for g in gaps) +
                     " ranks on average (different random streams)")
    print(f"{name}: " + "; ".join(notes), flush=True)
    return "; ".join(notes)


def phases(log):
    return next((line for line in log.splitlines() if line.startswith("researcher phases")), "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--buurtscore", required=True)
    ap.add_argument("--cases", default=ALL)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--units", type=int, default=14000)
    ap.add_argument("--quick", action="store_true", help="300 buurten, a few hundred replications, one round")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    sizes = {"units": args.units, "uncertainty": [1000, 10000], "geometric": 10000, "national": 1000, "asem": 1000,
             "defaults": 3000, "methods": (3000, "2017-2018", 1000), "copeland": (1000, "2017-2018", 100)}
    if args.quick:
        sizes = {"units": 300, "uncertainty": [100, 200], "geometric": 500, "national": 50, "asem": 100,
                 "defaults": 300, "methods": (300, "2017-2018", 100), "copeland": (200, "2017-2018", 20)}
        args.repeat = 1
    os.makedirs(WORK, exist_ok=True)
    researcher = os.path.join(HERE, "researcher.py")
    md_rows, notes = [], []
    for name in args.cases.split(","):
        case = cases.make(name, sizes)
        if case["synth"]:
            folder = os.path.join(WORK, "synth-" + "-".join(a.strip("-") for a in case["synth"]))
            if not os.path.exists(os.path.join(folder, "data.csv")):
                subprocess.run([args.buurtscore, "synth", *case["synth"], "--seed", "2017", "--out", folder],
                               check=True, stdout=subprocess.DEVNULL)
            model_text = open(os.path.join(folder, "model.yml"), encoding="utf-8").read()
            data = os.path.join(folder, "data.csv")
        elif case.get("data"):
            folder, model_text, data = os.path.join(WORK, name), "", case["data"]
            os.makedirs(folder, exist_ok=True)
        else:
            if not os.path.exists(os.path.join(cases.ASEM, "input_iMeta.csv")):
                print(f"{name}: {cases.ASEM} is absent, skipped")
                continue
            folder, model_text, data = os.path.join(WORK, "asem"), "", None
            os.makedirs(folder, exist_ok=True)
        models = {}
        for variant, body in case["models"](model_text).items():
            models[variant] = os.path.join(folder, f"model-{name}-{variant}.yml")
            with open(models[variant], "w", encoding="utf-8") as f:
                f.write(body)

        def command(who, variant, out):
            subprocess.run(["rm", "-rf", out])
            if who == "buurtscore":
                return [args.buurtscore, "run", models[variant], *(["--data", data] if data else []), "--out", out, "--quiet"]
            os.makedirs(out, exist_ok=True)
            return [sys.executable, researcher, models[variant], data, out]

        runs = {key: [] for key in case["timed"]}
        checked = None
        for i in range(args.repeat):
            order = case["timed"] if i % 2 == 0 else list(reversed(case["timed"]))
            for who, variant in order:
                out = os.path.join(WORK, f"out-{name}-{who}-{variant}")
                m = run_measured(command(who, variant, out))
                runs[(who, variant)].append(m)
                print(f"{name:13} {who:10} {variant:7} {m['wall']:8.2f} s wall {m['cpu']:8.2f} s CPU {m['rss']:7.0f} MB"
                      f"  load {m['load']}  {phases(m['log'])}", flush=True)
            if checked is None and case["check"]:
                v = case["check"]
                checked = check_agreement(name, os.path.join(WORK, f"out-{name}-buurtscore-{v}"),
                                          os.path.join(WORK, f"out-{name}-python-{v}"), case.get("tolerance", 1e-9))
                notes.append(f"{name}: {checked}")
        for label, ours, theirs, note in case["rows"]:
            md_rows.append(row(label, runs[("buurtscore", ours)], runs.get(("python", theirs)), note))
        for (who, variant), ms in runs.items():
            if who == "python":
                notes.append(f"{name} Python ({variant}) " + phases(ms[len(ms) // 2]["log"]).replace("researcher phases", "phases"))
        # The table so far, so a long run that is stopped keeps its finished cases.
        write_table(md_rows, notes, args.out)


def write_table(md_rows, notes, out):
    md = ("Medians of the alternating runs (`compare.py`, see `Benchmarks/README.md`); ratio = Python / buurtscore "
          "(> 1: buurtscore is faster); CPU = user + system of the process, peak = its maximum resident set.\n\n"
          "| task | runs | buurtscore wall s | CPU s | peak MB | Python wall s | CPU s | peak MB | ratio wall | ratio CPU | load (1 min) | note |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n" + "".join(md_rows) +
          "\nChecked before the table and phases of the Python runs (s):\n\n" + "".join(f"- {n}\n" for n in notes))
    print()
    print(md, flush=True)
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(md)


def row(label, s, p, note):
    med = lambda runs, key: statistics.median(r[key] for r in runs)
    loads = ", ".join(r["load"] for r in s + (p or []))
    text = f"| {label} | {len(s)} + {len(p) if p else 0} | {med(s, 'wall'):.2f} | {med(s, 'cpu'):.2f} | {med(s, 'rss'):.0f} | "
    if p:
        text += (f"{med(p, 'wall'):.2f} | {med(p, 'cpu'):.2f} | {med(p, 'rss'):.0f} | **{med(p, 'wall') / med(s, 'wall'):.1f}** | "
                 f"{med(p, 'cpu') / med(s, 'cpu'):.1f} | ")
    else:
        text += "– | – | – | – | – | "
    return text + f"{loads} | {note} |\n"


if __name__ == "__main__":
    main()
