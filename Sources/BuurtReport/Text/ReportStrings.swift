/// Every text BuurtReport shows to readers, in Dutch and English: the report, its charts, the
/// weight explorer, the what-if table and `diff.md`. `{1}`, `{2}`, … are filled in by
/// ``ReportStrings/callAsFunction(_:_:)``. Topics with many keys keep them in their own enums,
/// reached through one case each: ``changes(_:)``, ``maps(_:)``, ``account(_:)``, ``explorer(_:)``,
/// ``profile(_:)``, ``choiceName(_:)``/``choicePhrase(_:)``, ``strengths(_:)``, ``whatIf(_:)``
/// and ``runDiff(_:)``.
enum ReportText: Sendable {
    /// Texts of the section "changes over time".
    case changes(ReportChangeText)
    /// Texts of the section "maps".
    case maps(ReportMapText)
    /// Texts of the account of the replications behind the bands.
    case account(ReportAccountText)
    /// Texts of the weight explorer.
    case explorer(WeightExplorerText)
    /// Texts of a buurt profile's verdicts.
    case profile(ReportProfileText)
    /// An uncertain input of the sensitivity analysis, as a label and inside a sentence.
    case choiceName(ReportChoiceText), choicePhrase(ReportChoiceText)
    /// Texts of the strengths and weaknesses of a buurt profile.
    case strengths(ReportStrengthText)
    /// Texts of the what-if table and of an update state's `diff.md`.
    case whatIf(WhatIfTableText), runDiff(RunDiffMarkdownText)
    /// The separators of numbers shown to readers.
    case decimalSeparator, thousandsSeparator
    // Lead and structure
    case lead, leadMostInNeed, leadNoUncertainty, leadWarning, leadWarnings, leadNoWarnings, seeHTML, chartNumbers
    // What was computed
    case modelTitle, modelIntro, treeTitle, treeIntro, weightIs, effectiveIs, higherIsBetter, lowerIsBetter, dividedBy
    case weightsTitle, weightsIntro, methodsTitle, referenceTitle
    case stageSkipped, stageNameDenominate, stageNameImpute, stageNameScreen, stageNameTreat
    case stageDenominateOne, stageDenominate, stageImpute, stageScreen, stageTreat, stageNormalise, stageAggregate, aggregateLevel
    case aggregateCoverage, aggregateAnyChild
    case imputeNone, imputeMean, imputeMedian, imputeInterpolate, imputeScopeAll, imputeScopePeriod, imputeScopeGroup
    case screenObserved, screenImputed
    case normMinmax, normZscore, normRank, normBorda, normPrank, normFracmax, normDist2max, normDist2ref, normDist2targ, normGoalposts
    case scopePeriod, scopeAll, scopeReference
    case aggArithmetic, aggGeometric, aggHarmonic, aggGeneralised, aggCopeland, aggMPI
    case referenceNormaliseYear, referenceNormalisePeriod, referenceNormaliseAll, referenceGapsMean, referenceGapsYear
    // Back to the data
    case dataTitle, dataIntroOneMissing, dataIntro, periodsOne, periodsMany, perIndicatorTitle, perIndicatorIntro, imputedTitle, imputedCount, firstOf
    case screenedTitle, screenedCountOne, screenedCount, treatedTitle, treatedCount, treatedFittedOn, outcomeLog, outcomeWinsorisedOne, outcomeWinsorised
    case aggregateMissingTitle, aggregateMissingOne, aggregateMissing, scaleLogged, scaleRanks, scaleMeaning
    case laterLeftOut, sourceMean, sourceMedian, sourceInterpolated, sourceNearest, inGroup, high, low, andMore
    // Priority list
    case variedWeights, variedNormalise, variedAggregate, variedTreat, variedImpute, variedSampling, variedUnknown, and
    case prioritiesTitle, prioritiesIntro, prioritiesBands, prioritiesNoBands, prioritiesTruncated
    case rankAxis, legendRank, legendBand, legendNoBand, caterpillarCaption, caterpillarCaptionNoBands
    case bandWidthAxis, bandWidthIntro, scoreAxis, scoreHistogramIntro, scoreRange
    // Profiles
    case profilesTitle, profilesIntro, profilesTruncated, trendOnePeriod
    case profileFacts, profileCategory, profileAxis, profileCaption, profileCaptionNoBands
    case legendBuurt, legendCityMean, legendCityMiddle, problemsTitle, trendTitle, trendCaption, improved, worsened, change
    // Checks
    case checksTitle, checksIntro, correlationTitle, correlationCaption, reliabilityTitle, reliabilityIntro, noWarnings
    case warnAlpha, warnKMO, warnBartlett, warnNegativeLoading, warnNotComputed
    case pcaTitle, pcaIntro, pcaCaption, screeTitle, loadingTitle, loadingOn, component, eigenvalue, explained
    // Sensitivity
    case sensitivityTitle, sensitivityIntro, sensitivityRowsLeftOut, sensitivityTop, sensitivityAbsent, sensitivityAxis, sensitivityCaption
    case firstOrder, totalEffect, choice
    case removalTitle, removalIntro, removalTop, removalAbsent, removalAxis, removalCaption, meanShift, maxShift
    // Table headers and short words
    case indicator, dimension, weight, effectiveWeight, buurt, name, period, value, how, missingValues, coverage
    case skewKurtosis, outcome, cells, unitOfMeasure, missingInData, imputedShort, treatedShort
    case priorityShort, score, rank, band, pTopShort, category, numberOfBuurten, from, to
    case reference, gap, gapBand, pWorst, clearlyBehind, yes, no, group, indicatorsCount, cases

