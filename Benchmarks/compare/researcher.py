#!/usr/bin/env python3
"""The tasks of `buurtscore run`, written as a Python researcher would: pandas + numpy, vectorised.

    python researcher.py MODEL DATA OUT_DIR

Reads the model file (PyYAML): the tree (code, parent, direction, weight, denominator, scale),
the stages (denominate, impute mean/median by a group column, screen on observed coverage,
treat winsorise, normalise minmax/zscore with scope period/all/reference, aggregate
arithmetic, geometric, harmonic, generalised, mpi, copeland; see stages.py
and aggregation.py) and `uncertainty:`. Writes OUT_DIR/scores.csv (unit,
period, index, rank: within each period, highest index = 1, ties share the best rank).

With `uncertainty:` also OUT_DIR/uncertainty.csv (rank and score bands, p_top among the
`priorities.top` lowest, default 5). Two Monte Carlo paths:
  - fixed data (uncertain weights, normalisation and aggregation only): mc_linear.py, every
    replication's index as matrix products (geometric: of the log values), ranks by argsort;
  - uncertain data (sampling, treat or impute alternatives): mc_pipeline.py, the whole pipeline
    per block of replications, and with priorities the per-dimension gap bands (gaps.csv), with
    changes the change bands from -> to (changes.csv).
`crosswalk:` re-codes are applied to the rows. Not computed: `sensitivity:`, category labels,
method-break flags, the report.
Prints the wall and CPU seconds of each phase (time.perf_counter, time.process_time).
"""
import os
import sys
import time

import numpy as np
import pandas as pd

import aggregation
import stages

UNIT, NAME, PERIOD = "buurt_code", "buurt_naam", "jaar"


class Clock:
    """Wall and CPU seconds (time.perf_counter, time.process_time) per phase, printed at the end."""

    def __init__(self):
        self.phases, self.last = {}, (time.perf_counter(), time.process_time())

    def lap(self, phase):
        now = (time.perf_counter(), time.process_time())
        wall, cpu = self.phases.get(phase, (0.0, 0.0))
        self.phases[phase] = (wall + now[0] - self.last[0], cpu + now[1] - self.last[1])
        self.last = now

    def report(self):
        wall, cpu = (sum(v[i] for v in self.phases.values()) for i in (0, 1))
        parts = ", ".join(f"{k} {w:.2f}/{c:.2f}" for k, (w, c) in self.phases.items())
        print(f"researcher phases (wall/CPU s): {parts}; total {wall:.2f}/{cpu:.2f}", flush=True)


def prepare(model, indicators, df):
    """Raw indicator matrix, denominators and the rows the screen keeps."""
    codes = [i["code"] for i in indicators]
    raw = df[codes].to_numpy(dtype=float)
    denominated = raw.copy()
    for j, i in enumerate(indicators):
        # Without a `denominate:` key the stage is skipped and counts stay counts.
        if i.get("denominator") and "denominate" in model:
            denominated[:, j] = raw[:, j] / df[i["denominator"]].to_numpy(dtype=float) * i.get("scale", 1)
    screen = model.get("screen")
    keep = np.ones(len(df), bool)
    if screen:
        keep = (~np.isnan(denominated)).mean(axis=1) >= screen.get("min_coverage", 0)
    return raw, denominated, keep


def impute(model, x, df, method=None):
    spec = model.get("impute")
    if not spec or spec.get("method", "none") == "none":
        return x
    keys = [df[PERIOD].to_numpy()]
    if spec.get("by", "period") not in ("period", "all"):
        keys.append(df[spec["by"]].to_numpy())
    return stages.group_fill(x, keys, method or spec["method"])


def treat(model, x, periods, max_points=None):
    spec = model.get("treat")
    if not spec or spec.get("method", "winsorise") == "none":
        return x
    points = spec.get("max_points", 5) if max_points is None else max_points
    skew, kurt = spec.get("max_skew", 2), spec.get("max_kurtosis", 3.5)
    norm = model.get("normalise") or {}
    if norm.get("scope") == "reference":
        # Decided on the reference period and applied unchanged to every period.
        reference = periods == type(periods[0])(norm["reference"])
        rules = stages.treatment(x[reference], points, skew, kurt)[1]
        return stages.apply_treatment(x, rules)
    out = np.empty_like(x)
    for t in np.unique(periods):
        rows = periods == t
        out[rows] = stages.treat(x[rows], points, skew, kurt)
    return out


