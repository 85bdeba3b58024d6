/// An open-addressing hash table from `TermNGram` to `TermStatistics.Counts`,
/// the one structure new-term discovery spends its time in.
///
/// `Dictionary` hashes every key with SipHash; n-gram keys are three words
/// of packed scalars, so a multiply-and-shift hash of them is enough and
/// several times cheaper. Linear probing over parallel arrays, at most half
/// full. A slot is empty when its key has no scalars (no n-gram is empty).
/// `lastDocument` remembers, per n-gram, the last document that counted it,
/// so a document's occurrences raise `documents` once without a
/// per-document table.
struct NGramTable: Sendable {
    /// `TermStatistics.Counts` in 20 bytes instead of 40 (the table is the
    /// memory of discovery); counts saturate at `UInt32.max`.
    struct Packed: Sendable, Equatable {
        var count: UInt32, documents: UInt32, left: UInt32, right: UInt32, aligned: UInt32

        init(_ c: TermStatistics.Counts) {
            count = Self.clamp(c.count); documents = Self.clamp(c.documents)
            left = Self.clamp(c.leftBoundaries); right = Self.clamp(c.rightBoundaries); aligned = Self.clamp(c.aligned)
        }

        var counts: TermStatistics.Counts {
            TermStatistics.Counts(count: Int(count), documents: Int(documents), leftBoundaries: Int(left),
                                  rightBoundaries: Int(right), aligned: Int(aligned))
        }

        static func clamp(_ v: Int) -> UInt32 { UInt32(clamping: v) }

        @inline(__always)
        static func add(_ a: inout UInt32, _ b: UInt32) {
            let (sum, overflow) = a.addingReportingOverflow(b)
            a = overflow ? .max : sum
        }

        mutating func add(_ o: Packed) {
            Self.add(&count, o.count); Self.add(&documents, o.documents)
            Self.add(&left, o.left); Self.add(&right, o.right); Self.add(&aligned, o.aligned)
        }
    }

    private(set) var keys: [TermNGram]
    private var values: [Packed]
    private var lastDocument: [Int32]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: TermNGram(), count: size)
        values = Array(repeating: Packed(TermStatistics.Counts(count: 0, documents: 0, leftBoundaries: 0, rightBoundaries: 0, aligned: 0)),
                       count: size)
        lastDocument = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    private func slot(of key: TermNGram) -> Int {
        Int(truncatingIfNeeded: key.mixedHash) & mask
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: TermNGram) -> Int {
        var i = slot(of: key)
        while true {
            let k = keys[i]
            if k.count == 0 || k == key { return i }
            i = (i + 1) & mask
        }
    }

    subscript(key: TermNGram) -> TermStatistics.Counts? {
        get {
            let i = find(key)
            return keys[i].count == 0 ? nil : values[i].counts
        }
        set {
            guard let newValue else { preconditionFailure("NGramTable does not remove keys") }
            let i = find(key)
            if keys[i].count == 0 { insert(key, Packed(newValue), at: i) } else { values[i] = Packed(newValue) }
        }
    }

    /// Counts one occurrence of `key` in document number `document`.
    @inline(__always)
    mutating func countOccurrence(_ key: TermNGram, document: Int32, left: Int, right: Int, aligned: Int) {
        let i = find(key)
        if keys[i].count == 0 {
            let j = insert(key, Packed(TermStatistics.Counts(count: 1, documents: 1, leftBoundaries: left, rightBoundaries: right,
                                                             aligned: aligned)), at: i)
            lastDocument[j] = document
            return
        }
        values[i].add(Packed(TermStatistics.Counts(count: 1, documents: lastDocument[i] != document ? 1 : 0,
                                                   leftBoundaries: left, rightBoundaries: right, aligned: aligned)))
        lastDocument[i] = document
    }

    /// Adds `c` to the counts of `key`.
    mutating func add(_ key: TermNGram, _ c: TermStatistics.Counts) {
        add(key, Packed(c))
    }

    private mutating func add(_ key: TermNGram, _ c: Packed) {
        let i = find(key)
        if keys[i].count == 0 { insert(key, c, at: i); return }
        values[i].add(c)
    }

    /// Puts `key` in the empty slot `i` (or, when the table grows, in its
    /// new slot) and returns the slot.
    @discardableResult
    private mutating func insert(_ key: TermNGram, _ value: Packed, at i: Int) -> Int {
        var j = i
        if (count + 1) * 2 > keys.count {
            grow()
            j = find(key)
        }
        keys[j] = key; values[j] = value; count += 1
        return j
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values, oldLast = lastDocument
        let size = keys.count * 2
        keys = Array(repeating: TermNGram(), count: size)
        values = Array(repeating: oldValues[0], count: size)
        lastDocument = Array(repeating: -1, count: size)
        mask = size - 1
        for i in oldKeys.indices where oldKeys[i].count != 0 {
            let j = find(oldKeys[i])
            keys[j] = oldKeys[i]; values[j] = oldValues[i]; lastDocument[j] = oldLast[i]
        }
    }

    /// The n-grams held, in table order.
    var entries: [(key: TermNGram, value: TermStatistics.Counts)] {
        var out: [(key: TermNGram, value: TermStatistics.Counts)] = []
        out.reserveCapacity(count)
        for i in keys.indices where keys[i].count != 0 { out.append((keys[i], values[i].counts)) }
        return out
    }

    /// Calls `body` with every n-gram and its counts, in table order.
    func forEach(_ body: (TermNGram, TermStatistics.Counts) throws -> Void) rethrows {
        for i in keys.indices where keys[i].count != 0 { try body(keys[i], values[i].counts) }
    }
}

extension NGramTable: Equatable {
    static func == (a: NGramTable, b: NGramTable) -> Bool {
        guard a.count == b.count else { return false }
        for i in a.keys.indices where a.keys[i].count != 0 {
            guard b[a.keys[i]] == a.values[i].counts else { return false }
        }
        return true
    }
}

extension TermNGram {
    /// A cheap, well-mixed 64-bit hash of the packed scalars.
    @inline(__always)
    var mixedHash: UInt64 {
        var h = BitHash.fibonacci(w0)
        h ^= (w1 &+ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        h ^= (w2 &+ (h >> 31)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 32)
    }
}

/// Which n-grams may occur twice or more: two bit sets indexed by hash,
/// "seen" and "seen again". No n-gram seen twice is ever missed; a few seen
/// once pass too (hash collisions), which only costs a table slot.
struct NGramRepeatFilter: Sendable {
    private var seen: [UInt64]
    private var again: [UInt64]
    private let mask: UInt64

    /// `bits` per set, a power of two (4 MB each by default).
    init(bits: Int = 1 << 25) {
        seen = Array(repeating: 0, count: bits / 64)
        again = Array(repeating: 0, count: bits / 64)
        mask = UInt64(bits - 1)
    }

    @inline(__always)
    mutating func observe(_ gram: TermNGram) {
        let bit = gram.mixedHash & mask
        let word = Int(bit >> 6), flag = UInt64(1) << (bit & 63)
        if seen[word] & flag != 0 { again[word] |= flag } else { seen[word] |= flag }
    }

    @inline(__always)
    func mayRepeat(_ gram: TermNGram) -> Bool {
        let bit = gram.mixedHash & mask
        return again[Int(bit >> 6)] & (UInt64(1) << (bit & 63)) != 0
    }
}