    /// (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .changes(let key): key.texts
        case .maps(let key): key.texts
        case .account(let key): key.texts
        case .explorer(let key): key.texts
        case .profile(let key): key.texts
        case .choiceName(let key): key.texts
        case .choicePhrase(let key): key.phraseTexts
        case .strengths(let key): key.texts
        case .whatIf(let key): key.texts
        case .runDiff(let key): key.texts
        case .decimalSeparator: (",", ".")
        case .thousandsSeparator: (".", ",")

        case .lead: ("Berekend uit modelbestand {1} en databestand {2}: {3} buurten in het laatste jaar, periode {4}.",
                     "Computed from model file {1} and data file {2}: {3} buurten in the latest period, covering {4}.")
        case .leadMostInNeed: ("Meeste aandacht nodig in {1} (laagste indexscore eerst): {2}.",
                               "Most in need in {1} (lowest index score first): {2}.")
        case .leadNoUncertainty: ("Dit model heeft geen onzekerheidsanalyse: de lijsten hieronder komen uit één berekening en hebben geen onzekerheidsbanden.",
                                  "This model has no uncertainty analysis: the lists below come from a single computation and have no uncertainty bands.")
        case .leadWarning: ("De statistische controles geven {1} waarschuwing; zie Multivariate controles.",
                            "The statistical checks give {1} warning; see Multivariate checks.")
        case .leadWarnings: ("De statistische controles geven {1} waarschuwingen; zie Multivariate controles.",
                             "The statistical checks give {1} warnings; see Multivariate checks.")
        case .leadNoWarnings: ("De statistische controles geven geen waarschuwingen.", "The statistical checks give no warnings.")
        case .seeHTML: ("grafiek: zie report.html", "chart: see report.html")
        case .chartNumbers: ("Getallen bij deze grafiek", "Numbers behind this chart")

