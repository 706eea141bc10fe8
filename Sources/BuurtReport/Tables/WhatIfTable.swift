import BuurtIndex
import BuurtRanking

/// The terminal table of the what-if analysis (``WhatIf``): how the ranks of one period shift
/// when some weights change, in Dutch or English.
package enum WhatIfTable {
    /// A title naming the index, the period and the changed weights, a one-line count of the
    /// units that change rank, then `unit  name  rank (published → new)  shift  score
    /// (published → new)`, largest shifts first (``WhatIf/largestFirst(_:)``).
    ///
    /// A changed weight is shown as the node's name with the code the user typed in brackets
    /// (`Criminaliteit (crime) 1 → 2`), in the order of the model, separated by `; ` (a comma is
    /// the decimal separator in Dutch). Numbers use the language's decimal separator, as the
    /// report does: weights exactly as given, ranks and shifts whole (a tied mean rank with one
    /// decimal), scores with two decimals. Names and codes have their control characters
    /// escaped (``TerminalText``).
    /// - Parameters:
    ///   - rows: the rank shifts of the period shown.
    ///   - changes: code → new weight.
    ///   - top: rows printed (0 prints all); the rest is counted in a last line that names
    ///     `showAll`, how the reader asks for every row.
    /// - Complexity: O(n log n) for n rows.
    package static func text(
        _ rows: [RankShift], model: IndexModel, changes: [String: Double], period: Int?, top: Int,
        showAll: String, language: ReportLanguage
    ) -> String {
        let t = ReportStrings(language: language)
        func words(_ key: WhatIfTableText, _ arguments: String...) -> String { t.text(.whatIf(key), arguments) }
        let index = TerminalText.escaped(model.node(model.root)?.name ?? model.root) + (period.map { " \($0)" } ?? "")
        var text = words(.title, index, changed(changes, model: model, language: language)) + "\n"
        let moved = rows.filter { !$0.shift.isNaN && $0.shift != 0 }.count
        text += t.text(.whatIf(moved == 1 ? .movedOne : .movedMany), [String(moved), String(rows.count)]) + "\n"
        let ordered = WhatIf.largestFirst(rows)
        let shown = (top == 0 ? ordered : Array(ordered.prefix(top))).map(\.escapedForTerminal)
        func rank(_ r: Double) -> String { ReportNumber.rank(r, language) }
        func score(_ s: Double) -> String { ReportNumber.fixed(s, 2, language) }
        func shift(_ r: RankShift) -> String { (r.shift > 0 ? "+" : "") + rank(r.shift) }
        let heads = (unit: words(.unitColumn), name: words(.nameColumn), rank: words(.rankColumn), shift: words(.shiftColumn))
        let unitWidth = max(heads.unit.count, shown.map(\.unit.count).max() ?? 0)
        let nameWidth = min(36, max(heads.name.count, shown.map(\.name.count).max() ?? 0))
        let rankWidth = max(3, shown.map { max(rank($0.publishedRank).count, rank($0.rank).count) }.max() ?? 3)
        let shiftWidth = max(heads.shift.count, shown.map { shift($0).count }.max() ?? 0)
        text += pad(heads.unit, unitWidth) + "  " + pad(heads.name, nameWidth) + "  " + pad(heads.rank, 2 * rankWidth + 3) + "  "
            + padLeft(heads.shift, shiftWidth) + "  " + words(.scoreColumn) + "\n"
        for r in shown {
            text += pad(r.unit, unitWidth) + "  " + pad(cut(r.name, nameWidth), nameWidth) + "  "
                + padLeft(rank(r.publishedRank), rankWidth) + " → " + pad(rank(r.rank), rankWidth) + "  "
                + padLeft(shift(r), shiftWidth) + "  " + score(r.publishedScore) + " → " + score(r.score) + "\n"
        }
        if shown.count < ordered.count { text += words(.more, String(ordered.count - shown.count), showAll) + "\n" }
        return text
    }

    /// `Sociale cohesie (cohesion) 1 → 0,5; Criminaliteit (crime) 1 → 2`: in the model's order;
    /// a node without a name of its own shows its code only.
    static func changed(_ changes: [String: Double], model: IndexModel, language: ReportLanguage) -> String {
        func order(_ code: String) -> Int { model.nodes.firstIndex { $0.code == code } ?? model.nodes.count }
        func weight(_ x: Double) -> String {
            x.isNaN ? "–" : formatNumber(x).replacingOccurrences(of: ".", with: language.decimalSeparator)
        }
        return changes.keys.sorted { (order($0), $0) < (order($1), $1) }.map { code in
            let name = model.node(code)?.name ?? code
            let label = name == code ? TerminalText.escaped(code) : "\(TerminalText.escaped(name)) (\(TerminalText.escaped(code)))"
            return "\(label) \(weight(model.node(code)?.weight ?? .nan)) → \(weight(changes[code] ?? .nan))"
        }.joined(separator: "; ")
    }

    /// Names are cut to their column; codes and numbers never are.
    private static func cut(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }
    private static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    private static func padLeft(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
}

extension RankShift {
    /// This row with its unit code and name escaped for the terminal.
    var escapedForTerminal: RankShift {
        var row = self
        row.unit = TerminalText.escaped(unit)
        row.name = TerminalText.escaped(name)
        return row
    }
}
