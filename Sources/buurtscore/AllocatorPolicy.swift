#if canImport(Glibc)
import Glibc
#endif

/// How the program asks the C allocator to treat large blocks.
///
/// glibc serves blocks above 128 KiB to 32 MiB (it adapts) with fresh `mmap`s and returns them
/// at `free`, so a Monte Carlo run that allocates and frees the same few-MB buffers per block
/// of replications pays a page fault and a zeroed page for every 4 KiB each time (measured: 2.2
/// of 3.8 s of system time on 14,000 buurten × 10,000 replications). Keeping blocks up to the
/// maximum threshold (32 MiB) on the heap, and not trimming the heap back below 1 GiB of free
/// space, lets them be reused. Larger blocks (the stored samples) are still mapped and
/// returned. Results do not depend on this; only time does.
enum AllocatorPolicy {
    static func reuseLargeBlocks() {
        #if canImport(Glibc)
        // `mallopt` and its parameters are glibc's (malloc.h, which the Glibc module leaves
        // out): M_TRIM_THRESHOLD = -1, M_MMAP_THRESHOLD = -3. Another C library has no such
        // entry, and nothing changes.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 32 << 20)
        _ = mallopt(-1, 1 << 30)
        #endif
    }
}