        case .modelTitle: ("Wat is berekend", "What was computed")
        case .modelIntro: ("Het model staat in {1}. Hieronder de opbouw van de index, de gewichten, de methode van elke stap en de referentieperiode.",
                           "The model is in {1}. Below: how the index is built, the weights, the method of each step and the reference period.")
        case .treeTitle: ("Opbouw van de index", "Structure of the index")
        case .treeIntro: ("Elke regel is een onderdeel met zijn code; het gewicht geldt ten opzichte van zijn zusters, het effectieve gewicht is het aandeel in de index.",
                          "Each line is a component with its code; the weight is relative to its siblings, the effective weight is its share of the index.")
        case .weightIs: ("gewicht {1}", "weight {1}")
        case .effectiveIs: ("effectief {1}", "effective {1}")
        case .higherIsBetter: ("hoger is beter", "higher is better")
        case .lowerIsBetter: ("lager is beter", "lower is better")
        case .dividedBy: ("gedeeld door {1} × {2}", "divided by {1} × {2}")
        case .weightsTitle: ("Gewichten", "Weights")
        case .weightsIntro: ("Effectief gewicht: het gewicht binnen de dimensie maal het gewicht van de dimensie binnen de index (bij een rekenkundig gemiddelde het aandeel van de indicator in de indexscore).",
                             "Effective weight: the weight within the dimension times the dimension's weight within the index (with an arithmetic mean, the indicator's share of the index score).")
        case .methodsTitle: ("Methoden per stap", "Methods of each step")
        case .referenceTitle: ("Referentieperiode", "Reference period")
        case .stageSkipped: ("{1}: niet uitgevoerd.", "{1}: not run.")
        case .stageNameDenominate: ("Delen door noemer", "Denominate")
        case .stageNameImpute: ("Ontbrekende waarden invullen", "Imputation")
        case .stageNameScreen: ("Selectie op volledigheid", "Screening")
        case .stageNameTreat: ("Uitschieters behandelen", "Outlier treatment")
        case .stageDenominateOne: ("Delen door noemer: {1} indicator gedeeld door zijn noemerkolom (standaardschaal {2}).",
                                   "Denominate: {1} indicator divided by its denominator column (default scale {2}).")
        case .stageDenominate: ("Delen door noemer: {1} indicatoren gedeeld door hun noemerkolom (standaardschaal {2}).",
                                "Denominate: {1} indicators divided by their denominator column (default scale {2}).")
        case .stageImpute: ("Ontbrekende waarden invullen: {1}, {2}.", "Imputation: {1}, {2}.")
        case .stageScreen: ("Selectie: een buurt-jaar blijft alleen als ten minste {1} van de indicatoren een waarde heeft ({2}).",
                            "Screening: a buurt-year is kept only when at least {1} of the indicators have a value ({2}).")
        case .stageTreat: ("Uitschieters: winsoriseren tot {1} punten wanneer |scheefheid| ≥ {2} en kurtosis ≥ {3}; helpt dat niet, dan een log-transformatie.",
                           "Outliers: winsorise up to {1} points when |skewness| ≥ {2} and kurtosis ≥ {3}; if that does not suffice, a log transform.")
        case .stageNormalise: ("Normaliseren: {1}; {2}.", "Normalisation: {1}; {2}.")
        case .stageAggregate: ("Samenvoegen: {1}; {2}.", "Aggregation: {1}; {2}.")
        case .aggregateLevel: ("niveau {1}: {2}; {3}", "level {1}: {2}; {3}")
        case .aggregateCoverage: ("een score ontbreekt als minder dan {1} van de onderdelen een waarde heeft",
                                  "a score is missing when fewer than {1} of the components have a value")
        case .aggregateAnyChild: ("gemiddeld over de onderdelen die een waarde hebben", "averaged over the components that have a value")
        case .imputeNone: ("niet invullen", "no imputation")
        case .imputeMean: ("gemiddelde", "mean")
        case .imputeMedian: ("mediaan", "median")
        case .imputeInterpolate: ("lineaire interpolatie tussen de jaren van dezelfde buurt", "linear interpolation between the years of the same buurt")
        case .imputeScopeAll: ("over alle buurten en jaren", "over all buurten and years")
        case .imputeScopePeriod: ("over de buurten van hetzelfde jaar", "over the buurten of the same year")
        case .imputeScopeGroup: ("over de buurten van hetzelfde jaar met dezelfde waarde van {1}", "over the buurten of the same year with the same {1}")
        case .screenObserved: ("geteld op de waargenomen waarden, vóór het invullen", "counted on the observed values, before imputation")
        case .screenImputed: ("geteld na het invullen", "counted after imputation")
        case .normMinmax: ("min-max naar [{1}, {2}] (laagste waarde {1}, hoogste {2})", "min-max to [{1}, {2}] (lowest value {1}, highest {2})")
        case .normZscore: ("z-score met gemiddelde {1} en standaardafwijking {2}", "z-score with mean {1} and standard deviation {2}")
        case .normRank: ("rangnummer", "rank")
        case .normBorda: ("Borda-score (rang − 1)", "Borda score (rank − 1)")
        case .normPrank: ("percentielrang", "percentile rank")
        case .normFracmax: ("fractie van het maximum", "fraction of the maximum")
        case .normDist2max: ("afstand tot het maximum", "distance to the maximum")
        case .normDist2ref: ("afstand tot referentiebuurt {1}", "distance to reference buurt {1}")
        case .normDist2targ: ("afstand tot het doel van elke indicator", "distance to each indicator's target")
        case .normGoalposts: ("vaste doelpalen per indicator, schaal {1}", "fixed goalposts per indicator, scale {1}")
        case .scopePeriod: ("elk jaar apart", "each year separately")
        case .scopeAll: ("alle jaren samen", "all years together")
        case .scopeReference: ("parameters uit referentiejaar {1}", "parameters from reference year {1}")
        case .aggArithmetic: ("rekenkundig gemiddelde", "arithmetic mean")
        case .aggGeometric: ("meetkundig gemiddelde", "geometric mean")
        case .aggHarmonic: ("harmonisch gemiddelde", "harmonic mean")
        case .aggGeneralised: ("gegeneraliseerd gemiddelde (p = {1})", "generalised mean (p = {1})")
        case .aggCopeland: ("Copeland-score (paarsgewijze vergelijking)", "Copeland score (pairwise comparison)")
        case .aggMPI: ("Mazziotta–Pareto-index", "Mazziotta–Pareto index")
        case .referenceNormaliseYear: ("De schaal van elke indicator ligt vast op referentiejaar {1}: een later jaar verandert eerdere scores niet, en scores zijn tussen jaren vergelijkbaar.",
                                       "Each indicator's scale is fixed on reference year {1}: a later year does not change earlier scores, and scores are comparable between years.")
        case .referenceNormalisePeriod: ("Elk jaar wordt apart geschaald: scores vergelijken buurten binnen een jaar; een verschil tussen jaren is een verschuiving ten opzichte van de andere buurten.",
                                         "Each year is scaled on its own: scores compare buurten within a year; a difference between years is a shift relative to the other buurten.")
        case .referenceNormaliseAll: ("Alle jaren worden samen geschaald.", "All years are scaled together.")
        case .referenceGapsMean: ("Achterstanden per dimensie worden gemeten ten opzichte van het gemiddelde van alle buurten in hetzelfde jaar.",
                                  "Gaps per dimension are measured against the mean of all buurten in the same year.")
        case .referenceGapsYear: ("Achterstanden per dimensie worden gemeten ten opzichte van het gemiddelde van alle buurten in {1}.",
                                  "Gaps per dimension are measured against the mean of all buurten in {1}.")

