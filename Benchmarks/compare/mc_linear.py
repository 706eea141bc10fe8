"""Monte Carlo on fixed data: uncertain weights (x U(1 - noise, 1 + noise) at levels 1 =
indicators and 2 = dimensions), normalisation and aggregation alternatives drawn per
replication, read from the model's `uncertainty:` (the model's own stage when a list is absent).

Each alternative's normalised data is computed once. Per period and (normalisation,
aggregation) pair, the dimension scores of all its replications are one matrix product per
dimension: arithmetic (X_d . W_d) / (A_d . W_d), geometric exp((ln X_d . W_d) / (A_d . W_d)),
with A the availability mask, so weights are renormalised over available indicators; the index
the same over dimensions with the replications' dimension weights. A geometric alternative
meeting a value <= 0 is skipped (as buurtscore skips such replications).
"""
import numpy as np
import pandas as pd

import stages
from summaries import rank_bands


def draw_weights(rng, indicators, dims, noise, levels, R):
    base_i = np.array([i.get("weight", 1.0) for i in indicators])[:, None]
    base_d = np.array([g.get("weight", 1.0) for g in dims])[:, None]
    w_i = base_i * (rng.uniform(1 - noise, 1 + noise, size=(len(indicators), R)) if 1 in levels else 1)
    w_d = base_d * (rng.uniform(1 - noise, 1 + noise, size=(len(dims), R)) if 2 in levels else 1)
    return np.broadcast_to(w_i, (len(indicators), R)), np.broadcast_to(w_d, (len(dims), R))


def index_scores(values, indicators, dims, w_i, w_d, method):
    """Index scores (rows x replications) for weight columns w_i (k x r), w_d (d x r)."""
    available = ~np.isnan(values)
    geometric = method == "geometric"
    filled = np.where(available, np.log(np.where(available, values, 1.0)) if geometric else values, 0.0)
    num = den = 0
    for d, g in enumerate(dims):
        cols = [j for j, i in enumerate(indicators) if i["parent"] == g["code"]]
        with np.errstate(invalid="ignore", divide="ignore"):
            s = (filled[:, cols] @ w_i[cols]) / (available[:, cols] @ w_i[cols])
        ok = ~np.isnan(s)
        s = np.where(ok, s, 0.0)
        # Geometric: s holds ln of the dimension score, exactly what the index level needs.
        num = num + s * w_d[d]
        den = den + ok * w_d[d]
    with np.errstate(invalid="ignore", divide="ignore"):
        out = num / den
    return np.exp(out) if geometric else out


def run(model, indicators, dims, nominal, out, clock):
    u = model["uncertainty"]
    R, seed = u["replications"], u.get("seed", 2017)
    top = (model.get("priorities") or {}).get("top", 5) if isinstance(model.get("priorities"), dict) else 5
    periods, meta = nominal["periods"], nominal["meta"]
    rng = np.random.default_rng(seed)
    weights = u.get("weights") or {}
    w_i, w_d = draw_weights(rng, indicators, dims, weights.get("noise", 0), weights.get("levels", [1, 2]), R)
    norm_alts = stages.alternatives(model)
    agg_alts = u.get("aggregate") or [(model.get("aggregate") or {}).get("method", "arithmetic")]
    norm_choice = rng.integers(0, len(norm_alts), size=R)
    agg_choice = rng.integers(0, len(agg_alts), size=R)
    data = [stages.normalise(nominal["treated"], spec, periods, nominal["direction"]) for spec in norm_alts]
    clock.lap("MC draws + normalised alternatives")
    valid = np.ones(R, bool)
    for a, values in enumerate(data):
        if np.any(values[~np.isnan(values)] <= 0):
            for g, method in enumerate(agg_alts):
                if method == "geometric":
                    valid[(norm_choice == a) & (agg_choice == g)] = False
    reps_valid = np.flatnonzero(valid)
    parts = []
    for year in np.unique(periods):
        rows = np.flatnonzero(periods == year)
        s = np.empty((len(rows), R))
        for a, values in enumerate(data):
            for g, method in enumerate(agg_alts):
                reps = np.flatnonzero((norm_choice == a) & (agg_choice == g) & valid)
                if len(reps):
                    s[:, reps] = index_scores(values[rows], indicators, dims, w_i[:, reps], w_d[:, reps], method)
        clock.lap("MC index scores (matrix products)")
        b = rank_bands(s[:, reps_valid], top)
        parts.append(pd.DataFrame({"unit": meta["buurt_code"].to_numpy()[rows], "period": year,
                                   "score": nominal["index"][rows], "rank": nominal["rank"][rows], **b}))
        del s
        clock.lap("MC ranks, bands, p_top")
    pd.concat(parts).to_csv(f"{out}/uncertainty.csv", index=False)
    clock.lap("write uncertainty")
    print(f"researcher: {R} replications, {R - len(reps_valid)} skipped (geometric mean of a value <= 0)")
