import Foundation

/// A word list as a compact trie in flat arrays: every dictionary word with
/// its log probability and part of speech, walked one scalar at a time.
///
/// Nodes are numbered breadth first, so the children of node `n` are the
/// nodes `firstChild[n] ..< firstChild[n + 1]`, sorted by their `label`.
/// The root's children are also indexed directly by BMP scalar.
///
/// ```swift
/// let lexicon = Lexicon(entries: [LexiconEntry(word: "长江", frequency: 100, pos: "ns")])
/// lexicon.contains("长江")          // true
/// lexicon.partOfSpeech(of: "长江")  // "ns"
/// ```
///
/// - Complexity: a lookup is O(length × log(fan-out)).
public struct Lexicon: Sendable {
    /// Marks a node that is a prefix only (or a word suppressed by freq 0).
    static let notAWord: UInt16 = .max
    /// The parts of speech the segmenter itself assigns, always the first
    /// entries of `posNames`.
    static let reservedPOS = ["x", "m", "eng", "url", "n", "nr", "t"]
    static let posPunctuation: UInt16 = 0
    static let posNumber: UInt16 = 1
    static let posLatin: UInt16 = 2
    static let posURL: UInt16 = 3
    static let posUnknown: UInt16 = 4
    static let posName: UInt16 = 5
    static let posTime: UInt16 = 6

    /// Child of the root for each BMP scalar, or -1.
    var rootIndex: [Int32]
    /// `firstChild[n] ..< firstChild[n + 1]` are node `n`'s children (count + 1 entries).
    var firstChild: [Int32]
    /// The scalar on the edge into each node (the root's is 0).
    var label: [UInt32]
    /// ln(freq / total) of the word ending at each node.
    var logProb: [Float]
    /// Index into `posNames` of the word ending at each node, or `notAWord`.
    var posID: [UInt16]
    /// Part-of-speech names; the first ones are `reservedPOS`.
    var posNames: [String]
    /// ln(total frequency): an unknown single character scores `-logTotal`.
    var logTotal: Double
    /// Number of words.
    public internal(set) var wordCount: Int

    /// The node reached from `node` by `scalar`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ scalar: UInt32) -> Int32 {
        if node == 0 && scalar < 0x10000 { return rootIndex[Int(scalar)] }
        var lo = Int(firstChild[Int(node)]), hi = Int(firstChild[Int(node) + 1])
        while lo < hi {
            let mid = (lo + hi) >> 1
            let l = label[mid]
            if l == scalar { return Int32(mid) }
            if l < scalar { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }

    /// The node of `word`, or -1 when it is not even a prefix.
    func node(of word: some Sequence<Unicode.Scalar>) -> Int32 {
        var n: Int32 = 0
        for s in word {
            n = child(n, s.value)
            if n < 0 { return -1 }
        }
        return n
    }

    /// Whether `word` is a word of the lexicon (frequency above 0).
    public func contains(_ word: String) -> Bool {
        let n = node(of: word.unicodeScalars)
        return n > 0 && posID[Int(n)] != Lexicon.notAWord
    }

    /// The part of speech of `word`, or `nil` when it is not a word.
    public func partOfSpeech(of word: String) -> String? {
        let n = node(of: word.unicodeScalars)
        guard n > 0, posID[Int(n)] != Lexicon.notAWord else { return nil }
        return posNames[Int(posID[Int(n)])]
    }

    /// ln(probability) of `word` in the route, or `nil` when it is not a word.
    public func logProbability(of word: String) -> Double? {
        let n = node(of: word.unicodeScalars)
        guard n > 0, posID[Int(n)] != Lexicon.notAWord else { return nil }
        return Double(logProb[Int(n)])
    }

    /// Number of trie nodes (root included).
    var nodeCount: Int { label.count }
}

extension Lexicon {
    /// Part-of-speech names by id (`Segmenter.Span.posID`).
    public var partsOfSpeech: [String] { posNames }
    /// The tags the segmenter assigns itself: `x`, `m`, `eng`, `url`, `n`, `nr`, `t`.
    public static var reservedPartsOfSpeech: [String] { reservedPOS }
}
