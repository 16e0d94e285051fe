import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs `work` on `workers` threads, each pulling item indices from a shared counter in chunks;
/// the first error stops every worker and is rethrown.
///
/// Each worker gets its own state from `makeState` (a repository handle: libgit2 objects must
/// not be shared between threads).
func runInParallel<State>(
    items: Int, chunk: Int, workers: Int, makeState: @Sendable () throws -> State,
    work: @Sendable (inout State, Int) throws -> Void, finish: @Sendable (State) -> Void
) throws {
    let next = Atomic<Int>(0)
    let failure = Mutex<(any Error)?>(nil)
    let threads = max(1, min(workers, (items + chunk - 1) / max(chunk, 1)))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        do {
            var state = try makeState()
            while failure.withLock({ $0 == nil }) {
                let start = next.wrappingAdd(chunk, ordering: .relaxed).oldValue
                if start >= items { break }
                for index in start..<min(start + chunk, items) {
                    try work(&state, index)
                }
            }
            finish(state)
        } catch {
            failure.withLock { if $0 == nil { $0 = error } }
        }
    }
    if let error = failure.withLock({ $0 }) { throw error }
}

/// The number of worker threads to use when the user did not say.
func defaultWorkerCount() -> Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
