"""Monte Carlo with uncertain data: each replication redraws the survey shares and counts from
their sampling error and re-runs the whole pipeline with its own impute method, winsorising
limit (max_points), normalisation, aggregation and weights, all read from `uncertainty:`.

Per replication r (blocks of replications with the same impute / normalise / aggregate
alternative, processed as one wide matrix: one column per indicator and replication):
  sampling   binomial {size, per}: x = value/per*n, value' = Beta(x + 1/2, n - x + 1/2)*per;
             poisson {exposure, per}: count c (the raw value when the indicator is divided by
             the exposure, else value*exposure/per), c' = Gamma(c + 1/2); missing stays missing,
             rows without a positive size keep their value
  pipeline   denominate, impute (pandas groupby transform mean / median per period and group),
             screen (the nominal rows: coverage of observed values does not change), treat per
             period with the replication's max_points, normalise, aggregate with the drawn weights
  skipped    a geometric replication meeting a value <= 0
Summaries over the valid replications: rank and score bands, p_top (uncertainty.csv); unless
`priorities: none`, per buurt and dimension the gap = (mean of the period's buurten) - score,
its 5/95 % band and p_worst = P(largest gap of the buurt) (gaps.csv); unless `changes: none`, the
change to - from of the index and every dimension with each normalisation alternative applied
with the model's scope (reference year), 5/95 % band (changes.csv).
Not computed: category labels, significance flags, method breaks, sensitivity, removal.
"""
import numpy as np
import pandas as pd

import stages
from mc_linear import draw_weights
from researcher import PERIOD, UNIT, dimension_scores, impute, treat
from summaries import band, rank_bands

BLOCK = 20  # replications per block: about 56,000 rows x 21 indicators x 20 x 8 bytes = 190 MB per array


def sampling_targets(indicators):
    out = []
    for j, i in enumerate(indicators):
        u = i.get("uncertainty") or {}
        if "binomial" in u:
            out.append((j, u["binomial"], u.get("per", 1.0), "binomial"))
        elif "poisson" in u:
            out.append((j, u["poisson"], u.get("per", 1.0), "count" if i.get("denominator") == u["poisson"] else "rate"))
    return out


def sample(rng, raw, df, targets, b):
    """b redraws of the raw indicator values: (rows, b, k)."""
    x = np.repeat(raw[:, None, :], b, axis=1)
    for kind in ("binomial", "count", "rate"):
        cols = [t for t in targets if t[3] == kind]
        if not cols:
            continue
        js = [t[0] for t in cols]
        v = raw[:, js]
        size = np.stack([df[t[1]].to_numpy(dtype=float) for t in cols], axis=1)
        per = np.array([t[2] for t in cols])
        ok = ~np.isnan(v) & ((size > 0) if kind != "count" else True)
        if kind == "binomial":
            succ = np.clip(v / per * size, 0, size)
            a, bb = np.where(ok, succ + 0.5, 1.0), np.where(ok, size - succ + 0.5, 1.0)
            draw = rng.beta(a, bb, size=(b,) + v.shape) * per
        else:
            c = np.maximum(v, 0) if kind == "count" else np.maximum(v * size / per, 0)
            draw = rng.gamma(np.where(ok, c + 0.5, 1.0), size=(b,) + v.shape)
            if kind == "rate":
                draw = draw * per / size
        x[:, :, js] = np.where(ok[:, None, :], np.moveaxis(draw, 0, 1), x[:, :, js])
    return x


