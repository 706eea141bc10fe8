"""The stages of a buurtscore model as a pandas + numpy researcher writes them, vectorised over
columns so the same functions serve the nominal run (one column per indicator) and a block of
Monte Carlo replications (one column per indicator and replication).

Semantics follow the model file reference (README, "The model file"):
  denominate  value / denominator x scale
  impute      mean or median of the same period within the same group column (e.g. wijk)
  screen      keep unit-years whose share of observed indicators (before imputing) is >= min_coverage
  treat       per period and indicator: passes when |skew| < max_skew or kurtosis < max_kurtosis
              (e1071 type 2); else winsorise the skewed end one step at a time (ties together)
              while failing and fewer than max_points cells sit at the latest step's ends; still
              failing: ln(x - min + 0.01 (max - min)) of the original values
  normalise   direction x value, then minmax (range) or zscore (mean, sd; sample sd) with the
              parameters per period, over all periods, or from one reference period
  aggregate   arithmetic or geometric weighted means over the available children, weights
              renormalised
"""
import numpy as np
import pandas as pd
import yaml


def read_model(path):
    """The model file as a dict, the indicator and dimension lists, and the index code."""
    model = yaml.safe_load(open(path, encoding="utf-8"))
    groups = model["groups"]
    root = next(g["code"] for g in groups if not g.get("parent"))
    dims = [g for g in groups if g.get("parent") == root]
    return model, model["indicators"], dims, root


def alternatives(model):
    """The normalisation alternatives of `uncertainty:` (the model's own when absent); an
    alternative without `scope` takes the model's scope (and reference period)."""
    own = model.get("normalise") or {}
    inherited = {key: own[key] for key in ("scope", "reference") if key in own}
    return [{**inherited, **alt} for alt in (model["uncertainty"].get("normalise") or [own])]


def moments(p):
    """Type 2 skewness and excess kurtosis of every column of p (NaN cells skipped); NaN where
    undefined (fewer than 3 / 4 values, or a constant column)."""
    missing = np.isnan(p)
    if missing.any():
        n = np.sum(~missing, axis=0).astype(float)
        d = np.where(missing, 0.0, p - np.nanmean(p, axis=0))
    else:
        n = np.full(p.shape[1], float(p.shape[0]))
        d = p - p.mean(axis=0)
    d2 = d * d
    s2, s3, s4 = d2.sum(axis=0), (d2 * d).sum(axis=0), (d2 * d2).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        g1 = np.sqrt(n) * s3 / (s2 * np.sqrt(s2))
        skew = g1 * np.sqrt(n * (n - 1)) / (n - 2)
        r = n * s4 / (s2 * s2)
        kurt = ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
    skew[(n < 3) | (s2 <= 0)] = np.nan
    kurt[(n < 4) | (s2 <= 0)] = np.nan
    return skew, kurt


def passes(p, max_skew, max_kurt):
    """The check in three-valued logic: 1 pass, 0 fail, -1 undecided."""
    skew, kurt = moments(p)
    ok_s, ok_k = np.abs(skew) < max_skew, kurt < max_kurt
    out = np.where(ok_s | ok_k, 1, np.where(np.isnan(skew) | np.isnan(kurt), -1, 0))
    return out, skew


def treat(p, max_points, max_skew, max_kurt):
    """Winsorise / log-transform the columns of one period's values p (rows x columns);
    max_points per column (an array) or one number. Returns the treated copy."""
    return treatment(p, max_points, max_skew, max_kurt)[0]


def apply_treatment(x, rules):
    """A treatment decided on the reference period (`treatment`'s rules) applied to other
    values x: clipped to the winsorised bounds, or ln(max(x, min) - min + 0.01 (max - min))."""
    out = x.copy()
    for c, rule in rules.items():
        if rule[0] == "win":
            out[:, c] = np.clip(x[:, c], rule[1], rule[2])
        else:
            lo, hi = rule[1], rule[2]
            with np.errstate(invalid="ignore", divide="ignore"):
                out[:, c] = np.log(np.maximum(x[:, c], lo) - lo + 0.01 * (hi - lo))
    return out


