import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// The batch's thread pool: results reach the consumer in input order, each
/// once, whatever the number of threads, the window and the order in which
/// the workers finish; the producer never has more than the window in flight.
@Suite(.timeLimit(.minutes(1))) struct OrderedParallelMapTests {
    @Test(arguments: [(1, 1), (1, 4), (2, 1), (2, 3), (2, 8), (3, 5), (4, 16)])
    func resultsComeInInputOrder(jobs: Int, window: Int) {
        let map = OrderedParallelMap<Int, Int>(jobs: jobs, window: window)
        let inFlight = InFlight()
        var consumed: [Int] = []
        var outputs: [Int] = []
        map.run(produce: { emit in
            for i in 0..<300 {
                #expect(emit(i))
                inFlight.add(1)
            }
        }, transform: { i in
            // Uneven work, so later inputs often finish first.
            if i % 7 == 0 { usleep(UInt32(200 + (i * 37) % 500)) }
            return i * i
        }, consume: { index, square in
            consumed.append(index)
            outputs.append(square)
            inFlight.add(-1)
        })
        #expect(consumed == Array(0..<300))
        #expect(outputs == (0..<300).map { $0 * $0 })
        #expect(inFlight.most <= window)
    }

    @Test func cancellingStopsTakingInputs() {
        let map = OrderedParallelMap<Int, Int>(jobs: 2, window: 4)
        var emitted = 0
        var consumed = 0
        map.run(produce: { emit in
            for i in 0..<10_000 {
                guard emit(i) else { return }
                emitted += 1
            }
        }, transform: { $0 }, consume: { index, _ in
            consumed += 1
            if index == 20 { map.cancel() }
        })
        #expect(map.isCancelled)
        #expect(consumed == 21)
        #expect(emitted < 10_000)
    }
}

/// Inputs emitted and not yet consumed, and the most there ever were.
private final class InFlight: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var most = 0

    func add(_ n: Int) {
        lock.lock(); defer { lock.unlock() }
        now += n
        most = max(most, now)
    }
}