def run(model, indicators, dims, df, nominal, out, clock):
    u = model["uncertainty"]
    R, seed = u["replications"], u.get("seed", 2017)
    prio = model.get("priorities")
    top = prio.get("top", 5) if isinstance(prio, dict) else 5
    lists = prio != "none"
    k, nd = len(indicators), len(dims)
    keep, meta, periods, direction = nominal["keep"], nominal["meta"], nominal["periods"], nominal["direction"]
    years = np.unique(periods)
    changes = model.get("changes")
    do_changes = changes != "none" and len(years) > 1
    y_from, y_to = (changes.get("from", years[0]), changes.get("to", years[-1])) if isinstance(changes, dict) else (years[0], years[-1])

    rng = np.random.default_rng(seed)
    weights = u.get("weights") or {}
    w_i, w_d = draw_weights(rng, indicators, dims, weights.get("noise", 0), weights.get("levels", [1, 2]), R)
    norm_alts = stages.alternatives(model)
    agg_alts = u.get("aggregate") or [(model.get("aggregate") or {}).get("method", "arithmetic")]
    imp_alts = u.get("impute") or [(model.get("impute") or {}).get("method", "mean")]
    mp_alts = (u.get("treat") or {}).get("max_points") or [(model.get("treat") or {}).get("max_points", 5)]
    choice = {name: rng.integers(0, len(alts), size=R) for name, alts in
              (("impute", imp_alts), ("normalise", norm_alts), ("aggregate", agg_alts), ("max_points", mp_alts))}
    max_points = np.array(mp_alts)[choice["max_points"]]
    model_norm = model.get("normalise") or {}
    targets = sampling_targets(indicators)

    # Rows of the change: units scored in both periods (positions in the screened rows).
    units = meta[UNIT].to_numpy()
    pos_from = pd.Series(np.flatnonzero(periods == y_from), index=units[periods == y_from])
    pos_to = pd.Series(np.flatnonzero(periods == y_to), index=units[periods == y_to])
    both = pos_from.index.intersection(pos_to.index)
    rows_from, rows_to = pos_from[both].to_numpy(), pos_to[both].to_numpy()

    n = len(meta)
    index = np.full((n, R), np.nan)
    dim_s = np.full((n, nd, R), np.nan, dtype=np.float32) if lists else None
    change = np.full((len(both), nd + 1, R), np.nan, dtype=np.float32) if do_changes else None
    valid = np.ones(R, bool)
    clock.lap("MC draws (weights, alternatives)")
    raw = nominal["raw"]
    for ci in range(len(imp_alts)):
        for cn, spec in enumerate(norm_alts):
            for ca, method in enumerate(agg_alts):
                reps = np.flatnonzero((choice["impute"] == ci) & (choice["normalise"] == cn) & (choice["aggregate"] == ca))
                for start in range(0, len(reps), BLOCK):
                    block = reps[start:start + BLOCK]
                    b = len(block)
                    x = sample(rng, raw, df, targets, b)
                    clock.lap("MC sampling (Beta, Gamma)")
                    for j, i in enumerate(indicators):
                        if i.get("denominator") and "denominate" in model:
                            x[:, :, j] = x[:, :, j] / df[i["denominator"]].to_numpy(dtype=float)[:, None] * i.get("scale", 1)
                    x = impute(model, x.reshape(len(raw), b * k), df, imp_alts[ci])[keep]
                    clock.lap("MC denominate, impute, screen")
                    x = treat(model, x, periods, np.repeat(max_points[block], k))
                    clock.lap("MC treat")
                    dirs = np.tile(direction, b)
                    v = stages.normalise(x, spec, periods, dirs).reshape(n, b, k)
                    clock.lap("MC normalise")
                    if method == "geometric":
                        bad = np.any(v <= 0, axis=(0, 2))
                        valid[block[bad]] = False
                    d = dimension_scores(v, indicators, dims, w_i[:, block].T, method)
                    index[:, block] = stages.weighted_mean(d, w_d[:, block].T, method)
                    if lists:
                        dim_s[:, :, block] = np.moveaxis(d, 1, 2)
                    clock.lap("MC aggregate")
                    if do_changes:
                        ref = dict(spec)
                        if model_norm.get("scope") == "reference":
                            ref.update(scope="reference", reference=model_norm["reference"])
                        rows = np.concatenate([rows_from, rows_to])
                        vr = stages.normalise(x, ref, periods, dirs).reshape(n, b, k)[rows]
                        dr = dimension_scores(vr, indicators, dims, w_i[:, block].T, method)
                        ir = stages.weighted_mean(dr, w_d[:, block].T, method)
                        levels = np.concatenate([ir[:, :, None], dr], axis=2)  # rows x b x (1 + d)
                        m = len(rows_from)
                        change[:, :, block] = np.moveaxis(levels[m:] - levels[:m], 1, 2)
                        clock.lap("MC change evaluation")
    ok = np.flatnonzero(valid)
    parts, gaps = [], []
    for year in years:
        rows = np.flatnonzero(periods == year)
        s = index[rows][:, ok]
        parts.append(pd.DataFrame({"unit": units[rows], "period": year, "score": nominal["index"][rows],
                                   "rank": nominal["rank"][rows], **rank_bands(s, top)}))
        clock.lap("MC ranks, bands, p_top")
        if lists:
            ds = dim_s[rows][:, :, ok]
            gap = np.nanmean(ds, axis=0, keepdims=True) - ds
            lo, hi = band(gap, axis=2)
            any_gap = ~np.isnan(gap).all(axis=1)
            worst = (gap == np.nanmax(np.where(any_gap[:, None, :], gap, 0), axis=1, keepdims=True)) & any_gap[:, None, :]
            p_worst = worst.sum(axis=2) / np.maximum(any_gap.sum(axis=1), 1)[:, None]
            nom = nominal["dims"][rows]
            gaps.append(pd.DataFrame({"unit": np.repeat(units[rows], nd), "period": year,
                                      "group": np.tile([g["code"] for g in dims], len(rows)),
                                      "gap": (np.nanmean(nom, axis=0) - nom).ravel(), "gap_p05": lo.ravel(),
                                      "gap_p95": hi.ravel(), "p_worst": p_worst.ravel()}))
            clock.lap("MC gap bands")
    pd.concat(parts).to_csv(f"{out}/uncertainty.csv", index=False)
    if lists:
        pd.concat(gaps).to_csv(f"{out}/gaps.csv", index=False)
    if do_changes:
        lo, hi = band(change[:, :, ok], axis=2)
        groups = ["index"] + [g["code"] for g in dims]
        pd.DataFrame({"unit": np.repeat(both.to_numpy(), nd + 1), "from": y_from, "to": y_to,
                      "group": np.tile(groups, len(both)), "change_p05": lo.ravel(), "change_p95": hi.ravel()}) \
            .to_csv(f"{out}/changes.csv", index=False)
        clock.lap("MC change bands")
    clock.lap("write")
    print(f"researcher: {R} replications, {R - len(ok)} skipped (geometric mean of a value <= 0)")