def treatment(p, max_points, max_skew, max_kurt):
    """`treat` and its rules per treated column: ("win", lower, upper) or ("log", min, max)."""
    rules = {}
    max_points = np.broadcast_to(np.asarray(max_points), (p.shape[1],))
    state, skew = passes(p, max_skew, max_kurt)
    out = p.copy()
    cols = np.flatnonzero(state == 0)
    if len(cols) == 0:
        return out, rules
    x = p[:, cols].copy()
    high = np.zeros(len(cols), int)
    low = np.zeros(len(cols), int)
    cur, cur_skew = state[cols], skew[cols]
    limit = max_points[cols]
    active = (cur == 0) & (high + low < limit)
    while active.any():
        a = np.flatnonzero(active)
        up = cur_skew[a] >= 0
        for side, sel in ((True, a[up]), (False, a[~up])):
            if len(sel) == 0:
                continue
            xs = x[:, sel]
            ext = np.nanmax(xs, axis=0) if side else np.nanmin(xs, axis=0)
            at = xs == ext
            other = np.where(at | np.isnan(xs), -np.inf if side else np.inf, xs)
            repl = other.max(axis=0) if side else other.min(axis=0)
            xs = np.where(at, repl, xs)
            x[:, sel] = xs
            (high if side else low)[sel] = at.sum(axis=0)
        st, sk = passes(x[:, a], max_skew, max_kurt)
        cur[a], cur_skew[a] = st, sk
        active = (cur == 0) & (high + low < limit)
    win = cur == 1
    out[:, cols[win]] = x[:, win]
    for k in np.flatnonzero(win):
        lower = np.nanmin(x[:, k]) if low[k] > 0 else -np.inf
        upper = np.nanmax(x[:, k]) if high[k] > 0 else np.inf
        rules[int(cols[k])] = ("win", lower, upper)
    fail = np.flatnonzero(cur == 0)
    if len(fail):
        orig = p[:, cols[fail]]
        lo, hi = np.nanmin(orig, axis=0), np.nanmax(orig, axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            logged = np.log(orig - lo + 0.01 * (hi - lo))
        decided = passes(logged, max_skew, max_kurt)[0] != -1
        out[:, cols[fail[decided]]] = logged[:, decided]
        for k in np.flatnonzero(decided):
            rules[int(cols[fail[k]])] = ("log", lo[k], hi[k])
    return out, rules


def group_fill(x, keys, method):
    """Missing cells of x (rows x columns) filled with the mean / median of their group (keys:
    a list of row arrays, e.g. period and wijk)."""
    frame = pd.DataFrame(x)
    missing = frame.isna().any(axis=0).to_numpy()
    if not missing.any():
        return x
    sub = frame.loc[:, missing]
    filled = sub.fillna(sub.groupby(keys).transform(method))
    out = x.copy()
    out[:, missing] = filled.to_numpy()
    return out


def normalise(x, spec, periods, direction):
    """x (rows x columns) times direction, then minmax / zscore with the scope of spec."""
    v = x * direction
    method, scope = spec.get("method", "minmax"), spec.get("scope", "period")
    if scope == "period":
        bases = [(periods == t, periods == t) for t in np.unique(periods)]
    elif scope == "all":
        bases = [(slice(None), slice(None))]
    else:
        bases = [(slice(None), periods == spec["reference"])]
    out = np.empty_like(v)
    for rows, basis in bases:
        b = v[basis]
        if method == "minmax":
            lower, upper = spec.get("range", [0, 100])
            lo, hi = np.nanmin(b, axis=0), np.nanmax(b, axis=0)
            out[rows] = (v[rows] - lo) / (hi - lo) * (upper - lower) + lower
        elif method == "zscore":
            m, sd = np.nanmean(b, axis=0), np.nanstd(b, axis=0, ddof=1)
            out[rows] = (v[rows] - m) / sd * spec.get("sd", 1) + spec.get("mean", 0)
        else:
            raise SystemExit(f"researcher: normalise method {method} is not implemented")
    return out


def weighted_mean(values, weights, method):
    """Weighted means over the last axis of values (..., c) with weights (c,) or broadcastable
    (..., c), the missing children skipped. Geometric needs positive values: NaN where any
    available value is <= 0 (the caller skips that replication)."""
    avail = ~np.isnan(values)
    w = np.where(avail, weights, 0.0)
    if method == "geometric":
        with np.errstate(invalid="ignore", divide="ignore"):
            bad = (avail & ~(values > 0)).any(axis=-1)
            s = np.exp(np.sum(w * np.log(np.where(avail & (values > 0), values, 1.0)), axis=-1) / w.sum(axis=-1))
        s[bad] = np.nan
        return s
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.sum(w * np.where(avail, values, 0.0), axis=-1) / w.sum(axis=-1)
