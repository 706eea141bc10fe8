import BuurtNumerics

/// Placeholder removed when the result writers land.
enum BuurtReportModule {}