        case .dataTitle: ("Terug naar de data", "Back to the data")
        case .dataIntroOneMissing: ("De data heeft {1} rijen: {2} buurten in {3} ({4}). Van de {5} indicatorcellen ontbreekt er {6} ({7}%).",
                                    "The data has {1} rows: {2} buurten in {3} ({4}). Of the {5} indicator cells, {6} is missing ({7}%).")
        case .dataIntro: ("De data heeft {1} rijen: {2} buurten in {3} ({4}). Van de {5} indicatorcellen ontbreken er {6} ({7}%).",
                          "The data has {1} rows: {2} buurten in {3} ({4}). Of the {5} indicator cells, {6} are missing ({7}%).")
        case .periodsOne: ("{1} jaar", "{1} period")
        case .periodsMany: ("{1} jaar", "{1} periods")
        case .perIndicatorTitle: ("Per indicator", "Per indicator")
        case .perIndicatorIntro: ("Ontbrekend, ingevuld en behandeld per indicator, en wat de genormaliseerde schaal betekent in de eigen eenheid van de indicator ({1}).",
                                  "Missing, imputed and treated per indicator, and what the normalised scale means in the indicator's own unit ({1}).")
        case .imputedTitle: ("Ingevulde cellen", "Imputed cells")
        case .imputedCount: ("{1} cellen zijn ingevuld; {2} konden niet worden ingevuld.", "{1} cells were imputed; {2} could not be filled.")
        case .firstOf: ("De eerste {1} van {2}:", "The first {1} of {2}:")
        case .screenedTitle: ("Weggelaten buurt-jaren", "Buurt-years left out")
        case .screenedCountOne: ("{1} van de {2} buurt-jaren is weggelaten omdat minder dan {3} van de indicatoren een waarde had.",
                                 "{1} of {2} buurt-years was left out because fewer than {3} of the indicators had a value.")
        case .screenedCount: ("{1} van de {2} buurt-jaren zijn weggelaten omdat minder dan {3} van de indicatoren een waarde had.",
                              "{1} of {2} buurt-years were left out because fewer than {3} of the indicators had a value.")
        case .treatedTitle: ("Behandelde uitschieters", "Treated outliers")
        case .treatedCount: ("{1} van de {2} combinaties van indicator en jaar zijn behandeld; de andere waren niet te scheef.",
                             "{1} of {2} indicator-year combinations were treated; the others were not too skewed.")
        case .treatedFittedOn: ("Omdat de schaal van {1} komt, is ook de behandeling in {1} bepaald: of een indicator wordt gewinsoriseerd "
                                + "of log-getransformeerd, en de grenzen en het minimum van de log, komen uit {1} en gelden voor elk jaar "
                                + "(in andere jaren zijn de cellen de waarden die op die grenzen zijn gezet).",
                                "Because the scale comes from {1}, so does the treatment: whether an indicator is winsorised or log-transformed, "
                                + "and the bounds and the log's minimum, come from {1} and apply to every year (in other years the cells "
                                + "are the values set to those bounds).")
        case .outcomeLog: ("log-transformatie", "log transform")
        case .outcomeWinsorisedOne: ("gewinsoriseerd: {1} cel", "winsorised: {1} cell")
        case .outcomeWinsorised: ("gewinsoriseerd: {1} cellen", "winsorised: {1} cells")
        case .laterLeftOut: ("buurt-jaar daarna weggelaten bij de selectie", "buurt-year then left out by the screening")
        case .aggregateMissingTitle: ("Ontbrekende scores", "Missing scores")
        case .aggregateMissingOne: ("{1}: {2} ontbrekende score ({3} daarvan door te weinig onderdelen met een waarde).",
                                    "{1}: {2} missing score ({3} of it because too few components had a value).")
        case .aggregateMissing: ("{1}: {2} ontbrekende scores, waarvan {3} door te weinig onderdelen met een waarde.",
                                 "{1}: {2} missing scores, {3} of them because too few components had a value.")
        case .scaleLogged: ("log-getransformeerd: geen eenvoudige terugvertaling", "log-transformed: no simple translation back")
        case .scaleRanks: ("rangschikking van {1} waarden", "ranking of {1} values")
        case .scaleMeaning: ("Schaal ({1})", "Scale ({1})")
        case .sourceMean: ("gemiddelde van {1} waarden", "mean of {1} values")
        case .sourceMedian: ("mediaan van {1} waarden", "median of {1} values")
        case .sourceInterpolated: ("geïnterpoleerd tussen {1} en {2}", "interpolated between {1} and {2}")
        case .sourceNearest: ("dichtstbijzijnde waarneming ({1})", "nearest observation ({1})")
        case .inGroup: ("in groep {1}", "in group {1}")
        case .high: ("hoog", "high")
        case .low: ("laag", "low")
        case .andMore: ("en {1} meer", "and {1} more")

