import BuurtIndex
import BuurtNumerics

/// The `analysis/*.csv` tables from a ``GroupAnalysisResult``.
public enum AnalysisTables {
    /// `group,n_indicators,cronbach_alpha,kmo,bartlett_chisq,bartlett_df,bartlett_p`.
    public static func reliability(_ result: GroupAnalysisResult) -> String {
        var csv = CSVWriter(header: ["group", "n_indicators", "cronbach_alpha", "kmo", "bartlett_chisq", "bartlett_df", "bartlett_p"])
        for r in result.reliability {
            csv.appendRow([r.group, String(r.indicatorCount), formatNumber(r.cronbachAlpha), formatNumber(r.kmo),
                           formatNumber(r.bartlettChiSquare), String(r.bartlettDegreesOfFreedom), formatNumber(r.bartlettPValue)])
        }
        return csv.text
    }

    /// `group,component,eigenvalue,explained,indicator,loading`.
    public static func pca(_ result: GroupAnalysisResult) -> String {
        var csv = CSVWriter(header: ["group", "component", "eigenvalue", "explained", "indicator", "loading"])
        for r in result.pca {
            csv.appendRow([r.group, String(r.component), formatNumber(r.eigenvalue), formatNumber(r.explained),
                           r.indicator, formatNumber(r.loading)])
        }
        return csv.text
    }

    /// `group,indicator,weight`.
    public static func weights(_ result: GroupAnalysisResult) -> String {
        var csv = CSVWriter(header: ["group", "indicator", "weight"])
        for r in result.weights { csv.appendRow([r.group, r.indicator, formatNumber(r.weight)]) }
        return csv.text
    }
}
