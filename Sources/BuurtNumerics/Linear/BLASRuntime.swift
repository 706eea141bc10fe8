import CLAPACK

/// Control of the OpenBLAS library that the linear algebra runs on.
public enum BLASRuntime {
    /// Makes OpenBLAS use one thread. Call this once before running many small decompositions
    /// in parallel (for example Monte Carlo replications on several cores): the matrices here
    /// are small, so BLAS threads only add contention, and results do not depend on the
    /// thread count of a reduction.
    public static func pinSingleThread() {
        openblas_set_num_threads(1)
    }

    /// The OpenBLAS build configuration (version, threading model, target), for run reports.
    public static var configuration: String {
        String(cString: openblas_get_config())
    }

    /// The CPU kernel OpenBLAS selected at run time (e.g. "Haswell"), for run reports.
    public static var coreName: String {
        String(cString: openblas_get_corename())
    }
}
