import CLAPACK
#if canImport(Glibc)
import Glibc
#endif

/// Control of the OpenBLAS library that the linear algebra runs on.
public enum BLASRuntime {
    /// Makes OpenBLAS use one thread. Call this once before running many small decompositions
    /// in parallel (for example Monte Carlo replications on several cores): the matrices here
    /// are small, so BLAS threads only add contention, and results do not depend on the
    /// thread count of a reduction.
    ///
    /// Done once per process (a static constant, initialised exactly once even when several
    /// threads pin at once): OpenBLAS restarts stopped workers whenever the count is set.
    public static func pinSingleThread() { _ = pinned }

    private static let pinned: Void = { openblas_set_num_threads(1) }()

    /// Pins one thread and stops OpenBLAS's idle worker threads. A pthreads build of OpenBLAS
    /// starts its workers when it is loaded, and they spin (`sched_yield`) for about 0.1 s
    /// before they sleep, taking a core from the program's own threads (a small model's whole
    /// run takes less). With one thread they never get work. They are stopped through the
    /// library's own shutdown entry when it has one (looked up at run time; OpenMP or serial
    /// builds have no such threads).
    ///
    /// Call it at the start of a program, before any thread can be inside a BLAS call (a
    /// library calling it while another thread multiplies could stop a worker mid-product).
    public static func stopIdleWorkers() {
        pinSingleThread()
        _ = workersStopped
    }

    private static let workersStopped: Bool = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "blas_thread_shutdown_") else { return false }
        typealias Shutdown = @convention(c) () -> Int32
        _ = unsafeBitCast(symbol, to: Shutdown.self)()
        return true
        #else
        return false
        #endif
    }()

    /// The OpenBLAS build configuration (version, threading model, target), for run reports.
    public static var configuration: String {
        String(cString: openblas_get_config())
    }

    /// The CPU kernel OpenBLAS selected at run time (e.g. "Haswell"), for run reports.
    public static var coreName: String {
        String(cString: openblas_get_corename())
    }
}
