import Foundation

/// Work started on its own thread now, whose result is collected later:
/// the batch starts new-term discovery as soon as the term sample is full,
/// so it overlaps the analysis of the remaining documents.
///
/// ```swift
/// let task = BackgroundTask { expensive() }
/// // ... other work ...
/// let result = task.value   // waits if it is not done yet
/// ```
package final class BackgroundTask<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: T?

    package init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            self.result = work()
            self.done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result, once the work is done (waits for it).
    package var value: T {
        done.wait()
        done.signal()          // later reads do not block
        return result!
    }
}
