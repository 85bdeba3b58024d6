import Foundation

/// Runs a transform on many inputs with `jobs` threads and hands the
/// results to a consumer in input order, with at most `window` inputs in
/// flight — so memory is bounded by the window, not the batch, and the
/// consumer sees the same sequence whatever the number of threads.
///
/// ```swift
/// let map = OrderedParallelMap<Int, Int>(jobs: 2, window: 8)
/// map.run(produce: { emit in for i in 0..<100 { emit(i) } },
///         transform: { $0 * $0 },
///         consume: { index, square in print(index, square) })
/// ```
public final class OrderedParallelMap<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    public let jobs: Int
    public let window: Int

    private let lock = NSCondition()
    private var queue: [(Int, Input)] = []
    private var queueHead = 0
    private var results: [Int: Output] = [:]
    private var produced = 0
    private var consumed = 0
    private var producing = true
    private var cancelled = false

    public init(jobs: Int, window: Int? = nil) {
        self.jobs = max(1, jobs)
        self.window = max(1, window ?? self.jobs * 4)
    }

    /// Stops the run: no new input is taken; inputs in flight finish.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.broadcast()
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled
    }

    /// `produce` runs on the calling thread and calls its argument once per
    /// input (it blocks while the window is full; it returns false once the
    /// run is cancelled). `consume` runs on one thread, in input order.
    public func run(produce: (_ emit: (Input) -> Bool) -> Void,
                    transform: @escaping @Sendable (Input) -> Output,
                    consume: @escaping (Int, Output) -> Void) {
        let consumeBox = UncheckedBox(consume)
        var threads: [Thread] = []
        let finished = DispatchGroup()
        for _ in 0..<jobs {
            finished.enter()
            let t = Thread { [self] in
                self.work(transform)
                finished.leave()
            }
            t.stackSize = 8 << 20
            threads.append(t)
        }
        finished.enter()
        let consumer = Thread { [self] in
            self.drain(consumeBox.value)
            finished.leave()
        }
        consumer.stackSize = 8 << 20
        threads.forEach { $0.start() }
        consumer.start()

        produce { input in
            lock.lock()
            while produced - consumed >= window && !cancelled { lock.wait() }
            if cancelled { lock.unlock(); return false }
            queue.append((produced, input))
            produced += 1
            lock.broadcast()
            lock.unlock()
            return true
        }
        lock.lock()
        producing = false
        lock.broadcast()
        lock.unlock()
        finished.wait()
    }

    private func work(_ transform: @Sendable (Input) -> Output) {
        while true {
            lock.lock()
            while queueHead >= queue.count && producing && !cancelled { lock.wait() }
            if queueHead >= queue.count || cancelled {
                lock.unlock()
                return
            }
            let (index, input) = queue[queueHead]
            queueHead += 1
            if queueHead > 1024 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            lock.unlock()
            let output = transform(input)
            lock.lock()
            results[index] = output
            lock.broadcast()
            lock.unlock()
        }
    }

    private func drain(_ consume: (Int, Output) -> Void) {
        while true {
            lock.lock()
            while results[consumed] == nil && !(consumed >= produced && !producing) && !cancelled {
                lock.wait()
            }
            guard !cancelled, let output = results.removeValue(forKey: consumed) else {
                lock.unlock()
                return
            }
            let index = consumed
            lock.unlock()
            consume(index, output)
            lock.lock()
            consumed += 1
            lock.broadcast()
            lock.unlock()
        }
    }
}

/// Carries a non-Sendable value to another thread whose use of it the
/// caller serializes.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
