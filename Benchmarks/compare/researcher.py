#!/usr/bin/env python3
"""The tasks of `buurtscore run`, written as a Python researcher would: pandas + numpy, vectorised.

    python researcher.py MODEL DATA OUT_DIR

Reads the indicator tree (code, parent, direction, weight, denominator, scale) from the model
file's `indicators:` lines and the `uncertainty:` replications, and computes with the stage
settings the comparison models use (written by compare.py; the same for both programs):

  denominate   value / denominator x scale
  impute       mean of the same year within the same wijk
  screen       drop unit-years with fewer than 75 % of the indicators observed (before imputing)
  normalise    direction x value, min-max [0, 100] per year
  aggregate    arithmetic means, weights renormalised over the available children, up the tree
  ranks        within each year, highest index = 1, ties share the best rank

Writes OUT_DIR/scores.csv (unit, period, index, rank). With replications R > 0 also the Monte
Carlo analysis and OUT_DIR/uncertainty.csv: R replications, each with every indicator and
dimension weight x U(0.75, 1.25) and min-max [1, 100] or z-score (50, 10) per year; the scores of
all replications as matrix products (numerator and available weight per dimension: one GEMM
each), ranks by double argsort, bands by np.percentile (type 7), p_top = P(among the 5 lowest).
Prints the wall time of reading + pipeline and of the Monte Carlo part.
"""
import re
import sys
import time

import numpy as np
import pandas as pd

UNIT, NAME, PERIOD, GROUP = "buurt_code", "buurt_naam", "jaar", "wijk"


def read_tree(model_path):
    """Indicators and dimensions from the model file's flow-style `- {code: …}` lines."""
    indicators, groups, replications, seed = [], [], 0, 2017
    section = None
    for line in open(model_path, encoding="utf-8"):
        if re.match(r"^\w", line):
            section = line.split(":")[0]
            m = re.match(r"^uncertainty:\s*\{.*replications:\s*(\d+)", line)
            if m:
                replications = int(m.group(1))
        m = re.match(r"^\s+replications:\s*(\d+)", line)
        if m and section == "uncertainty":
            replications = int(m.group(1))
        m = re.match(r"^\s+seed:\s*(\d+)", line)
        if m and section == "uncertainty":
            seed = int(m.group(1))
        if not re.match(r"^\s+- \{code:", line):
            continue
        field = lambda key, default=None: (re.search(rf"\b{key}: ([^,}}]+)", line) or [None, default])[1]
        node = {"code": field("code"), "parent": field("parent"), "weight": float(field("weight", 1)),
                "direction": float(field("direction", 1)), "denominator": field("denominator"),
                "scale": float(field("scale", 1))}
        (indicators if section == "indicators" else groups if section == "groups" else []).append(node)
    return indicators, [g for g in groups if g["parent"]], replications, seed


def pipeline(df, indicators):
    """Denominate, impute, screen, normalise (min-max [0, 100] per year); the normalised frame."""
    codes = [i["code"] for i in indicators]
    x = df[codes].astype(float)
    for i in indicators:
        if i["denominator"]:
            x[i["code"]] = x[i["code"]] / df[i["denominator"]] * i["scale"]
    observed = x.notna().mean(axis=1)
    keys = [df[PERIOD], df[GROUP]]
    x = x.fillna(x.groupby(keys).transform("mean"))
    keep = observed >= 0.75
    x, meta = x[keep], df.loc[keep, [UNIT, PERIOD]]
    x = x * np.array([i["direction"] for i in indicators])
    return x, meta


def minmax(x, period, lower, upper):
    g = x.groupby(period)
    lo, hi = g.transform("min"), g.transform("max")
    return (x - lo) / (hi - lo) * (upper - lower) + lower


def zscore(x, period, mean, sd):
    g = x.groupby(period)
    return (x - g.transform("mean")) / g.transform("std") * sd + mean


