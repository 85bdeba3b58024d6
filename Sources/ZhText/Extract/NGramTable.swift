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
    private(set) var keys: [TermNGram]
    private(set) var values: [TermStatistics.Counts]
    private var lastDocument: [Int32]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: TermNGram(), count: size)
        values = Array(repeating: TermStatistics.Counts(count: 0, documents: 0, leftBoundaries: 0, rightBoundaries: 0, aligned: 0),
                       count: size)
        lastDocument = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    private func slot(of key: TermNGram) -> Int {
        var h = key.w0 &* 0x9E37_79B9_7F4A_7C15
        h ^= (key.w1 &+ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        h ^= (key.w2 &+ (h >> 31)) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 32
        return Int(truncatingIfNeeded: h) & mask
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
            return keys[i].count == 0 ? nil : values[i]
        }
        set {
            guard let newValue else { preconditionFailure("NGramTable does not remove keys") }
            let i = find(key)
            if keys[i].count == 0 { insert(key, newValue, at: i) } else { values[i] = newValue }
        }
    }

    /// Counts one occurrence of `key` in document number `document`.
    @inline(__always)
    mutating func countOccurrence(_ key: TermNGram, document: Int32, left: Int, right: Int, aligned: Int) {
        let i = find(key)
        if keys[i].count == 0 {
            let j = insert(key, TermStatistics.Counts(count: 1, documents: 1, leftBoundaries: left, rightBoundaries: right, aligned: aligned), at: i)
            lastDocument[j] = document
            return
        }
        values[i].count += 1
        values[i].leftBoundaries += left
        values[i].rightBoundaries += right
        values[i].aligned += aligned
        if lastDocument[i] != document {
            lastDocument[i] = document
            values[i].documents += 1
        }
    }

    /// Adds `c` to the counts of `key`.
    mutating func add(_ key: TermNGram, _ c: TermStatistics.Counts) {
        let i = find(key)
        if keys[i].count == 0 { insert(key, c, at: i); return }
        values[i].count += c.count
        values[i].documents += c.documents
        values[i].leftBoundaries += c.leftBoundaries
        values[i].rightBoundaries += c.rightBoundaries
        values[i].aligned += c.aligned
    }

    /// Puts `key` in the empty slot `i` (or, when the table grows, in its
    /// new slot) and returns the slot.
    @discardableResult
    private mutating func insert(_ key: TermNGram, _ value: TermStatistics.Counts, at i: Int) -> Int {
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
        for i in keys.indices where keys[i].count != 0 { out.append((keys[i], values[i])) }
        return out
    }

    /// Calls `body` with every n-gram and its counts, in table order.
    func forEach(_ body: (TermNGram, TermStatistics.Counts) throws -> Void) rethrows {
        for i in keys.indices where keys[i].count != 0 { try body(keys[i], values[i]) }
    }
}

extension NGramTable: Equatable {
    static func == (a: NGramTable, b: NGramTable) -> Bool {
        guard a.count == b.count else { return false }
        for i in a.keys.indices where a.keys[i].count != 0 {
            guard b[a.keys[i]] == a.values[i] else { return false }
        }
        return true
    }
}
