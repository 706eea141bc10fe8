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
    /// Adds `results.xlsx` built from every CSV table added so far, in the order they were
    /// added, headed in `language` (see ``ResultsWorkbook``).
    /// - Throws: ``BuurtError`` when the workbook cannot be built.
    package mutating func addWorkbook(model: IndexModel, language: ReportLanguage) throws(BuurtError) {
        var tables: [(path: String, csv: Data)] = []
        for file in files where file.path.hasSuffix(".csv") {
            tables.append((file.path, try file.contents))
        }
        let data = try ResultsWorkbook.workbook(tables: tables, model: model, language: language).data()
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
        try addLists(result.priorities, result.themes, bands: true, priorities: priorities, periods: periods, to: &output)
    }

    /// Adds `priorities.csv` and `themes.csv` (nothing with `priorities: none`); `bands` says
    /// whether the lists come from an uncertainty analysis (else `significant` is left empty).
    /// - Throws: as ``OutputDirectory/add(_:text:)``.
    package static func addLists(
        _ list: [PriorityRow], _ themes: [ThemeRow], bands: Bool, priorities: PrioritySpec, periods: Bool,
        to output: inout OutputDirectory
    ) throws(BuurtError) {
        guard priorities.enabled else { return }
        try output.add("priorities.csv", text: self.priorities(list, periods: periods, categories: !priorities.categories.isEmpty))
        try output.add("themes.csv", text: self.themes(themes, periods: periods, bands: bands))
    }
}
