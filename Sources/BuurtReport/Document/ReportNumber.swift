/// Numbers as the report shows them to readers: a fixed number of decimals, the language's
/// decimal separator (`,` in Dutch, `.` in English), no thousands separator, `–` for a missing
/// value. Independent of the machine's locale, so the same input gives the same bytes everywhere.
enum ReportNumber {
    /// `x` rounded half away from zero to `decimals` (0…6) places.
    ///
    /// Examples: `fixed(12.5, 2, .nl)` = `"12,50"`, `fixed(-0.004, 2, .en)` = `"0.00"`. The
    /// stored double is rounded: 12.345 is 12.3449999… in binary, so it gives `"12,34"`.
    static func fixed(_ x: Double, _ decimals: Int, _ language: ReportLanguage) -> String {
        guard !x.isNaN else { return "–" }
        guard x.isFinite else { return x > 0 ? "∞" : "−∞" }
        let d = min(6, max(0, decimals))
        var factor: Double = 1
        for _ in 0..<d { factor *= 10 }
        let scaled = (x * factor).rounded()
        guard abs(scaled) < 9e15 else { return x.description }
        let units = Int64(scaled)
        if units == 0 { return d == 0 ? "0" : "0" + language.decimalSeparator + String(repeating: "0", count: d) }
        let sign = units < 0 ? "-" : ""
        let magnitude = units.magnitude
        let step = UInt64(factor)
        let whole = magnitude / step
        guard d > 0 else { return "\(sign)\(whole)" }
        var fraction = String(magnitude % step)
        fraction = String(repeating: "0", count: d - fraction.count) + fraction
        return "\(sign)\(whole)\(language.decimalSeparator)\(fraction)"
    }

    /// Like ``fixed(_:_:_:)`` with trailing zeros (and a bare separator) removed: `2,5`, `3`.
    static func short(_ x: Double, _ decimals: Int, _ language: ReportLanguage) -> String {
        let s = fixed(x, decimals, language)
        guard decimals > 0, s.contains(language.decimalSeparator) else { return s }
        var trimmed = Substring(s)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(language.decimalSeparator) { trimmed = trimmed.dropLast() }
        return trimmed == "-0" ? "0" : String(trimmed)
    }

    /// A rank: whole ranks without decimals, anything else (a mean rank) with one decimal.
    static func rank(_ x: Double, _ language: ReportLanguage) -> String {
        x.isFinite && x == x.rounded() ? fixed(x, 0, language) : fixed(x, 1, language)
    }

    /// A probability as a whole percentage: `0.873` → `87%`.
    static func percent(_ p: Double, _ language: ReportLanguage) -> String {
        p.isNaN ? "–" : fixed(p * 100, 0, language) + "%"
    }

    /// A p-value: three decimals, or `< 0,001`.
    static func pValue(_ p: Double, _ language: ReportLanguage) -> String {
        if p.isNaN { return "–" }
        return p < 0.001 ? "< " + fixed(0.001, 3, language) : fixed(p, 3, language)
    }
}