        case .prioritiesTitle: ("Prioriteitenlijst buurten", "Priority list of buurten")
        case .prioritiesIntro: ("De {2} buurten van {1}, de buurt die de meeste aandacht nodig heeft eerst (de laagste indexscore). Rang 1 is de hoogste score, dus de buurten die de meeste aandacht nodig hebben, hebben de hoogste rangnummers.",
                                "The {2} buurten of {1}, ordered by need: lowest index score first. Rank 1 is the highest score, so the buurten most in need have the highest rank numbers.")
        case .prioritiesBands: ("De band is het 5–95%-interval van de rang over {1} herhalingen waarin {3} zijn gevarieerd. p(top {2}) is de kans dat de buurt bij de {2} buurten met de laagste score hoort.",
                                "The band is the 5–95% range of the rank over {1} replications in which {3} were varied. p(top {2}) is the chance that the buurt is among the {2} buurten with the lowest score.")
        case .variedWeights: ("de gewichten (±{1} op niveau {2})", "the weights (±{1} at level {2})")
        case .variedNormalise: ("de normalisatie ({1} alternatieven)", "the normalisation ({1} alternatives)")
        case .variedAggregate: ("de aggregatiemethode ({1} alternatieven)", "the aggregation method ({1} alternatives)")
        case .variedTreat: ("de winsorisatiegrens ({1} punten)", "the winsorising limit ({1} points)")
        case .variedImpute: ("de invulmethode ({1} alternatieven)", "the imputation method ({1} alternatives)")
        case .variedSampling: ("de steekproefonzekerheid van de data", "the data's sampling error")
        case .variedUnknown: ("de onzekere keuzes van het model", "the model's uncertain choices")
        case .and: ("en", "and")
        case .prioritiesNoBands: ("Het model heeft geen onzekerheidsanalyse, dus deze lijst komt uit één berekening en heeft geen banden. Voeg 'uncertainty:' toe aan het model om te zien hoe zeker elke plaats is.",
                                  "The model has no uncertainty analysis, so this list comes from one computation and has no bands. Add 'uncertainty:' to the model to see how certain each place is.")
        case .prioritiesTruncated: ("Hieronder de {1} van de {2} buurten die de meeste aandacht nodig hebben; de volledige lijst staat in scores.csv.",
                                    "Shown below: the {1} of {2} buurten most in need; the full list is in scores.csv.")
        case .rankAxis: ("rang (1 = hoogste score, {1} = laagste)", "rank (1 = highest score, {1} = lowest)")
        case .legendRank: ("rang", "rank")
        case .legendBand: ("5–95%-band", "5–95% band")
        case .legendNoBand: ("(geen banden)", "(no bands)")
        case .caterpillarCaption: ("Rang en 5–95%-band per buurt, meeste aandacht nodig bovenaan; rechts p(top {1}), rood bij 50% of meer.",
                                   "Rank and 5–95% band per buurt, most in need at the top; right: p(top {1}), red at 50% or more.")
        case .caterpillarCaptionNoBands: ("Rang per buurt, meeste aandacht nodig bovenaan; rechts de indexscore.",
                                          "Rank per buurt, most in need at the top; right: the index score.")
        case .bandWidthAxis: ("breedte van de 5–95%-band (rangplaatsen)", "width of the 5–95% band (rank places)")
        case .bandWidthIntro: ("Hoe zeker is de plaats van alle {1} buurten? Een smalle band betekent een vaste plaats in de lijst.",
                               "How certain is the place of all {1} buurten? A narrow band means a stable place in the list.")
        case .scoreAxis: ("indexscore", "index score")
        case .scoreHistogramIntro: ("Verdeling van de indexscore over alle {1} buurten.", "Distribution of the index score over all {1} buurten.")
        case .scoreRange: ("scores", "scores")

