import Foundation

/// Memory shared by parallel workers that write disjoint parts of it (each Monte Carlo block
/// owns its own columns). The one place in this module that holds raw memory; every access
/// goes through a typed buffer pointer, and callers guarantee that concurrent writes never
/// overlap.
final class SharedBuffer<Element>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
    let count: Int

    /// Buffers from this size on are filled in parallel when `threads` > 1.
    static var parallelFillThreshold: Int { 8 << 20 }

    /// - Complexity: O(count). `threads` > 1 fills a buffer of ``parallelFillThreshold`` bytes
    ///   or more (the stored samples: up to gigabytes) in 2 MiB pieces on that many workers, so
    ///   that the first-touch page faults and the kernel's zeroing are not one serial phase.
    ///   The buffer is left on ordinary pages: transparent huge pages halved the faults on warm
    ///   memory but, on a virtual machine that hands freed memory back to its host, cost 3 s of
    ///   system time on the first run after a pause (14,000 rows × 10,000 replications).
    init(count: Int, repeating value: Element, threads: Int = 1) {
        self.count = count
        pointer = .allocate(capacity: Swift.max(count, 1))
        guard count * MemoryLayout<Element>.stride >= Self.parallelFillThreshold, threads > 1 else {
            pointer.initialize(repeating: value, count: count)
            return
        }
        let piece = Swift.max(1, (2 << 20) / MemoryLayout<Element>.stride), start = UncheckedBox(pointer)
        _ = ParallelWork.run(items: (count + piece - 1) / piece, threads: threads, makeState: {}, body: { _, k in
            (start.value + k * piece).initialize(repeating: value, count: Swift.min(piece, count - k * piece))
        })
    }

    var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: pointer, count: count) }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }
}

/// A lock-protected counter handing out work items in ascending order.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextItem = 0
    let items: Int

    init(items: Int) {
        self.items = items
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextItem < items else { return nil }
        nextItem += 1
        return nextItem - 1
    }
}

/// Counts finished replications and calls the caller's progress callback, one call at a time.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let callback: (@Sendable (Int, Int) -> Void)?
    private let total: Int
    private var completed = 0

    init(total: Int, callback: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.callback = callback
    }

    /// Records `units` more finished.
    func finished(_ units: Int) {
        guard let callback else { return }
        lock.lock()
        defer { lock.unlock() }
        completed += units
        callback(completed, total)
    }
}

/// Runs work items on a fixed number of threads.
enum ParallelWork {
    /// Calls `body(&state, item)` for every item 0..<items, on `threads` workers (at least 1,
    /// at most `items`), each with its own state from `makeState`. Items are independent, so
    /// results do not depend on which worker ran which item. The states are returned in worker
    /// order.
    static func run<State>(
        items: Int, threads: Int, makeState: () -> State, body: (inout State, Int) -> Void
    ) -> [State] {
        let workers = Swift.max(1, Swift.min(threads, items))
        let queue = WorkQueue(items: items)
        if workers == 1 {
            var state = makeState()
            while let item = queue.next() { body(&state, item) }
            return [state]
        }
        let states = SharedBuffer<State?>(count: workers, repeating: nil)
        withoutActuallyEscaping(makeState) { makeState in
            withoutActuallyEscaping(body) { body in
                let box = UncheckedBox((makeState, body))
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    var state = box.value.0()
                    while let item = queue.next() { box.value.1(&state, item) }
                    states.pointer[w] = state
                }
            }
        }
        return (0..<workers).map { states.pointer[$0]! }
    }
}

/// Carries non-Sendable closures into `concurrentPerform`, whose workers only read them.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
