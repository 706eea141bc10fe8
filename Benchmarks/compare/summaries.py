"""Summaries of Monte Carlo samples per period, as numpy: ranks per replication, 5/50/95 %
rank and score bands (np.percentile, R's type 7), p_top, and quantile bands of any sample."""
import numpy as np


def rank_bands(s, top):
    """s: index scores of one period's units (n x R, every replication valid). Ranks per
    replication (highest = 1, by a double argsort), their mean and 5/50/95 % quantiles, the
    score quantiles and p_top = P(among the `top` lowest scores)."""
    n, R = s.shape
    order = np.argsort(-s, axis=0)
    ranks = np.empty((n, R), dtype=np.int32)
    ranks[order, np.arange(R)] = np.arange(1, n + 1, dtype=np.int32)[:, None]
    rq = np.percentile(ranks, [5, 50, 95], axis=1)
    sq = np.percentile(s, [5, 50, 95], axis=1)
    # The `top` lowest scores are the ranks above n - top.
    p_top = (ranks > n - top).mean(axis=1)
    return {"rank_mean": ranks.mean(axis=1), "rank_median": rq[1], "rank_p05": rq[0], "rank_p95": rq[2],
            "score_p05": sq[0], "score_p50": sq[1], "score_p95": sq[2], "p_top": p_top}


def band(x, axis=-1):
    """5 % and 95 % quantiles (type 7) along axis."""
    q = np.percentile(x, [5, 95], axis=axis)
    return q[0], q[1]
