import BuurtIndex
import BuurtNumerics

/// Section "what was computed": the model tree with weights, each stage's method and
/// parameters, and the reference period.
enum ReportSectionModel {
    static func build(_ c: ReportContext) -> ReportSection {
        let t = c.t
        var blocks: [ReportBlock] = [.paragraph(t(.modelIntro, c.input.file.path.lastPathComponent))]
        blocks.append(.heading(level: 3, text: t(.treeTitle), anchor: nil))
        blocks.append(.paragraph(t(.treeIntro)))
        blocks.append(.list(tree(c)))
        blocks.append(.heading(level: 3, text: t(.weightsTitle), anchor: nil))
        blocks.append(.paragraph(t(.weightsIntro)))
        blocks.append(.table(weights(c)))
        blocks.append(.heading(level: 3, text: t(.methodsTitle), anchor: nil))
        blocks.append(.list(methods(c)))
        blocks.append(.heading(level: 3, text: t(.referenceTitle), anchor: nil))
        blocks.append(.paragraph(referencePeriod(c)))
        // A model that pools periods moves published results when a period is added.
        if let note = RunDiffStrings(language: c.language).separabilityNote(c.input.file.periodSeparabilityIssues) {
            blocks.append(.paragraph(note))
        }
        return ReportSection(anchor: "sec-model", title: t(.modelTitle), blocks: blocks)
    }

    /// The tree, root first, children in model order, one item per node.
    static func tree(_ c: ReportContext) -> [(depth: Int, text: String)] {
        let t = c.t
        let effective = c.model.effectiveWeights
        var items: [(depth: Int, text: String)] = []
        func visit(_ code: String, _ depth: Int) {
            guard let node = c.model.node(code) else { return }
            var text = node.name + " (" + code + ")"
            if depth > 0 {
                text += " — " + t(.weightIs, ReportNumber.short(node.weight, 3, c.language))
                    + ", " + t(.effectiveIs, c.n((effective[code] ?? .nan) * 100, 1) + "%")
            }
            if node.kind == .indicator {
                text += ", " + (node.direction < 0 ? t(.lowerIsBetter) : t(.higherIsBetter))
                // Only what the denominate stage did: a declared denominator without the stage divides nothing.
                if let d = c.input.result.record.denominate?.divisions.first(where: { $0.indicator == code }) {
                    text += ", " + t(.dividedBy, c.name(d.denominator), ReportNumber.short(d.scale, 3, c.language))
                }
            }
            items.append((depth, text))
            for child in c.model.children(of: code) { visit(child, depth + 1) }
        }
        visit(c.model.root, 0)
        return items
    }

    /// Indicator | dimension | weight | effective weight.
    static func weights(_ c: ReportContext) -> ReportTable {
        let t = c.t
        let effective = c.model.effectiveWeights
        var rows: [[String]] = []
        for code in c.model.indicators {
            guard let node = c.model.node(code) else { continue }
            rows.append([node.name, node.parent.map(c.name) ?? "–", ReportNumber.short(node.weight, 3, c.language),
                         c.n((effective[code] ?? .nan) * 100, 1) + "%"])
        }
        return ReportTable(header: [t(.indicator), t(.dimension), t(.weight), t(.effectiveWeight)], rows: rows, numeric: [2, 3])
    }