        case .profilesTitle: ("Buurtprofielen", "Buurt profiles")
        case .profilesIntro: ("Per buurt: de scores per dimensie in {1} tegenover de stad, de problemen in volgorde van achterstand, en de ontwikkeling per dimensie.",
                              "Per buurt: the scores per dimension in {1} against the city, the problems in order of gap, and the trend per dimension.")
        case .profilesTruncated: ("Profielen alleen voor de {1} van de {2} buurten die de meeste aandacht nodig hebben.",
                                  "Profiles only for the {1} of {2} buurten most in need.")
        case .trendOnePeriod: ("De data heeft één jaar; er is geen ontwikkeling te tonen.", "The data has one period; there is no trend to show.")
        case .profileFacts: ("Indexscore {1} (stadsgemiddelde {2}), rang {3} van {4}.", "Index score {1} (city mean {2}), rank {3} of {4}.")
        case .profileCategory: ("Categorie: {1}.", "Category: {1}.")
        case .profileAxis: ("score per dimensie, {1}", "score per dimension, {1}")
        case .profileCaption: ("Punt: de buurt met zijn 5–95%-band; streep: stadsgemiddelde; grijs: middelste 90% van de buurten. Rood: duidelijk achter (band geheel onder het gemiddelde); oranje: achter; blauw: gemiddeld of beter.",
                               "Dot: the buurt with its 5–95% band; tick: city mean; grey: middle 90% of the buurten. Red: clearly behind (band wholly below the mean); orange: behind; blue: at or above the mean.")
        case .profileCaptionNoBands: ("Punt: de buurt; streep: stadsgemiddelde; grijs: middelste 90% van de buurten. Oranje: onder het gemiddelde; blauw: gemiddeld of beter.",
                                      "Dot: the buurt; tick: city mean; grey: middle 90% of the buurten. Orange: below the mean; blue: at or above the mean.")
        case .legendBuurt: ("buurt", "buurt")
        case .legendCityMean: ("stadsgemiddelde", "city mean")
        case .legendCityMiddle: ("middelste 90%", "middle 90%")
        case .problemsTitle: ("Problemen, grootste achterstand eerst", "Problems, largest gap first")
        case .trendTitle: ("Ontwikkeling {1}–{2}", "Trend {1}–{2}")
        case .trendCaption: ("Lijn: de buurt; stippellijn: stadsgemiddelde; verticale streepjes: 5–95%-band. Alle panelen op dezelfde schaal.",
                             "Line: the buurt; dashed: city mean; vertical bars: 5–95% band. All panels on the same scale.")
        case .improved: ("beter", "better")
        case .worsened: ("slechter", "worse")
        case .change: ("verandering", "change")

