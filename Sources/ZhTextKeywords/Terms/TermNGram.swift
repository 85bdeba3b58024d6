import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// A string of 1 to 7 Han characters packed into three words: 21 bits per
/// scalar, three scalars per word, zero for "no scalar" (no Han scalar is
/// zero). A cheap dictionary key for the n-gram counts of `TermStatistics`.
///
/// ```swift
/// let g = TermNGram(Array("新质生产力".unicodeScalars)[...])
/// g.count        // 5
/// g.dropFirst()  // 质生产力
/// ```
package struct TermNGram: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Longest n-gram that fits.
    package static let capacity = 7
    package var w0: UInt64 = 0
    package var w1: UInt64 = 0
    package var w2: UInt64 = 0
    /// Number of scalars.
    package private(set) var count: Int = 0

    package init<C: Collection>(_ scalars: C) where C.Element == Unicode.Scalar {
        precondition(scalars.count <= Self.capacity, "TermNGram holds at most \(Self.capacity) scalars")
        for s in scalars { append(s.value) }
    }

    package init() {}

    /// The n-gram of the packed words `w0`, `w1`, `w2`; its length is the
    /// number of non-zero scalars.
    package init(words w0: UInt64, _ w1: UInt64, _ w2: UInt64) {
        func scalars(_ w: UInt64) -> Int { (w.bitWidth - w.leadingZeroBitCount + 20) / 21 }
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        count = w2 != 0 ? 6 + scalars(w2) : (w1 != 0 ? 3 + scalars(w1) : scalars(w0))
    }

    @inline(__always)
    package mutating func append(_ value: UInt32) {
        let v = UInt64(value) & 0x1F_FFFF
        let shift = UInt64((count % 3) * 21)
        switch count / 3 {
        case 0: w0 |= v << shift
        case 1: w1 |= v << shift
        default: w2 |= v << shift
        }
        count += 1
    }

    /// The scalar value at `i` (0-based).
    package func value(at i: Int) -> UInt32 {
        let word = i / 3 == 0 ? w0 : (i / 3 == 1 ? w1 : w2)
        return UInt32((word >> UInt64((i % 3) * 21)) & 0x1F_FFFF)
    }

    /// The scalars in `range`, by shifting the packed words (discovery
    /// takes the parts of every n-gram it looks at).
    package func slice(_ range: Range<Int>) -> TermNGram {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice out of range")
        var g = self
        for _ in 0..<range.lowerBound { g.shiftOutFirst() }
        g.keepFirst(range.count)
        return g
    }

    /// All but the first scalar.
    package func dropFirst() -> TermNGram { slice(1..<count) }
    /// All but the last scalar.
    package func dropLast() -> TermNGram { slice(0..<count - 1) }

    /// Removes the first scalar: each word moves down one scalar and takes
    /// the first scalar of the next word on top.
    private mutating func shiftOutFirst() {
        let scalarMask: UInt64 = 0x1F_FFFF
        w0 = w0 >> 21 | (w1 & scalarMask) << 42
        w1 = w1 >> 21 | (w2 & scalarMask) << 42
        w2 >>= 21
        count -= 1
    }

    /// Keeps the first `n` scalars, zeroing the others.
    private mutating func keepFirst(_ n: Int) {
        func low(_ scalars: Int) -> UInt64 { (UInt64(1) << UInt64(21 * min(3, max(0, scalars)))) &- 1 }
        w0 &= low(n)
        w1 &= low(n - 3)
        w2 &= low(n - 6)
        count = n
    }

    /// The scalars.
    package var scalars: [Unicode.Scalar] {
        (0..<count).map { Unicode.Scalar(value(at: $0))! }
    }

    package var description: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    /// Code-point order (shorter prefix first).
    package static func < (a: TermNGram, b: TermNGram) -> Bool {
        let n = min(a.count, b.count)
        for i in 0..<n where a.value(at: i) != b.value(at: i) {
            return a.value(at: i) < b.value(at: i)
        }
        return a.count < b.count
    }
}
