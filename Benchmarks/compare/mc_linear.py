"""Monte Carlo on fixed data: uncertain weights (x U(1 - noise, 1 + noise) at levels 1 =
indicators and 2 = dimensions), normalisation and aggregation alternatives drawn per
replication, read from the model's `uncertainty:` (the model's own stage when a list is absent).

Each alternative's normalised data is computed once. Per period and (normalisation,
aggregation) pair, the dimension scores of all its replications are one matrix product per
dimension for the means (aggregation.py): arithmetic (X_d . W_d) / (A_d . W_d), geometric
exp((ln X_d . W_d) / (A_d . W_d)), harmonic and generalised alike with 1/X and X^p, A the
availability mask, so weights are renormalised over available indicators; the index the same
over dimensions with the replications' dimension weights. Mazziotta-Pareto: elementwise over
the replications; Copeland: the indicators' pair signs once per period, one matrix product per
block of replications, and the dimensions' pair signs per block. A mean meeting a value outside
its domain is skipped (as buurtscore skips such replications).
"""
import numpy as np
import pandas as pd

import aggregation
import stages
from researcher import children
from summaries import rank_bands


def draw_weights(rng, indicators, dims, noise, levels, R):
    base_i = np.array([i.get("weight", 1.0) for i in indicators])[:, None]
    base_d = np.array([g.get("weight", 1.0) for g in dims])[:, None]
    w_i = base_i * (rng.uniform(1 - noise, 1 + noise, size=(len(indicators), R)) if 1 in levels else 1)
    w_d = base_d * (rng.uniform(1 - noise, 1 + noise, size=(len(dims), R)) if 2 in levels else 1)
    return np.broadcast_to(w_i, (len(indicators), R)), np.broadcast_to(w_d, (len(dims), R))


def run(model, indicators, dims, nominal, out, clock):
    u = model["uncertainty"]
    R, seed = u["replications"], u.get("seed", 2017)
    top = (model.get("priorities") or {}).get("top", 5) if isinstance(model.get("priorities"), dict) else 5
    periods, meta = nominal["periods"], nominal["meta"]
    rng = np.random.default_rng(seed)
    weights = u.get("weights") or {}
    w_i, w_d = draw_weights(rng, indicators, dims, weights.get("noise", 0), weights.get("levels", [1, 2]), R)
    norm_alts = stages.alternatives(model)
    agg_alts = [aggregation.method_of(a) for a in u.get("aggregate") or [model.get("aggregate") or "arithmetic"]]
    norm_choice = rng.integers(0, len(norm_alts), size=R)
    agg_choice = rng.integers(0, len(agg_alts), size=R)
    data = [stages.normalise(nominal["treated"], spec, periods, nominal["direction"]) for spec in norm_alts]
    clock.lap("MC draws + normalised alternatives")
    valid = np.ones(R, bool)
    for a, values in enumerate(data):
        for g, method in enumerate(agg_alts):
            if aggregation.outside_domain(values, method):
                valid[(norm_choice == a) & (agg_choice == g)] = False
    reps_valid = np.flatnonzero(valid)
    cols = children(indicators, dims)
    parts = []
    for year in np.unique(periods):
        rows = np.flatnonzero(periods == year)
        s = np.empty((len(rows), R))
        for a, values in enumerate(data):
            for g, method in enumerate(agg_alts):
                reps = np.flatnonzero((norm_choice == a) & (agg_choice == g) & valid)
                if len(reps):
                    s[:, reps] = aggregation.tree_scores(values[rows], cols, w_i[:, reps], w_d[:, reps], method)[1]
        clock.lap("MC index scores (matrix products)")
        b = rank_bands(s[:, reps_valid], top)
        parts.append(pd.DataFrame({"unit": meta["buurt_code"].to_numpy()[rows], "period": year,
                                   "score": nominal["index"][rows], "rank": nominal["rank"][rows], **b}))
        del s
        clock.lap("MC ranks, bands, p_top")
    pd.concat(parts).to_csv(f"{out}/uncertainty.csv", index=False)
    clock.lap("write uncertainty")
    print(f"researcher: {R} replications, {R - len(reps_valid)} skipped (geometric mean of a value <= 0)")
