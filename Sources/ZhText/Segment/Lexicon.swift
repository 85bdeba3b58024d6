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
    public static let whitespacePOSID: UInt16 = 7

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
    /// Open-addressing hash of the non-root edges: key `parent << 21 | scalar`
    /// (+1, so 0 marks an empty slot) → child node.
    var edges = HugePageTable<EdgeSlot>([])
    var edgeMask: Int = 0
    /// A 2^22-bit filter of the edges (512 KB, stays in cache): a clear bit
    /// means the edge does not exist, and the big table is not touched.
    var edgeFilter = HugePageTable<UInt64>([])
    static let filterBits = 22
    /// Child of the root and its word's ln P (`notAWordLogProb` when the
    /// character is not a word) by BMP scalar: one load per position.
    var rootSlots = HugePageTable<RootSlot>([])

    /// A hash slot of the edge table: one cache line holds the key, the
    /// child and the child's word probability.
    struct EdgeSlot: Sendable {
        /// Low 48 bits: the key (0 = empty); high 16 bits: the child's tag.
        var keyAndPOS: UInt64
        var child: Int32
        var logProb: Float

        init(key: UInt64, pos: UInt16, child: Int32, logProb: Float) {
            keyAndPOS = key | UInt64(pos) << 48
            self.child = child
            self.logProb = logProb
        }

        @inline(__always) var key: UInt64 { keyAndPOS & 0xFFFF_FFFF_FFFF }
        @inline(__always) var pos: UInt16 { UInt16(truncatingIfNeeded: keyAndPOS >> 48) }
    }

    struct RootSlot: Sendable {
        var child: Int32
        var logProb: Float
        var pos: UInt16
    }

    /// `logProb` of a node that is not a word (word scores are ≤ 0).
    static let notAWordLogProb: Float = 1

    init(rootIndex: [Int32], firstChild: [Int32], label: [UInt32], logProb: [Float],
         posID: [UInt16], posNames: [String], logTotal: Double, wordCount: Int) {
        self.rootIndex = rootIndex
        self.firstChild = firstChild
        self.label = label
        self.logProb = logProb
        self.posID = posID
        self.posNames = posNames
        self.logTotal = logTotal
        self.wordCount = wordCount
        buildEdgeHash()
    }

    /// A lexicon from its cached tables (no trie arrays: lookups go
    /// through the edge hash and the root slots).
    init(edges: HugePageTable<EdgeSlot>, edgeFilter: HugePageTable<UInt64>, rootSlots: HugePageTable<RootSlot>,
         logProb: [Float],
         posID: [UInt16], posNames: [String], logTotal: Double, wordCount: Int) {
        self.rootIndex = rootSlots.buffer.map(\.child)
        self.firstChild = []
        self.label = []
        self.logProb = logProb
        self.posID = posID
        self.posNames = posNames
        self.logTotal = logTotal
        self.wordCount = wordCount
        self.edges = edges
        self.edgeMask = edges.count - 1
        self.edgeFilter = edgeFilter
        self.rootSlots = rootSlots
    }

    @inline(__always)
    static func edgeHash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E3779B97F4A7C15) >> 29)
    }

    @inline(__always)
    static func filterIndex(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0xC2B2AE3D27D4EB4F) >> UInt64(64 - filterBits))
    }

    /// Fills the edge hash (load factor ≤ 1/2).
    mutating func buildEdgeHash() {
        let edgeCount = max(0, label.count - 1)
        var size = 1024
        while size < edgeCount * 2 { size <<= 1 }
        var slots = [EdgeSlot](repeating: EdgeSlot(key: 0, pos: 0, child: -1, logProb: Lexicon.notAWordLogProb), count: size)
        let mask = size - 1
        var filter = [UInt64](repeating: 0, count: 1 << (Lexicon.filterBits - 6))
        func wordLogProb(_ node: Int) -> Float {
            posID[node] == Lexicon.notAWord ? Lexicon.notAWordLogProb : logProb[node]
        }
        let nodes = label.count
        if nodes > 0 {
            for parent in 1..<nodes {
                let lo = Int(firstChild[parent]), hi = Int(firstChild[parent + 1])
                for c in lo..<hi {
                    let key = (UInt64(parent) << 21 | UInt64(label[c])) &+ 1
                    var h = Lexicon.edgeHash(key) & mask
                    while slots[h].key != 0 { h = (h + 1) & mask }
                    slots[h] = EdgeSlot(key: key, pos: posID[c], child: Int32(c), logProb: wordLogProb(c))
                    let f = Lexicon.filterIndex(key)
                    filter[f >> 6] |= 1 << UInt64(f & 63)
                }
            }
        }
        edges = HugePageTable(slots)
        edgeMask = mask
        edgeFilter = HugePageTable(filter)
        var root = [RootSlot](repeating: RootSlot(child: -1, logProb: Lexicon.notAWordLogProb, pos: Lexicon.notAWord), count: 0x10000)
        for s in 0..<0x10000 where rootIndex[s] >= 0 {
            root[s] = RootSlot(child: rootIndex[s], logProb: wordLogProb(Int(rootIndex[s])), pos: posID[Int(rootIndex[s])])
        }
        rootSlots = HugePageTable(root)
    }

    /// Unsafe views of the lookup tables for the segmenter's hot loops,
    /// valid while this lexicon (which owns the tables) lives.
    var probe: Probe {
        Probe(roots: rootSlots.buffer, edges: edges.buffer, mask: edgeMask, filter: edgeFilter.buffer)
    }

    /// One step of a trie walk over the lookup tables.
    struct Probe {
        let roots: UnsafeBufferPointer<RootSlot>
        let edges: UnsafeBufferPointer<EdgeSlot>
        let mask: Int
        let filter: UnsafeBufferPointer<UInt64>

        /// The slot of the edge from `node` (> 0) by `scalar`, or nil. The
        /// filter is read first: a clear bit spares the table a probe.
        @inline(__always)
        func edge(_ node: Int32, _ scalar: UInt32) -> EdgeSlot? {
            let key = (UInt64(node) << 21 | UInt64(scalar)) &+ 1
            let f = Lexicon.filterIndex(key)
            if filter[f >> 6] & (1 << UInt64(f & 63)) == 0 { return nil }
            var h = Lexicon.edgeHash(key) & mask
            while true {
                let slot = edges[h]
                let k = slot.key
                if k == key { return slot }
                if k == 0 { return nil }
                h = (h + 1) & mask
            }
        }
    }

    /// The node reached from `node` by `scalar`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ scalar: UInt32) -> Int32 {
        if node == 0 && scalar < 0x10000 { return rootIndex[Int(scalar)] }
        if node > 0 {
            let key = (UInt64(node) << 21 | UInt64(scalar)) &+ 1
            var h = Lexicon.edgeHash(key) & edgeMask
            while true {
                let k = edges[h].key
                if k == key { return edges[h].child }
                if k == 0 { return -1 }
                h = (h + 1) & edgeMask
            }
        }
        guard !firstChild.isEmpty else { return -1 }   // cached: no astral root words
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
    var nodeCount: Int { posID.count }
}

extension Lexicon {
    /// Part-of-speech names by id (`Segmenter.Span.posID`).
    public var partsOfSpeech: [String] { posNames }
    /// The tags the segmenter assigns itself: `x`, `m`, `eng`, `url`, `n`, `nr`, `t`.
    public static var reservedPartsOfSpeech: [String] { reservedPOS }
}