def aggregate(values, indicators, groups, w_ind, w_dim):
    """Index scores for the weight columns given (k x R and d x R): arithmetic means with the
    weights renormalised over available children, one GEMM for the numerator and one for the
    available weight per dimension."""
    available = ~np.isnan(values)
    filled = np.where(available, values, 0.0)
    num = den = 0
    for d, g in enumerate(groups):
        cols = [j for j, i in enumerate(indicators) if i["parent"] == g["code"]]
        s = (filled[:, cols] @ w_ind[cols]) / (available[:, cols] @ w_ind[cols])
        ok = ~np.isnan(s)
        num = num + np.where(ok, s, 0.0) * w_dim[d]
        den = den + ok * w_dim[d]
    return num / den


def competition_ranks(scores, period):
    return pd.Series(scores).groupby(period.to_numpy()).rank(method="min", ascending=False).to_numpy()


def main():
    model_path, data_path, out = sys.argv[1:4]
    indicators, groups, R, seed = read_tree(model_path)
    k = len(indicators)

    start = time.perf_counter()
    df = pd.read_csv(data_path, na_values=["", "NA", ".", "-"], keep_default_na=False, dtype={UNIT: str, NAME: str, GROUP: str})
    x, meta = pipeline(df, indicators)
    period = meta[PERIOD]
    nominal = minmax(x, period, 0, 100).to_numpy()
    w_ind = np.array([[i["weight"]] for i in indicators])
    w_dim = np.array([[g["weight"]] for g in groups])
    index = aggregate(nominal, indicators, groups, w_ind, w_dim)[:, 0]
    rank = competition_ranks(index, period)
    scores = pd.DataFrame({"unit": meta[UNIT].to_numpy(), "period": period.to_numpy(), "index": index, "rank": rank})
    scores.to_csv(f"{out}/scores.csv", index=False)
    pipeline_seconds = time.perf_counter() - start
    print(f"researcher: read + pipeline {pipeline_seconds:.3f} s, {len(scores)} rows")
    if R == 0:
        return

    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    alternatives = [minmax(x, period, 1, 100).to_numpy(), zscore(x, period, 50, 10).to_numpy()]
    w_ind = np.array([i["weight"] for i in indicators])[:, None] * rng.uniform(0.75, 1.25, size=(k, R))
    w_dim = np.array([g["weight"] for g in groups])[:, None] * rng.uniform(0.75, 1.25, size=(len(groups), R))
    choice = rng.integers(0, len(alternatives), size=R)
    years = period.to_numpy()
    parts = []
    for year in np.unique(years):
        rows = np.flatnonzero(years == year)
        n = len(rows)
        s = np.empty((n, R))
        for a, values in enumerate(alternatives):
            reps = np.flatnonzero(choice == a)
            s[:, reps] = aggregate(values[rows], indicators, groups, w_ind[:, reps], w_dim[:, reps])
        ranks = np.empty((n, R), dtype=np.int32)
        ranks[np.argsort(-s, axis=0), np.arange(R)] = np.arange(1, n + 1)[:, None]
        lowest = np.empty((n, R), dtype=np.int32)
        lowest[np.argsort(s, axis=0), np.arange(R)] = np.arange(1, n + 1)[:, None]
        rq = np.percentile(ranks, [5, 50, 95], axis=1)
        sq = np.percentile(s, [5, 50, 95], axis=1)
        parts.append(pd.DataFrame({
            "unit": meta[UNIT].to_numpy()[rows], "period": year, "score": index[rows], "rank": rank[rows],
            "rank_mean": ranks.mean(axis=1), "rank_median": rq[1], "rank_p05": rq[0], "rank_p95": rq[2],
            "score_p05": sq[0], "score_p50": sq[1], "score_p95": sq[2], "p_top": (lowest <= 5).mean(axis=1)}))
        del s, ranks, lowest
    pd.concat(parts).to_csv(f"{out}/uncertainty.csv", index=False)
    print(f"researcher: Monte Carlo {time.perf_counter() - start:.3f} s, {R} replications")


if __name__ == "__main__":
    main()
