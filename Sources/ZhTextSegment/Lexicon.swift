import Foundation
import ZhTextCore
import ZhTextNormalize

/// A word list as a double-array trie: every dictionary word with its log
/// probability and part of speech, walked one scalar at a time.
///
/// Scalars are first mapped to dense codes (`code(of:)`), the most common
/// edge labels first. Node `n`'s child by code `c` is unit `base(n) + c`
/// when that unit's `check` is `n`; the root is unit 0 with base 0. A unit
/// also carries the word ending at it (ln P and tag), so one step of a walk
/// reads one 16-byte unit, and the children of a node sit close together.
///
/// ```swift
/// let lexicon = Lexicon(entries: [LexiconEntry(word: "长江", frequency: 100, pos: "ns")])
/// lexicon.contains("长江")          // true
/// lexicon.partOfSpeech(of: "长江")  // "ns"
/// ```
///
/// - Complexity: a lookup is O(length).
package struct Lexicon: Sendable {
    /// Marks a node that is a prefix only (or a word suppressed by freq 0).
    package static let notAWord: UInt16 = .max
    /// The parts of speech the segmenter itself assigns, always the first
    /// entries of `posNames`.
    static let reservedPOS = ["x", "m", "eng", "url", "n", "nr", "t", "x"]
    static let posPunctuation: UInt16 = 0
    static let posNumber: UInt16 = 1
    static let posLatin: UInt16 = 2
    static let posURL: UInt16 = 3
    static let posUnknown: UInt16 = 4
    static let posName: UInt16 = 5
    static let posTime: UInt16 = 6
    /// Whitespace: tagged `x` like punctuation, with an id of its own so
    /// printers can tell it apart without looking at the text.
    package static let whitespacePOSID: UInt16 = 7

    /// The trie: node ids are unit indices.
    var units: PlainTable<Unit>
    /// Code of each BMP scalar (0: in no word).
    var bmpCodes: PlainTable<Int32>
    /// Codes of scalars above the BMP.
    var astralCodes: [UInt32: Int32]
    /// ln(freq / total) of the word ending at each node (what
    /// `logProbability(of:)` reports; the route reads `Unit.logProb`).
    var logProb: [Float]
    /// Index into `posNames` of the word ending at each node, or `notAWord`.
    package var posID: [UInt16]
    /// Part-of-speech names; the first ones are `reservedPOS`.
    package var posNames: [String]
    /// ln(total frequency): an unknown single character scores `-logTotal`.
    var logTotal: Double
    /// Number of words.
    package internal(set) var wordCount: Int

    /// One trie node, 16 bytes (four to a cache line).
    struct Unit: Sendable, BitwiseCopyable {
        /// The parent's id, or -1 for a free unit (the root's is -1 too).
        var check: Int32
        /// Children's units are `base + code`.
        var base: Int32
        /// ln P of the word ending here, `notAWordLogProb` if none.
        var logProb: Float
        var pos: UInt16
        var spare: UInt16 = 0

        static let free = Unit(check: -1, base: 0, logProb: Lexicon.notAWordLogProb, pos: Lexicon.notAWord)
    }

    /// `logProb` of a node that is not a word (word scores are ≤ 0).
    static let notAWordLogProb: Float = 1

    /// A lexicon from a breadth-first trie: the children of node `n` are
    /// nodes `firstChild[n] ..< firstChild[n + 1]`, `label` is the scalar
    /// into each node (the root's is 0).
    init(firstChild: [Int32], label: [UInt32], logProb: [Float], posID: [UInt16], posNames: [String],
         logTotal: Double, wordCount: Int) {
        let built = DoubleArrayBuilder(firstChild: firstChild, label: label, logProb: logProb, posID: posID).build()
        self.units = PlainTable(built.units)
        self.bmpCodes = PlainTable(built.bmpCodes)
        self.astralCodes = built.astralCodes
        self.logProb = built.logProb
        self.posID = built.posID
        self.posNames = posNames
        self.logTotal = logTotal
        self.wordCount = wordCount
    }

    /// A lexicon from its cached tables.
    init(units: PlainTable<Unit>, bmpCodes: PlainTable<Int32>, astralCodes: [UInt32: Int32],
         logProb: [Float], posID: [UInt16], posNames: [String], logTotal: Double, wordCount: Int) {
        self.units = units
        self.bmpCodes = bmpCodes
        self.astralCodes = astralCodes
        self.logProb = logProb
        self.posID = posID
        self.posNames = posNames
        self.logTotal = logTotal
        self.wordCount = wordCount
    }

    /// Whether every base plus every code indexes inside `units` (built
    /// lexicons are; a cache that is not is refused), which the segmenter's
    /// hot loops rely on.
    static func isPadded(units: UnsafeBufferPointer<Unit>, bmpCodes: UnsafeBufferPointer<Int32>,
                         astralCodes: [UInt32: Int32]) -> Bool {
        var highestBase: Int32 = 0
        for u in units {
            if u.base < 0 { return false }
            highestBase = max(highestBase, u.base)
        }
        var highestCode: Int32 = 0
        for c in bmpCodes {
            if c < 0 { return false }
            highestCode = max(highestCode, c)
        }
        for c in astralCodes.values {
            if c < 0 { return false }
            highestCode = max(highestCode, c)
        }
        return Int(highestBase) + Int(highestCode) < units.count
    }

    /// All ones when `condition` holds, else zero (for branch-free selects).
    @inline(__always)
    static func mask(_ condition: Bool) -> Int32 {
        0 &- Int32(truncatingIfNeeded: unsafeBitCast(condition, to: UInt8.self))
    }

    /// `a` where `mask` is all ones, `b` where it is zero.
    @inline(__always)
    static func select(_ mask: Int32, _ a: Float, _ b: Float) -> Float {
        let m = UInt32(bitPattern: mask)
        return Float(bitPattern: (a.bitPattern & m) | (b.bitPattern & ~m))
    }

    /// The dense code of `scalar`, 0 when no word has it.
    @inline(__always)
    func code(of scalar: UInt32) -> Int32 {
        scalar < 0x10000 ? bmpCodes.buffer[Int(scalar)] : (astralCodes[scalar] ?? 0)
    }

    /// Unsafe views of the tables for the segmenter's hot loops, valid
    /// while this lexicon (which owns the tables) lives.
    var probe: Probe { Probe(units: units.buffer, codes: bmpCodes.buffer, astralCodes: astralCodes) }

    /// Steps of a trie walk over raw tables.
    struct Probe {
        let units: UnsafeBufferPointer<Unit>
        let codes: UnsafeBufferPointer<Int32>
        let astralCodes: [UInt32: Int32]

        /// The code of a scalar above the BMP (0 when no word has it).
        func astralCode(_ c: UInt32) -> Int32 { astralCodes[c] ?? 0 }

        /// The code of `c` (0 when no word has it).
        @inline(__always)
        func code(_ c: UInt32) -> Int32 { c < 0x10000 ? codes[Int(c)] : astralCode(c) }

        /// The root's child by the BMP scalar `c`, or -1.
        @inline(__always)
        func root(_ c: UInt32) -> Int32 {
            let t = codes[Int(c)]
            return t != 0 && units[Int(t)].check == 0 ? t : -1
        }

        /// The child of the node whose base is `base` (node id `node`) by
        /// `scalar`, or -1.
        @inline(__always)
        package func child(_ node: Int32, base: Int32, _ scalar: UInt32) -> Int32 {
            let code = scalar < 0x10000 ? codes[Int(scalar)] : (astralCodes[scalar] ?? 0)
            if code == 0 { return -1 }
            let t = Int(base &+ code)
            return t < units.count && units[t].check == node ? Int32(t) : -1
        }
    }

    /// The node reached from `node` by `scalar`, or -1.
    @inline(__always)
    package func child(_ node: Int32, _ scalar: UInt32) -> Int32 {
        guard node >= 0 else { return -1 }
        let code = code(of: scalar)
        if code == 0 { return -1 }
        let units = units.buffer
        let t = Int(units[Int(node)].base &+ code)
        return t < units.count && units[t].check == node ? Int32(t) : -1
    }

    /// The root's child by `scalar`, or -1.
    @inline(__always)
    func rootChild(_ scalar: UInt32) -> Int32 { child(0, scalar) }

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
    package func contains(_ word: String) -> Bool {
        let n = node(of: word.unicodeScalars)
        return n > 0 && posID[Int(n)] != Lexicon.notAWord
    }

    /// The part of speech of `word`, or `nil` when it is not a word.
    package func partOfSpeech(of word: String) -> String? {
        let n = node(of: word.unicodeScalars)
        guard n > 0, posID[Int(n)] != Lexicon.notAWord else { return nil }
        return posNames[Int(posID[Int(n)])]
    }

    /// ln(probability) of `word` in the route, or `nil` when it is not a word.
    package func logProbability(of word: String) -> Double? {
        let n = node(of: word.unicodeScalars)
        guard n > 0, posID[Int(n)] != Lexicon.notAWord else { return nil }
        return Double(logProb[Int(n)])
    }

    /// Number of trie units (root and free ones included).
    var unitCount: Int { units.buffer.count }
}

extension Lexicon {
    /// Part-of-speech names by id (`Word.posID`).
    package var partsOfSpeech: [String] { posNames }
    /// The tags the segmenter assigns itself: `x`, `m`, `eng`, `url`, `n`, `nr`, `t`.
    package static var reservedPartsOfSpeech: [String] { reservedPOS }
}
