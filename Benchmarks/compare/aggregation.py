"""The aggregation methods of buurtscore's model file (`aggregate: {method: …}`), as a numpy
researcher writes them, for the nominal run (one weight column) and for fixed-data Monte Carlo
(one weight column per replication). Every function takes one period's rows.

Over the available children of a row (missing ones skipped, weights renormalised):
  arithmetic   sum(w x) / sum(w)
  geometric    exp(sum(w ln x) / sum(w))                 x > 0
  harmonic     sum(w) / sum(w / x)                       x > 0
  generalised  (sum(w x^p) / sum(w))^(1/p), p != 0       x > 0 when p < 0, x >= 0 for a fractional p
  mpi          Mazziotta-Pareto MPI-: each child standardised over the period's units where it is
               available, z = 100 + 10 (x - M) / S (S with the n denominator); per row
               M_z = sum(w z) / sum(w), S_z^2 = sum(w (z - M_z)^2) / sum(w), MPI = M_z - S_z^2 / M_z
  copeland     per pair of the period's eligible units, W+ (W-) = total weight of the children
               where a is higher (lower), ties and missing cells count for neither; a scores +1
               and b -1 when W+ > W- (the reverse when W- > W+); a unit's score is its sum
Rows without an available child are NaN. A value outside a mean's domain makes the row NaN
(the Monte Carlo caller skips that replication; buurtscore refuses a nominal run).
"""
import numpy as np

PAIR_CELLS = 8_000_000  # Copeland: unit pairs x replications per block (64 MB per temporary)


def method_of(spec):
    """("generalised", 2.0) from `generalised`-style strings or `{method: generalised, p: 2}`."""
    if isinstance(spec, str):
        return spec, None
    return spec["method"], spec.get("p")


def outside_domain(values, method):
    """Whether the available values break the mean's domain (a geometric, harmonic or
    generalised mean of a value it cannot take)."""
    name, p = method
    x = values[~np.isnan(values)]
    if name in ("geometric", "harmonic") or (name == "generalised" and p < 0):
        return bool(np.any(x <= 0))
    if name == "generalised" and p != round(p):
        return bool(np.any(x < 0))
    return False


def _transform(method):
    name, p = method
    if name == "arithmetic":
        return (lambda x: x), (lambda s: s)
    if name == "geometric":
        return np.log, np.exp
    if name == "harmonic":
        return (lambda x: 1.0 / x), (lambda s: 1.0 / s)
    if name == "generalised":
        return (lambda x: np.power(x, p)), (lambda s: np.where(s < 0, -np.power(-s, 1.0 / p), np.power(np.abs(s), 1.0 / p)))
    raise SystemExit(f"researcher: aggregate method {name} is not implemented")


def level(values, weights, method):
    """One aggregation level. values: a list of c child arrays (rows x R, NaN = missing);
    weights: c x R (or c x 1). Returns rows x R."""
    name = method[0]
    if name == "mpi":
        return _mpi(values, weights)
    if name == "copeland":
        return _copeland(values, weights)
    f, finv = _transform(method)
    num = den = 0.0
    with np.errstate(invalid="ignore", divide="ignore"):
        for x, w in zip(values, weights):
            ok = ~np.isnan(x)
            num = num + np.where(ok, f(np.where(ok, x, 1.0)), 0.0) * w
            den = den + ok * w
        return finv(num / den)


def fixed_level(x, cols, weights, method):
    """The first level on fixed data x (rows x k) for the children cols and weight columns
    weights (k x R): the means as matrix products (ln x, 1/x or x^p times the weights, over the
    availability mask times the weights); Mazziotta-Pareto and Copeland via `level`."""
    if method[0] in ("mpi", "copeland"):
        return level([x[:, [j]] for j in cols], weights[cols], method)
    f, finv = _transform(method)
    sub = x[:, cols]
    ok = ~np.isnan(sub)
    with np.errstate(invalid="ignore", divide="ignore"):
        filled = np.where(ok, f(np.where(ok, sub, 1.0)), 0.0)
        return finv((filled @ weights[cols]) / (ok @ weights[cols]))


def tree_scores(x, cols_of_dims, w_i, w_d, method):
    """Dimension scores (a list of rows x R) and index (rows x R) of one period's rows of x."""
    d = [fixed_level(x, cols, w_i, method) for cols in cols_of_dims]
    return d, level(d, w_d, method)


def _standardise(x):
    """z = 100 + 10 (x - mean) / sd over the rows where x is available (population sd)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return 100 + 10 * (x - np.nanmean(x, axis=0)) / np.nanstd(x, axis=0)


def _mpi(values, weights):
    z = [_standardise(x) for x in values]
    with np.errstate(invalid="ignore", divide="ignore"):
        sw = sum(~np.isnan(zi) * w for zi, w in zip(z, weights))
        mz = sum(np.where(np.isnan(zi), 0.0, zi) * w for zi, w in zip(z, weights)) / sw
        ss = sum(np.where(np.isnan(zi), 0.0, (zi - mz) ** 2) * w for zi, w in zip(z, weights)) / sw
        return mz - ss / mz


def _pair_signs(v):
    """+1 / 0 / -1 for v[a] above / tied with or missing / below v[b]: v (m x b) -> m x m x b."""
    return (v[:, None] > v[None, :]).astype(float) - (v[:, None] < v[None, :])


def _copeland(values, weights):
    """Copeland scores of one period: values c arrays rows x R (or rows x 1 on fixed data),
    weights c x R. Fixed data: the pair signs once, then one matrix product per block of
    replications; otherwise the pair signs of each block."""
    R = weights.shape[1]
    e = np.flatnonzero(~np.all([np.isnan(v[:, 0]) for v in values], axis=0))
    m = len(e)
    out = np.full((values[0].shape[0], R), np.nan)
    fixed = all(v.shape[1] == 1 for v in values)
    if fixed:
        signs = np.stack([_pair_signs(v[e]).ravel() for v in values], axis=1)  # m^2 x c
    block = max(1, PAIR_CELLS // max(m * m, 1))
    for start in range(0, R, block):
        r = slice(start, min(start + block, R))
        if fixed:
            g = signs @ weights[:, r]
        else:
            g = sum(_pair_signs(v[e, r]) * w[r] for v, w in zip(values, weights))
        out[e, r] = np.sign(g).reshape(m, m, -1).sum(axis=1)
    return out
