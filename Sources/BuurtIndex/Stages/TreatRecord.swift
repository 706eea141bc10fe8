/// Skew and kurtosis of an indicator's available values (e1071 type 2) and whether they pass:
/// |skew| < maxSkew **or** kurtosis < maxKurtosis (COINr `check_SkewKurt`).
public struct SkewKurtosisCheck: Sendable, Equatable {
    /// `nil` when there are fewer than 3 values or all are equal.
    public var skew: Double?
    /// `nil` when there are fewer than 4 values or all are equal.
    public var kurtosis: Double?
    /// `nil` when neither criterion can be decided (R's `NA`): the indicator is left as it is.
    public var pass: Bool?

    public init(skew: Double?, kurtosis: Double?, pass: Bool?) {
        self.skew = skew
        self.kurtosis = kurtosis
        self.pass = pass
    }
}

/// Which end of the distribution a winsorised cell was pulled in from.
public enum WinsorSide: String, Sendable, Equatable {
    /// Set to the next-highest value (COINr "winhi").
    case high
    /// Set to the next-lowest value (COINr "winlo").
    case low
}

/// One winsorised cell.
public struct WinsorisedCell: Sendable, Equatable {
    /// Row index in the stage's input panel.
    public var row: Int
    public var unit: String
    public var side: WinsorSide

    public init(row: Int, unit: String, side: WinsorSide) {
        self.row = row
        self.unit = unit
        self.side = side
    }
}

/// How an indicator ended up in one period.
public enum TreatmentOutcome: String, Sendable, Equatable {
    /// Passed the check as it was; unchanged.
    case passed
    /// Winsorised (whether or not it passes afterwards is in ``TreatmentDetail/afterWinsorising``).
    case winsorised
    /// Winsorising up to the limit did not make it pass, so the original values were
    /// log-transformed instead (the winsorising is undone).
    case logTransformed
    /// Skew and kurtosis could not be computed (too few or equal values); unchanged.
    case undetermined
}

/// Treatment of one indicator in one period (one row of COINr's `Dets_Table` plus its
/// `Treated_Points`).
public struct TreatmentDetail: Sendable, Equatable {
    public var indicator: String
    public var period: Int?
    /// COINr `check_SkewKurt0`.
    public var before: SkewKurtosisCheck
    /// Cells at the winsorised extremes at the end of winsorising (COINr `winsorise.nwin`, which
    /// counts tied extremes together); 0 when no winsorising was tried.
    public var winsorisedCount: Int
    /// Those cells, in row order. They are listed even when the winsorising was undone for a log.
    public var winsorisedCells: [WinsorisedCell]
    /// COINr `check_SkewKurt1`; `nil` when the indicator passed before treatment.
    public var afterWinsorising: SkewKurtosisCheck?
    /// COINr `check_SkewKurt2`; `nil` unless the log was applied.
    public var afterLog: SkewKurtosisCheck?
    public var outcome: TreatmentOutcome
    /// The period whose values decided the outcome and gave the bounds or the log's minimum
    /// (normalise `scope: reference`), applied here; `nil` when decided on this period's own
    /// values. In another period than that one, the cells are those clipped to the reference
    /// bounds (for a log: raised to the reference minimum), and ``winsorisedCount`` counts them.
    public var fittedOn: Int?

    public init(indicator: String, period: Int?, before: SkewKurtosisCheck, winsorisedCount: Int = 0,
                winsorisedCells: [WinsorisedCell] = [], afterWinsorising: SkewKurtosisCheck? = nil,
                afterLog: SkewKurtosisCheck? = nil, outcome: TreatmentOutcome, fittedOn: Int? = nil) {
        self.indicator = indicator
        self.period = period
        self.before = before
        self.winsorisedCount = winsorisedCount
        self.winsorisedCells = winsorisedCells
        self.afterWinsorising = afterWinsorising
        self.afterLog = afterLog
        self.outcome = outcome
        self.fittedOn = fittedOn
    }

    /// Whether the log transform was applied.
    public var logApplied: Bool { outcome == .logTransformed }

    /// The check of the values the stage returned.
    public var final: SkewKurtosisCheck {
        switch outcome {
        case .passed, .undetermined: before
        case .winsorised: afterWinsorising ?? before
        case .logTransformed: afterLog ?? before
        }
    }
}

/// What the treat stage did: one detail per indicator and period (indicators in model order
/// within each period, periods ascending). Empty for method `.none`.
public struct TreatRecord: Sendable, Equatable {
    public var details: [TreatmentDetail]

    public init(details: [TreatmentDetail]) {
        self.details = details
    }
}
