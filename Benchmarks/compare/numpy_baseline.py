#!/usr/bin/env python3
"""The reference peer for buurtscore's Monte Carlo benchmark: what a Python researcher writes.

Workload (same shape as the Swift benchmark `uncertainty, 14000 units`): 14,000 buurten ×
36 indicators (6 dimensions × 6) × 4 years, R replications of
  - weight noise: every indicator and dimension weight × U(0.75, 1.25), renormalised,
  - normalisation drawn from {minmax [1, 100], zscore (10, 2)} per year,
  - arithmetic aggregation (indicators → dimensions → index) as one GEMM per alternative,
then ranks within each year by double argsort, and per unit: rank mean, median, 5/95 %
quantiles, score 5/50/95 % quantiles and P(among the 5 lowest scores).

Usage: python3 numpy_baseline.py [--units 14000] [--replications 10000]
Needs numpy and pandas (pip install numpy pandas). Prints wall time and peak RSS.
"""
import argparse
import resource
import time

import numpy as np
import pandas as pd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=14000)
    ap.add_argument("--years", type=int, default=4)
    ap.add_argument("--replications", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=2017)
    args = ap.parse_args()
    n, years, R = args.units, args.years, args.replications
    dims, per_dim = 6, 6
    k = dims * per_dim
    rng = np.random.default_rng(args.seed)
    cols = [f"i{j}" for j in range(k)]
    df = pd.DataFrame(rng.gamma(2.0, 10.0, size=(n * years, k)), columns=cols)
    df.insert(0, "year", np.repeat(np.arange(2017, 2017 + years), n))
    df.insert(0, "unit", np.tile(np.arange(n), years))

    start = time.perf_counter()
    grouped = df.groupby("year")[cols]
    alternatives = [
        grouped.transform(lambda x: (x - x.min()) / (x.max() - x.min()) * 99 + 1).to_numpy(),
        grouped.transform(lambda x: (x - x.mean()) / x.std() * 2 + 10).to_numpy(),
    ]
    # Effective indicator weights per replication (k × R): indicator noise within its
    # dimension, dimension noise within the index, both renormalised.
    w_ind = rng.uniform(0.75, 1.25, size=(k, R))
    w_ind /= w_ind.reshape(dims, per_dim, R).sum(axis=1).repeat(per_dim, axis=0)
    w_dim = rng.uniform(0.75, 1.25, size=(dims, R))
    w_dim /= w_dim.sum(axis=0)
    W = w_ind * w_dim.repeat(per_dim, axis=0)
    choice = rng.integers(0, len(alternatives), size=R)

    results = []
    for y in range(years):
        rows = slice(y * n, (y + 1) * n)
        scores = np.empty((n, R))
        for a, N in enumerate(alternatives):
            reps = np.flatnonzero(choice == a)
            scores[:, reps] = N[rows] @ W[:, reps]
        ranks = np.argsort(np.argsort(-scores, axis=0), axis=0) + 1
        need = np.argsort(np.argsort(scores, axis=0), axis=0) + 1
        q = np.percentile(ranks, [5, 50, 95], axis=1)
        sq = np.percentile(scores, [5, 50, 95], axis=1)
        results.append(pd.DataFrame({
            "rank_mean": ranks.mean(axis=1), "rank_p05": q[0], "rank_median": q[1], "rank_p95": q[2],
            "score_p05": sq[0], "score_p50": sq[1], "score_p95": sq[2], "p_top": (need <= 5).mean(axis=1),
        }))
        del scores, ranks, need
    out = pd.concat(results)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"numpy baseline: {n} units x {k} indicators x {years} years, {R} replications: "
          f"{elapsed:.2f} s wall, peak RSS {peak_mb:.0f} MB, {len(out)} rows")


if __name__ == "__main__":
    main()
