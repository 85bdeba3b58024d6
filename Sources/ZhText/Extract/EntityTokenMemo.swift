/// What the recognizer worked out about a short word's text, remembered for
/// the rest of a document: news text repeats its words, and the answers
/// (word lists, dictionary membership, whether `refine` keeps it whole)
/// otherwise cost lookups in big tables that miss the cache.
///
/// A direct-mapped table keyed by the word's scalars packed into 63 bits,
/// so words of one to three non-zero scalars only; a newer word takes the
/// slot of an older one.
///
/// ```swift
/// var memo = EntityTokenMemo(tokens: 1000)
/// let key = EntityTokenMemo.key(s, 0, 2)!
/// memo.store(key, .init(kinds: [.title], inLexicon: true))
/// memo.lookup(key)?.inLexicon   // true
/// ```
struct EntityTokenMemo {
    /// The facts kept about a word that `refine` keeps whole.
    struct Facts {
        var kinds: EntityWordKinds
        var inLexicon: Bool
    }

    /// A word's key (0 when empty) and facts, side by side in 16 bytes.
    private struct Slot {
        var key: UInt64
        var facts: Facts
    }

    private var slots: [Slot]
    private let mask: Int

    /// A memo sized for a document of about `tokens` tokens.
    init(tokens: Int) {
        var size = 256
        while size < tokens && size < 16384 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, facts: Facts(kinds: [], inLexicon: false)), count: size)
        mask = size - 1
    }

    /// The key of the word `s[start..<end]`, or nil when it cannot have one
    /// (empty, longer than three scalars, or holding U+0000).
    @inline(__always)
    static func key(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt64? {
        guard start >= 0, start < end, end - start <= 3, end <= s.count else { return nil }
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for i in start..<end {
            let c = s[i].value
            guard c != 0 else { return nil }
            key |= UInt64(c) << shift
            shift += 21
        }
        return key
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: BitHash.fibonacci(key) >> 40) & mask
    }

    /// The facts stored for `key`, if its slot still holds them.
    @inline(__always)
    func lookup(_ key: UInt64) -> Facts? {
        let slot = slots[slot(key)]
        return slot.key == key ? slot.facts : nil
    }

    @inline(__always)
    mutating func store(_ key: UInt64, _ value: Facts) {
        slots[slot(key)] = Slot(key: key, facts: value)
    }
}
