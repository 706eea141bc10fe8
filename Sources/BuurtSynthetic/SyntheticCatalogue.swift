import BuurtIndex
import BuurtNumerics
import Foundation

/// The dimensions and indicators of the synthetic liveability-and-safety data set, after the
/// six dimensions of the Heerlen approach (social cohesion, nuisance, deterioration, crime,
/// victimisation, feelings of unsafety).
enum SyntheticCatalogue {
    struct Dimension {
        let code: String
        let name: String
    }

    /// Where an indicator's numbers come from.
    enum Source {
        /// A survey question: the share (%) of `survey_n` respondents agreeing; `baseShare` is the
        /// share in an average neighbourhood.
        case survey(baseShare: Double)
        /// A registered count (police or municipality); `ratePer1000` is the yearly count per 1000
        /// inhabitants in an average neighbourhood. Written as a raw count.
        case count(ratePer1000: Double)
    }

    struct Indicator {
        let code: String
        let name: String
        let dimension: String
        /// +1 when more is better, −1 when less is better.
        let direction: Double
        let source: Source
        /// How strongly the indicator follows its dimension's latent score (logit or log scale).
        let sensitivity: Double

        var isSurvey: Bool {
            if case .survey = source { return true }
            return false
        }
    }

    static let index = Dimension(code: "index", name: "Leefbaarheid en veiligheid")

    static let dimensions = [
        Dimension(code: "cohesion", name: "Sociale cohesie"),
        Dimension(code: "nuisance", name: "Overlast"),
        Dimension(code: "deterioration", name: "Verloedering"),
        Dimension(code: "crime", name: "Criminaliteit"),
        Dimension(code: "victimisation", name: "Slachtofferschap"),
        Dimension(code: "unsafety", name: "Onveiligheidsgevoelens"),
    ]