    /// One item per stage in pipeline order, with its method and parameters in words.
    static func methods(_ c: ReportContext) -> [(depth: Int, text: String)] {
        let t = c.t
        let spec = c.input.file.spec
        let lang = c.language
        func num(_ x: Double) -> String { ReportNumber.short(x, 3, lang) }
        var items: [(depth: Int, text: String)] = []
        if let d = spec.denominate {
            let count = c.input.result.record.denominate?.divisions.count ?? 0
            items.append((0, t.count(count, one: .stageDenominateOne, many: .stageDenominate, String(count), num(d.scale))))
        } else {
            items.append((0, t(.stageSkipped, t(.stageNameDenominate))))
        }
        if let p = spec.impute {
            let scope: String = switch p.scope {
            case .all: t(.imputeScopeAll)
            case .period: t(.imputeScopePeriod)
            case .group(let column): t(.imputeScopeGroup, column)
            }
            items.append((0, t(.stageImpute, imputeMethod(p.method, t), scope)))
        } else {
            items.append((0, t(.stageSkipped, t(.stageNameImpute))))
        }
        if let p = spec.screen {
            items.append((0, t(.stageScreen, c.pct(p.minCoverage), p.basis == .observed ? t(.screenObserved) : t(.screenImputed))))
        } else {
            items.append((0, t(.stageSkipped, t(.stageNameScreen))))
        }
        if let p = spec.treat, p.method == .winsorise {
            items.append((0, t(.stageTreat, String(p.maxPoints), num(p.maxSkew), num(p.maxKurtosis))))
        } else {
            items.append((0, t(.stageSkipped, t(.stageNameTreat))))
        }
        items.append((0, t(.stageNormalise, normaliseMethod(spec.normalise.method, c), normaliseScope(spec.normalise.scope, t))))
        items.append((0, t(.stageAggregate, aggregateMethod(spec.aggregate.rule.method, c), coverage(spec.aggregate.rule.minCoverage, c))))
        for height in spec.aggregate.levelRules.keys.sorted() {
            let rule = spec.aggregate.levelRules[height]!
            items.append((1, t(.aggregateLevel, String(height), aggregateMethod(rule.method, c), coverage(rule.minCoverage, c))))
        }
        return items
    }

    static func coverage(_ minimum: Double?, _ c: ReportContext) -> String {
        minimum.map { c.t(.aggregateCoverage, c.pct($0)) } ?? c.t(.aggregateAnyChild)
    }

    static func imputeMethod(_ m: ImputeMethod, _ t: ReportStrings) -> String {
        switch m {
        case .none: t(.imputeNone)
        case .mean: t(.imputeMean)
        case .median: t(.imputeMedian)
        case .interpolate: t(.imputeInterpolate)
        }
    }

    static func normaliseMethod(_ m: NormaliseMethod, _ c: ReportContext) -> String {
        let t = c.t
        func num(_ x: Double) -> String { ReportNumber.short(x, 3, c.language) }
        return switch m {
        case let .minmax(lower, upper): t(.normMinmax, num(lower), num(upper))
        case let .zscore(mean, sd): t(.normZscore, num(mean), num(sd))
        case .rank: t(.normRank)
        case .borda: t(.normBorda)
        case .prank: t(.normPrank)
        case .fracmax: t(.normFracmax)
        case .dist2max: t(.normDist2max)
        case let .dist2ref(unit): t(.normDist2ref, unit)
        case .dist2targ: t(.normDist2targ)
        case let .goalposts(scale): t(.normGoalposts, num(scale))
        }
    }

    static func normaliseScope(_ s: NormaliseScope, _ t: ReportStrings) -> String {
        switch s {
        case .period: t(.scopePeriod)
        case .all: t(.scopeAll)
        case .reference(let year): t(.scopeReference, String(year))
        }
    }

    static func aggregateMethod(_ m: AggregateMethod, _ c: ReportContext) -> String {
        let t = c.t
        return switch m {
        case .arithmetic: t(.aggArithmetic)
        case .geometric: t(.aggGeometric)
        case .harmonic: t(.aggHarmonic)
        case .generalised(let p): t(.aggGeneralised, ReportNumber.short(p, 3, c.language))
        case .copeland: t(.aggCopeland)
        case .mazziottaPareto: t(.aggMPI)
        }
    }

    /// Where the normalisation's parameters and the gaps' reference come from.
    static func referencePeriod(_ c: ReportContext) -> String {
        let t = c.t
        let scale: String = switch c.input.file.spec.normalise.scope {
        case .reference(let year): t(.referenceNormaliseYear, String(year))
        case .period: t(.referenceNormalisePeriod)
        case .all: t(.referenceNormaliseAll)
        }
        guard c.showsLists else { return scale }
        let gaps: String = switch (c.input.file.priorities ?? PrioritySpec()).reference {
        case .periodMean: t(.referenceGapsMean)
        case .period(let year): t(.referenceGapsYear, String(year))
        }
        return scale + " " + gaps
    }
}

extension String {
    /// The part after the last `/` (file names only: the report never shows a full path, so it
    /// is the same wherever the files are stored).
    var lastPathComponent: String {
        split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? self
    }
}
