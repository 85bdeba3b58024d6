import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline

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
/// Hand-built for the `analyze --jobs 2` row and the batch-200mb peak RSS of Benchmarks/run.sh.
package final class OrderedParallelMap<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    package let jobs: Int
    package let window: Int
    /// Inputs the producer adds at a time once the window has been full.
    private var refill: Int { max(1, window / 2) }

    /// One lock, with a condition per kind of waiter, so that a change
    /// wakes only the thread that waits for it: the producer waits for room
    /// in the window, workers for inputs, the consumer for the next result.
    /// (Broadcasting every change on one condition woke all of them for
    /// each document, a system call and a context switch each.)
    private let lock = ConditionLock(conditions: 3)
    private static var room: Int { 0 }
    private static var input: Int { 1 }
    private static var result: Int { 2 }
    private var queue: [(Int, Input)] = []
    private var queueHead = 0
    private var results: [Int: Output] = [:]
    private var produced = 0
    private var consumed = 0
    private var producing = true
    private var cancelled = false

    package init(jobs: Int, window: Int? = nil) {
        self.jobs = max(1, jobs)
        self.window = max(1, window ?? self.jobs * 4)
    }

    /// Stops the run: no new input is taken; inputs in flight finish.
    package func cancel() {
        lock.lock()
        cancelled = true
        for c in 0..<3 { lock.broadcast(c) }
        lock.unlock()
    }

    package var isCancelled: Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled
    }

    /// `produce` runs on the calling thread and calls its argument once per
    /// input (it blocks while the window is full; it returns false once the
    /// run is cancelled). `consume` runs on one thread, in input order.
    package func run(produce: (_ emit: (Input) -> Bool) -> Void,
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
            if produced - consumed >= window {
                while produced - consumed > window - refill && !cancelled { lock.wait(Self.room) }
            }
            if cancelled { lock.unlock(); return false }
            queue.append((produced, input))
            produced += 1
            lock.signal(Self.input)
            lock.unlock()
            return true
        }
        lock.lock()
        producing = false
        lock.broadcast(Self.input)
        lock.broadcast(Self.result)
        lock.unlock()
        finished.wait()
    }

    private func work(_ transform: @Sendable (Input) -> Output) {
        while true {
            lock.lock()
            while queueHead >= queue.count && producing && !cancelled { lock.wait(Self.input) }
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
            // The consumer waits for the result at `consumed` only.
            if index == consumed { lock.signal(Self.result) }
            lock.unlock()
        }
    }

    private func drain(_ consume: (Int, Output) -> Void) {
        while true {
            lock.lock()
            while results[consumed] == nil && !(consumed >= produced && !producing) && !cancelled {
                lock.wait(Self.result)
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
            // The producer, once the window is full, is woken when half of
            // it is free again, not for every result: it then refills the
            // window in one go (a wake-up is a system call and a context
            // switch, and a batch has one result per document).
            if produced - consumed == window - refill { lock.signal(Self.room) }
            lock.unlock()
        }
    }
}

/// A mutex with several condition variables (`NSCondition` has one).
package final class ConditionLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let conditions: UnsafeMutablePointer<pthread_cond_t>
    private let count: Int

    package init(conditions count: Int) {
        self.count = count
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        conditions = .allocate(capacity: count)
        for i in 0..<count { pthread_cond_init(conditions + i, nil) }
    }

    deinit {
        for i in 0..<count { pthread_cond_destroy(conditions + i) }
        pthread_mutex_destroy(mutex)
        conditions.deallocate()
        mutex.deallocate()
    }

    package func lock() { pthread_mutex_lock(mutex) }
    package func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits on condition `c` (the lock must be held; it is held again on return).
    package func wait(_ c: Int) { pthread_cond_wait(conditions + c, mutex) }
    /// Wakes one thread waiting on condition `c`.
    package func signal(_ c: Int) { pthread_cond_signal(conditions + c) }
    /// Wakes every thread waiting on condition `c`.
    package func broadcast(_ c: Int) { pthread_cond_broadcast(conditions + c) }
}

/// Carries a non-Sendable value to another thread whose use of it the
/// caller serializes.
package struct UncheckedBox<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}
