import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
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
package struct EntityDocument {
    /// One token, in 20 bytes.
    package struct TokenInfo {
        package var start: Int32
        package var end: Int32
        /// Where the gazetteer's trie stands after the token's text (node -1
        /// when no name begins with it, or it is one scalar long).
        package var names: ScalarTrie.Step
        /// The word lists the token's text is in.
        package var kinds: EntityWordKinds
        package var tag: EntityTag
        /// Whether the segmenter's dictionary has the token's text.
        package var inLexicon: Bool
    }

    package let scalars: [Unicode.Scalar]
    private var tokens: [TokenInfo] = []
    /// Indexes of the tokens starting and ending at each offset (count + 1
    /// entries), -1 for none; side by side, so one cache line answers both.
    private var tokensAt: [TokensAt]
    /// One bit per offset (count + 1 bits): whether a word starts or ends
    /// there, in 1/64 of the memory of `tokensAt`.
    private var boundaryBits: [UInt64]

    /// The tokens starting and ending at one offset.
    private struct TokensAt {
        package var starting: Int32 = -1
        package var ending: Int32 = -1
    }

    /// An empty document over `scalars`; `append` adds its tokens in order.
    package init(scalars: [Unicode.Scalar], expectedTokens: Int) {
        self.scalars = scalars
        tokensAt = [TokensAt](repeating: TokensAt(), count: scalars.count + 1)
        boundaryBits = [UInt64](repeating: 0, count: scalars.count / 64 + 1)
        markBoundary(0)
        markBoundary(scalars.count)
        tokens.reserveCapacity(expectedTokens)
    }

    /// Adds the next token, whose text has `facts`.
    package mutating func append(start: Int, end: Int, tag: EntityTag, _ facts: EntityTokenMemo.Facts) {
        let k = Int32(tokens.count)
        tokens.append(TokenInfo(start: Int32(start), end: Int32(end), names: facts.names, kinds: facts.kinds,
                                tag: tag, inLexicon: facts.inLexicon))
        if start >= 0 && end <= scalars.count && start < end {
            tokensAt[start].starting = k
            tokensAt[end].ending = k
            markBoundary(start)
            markBoundary(end)
        }
    }

    private mutating func markBoundary(_ offset: Int) {
        boundaryBits[offset >> 6] |= 1 << UInt64(offset & 63)
    }

    package var tokenCount: Int { tokens.count }

    @inline(__always) package func start(_ k: Int) -> Int { Int(tokens[k].start) }
    @inline(__always) package func end(_ k: Int) -> Int { Int(tokens[k].end) }
    @inline(__always) package func tag(_ k: Int) -> EntityTag { tokens[k].tag }
    @inline(__always) package func kinds(_ k: Int) -> EntityWordKinds { tokens[k].kinds }
    @inline(__always) package func isInLexicon(_ k: Int) -> Bool { tokens[k].inLexicon }
    /// `EntityGazetteer.prefix` of token `k`'s text, when it has two or more scalars.
    @inline(__always) package func names(_ k: Int) -> ScalarTrie.Step { tokens[k].names }

    /// The number of scalars of token `k`.
    @inline(__always)
    package func length(_ k: Int) -> Int { Int(tokens[k].end - tokens[k].start) }

    /// Whether a word starts or ends at `offset`.
    @inline(__always)
    package func isBoundary(_ offset: Int) -> Bool {
        boundaryBits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// Whether a word starts or ends strictly between `start` and `end`.
    @inline(__always)
    package func hasBoundary(inside start: Int, _ end: Int) -> Bool {
        var i = start + 1
        while i < end {
            if isBoundary(i) { return true }
            i += 1
        }
        return false
    }

    /// Whether every scalar of `start..<end` is a Han character.
    @inline(__always)
    package func allHan(_ start: Int, _ end: Int) -> Bool {
        for i in start..<end where !Self.isHan(scalars[i]) { return false }
        return true
    }

    package static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }

    /// The index of the token ending at `offset`, or -1.
    @inline(__always)
    package func token(endingAt offset: Int) -> Int {
        Int(tokensAt[offset].ending)
    }

    /// The index of the token starting at `offset`, or -1.
    @inline(__always)
    package func token(startingAt offset: Int) -> Int {
        offset < tokensAt.count ? Int(tokensAt[offset].starting) : -1
    }
}
