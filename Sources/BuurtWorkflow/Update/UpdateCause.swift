/// Why a run of an update state differs from the run before it. A run can have several causes
/// (new figures for a new period together with a crosswalk, say).
public enum UpdateCause: String, Sendable, Hashable, CaseIterable {
    /// Figures for a period the state did not have.
    case newPeriod = "new_period"
    /// Changed figures of a published period (`--accept-revisions`).
    case revision
    /// A new version of the model (`update --model`).
    case model
    /// A new version of the crosswalk (`update --crosswalk`).
    case crosswalk
}

/// One difference between the previous and the new version of a state's model or crosswalk,
/// as the run's diff and manifest name it.
public enum StateDifference: Sendable, Hashable {
    /// A node's weight in the model (an indicator or a group).
    case weight(code: String, before: Double, after: Double)
    /// An indicator or group the new model has and the old one had not.
    case nodeAdded(code: String)
    /// An indicator or group the old model had and the new one has not.
    case nodeRemoved(code: String)
    /// Any other top-level key of the model file whose value changed (`normalise`, `treat`, …).
    case setting(key: String)
    /// A code mapping the new crosswalk has and the old one had not (old code → new code).
    case mappingAdded(from: String, to: String)
    /// A code mapping the old crosswalk had and the new one has not.
    case mappingRemoved(from: String, to: String)
}
