/// Maps scalar offsets of a text to 1-based lines and 0-based columns.
///
/// Lines end at U+000A; a U+000D before it belongs to the line it ends.
/// - Complexity: O(n) to build, O(log lines) per lookup.
public struct LineIndex: Sendable {
    /// Offset of the first scalar of each line.
    public let lineStarts: [Int]

    public init(_ scalars: [Unicode.Scalar]) {
        var starts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The 1-based line and 0-based column of `offset`.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - lineStarts[lo])
    }
}
