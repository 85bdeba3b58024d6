/// A string of 1 to 7 Han characters packed into three words: 21 bits per
/// scalar, three scalars per word, zero for "no scalar" (no Han scalar is
/// zero). A cheap dictionary key for the n-gram counts of `TermStatistics`.
///
/// ```swift
/// let g = TermNGram(Array("新质生产力".unicodeScalars)[...])
/// g.count        // 5
/// g.dropFirst()  // 质生产力
/// ```
public struct TermNGram: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Longest n-gram that fits.
    public static let capacity = 7
    var w0: UInt64 = 0
    var w1: UInt64 = 0
    var w2: UInt64 = 0
    /// Number of scalars.
    public private(set) var count: Int = 0

    public init<C: Collection>(_ scalars: C) where C.Element == Unicode.Scalar {
        precondition(scalars.count <= Self.capacity, "TermNGram holds at most \(Self.capacity) scalars")
        for s in scalars { append(s.value) }
    }

    init() {}

    mutating func append(_ value: UInt32) {
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
    public func value(at i: Int) -> UInt32 {
        let word = i / 3 == 0 ? w0 : (i / 3 == 1 ? w1 : w2)
        return UInt32((word >> UInt64((i % 3) * 21)) & 0x1F_FFFF)
    }

    /// The scalars in `range`.
    public func slice(_ range: Range<Int>) -> TermNGram {
        var g = TermNGram()
        for i in range { g.append(value(at: i)) }
        return g
    }

    /// All but the first scalar.
    public func dropFirst() -> TermNGram { slice(1..<count) }
    /// All but the last scalar.
    public func dropLast() -> TermNGram { slice(0..<count - 1) }

    /// The scalars.
    public var scalars: [Unicode.Scalar] {
        (0..<count).map { Unicode.Scalar(value(at: $0))! }
    }

    public var description: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    /// Code-point order (shorter prefix first).
    public static func < (a: TermNGram, b: TermNGram) -> Bool {
        let n = min(a.count, b.count)
        for i in 0..<n where a.value(at: i) != b.value(at: i) {
            return a.value(at: i) < b.value(at: i)
        }
        return a.count < b.count
    }
}
