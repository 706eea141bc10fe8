import BuurtIndex
import BuurtRanking
import BuurtReport
import Foundation

extension OutputDirectory {
    /// Adds `report.md` and `report.html`.
    /// - Throws: as ``OutputDirectory/add(_:text:)``.
    package mutating func addReport(_ input: ReportInput) throws(BuurtError) {
        let report = Report.files(input)
        try add("report.md", text: report.markdown)
        try add("report.html", text: report.html)
    }
}

extension OutputDirectory {
    /// Adds `results.xlsx` built from the tables added so far (see ``ResultsWorkbook``).
    /// - Throws: ``BuurtError`` when the workbook cannot be built.
    package mutating func addWorkbook(model: IndexModel) throws(BuurtError) {
        var tables: [String: Data] = [:]
        for file in files where ResultsWorkbook.tableSheets.contains(where: { "\($0).csv" == file.path }) {
            tables[file.path] = try file.contents
        }
        let data = try ResultsWorkbook.workbook(tables: tables, model: model).data()
        try add(ResultsWorkbook.fileName, data: data)
    }
}

extension UncertaintyTables {
    /// Adds the three tables to a run's output (`uncertainty.csv` alone with `priorities: none`).
    /// - Throws: as ``OutputDirectory/add(_:text:)``.
    package static func add(
        _ result: UncertaintyResult, priorities: PrioritySpec, periods: Bool, to output: inout OutputDirectory
    ) throws(BuurtError) {
        try output.add("uncertainty.csv", text: uncertainty(result, periods: periods))
        guard priorities.enabled else { return }
        try output.add("priorities.csv", text: self.priorities(result, periods: periods, categories: !priorities.categories.isEmpty))
        try output.add("themes.csv", text: themes(result, periods: periods))
    }
}
