import BuurtNumerics

extension Impute {
    /// Interpolation fill, per unit over its rows sorted by period:
    ///
    /// * between the nearest observed periods t₀ < t < t₁: y₀ + (y₁ − y₀)·((t − t₀)/(t₁ − t₀)),
    ///   evaluated as R's `approx` does;
    /// * before the first or after the last observation: the nearest observed value;
    /// * a unit without any observation of the indicator (or a row without a period) stays missing;
    /// * with `maxGap`, a gap spanning more than `maxGap` periods between observations
    ///   (t₁ − t₀ − 1 > maxGap), or an end cell more than `maxGap` periods from the nearest
    ///   observation, stays missing.
    ///
    /// - Complexity: O(rows × indicators) after one sort of each unit's rows.
    static func interpolate(
        _ panel: Panel, into values: inout Matrix, record: inout ImputeRecord, columns: [Int], codes: [String],
        maxGap: Int? = nil
    ) {
        let n = panel.rowCount
        let input = panel.values.storage
        let (series, undated) = unitSeries(panel)
        // Period of each row, 0 for undated rows (never read for them).
        let time = panel.periods.map { $0 ?? 0 }
        var filled: [ImputedCell] = []
        var missing: [UnfilledCell] = []
        for (code, j) in zip(codes, columns) {
            let base = j * n
            filled.removeAll(keepingCapacity: true)
            missing.removeAll(keepingCapacity: true)
            func unfilled(_ i: Int) {
                missing.append(UnfilledCell(row: i, unit: panel.unitCodes[i], period: panel.periods[i], indicator: code))
            }
            for rows in series {
                var last = -1  // position in `rows` of the latest observation so far
                var next = -1  // position of the first observation at or after the current one
                func firstObserved(from k: Int) -> Int {
                    var k = k
                    while k < rows.count && input[base + rows[k]].isNaN { k += 1 }
                    return k
                }
                for k in rows.indices {
                    let i = rows[k]
                    if !input[base + i].isNaN { last = k; continue }
                    if next < k { next = firstObserved(from: k + 1) }
                    let hasNext = next < rows.count
                    guard last >= 0 || hasNext else { unfilled(i); continue }
                    if let maxGap {
                        let t = time[i]
                        let tooFar = last < 0 ? time[rows[next]] - t > maxGap
                            : !hasNext ? t - time[rows[last]] > maxGap
                            : time[rows[next]] - time[rows[last]] - 1 > maxGap
                        if tooFar { unfilled(i); continue }
                    }
                    let value: Double, how: ImputationSource
                    if last < 0 {
                        value = input[base + rows[next]]
                        how = .nearest(period: time[rows[next]])
                    } else if !hasNext {
                        value = input[base + rows[last]]
                        how = .nearest(period: time[rows[last]])
                    } else {
                        let i0 = rows[last], i1 = rows[next]
                        let t0 = Double(time[i0]), t1 = Double(time[i1]), t = Double(time[i])
                        let y0 = input[base + i0], y1 = input[base + i1]
                        value = t == t0 || t1 == t0 ? y0 : (t == t1 ? y1 : y0 + (y1 - y0) * ((t - t0) / (t1 - t0)))
                        how = .interpolated(from: time[i0], to: time[i1])
                    }
                    values.storage[base + i] = value
                    filled.append(ImputedCell(row: i, unit: panel.unitCodes[i], period: panel.periods[i],
                                              indicator: code, value: value, how: how))
                }
            }
            for i in undated where input[base + i].isNaN { unfilled(i) }
            filled.sort { $0.row < $1.row }
            missing.sort { $0.row < $1.row }
            record.imputed += filled
            record.unfilled += missing
            record.counts.append(ImputationCount(indicator: code, imputed: filled.count, unfilled: missing.count))
        }
    }

    /// Each unit's dated rows sorted by period (ties in row order), units in order of first
    /// appearance; and the rows that have no period.
    private static func unitSeries(_ panel: Panel) -> (series: [[Int]], undated: [Int]) {
        var unitIndex: [String: Int] = [:]
        var series: [[Int]] = []
        var undated: [Int] = []
        for i in 0..<panel.rowCount {
            guard panel.periods[i] != nil else { undated.append(i); continue }
            if let u = unitIndex[panel.unitCodes[i]] {
                series[u].append(i)
            } else {
                unitIndex[panel.unitCodes[i]] = series.count
                series.append([i])
            }
        }
        for u in series.indices {
            series[u].sort { (panel.periods[$0]!, $0) < (panel.periods[$1]!, $1) }
        }
        return (series, undated)
    }
}
