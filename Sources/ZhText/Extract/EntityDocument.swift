/// Segmented text with the lookups the recognizer needs: which offsets are
/// word boundaries, which token starts or ends at an offset, and what each
/// token is (its tag, the word lists it is in, whether the dictionary has it),
/// all worked out once in flat arrays indexed by token.
///
/// ```swift
/// let doc = recognizer.document(Array("封晓春说".unicodeScalars), refining: tokens)
/// doc.isBoundary(3)        // true
/// doc.tokenStarting[3]     // index of 说
/// ```
struct EntityDocument {
    let scalars: [Unicode.Scalar]
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    private(set) var tags: [EntityTag] = []
    /// The word lists each token's text is in.
    private(set) var kinds: [EntityWordKinds] = []
    /// Whether the segmenter's dictionary has each token's text.
    private(set) var inLexicon: [Bool] = []
    /// Index of the token starting at each offset (count + 1 entries), or -1.
    private(set) var tokenStarting: [Int]
    /// Index of the token ending at each offset (count + 1 entries), or -1.
    private(set) var tokenEnding: [Int]
    /// The number of Han characters before each offset (count + 1 entries).
    private let hanBefore: [Int32]

    /// An empty document over `scalars`; `append` adds its tokens in order.
    init(scalars: [Unicode.Scalar], expectedTokens: Int) {
        self.scalars = scalars
        tokenStarting = [Int](repeating: -1, count: scalars.count + 1)
        tokenEnding = [Int](repeating: -1, count: scalars.count + 1)
        var han = [Int32](repeating: 0, count: scalars.count + 1)
        var count: Int32 = 0
        for (i, s) in scalars.enumerated() {
            if Self.isHan(s) { count += 1 }
            han[i + 1] = count
        }
        hanBefore = han
        starts.reserveCapacity(expectedTokens)
        ends.reserveCapacity(expectedTokens)
        tags.reserveCapacity(expectedTokens)
        kinds.reserveCapacity(expectedTokens)
        inLexicon.reserveCapacity(expectedTokens)
    }

    /// Adds the next token.
    mutating func append(start: Int, end: Int, tag: EntityTag, kinds: EntityWordKinds, inLexicon: Bool) {
        let k = starts.count
        starts.append(start)
        ends.append(end)
        tags.append(tag)
        self.kinds.append(kinds)
        self.inLexicon.append(inLexicon)
        if start >= 0 && end <= scalars.count && start < end {
            tokenStarting[start] = k
            tokenEnding[end] = k
        }
    }

    var tokenCount: Int { starts.count }

    /// The number of scalars of token `k`.
    @inline(__always)
    func length(_ k: Int) -> Int { ends[k] - starts[k] }

    /// Whether a word starts or ends at `offset`.
    @inline(__always)
    func isBoundary(_ offset: Int) -> Bool {
        offset == 0 || offset == scalars.count || tokenStarting[offset] >= 0 || tokenEnding[offset] >= 0
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// Whether every scalar of `start..<end` is a Han character.
    @inline(__always)
    func allHan(_ start: Int, _ end: Int) -> Bool {
        precondition(start <= end, "allHan: range \(start)..<\(end)")
        return Int(hanBefore[end] - hanBefore[start]) == end - start
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }

    /// The index of the token ending at `offset`, or -1.
    @inline(__always)
    func token(endingAt offset: Int) -> Int {
        tokenEnding[offset]
    }

    /// The index of the token starting at `offset`, or -1.
    @inline(__always)
    func token(startingAt offset: Int) -> Int {
        offset < tokenStarting.count ? tokenStarting[offset] : -1
    }
}