def dimension_scores(values, indicators, dims, weights=None, method="arithmetic"):
    """Each dimension's weighted mean of its indicators (values rows x k); rows x d."""
    w = np.array([i.get("weight", 1.0) for i in indicators]) if weights is None else weights
    out = []
    for g in dims:
        cols = [j for j, i in enumerate(indicators) if i["parent"] == g["code"]]
        out.append(stages.weighted_mean(values[..., cols], w[..., cols], method))
    return np.stack(out, axis=-1)


def recode(model, model_path, df):
    """`crosswalk:` re-codes (one line of share 1 per unit and period range) applied to the
    rows; splits and merges (shares below 1) are not implemented."""
    if not model.get("crosswalk"):
        return df
    walk = pd.read_csv(os.path.join(os.path.dirname(os.path.abspath(model_path)), model["crosswalk"]), dtype={"from_code": str, "to_code": str})
    if (walk["share"] != 1).any():
        raise SystemExit("researcher: only crosswalk re-codes (share 1) are implemented")
    df = df.copy()
    for line in walk.itertuples():
        rows = (df[UNIT] == line.from_code) & df[PERIOD].between(line.period_from, line.period_to)
        df.loc[rows, UNIT] = line.to_code
    return df


def children(indicators, dims):
    """The indicator positions of each dimension."""
    return [[j for j, i in enumerate(indicators) if i["parent"] == g["code"]] for g in dims]


def nominal(model, indicators, dims, df, clock):
    """The deterministic pipeline; the screened frame's keys, treated values and index."""
    raw, denominated, keep = prepare(model, indicators, df)
    imputed = impute(model, denominated, df)
    meta = df.loc[keep, [UNIT, PERIOD]].reset_index(drop=True)
    periods = meta[PERIOD].to_numpy()
    treated = treat(model, imputed[keep], periods)
    direction = np.array([i.get("direction", 1.0) for i in indicators])
    normalised = stages.normalise(treated, model.get("normalise") or {}, periods, direction)
    method = aggregation.method_of(model.get("aggregate") or "arithmetic")
    w_i = np.array([i.get("weight", 1.0) for i in indicators])[:, None]
    w_d = np.array([g.get("weight", 1.0) for g in dims])[:, None]
    d, index = np.full((len(periods), len(dims)), np.nan), np.full(len(periods), np.nan)
    for t in np.unique(periods):
        rows = periods == t
        dt, it = aggregation.tree_scores(normalised[rows], children(indicators, dims), w_i, w_d, method)
        d[rows], index[rows] = np.hstack(dt), it[:, 0]
    rank = pd.Series(index).groupby(periods).rank(method="min", ascending=False).to_numpy()
    clock.lap("read + nominal pipeline")
    return {"raw": raw, "keep": keep, "meta": meta, "periods": periods, "treated": treated,
            "direction": direction, "index": index, "dims": d, "rank": rank}


def main():
    model_path, data_path, out = sys.argv[1:4]
    clock = Clock()
    model, indicators, dims, root = stages.read_model(model_path)
    df = pd.read_csv(data_path, na_values=["", "NA", ".", "-"], keep_default_na=False,
                     dtype={UNIT: str, NAME: str, "wijk": str})
    df = recode(model, model_path, df)
    run = nominal(model, indicators, dims, df, clock)
    meta = run["meta"]
    pd.DataFrame({"unit": meta[UNIT], "period": run["periods"], "index": run["index"], "rank": run["rank"]}) \
        .to_csv(f"{out}/scores.csv", index=False)
    clock.lap("write scores")
    u = model.get("uncertainty")
    if u and u.get("replications", 0) > 0:
        if u.get("sampling") or u.get("treat") or u.get("impute"):
            import mc_pipeline
            mc_pipeline.run(model, indicators, dims, df, run, out, clock)
        else:
            import mc_linear
            mc_linear.run(model, indicators, dims, run, out, clock)
    clock.report()


if __name__ == "__main__":
    main()
