/// Segmented text with the lookups the recognizer needs: which offsets are
/// word boundaries, which token starts or ends at an offset, and what each
/// token is (its tag, the word lists it is in, whether the dictionary has
/// it), all worked out once in flat arrays indexed by token.
///
/// ```swift
/// let doc = recognizer.document(Array("封晓春说".unicodeScalars), refining: tokens)
/// doc.isBoundary(3)              // true
/// doc.token(startingAt: 3)       // index of 说
/// ```
struct EntityDocument {
    /// One token, in 16 bytes.
    struct TokenInfo {
        var start: Int32
        var end: Int32
        /// The word lists the token's text is in.
        var kinds: EntityWordKinds
        var tag: EntityTag
        /// Whether the segmenter's dictionary has the token's text.
        var inLexicon: Bool
    }

    let scalars: [Unicode.Scalar]
    private var tokens: [TokenInfo] = []
    /// Index of the token starting at each offset (count + 1 entries), or -1.
    private var tokenStarting: [Int32]
    /// Index of the token ending at each offset (count + 1 entries), or -1.
    private var tokenEnding: [Int32]

    /// An empty document over `scalars`; `append` adds its tokens in order.
    init(scalars: [Unicode.Scalar], expectedTokens: Int) {
        self.scalars = scalars
        tokenStarting = [Int32](repeating: -1, count: scalars.count + 1)
        tokenEnding = [Int32](repeating: -1, count: scalars.count + 1)
        tokens.reserveCapacity(expectedTokens)
    }

    /// Adds the next token.
    mutating func append(start: Int, end: Int, tag: EntityTag, kinds: EntityWordKinds, inLexicon: Bool) {
        let k = Int32(tokens.count)
        tokens.append(TokenInfo(start: Int32(start), end: Int32(end), kinds: kinds, tag: tag, inLexicon: inLexicon))
        if start >= 0 && end <= scalars.count && start < end {
            tokenStarting[start] = k
            tokenEnding[end] = k
        }
    }

    var tokenCount: Int { tokens.count }

    @inline(__always) func start(_ k: Int) -> Int { Int(tokens[k].start) }
    @inline(__always) func end(_ k: Int) -> Int { Int(tokens[k].end) }
    @inline(__always) func tag(_ k: Int) -> EntityTag { tokens[k].tag }
    @inline(__always) func kinds(_ k: Int) -> EntityWordKinds { tokens[k].kinds }
    @inline(__always) func isInLexicon(_ k: Int) -> Bool { tokens[k].inLexicon }

    /// The number of scalars of token `k`.
    @inline(__always)
    func length(_ k: Int) -> Int { Int(tokens[k].end - tokens[k].start) }

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
        for i in start..<end where !Self.isHan(scalars[i]) { return false }
        return true
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
        Int(tokenEnding[offset])
    }

    /// The index of the token starting at `offset`, or -1.
    @inline(__always)
    func token(startingAt offset: Int) -> Int {
        offset < tokenStarting.count ? Int(tokenStarting[offset]) : -1
    }
}
