import FuzzSupport
import BuurtIndex

/// The strict CSV reader in every mode (see ``FuzzInputs/CSVMode``). For a table it reads,
/// every row has the header's width, every cell parses as a number or not without trapping,
/// and writing the table with ``CSVWriter`` and reading it back gives the same cells (each text
/// as ``SpreadsheetText/neutralised(_:)`` writes it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let mode = FuzzInputs.CSVMode(FuzzDriver.buffer(data, size))
    let table: CSVTable
    do {
        table = try CSVReader.parse(mode.bytes, file: "fuzz.csv", options: mode.options)
    } catch {
        FuzzInputs.checkProblems(error)
        return 0
    }
    for (r, row) in table.rows.enumerated() {
        precondition(row.count == table.header.count, "row \(r) has \(row.count) cells for \(table.header.count) columns")
        for (c, cell) in row.enumerated() {
            _ = CSVReader.parseNumber(cell, decimalComma: table.decimalComma)
            _ = table.location(row: r, column: c)
        }
    }
    var writer = CSVWriter(header: table.header)
    for row in table.rows { writer.appendRow(row) }
    let expectedHeader = table.header.map(SpreadsheetText.neutralised)
    do {
        let back = try CSVReader.parse(Array(writer.text.utf8), file: "back.csv", options: CSVOptions(delimiter: ",", decimalComma: false))
        precondition(back.header == expectedHeader, "header changed on a round trip")
        precondition(back.rows == table.rows.map { $0.map(SpreadsheetText.neutralised) }, "cells changed on a round trip")
    } catch {
        // Only possible when quoting made two header names equal ("=a" and "'=a").
        precondition(Set(expectedHeader).count < expectedHeader.count, "the written table does not read back: \(error)")
    }
    return 0
}
