/// Segmented text with the lookups the recognizer needs: which offsets are
/// word boundaries and which token starts or ends at an offset.
///
/// ```swift
/// let doc = EntityDocument(scalars: Array("封晓春说".unicodeScalars), tokens: tokens)
/// doc.isBoundary(3)        // true
/// doc.tokenStarting[3]     // index of 说
/// ```
struct EntityDocument {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// Index of the token starting at each offset (count + 1 entries), or -1.
    let tokenStarting: [Int]
    /// Index of the token ending at each offset (count + 1 entries), or -1.
    let tokenEnding: [Int]

    init(scalars: [Unicode.Scalar], tokens: [Token]) {
        self.scalars = scalars
        self.tokens = tokens
        var starting = [Int](repeating: -1, count: scalars.count + 1)
        var ending = [Int](repeating: -1, count: scalars.count + 1)
        for (k, t) in tokens.enumerated() where t.start >= 0 && t.end <= scalars.count && t.start < t.end {
            starting[t.start] = k
            ending[t.end] = k
        }
        tokenStarting = starting
        tokenEnding = ending
    }

    /// Whether a word starts or ends at `offset`.
    func isBoundary(_ offset: Int) -> Bool {
        offset == 0 || offset == scalars.count || tokenStarting[offset] >= 0 || tokenEnding[offset] >= 0
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// Whether every scalar of `start..<end` is a Han character.
    func allHan(_ start: Int, _ end: Int) -> Bool {
        for i in start..<end where !Self.isHan(scalars[i]) { return false }
        return true
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }

    /// The token just before offset `start`, if one ends there.
    func token(endingAt offset: Int) -> Token? {
        let k = tokenEnding[offset]
        return k >= 0 ? tokens[k] : nil
    }

    /// The token starting at `offset`, if any.
    func token(startingAt offset: Int) -> Token? {
        guard offset < tokenStarting.count else { return nil }
        let k = tokenStarting[offset]
        return k >= 0 ? tokens[k] : nil
    }
}