        case .checksTitle: ("Multivariate controles", "Multivariate checks")
        case .checksIntro: ("Berekend op de genormaliseerde data van {1} ({2} buurten). Deze controles zeggen of de indicatoren van een dimensie samen één ding meten.",
                            "Computed on the normalised data of {1} ({2} buurten). These checks tell whether the indicators of a dimension measure one thing together.")
        case .correlationTitle: ("Correlaties tussen indicatoren", "Correlations between indicators")
        case .correlationCaption: ("Pearson-correlatie; blauw positief, rood negatief; de kaders zijn de dimensies.",
                                   "Pearson correlation; blue positive, red negative; the boxes are the dimensions.")
        case .reliabilityTitle: ("Betrouwbaarheid per dimensie", "Reliability per dimension")
        case .reliabilityIntro: ("Cronbachs α meet of de indicatoren samen één ding meten (0,6 of meer is gebruikelijk). KMO (0,5 of meer) en de toets van Bartlett (p ≤ 0,05) zeggen of de indicatoren genoeg samenhangen voor een principale-componentenanalyse.",
                                 "Cronbach's α measures whether the indicators measure one thing together (0.6 or more is usual). KMO (0.5 or more) and Bartlett's test (p ≤ 0.05) tell whether the indicators are related enough for a principal component analysis.")
        case .noWarnings: ("Geen waarschuwingen: elke dimensie haalt de drempels.", "No warnings: every dimension meets the thresholds.")
        case .warnAlpha: ("{1}: α = {2} < {3}: deze indicatoren meten niet één ding; de dimensiescore middelt verschillende zaken.",
                          "{1}: α = {2} < {3}: these indicators do not measure one thing; the dimension score averages different matters.")
        case .warnKMO: ("{1}: KMO = {2} < {3}: de indicatoren hebben te weinig gemeenschappelijk voor een betrouwbare samenvatting.",
                        "{1}: KMO = {2} < {3}: the indicators share too little for a reliable summary.")
        case .warnBartlett: ("{1}: Bartlett p = {2} > {3}: de samenhang tussen de indicatoren kan toeval zijn.",
                             "{1}: Bartlett p = {2} > {3}: the relation between the indicators may be chance.")
        case .warnNegativeLoading: ("{1} laadt negatief op de eerste component van {2} ({3}): deze indicator beweegt tegen de andere in; controleer zijn richting.",
                                    "{1} loads negatively on the first component of {2} ({3}): this indicator moves against the others; check its direction.")
        case .warnNotComputed: ("{1}: niet alle statistieken konden worden berekend ({2} indicatoren, {3} volledige buurten); een dimensie met één indicator of een constante indicator heeft geen α of KMO.",
                                "{1}: not every statistic could be computed ({2} indicators, {3} complete buurten); a dimension with one indicator or a constant indicator has no α or KMO.")
        case .pcaTitle: ("Principale componenten per dimensie", "Principal components per dimension")
        case .pcaIntro: ("Links: eigenwaarden (componenten boven de rode lijn, eigenwaarde 1, tellen). Rechts: ladingen op de eerste component; een rode balk is een negatieve lading.",
                         "Left: eigenvalues (components above the red line, eigenvalue 1, count). Right: loadings on the first component; a red bar is a negative loading.")
        case .pcaCaption: ("Screeplot en ladingen op de eerste component.", "Scree plot and loadings on the first component.")
        case .screeTitle: ("Eigenwaarden", "Eigenvalues")
        case .loadingTitle: ("Ladingen op component 1", "Loadings on component 1")
        case .loadingOn: ("lading PC{1}", "loading PC{1}")
        case .component: ("component", "component")
        case .eigenvalue: ("eigenwaarde", "eigenvalue")
        case .explained: ("verklaarde variantie", "variance explained")

        case .sensitivityTitle: ("Gevoeligheid", "Sensitivity")
        case .sensitivityIntro: ("Welke keuze verschuift de rangen het meest? Si is het deel van de variatie in de gemiddelde rangverschuiving dat door die keuze alleen komt; ST telt ook de samenwerking met andere keuzes mee. Strepen: 5–95%-interval (bootstrap).",
                                 "Which choice moves the ranks most? Si is the share of the variation in the mean rank shift caused by that choice alone; ST also counts its interplay with other choices. Whiskers: 5–95% interval (bootstrap).")
        case .sensitivityRowsLeftOut: ("De indices komen uit {1} van de {2} rijen van het proefschema: in {3} rijen kon een punt niet worden berekend (bijvoorbeeld een meetkundig gemiddelde van een score ≤ 0, overgeslagen volgens 'out_of_domain: skip'). Ze zijn dus geschat binnen het domein van het model, zoals de banden.",
                                       "The indices come from {1} of the {2} rows of the design: in {3} rows a point could not be computed (for example a geometric mean of a score ≤ 0, skipped under 'out_of_domain: skip'). They are estimated within the model's domain, as the bands are.")
        case .sensitivityTop: ("De keuze met de meeste invloed is {1} (ST = {2}, Si = {3}).", "The most influential choice is {1} (ST = {2}, Si = {3}).")
        case .sensitivityAbsent: ("De gevoeligheidsanalyse is niet uitgevoerd; zet 'sensitivity: true' onder 'uncertainty:' in het model.",
                                  "The sensitivity analysis was not run; set 'sensitivity: true' under 'uncertainty:' in the model.")
        case .sensitivityAxis: ("gevoeligheidsindex (0–1)", "sensitivity index (0–1)")
        case .sensitivityCaption: ("Si (eigen effect) en ST (totaal effect) per keuze, grootste totaal effect bovenaan.",
                                   "Si (own effect) and ST (total effect) per choice, largest total effect at the top.")
        case .firstOrder: ("Si (eigen effect)", "Si (own effect)")
        case .totalEffect: ("ST (totaal effect)", "ST (total effect)")
        case .choice: ("keuze", "choice")
        case .removalTitle: ("Een dimensie weglaten", "Leaving out a dimension")
        case .removalIntro: ("Hoeveel plaatsen verschuiven buurten als één dimensie uit de index wordt gelaten (de andere houden hun gewicht)?",
                             "How many places do buurten move when one dimension is left out of the index (the others keep their weights)?")
        case .removalTop: ("Zonder {1} verschuift een buurt gemiddeld {2} plaatsen, en hoogstens {3}.",
                           "Without {1} a buurt moves {2} places on average, and at most {3}.")
        case .removalAbsent: ("De analyse met weggelaten dimensies is niet uitgevoerd.", "The analysis leaving out dimensions was not run.")
        case .removalAxis: ("rangverschuiving (plaatsen)", "rank shift (places)")
        case .removalCaption: ("Gemiddelde en grootste rangverschuiving per weggelaten dimensie.", "Mean and largest rank shift per dimension left out.")
        case .meanShift: ("gemiddelde verschuiving", "mean shift")
        case .maxShift: ("grootste verschuiving", "largest shift")

