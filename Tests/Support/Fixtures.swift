import Foundation
import Testing

/// Access to the COINr ASEM reference files in `../shared/peers/coinr-asem`, shared by the
/// test targets (a support library, not a test target).
///
/// Tests that use them are enabled only when the folder exists (`Fixtures.asemAvailable`);
/// otherwise Swift Testing reports them as skipped with the reason given.
public enum Fixtures {
    /// The repository root (two levels above this file's folder).
    public static let projectRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/peers/coinr-asem` next to the project root.
    public static let asemDirectory: URL = projectRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/peers/coinr-asem")

    public static var asemAvailable: Bool {
        FileManager.default.fileExists(atPath: asemDirectory.appendingPathComponent("README.md").path)
    }

    public static let skipReason: Comment = "../shared/peers/coinr-asem is absent: COINr cross-check skipped"

    /// A COINr reference table: header and rows of raw string cells ("NA" kept as text).
    public struct Table {
        public var header: [String]
        public var rows: [[String]]

        public func column(_ name: String) -> [String] {
            let j = header.firstIndex(of: name)!
            return rows.map { $0[j] }
        }

        /// Numeric column, NaN for NA.
        public func numbers(_ name: String) -> [Double] {
            column(name).map { $0 == "NA" || $0.isEmpty ? .nan : Double($0)! }
        }

        /// Value by row key (`uCode` or other key column) and column name; NaN for NA.
        public func value(key: String, keyColumn: String = "uCode", _ name: String) -> Double? {
            let k = header.firstIndex(of: keyColumn)!, j = header.firstIndex(of: name)!
            guard let row = rows.first(where: { $0[k] == key }) else { return nil }
            return row[j] == "NA" ? .nan : Double(row[j])
        }
    }

    /// Reads one of the COINr CSV files (comma-separated, `"`-quoted, no embedded newlines).
    public static func asem(_ file: String) throws -> Table {
        let text = try String(contentsOf: asemDirectory.appendingPathComponent(file), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = splitLine(lines.removeFirst())
        return Table(header: header, rows: lines.map(splitLine))
    }

    private static func splitLine(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        var it = line.makeIterator()
        while let ch = it.next() {
            if quoted {
                if ch == "\"" { quoted = false } else { cell.append(ch) }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                cells.append(cell); cell = ""
            } else {
                cell.append(ch)
            }
        }
        cells.append(cell)
        return cells
    }
}

import BuurtNumerics
import BuurtIndex

public extension Fixtures {
    /// The ASEM framework from `input_iMeta.csv` as an ``IndexModel``.
    static func asemModel() throws -> IndexModel {
        let meta = try asem("input_iMeta.csv")
        func cell(_ row: [String], _ name: String) -> String? {
            let v = row[meta.header.firstIndex(of: name)!]
            return v == "NA" || v.isEmpty ? nil : v
        }
        let nodes = meta.rows.map { row in
            ModelNode(
                code: cell(row, "iCode")!, name: cell(row, "iName"),
                kind: NodeKind(rawValue: cell(row, "Type")!)!, parent: cell(row, "Parent"),
                direction: cell(row, "Direction").flatMap(Double.init) ?? 1,
                weight: cell(row, "Weight").flatMap(Double.init) ?? 1,
                denominator: cell(row, "Denominator"), target: cell(row, "Target").flatMap(Double.init),
                unit: cell(row, "Unit"))
        }
        return try IndexModel(nodes: nodes, source: "input_iMeta.csv")
    }

    /// A COINr stage file (`uCode` + numeric columns, sorted by uCode) as a ``Panel``.
    /// With `groups`, the categorical `*_group` columns of `input_iData.csv` are joined on uCode,
    /// and with `denominators` its denominator columns too.
    static func asemPanel(_ file: String, groups: Bool = false, denominators: Bool = false) throws -> Panel {
        let table = try asem(file)
        let codes = table.column("uCode")
        let columns = table.header.filter { $0 != "uCode" }
        var panel = Panel(
            unitCodes: codes, columnCodes: columns,
            values: Matrix(columnList: columns.map { table.numbers($0) }, rows: codes.count))
        if groups || denominators {
            let data = try asem("input_iData.csv")
            let keys = data.column("uCode")
            let order = codes.map { keys.firstIndex(of: $0)! }
            if groups {
                panel.categories = ["GDP_group", "GDPpc_group", "Pop_group", "EurAsia_group"].map { g in
                    let col = data.column(g)
                    return (name: g, values: order.map { Optional(col[$0]) })
                }
            }
            if denominators {
                for d in ["Area", "Energy", "GDP", "Population"] {
                    let col = data.numbers(d)
                    panel.setColumn(d, order.map { col[$0] })
                }
            }
        }
        return panel
    }
}

public extension Fixtures {
    /// COINr's `build_example_coin()` settings: denominate by iMeta, impute the group mean by
    /// EurAsia_group, screen at 90 % coverage, winsorise up to 5 points, min-max [0, 100],
    /// arithmetic means at every level.
    static let asemSpec = PipelineSpec(
        denominate: DenominateParameters(), impute: ImputeParameters(method: .mean, scope: .group("EurAsia_group")),
        screen: ScreenParameters(minCoverage: 0.9, basis: .imputed), treat: TreatParameters(maxPoints: 5),
        normalise: NormaliseParameters(method: .minmax(lower: 0, upper: 100)), aggregate: AggregateParameters())

    /// The raw ASEM panel with its groups and denominators.
    static func asemRaw() throws -> Panel {
        try asemPanel("pipeline_01_Raw.csv", groups: true, denominators: true)
    }
}