    static let indicators = [
        Indicator(code: "know_each_other", name: "Mensen kennen elkaar (% eens)", dimension: "cohesion", direction: 1, source: .survey(baseShare: 0.50), sensitivity: 0.55),
        Indicator(code: "get_along", name: "Mensen gaan prettig met elkaar om (% eens)", dimension: "cohesion", direction: 1, source: .survey(baseShare: 0.68), sensitivity: 0.50),
        Indicator(code: "feel_at_home", name: "Voelt zich thuis in de buurt (% eens)", dimension: "cohesion", direction: 1, source: .survey(baseShare: 0.74), sensitivity: 0.50),

        Indicator(code: "nuisance_reports", name: "Overlastmeldingen bij de politie per 1000 inwoners", dimension: "nuisance", direction: -1, source: .count(ratePer1000: 45), sensitivity: 0.50),
        Indicator(code: "nuisance_neighbours", name: "Ervaart overlast van buren (%)", dimension: "nuisance", direction: -1, source: .survey(baseShare: 0.10), sensitivity: 0.50),
        Indicator(code: "nuisance_youth", name: "Ervaart overlast van jongeren (%)", dimension: "nuisance", direction: -1, source: .survey(baseShare: 0.14), sensitivity: 0.60),
        Indicator(code: "nuisance_traffic", name: "Ervaart overlast van verkeer (%)", dimension: "nuisance", direction: -1, source: .survey(baseShare: 0.28), sensitivity: 0.35),

        Indicator(code: "litter", name: "Rommel op straat komt vaak voor (%)", dimension: "deterioration", direction: -1, source: .survey(baseShare: 0.33), sensitivity: 0.50),
        Indicator(code: "graffiti", name: "Bekladding van muren of gebouwen komt vaak voor (%)", dimension: "deterioration", direction: -1, source: .survey(baseShare: 0.12), sensitivity: 0.55),
        Indicator(code: "street_vandalism", name: "Vernieling van straatmeubilair komt vaak voor (%)", dimension: "deterioration", direction: -1, source: .survey(baseShare: 0.18), sensitivity: 0.55),
        Indicator(code: "public_space_reports", name: "Meldingen openbare ruimte bij de gemeente per 1000 inwoners", dimension: "deterioration", direction: -1, source: .count(ratePer1000: 70), sensitivity: 0.35),

        Indicator(code: "burglary", name: "Woninginbraak per 1000 inwoners", dimension: "crime", direction: -1, source: .count(ratePer1000: 3.5), sensitivity: 0.60),
        Indicator(code: "theft", name: "Diefstal per 1000 inwoners", dimension: "crime", direction: -1, source: .count(ratePer1000: 14), sensitivity: 0.50),
        Indicator(code: "violence", name: "Geweldsmisdrijven per 1000 inwoners", dimension: "crime", direction: -1, source: .count(ratePer1000: 5), sensitivity: 0.60),
        Indicator(code: "vandalism", name: "Vernielingen per 1000 inwoners", dimension: "crime", direction: -1, source: .count(ratePer1000: 7), sensitivity: 0.50),

        Indicator(code: "victim_any", name: "Slachtoffer van criminaliteit, afgelopen 12 maanden (%)", dimension: "victimisation", direction: -1, source: .survey(baseShare: 0.16), sensitivity: 0.45),
        Indicator(code: "victim_property", name: "Slachtoffer van een vermogensdelict (%)", dimension: "victimisation", direction: -1, source: .survey(baseShare: 0.10), sensitivity: 0.45),
        Indicator(code: "victim_violence", name: "Slachtoffer van een geweldsdelict (%)", dimension: "victimisation", direction: -1, source: .survey(baseShare: 0.03), sensitivity: 0.50),

        Indicator(code: "unsafe_sometimes", name: "Voelt zich wel eens onveilig in de buurt (%)", dimension: "unsafety", direction: -1, source: .survey(baseShare: 0.30), sensitivity: 0.60),
        Indicator(code: "unsafe_evening", name: "Voelt zich 's avonds onveilig op straat in de buurt (%)", dimension: "unsafety", direction: -1, source: .survey(baseShare: 0.22), sensitivity: 0.60),
        Indicator(code: "unsafe_home", name: "Voelt zich 's avonds alleen thuis onveilig (%)", dimension: "unsafety", direction: -1, source: .survey(baseShare: 0.08), sensitivity: 0.50),
    ]

    /// Position of each indicator's dimension in ``dimensions``.
    static let dimensionIndex: [Int] = indicators.map { i in dimensions.firstIndex { $0.code == i.dimension }! }

    /// Identifying and auxiliary columns before the indicators.
    static let leadingColumns = ["buurt_code", "buurt_naam", "wijk", "jaar", "population", "survey_n"]
}

extension SyntheticCatalogue.Indicator {
    /// One year's survey share (%) for dimension score `s`: Binomial(n, p)/n·100 rounded to 0.1,
    /// logit p = logit(base) + direction·sensitivity·s + η (η normal, sd 0.15, drawn first).
    func surveyShare(base: Double, score s: Double, respondents n: Int, _ g: inout RandomStream) -> Double {
        let logit = Foundation.log(base / (1 - base)) + direction * sensitivity * s + 0.15 * g.standardNormal()
        let p = 1 / (1 + Foundation.exp(-logit))
        let agree = g.binomial(count: n, probability: p)
        return (Double(agree) / Double(n) * 1000).rounded() / 10
    }

    /// One year's registered count for dimension score `s`: Poisson(population/1000 · rate ·
    /// exp(direction·sensitivity·s + offset)), times `hotspot` when less is better.
    func count(rate: Double, score s: Double, population: Double, offset: Double, hotspot: Double, _ g: inout RandomStream) -> Double {
        let factor = direction < 0 ? hotspot : 1
        let mean = population / 1000 * rate * Foundation.exp(direction * sensitivity * s + offset) * factor
        return Double(g.poisson(mean: mean))
    }
}
