import BuurtIndex
import BuurtRanking

/// The block "strengths and weaknesses" of a buurt profile: the indicators on which the buurt
/// scores furthest above and below the city in the profile's period (``StrengthsWeaknesses``,
/// the rows of `strengths.csv`), as one table of indicator names, their dimensions, the buurt's
/// score, the city reference and the difference.
enum ReportProfileStrengths {
    /// The heading, a sentence on what is compared, and the table (or a sentence that there is
    /// nothing above or below the city).
    /// - Complexity: O(rows of ``ReportInput/strengths``); without them O(rows × indicators) to
    ///   derive the buurt's rows from the nominal run.
    static func blocks(_ p: ReportPriority, _ c: ReportContext) -> [ReportBlock] {
        let t = c.t
        let reference = (c.input.file.priorities ?? PrioritySpec()).reference
        let rows = (c.input.strengths ?? StrengthsWeaknesses.rows(c.aggregated, model: c.model, reference: reference, units: [p.unit]))
            .filter { $0.period == p.period && $0.unit == p.unit }
        var blocks: [ReportBlock] = [.heading(level: 4, text: t(.strengths(.title)), anchor: nil)]
        guard !rows.isEmpty else {
            blocks.append(.paragraph(t(.strengths(.none), p.name, c.periodText(p.period))))
            return blocks
        }
        let city = switch reference {
        case .periodMean: t(.strengths(.referenceMean))
        case .period(let year): t(.strengths(.referenceYear), String(year))
        }
        blocks.append(.paragraph(t(.strengths(.intro), p.name, c.periodText(p.period), String(StrengthsWeaknesses.defaultCount), city)))
        let table = rows.map { r in
            [t(.strengths(r.kind == .strength ? .strength : .weakness)), c.name(r.indicator), c.name(r.dimension),
             c.n(r.score, 1), c.n(r.reference, 1), c.n(r.difference, 1)]
        }
        let header = [t(.strengths(.kindColumn)), t(.indicator), t(.dimension), t(.score), t(.reference), t(.strengths(.differenceColumn))]
        blocks.append(.table(ReportTable(header: header, rows: table, numeric: [3, 4, 5])))
        return blocks
    }
}
