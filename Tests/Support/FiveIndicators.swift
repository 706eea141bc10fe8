/// Five indicators, 14 cases: two correlated blocks (columns 1–3 and 4–5), rounded to one decimal,
/// shared by the statistics tests (reliability, PCA, factor weights, group analysis).
/// Their reference values were computed with numpy 2.4 / scipy 1.17 from the formulas in the
/// documentation (`np.corrcoef`, `np.linalg.inv`, `np.linalg.slogdet`, `np.linalg.eigh`).
public let fiveIndicatorRows: [[Double]] = [
    [0.5, -1.4, -1.2, 0.2, -1.5], [-0.7, -1.0, -1.6, -1.5, -1.2], [0.5, 0.1, -0.3, -1.1, 0.6],
    [-1.7, -1.9, -1.7, 0.6, -0.4], [1.1, -0.1, -0.9, 0.6, 1.7], [-1.3, -0.3, -0.7, 0.5, 1.0],
    [-0.3, -1.0, -0.7, -0.6, -0.7], [-0.4, 0.8, 0.1, -0.5, -0.7], [-2.4, -2.4, -1.3, -0.4, 0.6],
    [-0.2, -0.1, 0.5, -0.6, -1.5], [-1.5, -1.0, -0.5, 0.1, 1.0], [-0.2, 0.9, 1.1, -0.5, 0.4],
    [0.2, -0.1, 1.2, 0.9, 2.0], [-1.1, -0.4, -1.8, -0.1, 0.5],
]

/// ``fiveIndicatorRows`` as five columns of 14 values.
public let fiveIndicatorColumns: [[Double]] = (0..<5).map { j in fiveIndicatorRows.map { $0[j] } }
