import BuurtIndex
import BuurtNumerics

/// The report of a run: `report.md` and `report.html` with the same content, in Dutch or
/// English.
///
/// Both are pure functions of the ``ReportInput``: no clock, no paths beyond file names, no
/// random ids, numbers formatted without the machine's locale — the same input gives the same
/// bytes. The HTML is one self-contained file (inline CSS and SVG, no script, no external
/// reference) that opens from disk and prints one section, and one buurt profile, per page.
///
/// Sections: what was computed (model tree, weights, methods, reference period); back to the
/// data (coverage, imputed, screened and treated cells, what the normalised scale means);
/// the priority list with the caterpillar chart; buurt profiles (these two not with
/// `priorities: none`); maps (with `map:`); changes; multivariate checks; sensitivity.
package enum Report {
    /// `report.md`.
    package static func markdown(_ input: ReportInput) -> String {
        let document = document(input)
        return ReportMarkdown.render(document, seeCharts: ReportStrings(language: input.language)(.seeHTML))
    }

    /// `report.html`.
    package static func html(_ input: ReportInput) -> String {
        let document = document(input)
        return ReportHTML.render(document, numbersLabel: ReportStrings(language: input.language)(.chartNumbers), appendix: input.appendixHTML)
    }

    /// Both files, building the content once.
    package static func files(_ input: ReportInput) -> (markdown: String, html: String) {
        let document = document(input)
        let t = ReportStrings(language: input.language)
        return (ReportMarkdown.render(document, seeCharts: t(.seeHTML)), ReportHTML.render(document, numbersLabel: t(.chartNumbers), appendix: input.appendixHTML))
    }

    /// The content, as blocks both renderers share.
    static func document(_ input: ReportInput) -> ReportDocument {
        let c = ReportContext(input)
        let sections = [
            ReportSectionModel.build(c),
            ReportSectionData.build(c),
            c.showsLists ? ReportSectionPriorities.build(c) : nil,
            ReportSectionMaps.build(c),
            c.showsLists ? ReportSectionProfiles.build(c) : nil,
            ReportSectionChanges.build(c),
            ReportSectionChecks.build(c),
            ReportSectionSensitivity.build(c),
        ].compactMap { $0 }
        return ReportDocument(title: input.title, language: input.language, lead: lead(c, sections: sections), sections: sections)
    }

    /// What was run on which files, the buurten most in need, the number of warnings, contents.
    static func lead(_ c: ReportContext, sections: [ReportSection]) -> [ReportBlock] {
        let t = c.t
        let periods = c.periods.compactMap { $0 }
        let span = periods.first.map { String($0) + (periods.count > 1 ? "–" + String(periods.last!) : "") } ?? "–"
        var blocks: [ReportBlock] = [.paragraph(t(
            .lead, c.input.file.path.lastPathComponent, c.input.dataPath?.lastPathComponent ?? "–",
            String(c.latestList.count), span))]
        let most = c.latestList.prefix(5).map { $0.name + " (" + c.n($0.score, 1) + ")" }
        if !most.isEmpty && c.showsLists {
            blocks.append(.paragraph(t(.leadMostInNeed, c.periodText(c.latest), most.joined(separator: ", "))))
        }
        if !c.prioritiesHaveBands && c.showsLists { blocks.append(.paragraph(t(.leadNoUncertainty))) }
        let warnings = ReportSectionChecks.warnings(c).count
        blocks.append(.paragraph(warnings == 0 ? t(.leadNoWarnings) : t.count(warnings, one: .leadWarning, many: .leadWarnings, String(warnings))))
        blocks.append(.links(sections.map { ($0.anchor, $0.title) }))
        return blocks
    }
}
