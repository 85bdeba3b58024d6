import Foundation
import ZhTextCore
import ZhTextNormalize

/// A reusable buffer of plain values for hot loops: it grows on demand,
/// keeping only the values asked for. Owned by one call at a time.
///
/// ```swift
/// let buf = ScratchBuffer<Int32>()
/// let p = buf.reserve(100)   // room for 100 values
/// p[99] = 1
/// ```
final class ScratchBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init() {
        capacity = 16
        base = .allocate(capacity: 16)
    }

    deinit { base.deallocate() }

    /// Room for at least `count` values. When it grows, the first `kept`
    /// values are carried over and the rest is lost.
    @inline(__always)
    func reserve(_ count: Int, keeping kept: Int = 0) -> UnsafeMutablePointer<Element> {
        if count > capacity { grow(count, keeping: kept) }
        return base
    }

    private func grow(_ count: Int, keeping kept: Int) {
        let old = base
        capacity = max(count, capacity * 2)
        base = .allocate(capacity: capacity)
        if kept > 0 { base.update(from: old, count: kept) }
        old.deallocate()
    }
}

/// Segmentation scratch of finished calls, lent to the next ones. Calls on
/// several threads each take their own; at most `limit` are kept.
final class ScratchPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [Segmenter.Scratch] = []
    private let limit: Int

    init(limit: Int = max(2, ProcessInfo.processInfo.activeProcessorCount)) {
        self.limit = limit
    }

    /// A kept scratch, or a new one when none is idle.
    func take() -> Segmenter.Scratch {
        lock.lock()
        let kept = idle.popLast()
        lock.unlock()
        return kept ?? Segmenter.Scratch()
    }

    /// Keeps `scratch` for a later call (or drops it when enough are kept).
    func give(_ scratch: Segmenter.Scratch) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < limit { idle.append(scratch) }
    }
}
