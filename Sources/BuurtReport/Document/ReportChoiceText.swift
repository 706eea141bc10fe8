/// The readable names of the uncertain inputs of the sensitivity analysis (the `input` column
/// of `sensitivity.csv`: weights, normalise, aggregate, treat, impute, sampling), as a table
/// label (``ReportText/choiceName(_:)``) and inside a sentence (``ReportText/choicePhrase(_:)``).
enum ReportChoiceText: String, Sendable, CaseIterable {
    case weights, normalise, aggregate, treat, impute, sampling

    /// The label in a table or chart, (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .weights: ("Gewichten", "Weights")
        case .normalise: ("Normalisatie", "Normalisation")
        case .aggregate: ("Aggregatie", "Aggregation")
        case .treat: ("Winsorisatiegrens", "Winsorising limit")
        case .impute: ("Invulmethode", "Imputation method")
        case .sampling: ("Steekproefonzekerheid van de data", "Sampling error of the data")
        }
    }

    /// The name inside a sentence, (Dutch, English).
    var phraseTexts: (String, String) {
        switch self {
        case .weights: ("de gewichten", "the weights")
        case .normalise: ("de normalisatie", "the normalisation")
        case .aggregate: ("de aggregatie", "the aggregation")
        case .treat: ("de winsorisatiegrens", "the winsorising limit")
        case .impute: ("de invulmethode", "the imputation method")
        case .sampling: ("de steekproefonzekerheid van de data", "the sampling error of the data")
        }
    }
}

extension ReportContext {
    /// The label of sensitivity input `input` (its code when it is not a known input).
    func choiceName(_ input: String) -> String { ReportChoiceText(rawValue: input).map { t(.choiceName($0)) } ?? input }

    /// The name of sensitivity input `input` inside a sentence.
    func choicePhrase(_ input: String) -> String { ReportChoiceText(rawValue: input).map { t(.choicePhrase($0)) } ?? input }
}
