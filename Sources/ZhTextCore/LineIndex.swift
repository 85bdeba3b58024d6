/// Maps scalar offsets of a text to 1-based lines and 0-based columns.
///
/// Lines end at U+000A; a U+000D before it belongs to the line it ends.
/// - Complexity: O(n) to build, O(log lines) per lookup.
package struct LineIndex: Sendable {
    /// Offset of the first scalar of each line.
    package let lineStarts: [Int]

    package init(_ scalars: [Unicode.Scalar]) {
        var starts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The 1-based line and 0-based column of `offset`, looked for from
    /// `line` (a 0-based line, updated to the one found) onwards when
    /// `offset` is not before it: offsets asked in text order then cost a
    /// step or two each instead of a binary search over all lines.
    package func location(of offset: Int, near line: inout Int) -> (line: Int, column: Int) {
        guard line < lineStarts.count, lineStarts[line] <= offset else {
            let loc = location(of: offset)
            line = loc.line - 1
            return loc
        }
        // A few steps forward, then a binary search if the offset is further on.
        var steps = 0
        while line + 1 < lineStarts.count, lineStarts[line + 1] <= offset {
            line += 1; steps += 1
            if steps == 8 {
                let loc = location(of: offset)
                line = loc.line - 1
                return loc
            }
        }
        return (line + 1, offset - lineStarts[line])
    }

    /// The 1-based line and 0-based column of `offset`.
    package func location(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - lineStarts[lo])
    }
}