        case .indicator: ("indicator", "indicator")
        case .dimension: ("dimensie", "dimension")
        case .weight: ("gewicht", "weight")
        case .effectiveWeight: ("effectief gewicht", "effective weight")
        case .buurt: ("buurt", "buurt")
        case .name: ("naam", "name")
        case .period: ("jaar", "period")
        case .value: ("waarde", "value")
        case .how: ("hoe", "how")
        case .missingValues: ("ontbrekend", "missing")
        case .coverage: ("volledigheid", "coverage")
        case .skewKurtosis: ("scheefheid / kurtosis", "skewness / kurtosis")
        case .outcome: ("behandeling", "treatment")
        case .cells: ("cellen", "cells")
        case .unitOfMeasure: ("eenheid", "unit")
        case .missingInData: ("ontbrekend", "missing")
        case .imputedShort: ("ingevuld", "imputed")
        case .treatedShort: ("behandeld", "treated")
        case .priorityShort: ("prioriteit", "priority")
        case .score: ("score", "score")
        case .rank: ("rang", "rank")
        case .band: ("5–95%", "5–95%")
        case .pTopShort: ("p(top {1})", "p(top {1})")
        case .category: ("categorie", "category")
        case .numberOfBuurten: ("aantal buurten", "number of buurten")
        case .from: ("van", "from")
        case .to: ("tot", "to")
        case .reference: ("stad", "city")
        case .gap: ("achterstand", "gap")
        case .gapBand: ("achterstand 5–95%", "gap 5–95%")
        case .pWorst: ("p(grootste)", "p(largest)")
        case .clearlyBehind: ("duidelijk achter", "clearly behind")
        case .yes: ("ja", "yes")
        case .no: ("nee", "no")
        case .group: ("dimensie", "dimension")
        case .indicatorsCount: ("indicatoren", "indicators")
        case .cases: ("buurten", "buurten")
        }
    }
}

/// The string table: looks up ``ReportText`` in one language and fills in its placeholders.
/// The only place that chooses between the languages.
struct ReportStrings: Sendable {
    let language: ReportLanguage

    /// The text with each `{k}` replaced by `arguments[k − 1]`, in one pass (an argument that
    /// itself contains `{2}` is inserted as it is). A mark without an argument (`{3}` with two
    /// arguments, `{moved}`) stays as it is.
    func callAsFunction(_ key: ReportText, _ arguments: String...) -> String {
        text(key, arguments)
    }

    /// `one` when `n` is 1, otherwise `many`, filled in with `arguments`
    /// (``callAsFunction(_:_:)``).
    func count(_ n: Int, one: ReportText, many: ReportText, _ arguments: String...) -> String {
        text(n == 1 ? one : many, arguments)
    }

    /// ``callAsFunction(_:_:)`` with the arguments as an array.
    func text(_ key: ReportText, _ arguments: [String]) -> String {
        let (nl, en) = key.texts
        let chosen = switch language {
        case .nl: nl
        case .en: en
        }
        if arguments.isEmpty { return chosen }
        let template = Array(chosen.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < template.count {
            if template[i] == "{", let close = template[i...].firstIndex(of: "}"), close > i + 1,
               let k = Int(String(String.UnicodeScalarView(template[(i + 1)..<close]))), k >= 1, k <= arguments.count {
                out.append(contentsOf: arguments[k - 1].unicodeScalars)
                i = close + 1
            } else {
                out.append(template[i])
                i += 1
            }
        }
        return String(out)
    }
}
