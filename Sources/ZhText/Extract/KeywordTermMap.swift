/// A read-mostly map from terms to numbers (the IDF table, the stop words):
/// one flat array of 32-byte slots with linear probing.
///
/// A slot holds the key's packed bytes, part of its hash and the value, so
/// a lookup of a short term touches one cache line; the IDF table's
/// ~270,000 words in a Swift `Dictionary` cost a hash with a seeded
/// `Hasher`, a bucket and a string's bytes on every lookup.
struct KeywordTermMap: Sendable {
    private struct Slot {
        /// The key's first 8 bytes, or for a long key its offset in `arena`.
        var head: UInt64
        var tail: UInt64
        var value: Double
        /// The low half of the key's hash.
        var fragment: UInt32
        /// The key's length in bytes, or `empty`.
        var length: UInt32

        static let empty = UInt32.max
    }

    private var slots: [Slot]
    private var arena = KeywordTermArena()
    private(set) var count = 0

    /// A map that holds `capacity` terms without growing.
    init(capacity: Int = 0) {
        var size = 8
        while size * 2 < capacity * 3 { size *= 2 }      // load at most 2/3
        slots = Array(repeating: Slot(head: 0, tail: 0, value: 0, fragment: 0, length: Slot.empty), count: size)
    }

    /// The value of `key`, whose bytes are `bytes` (read only for a long key).
    func value(for key: KeywordTermKey, bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let fragment = UInt32(truncatingIfNeeded: key.hash)
            var i = Int(truncatingIfNeeded: key.hash >> 32) & mask
            while true {
                let slot = slots[i]
                if slot.length == Slot.empty { return nil }
                if slot.fragment == fragment && Int(slot.length) == key.length && matches(slot, key, bytes) {
                    return slot.value
                }
                i = (i + 1) & mask
            }
        }
    }

    /// The value of `term`.
    func value(for term: String) -> Double? {
        var term = term
        return term.withUTF8 { value(for: KeywordTermKey($0), bytes: $0) }
    }

    /// Sets the value of the term `bytes`, replacing any earlier one.
    mutating func set(_ value: Double, for bytes: UnsafeBufferPointer<UInt8>) {
        if (count + 1) * 3 > slots.count * 2 { grow() }
        let key = KeywordTermKey(bytes)
        let mask = slots.count - 1
        let fragment = UInt32(truncatingIfNeeded: key.hash)
        var i = Int(truncatingIfNeeded: key.hash >> 32) & mask
        while slots[i].length != Slot.empty {
            let slot = slots[i]
            if slot.fragment == fragment && Int(slot.length) == key.length && matches(slot, key, bytes) {
                slots[i].value = value
                return
            }
            i = (i + 1) & mask
        }
        let head = key.isLong ? UInt64(arena.append(bytes)) : key.head
        slots[i] = Slot(head: head, tail: key.tail, value: value, fragment: fragment, length: UInt32(key.length))
        count += 1
    }

    /// Sets the value of `term`.
    mutating func set(_ value: Double, for term: String) {
        var term = term
        term.withUTF8 { set(value, for: $0) }
    }

    /// Every value, in no particular order.
    var values: [Double] {
        slots.compactMap { $0.length == Slot.empty ? nil : $0.value }
    }

    @inline(__always)
    private func matches(_ slot: Slot, _ key: KeywordTermKey, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        key.isLong ? arena.matches(bytes, at: Int(slot.head)) : slot.head == key.head && slot.tail == key.tail
    }

    /// Doubles the slots (only when more terms are set than the map was made for).
    private mutating func grow() {
        let old = slots
        let oldArena = arena
        self = KeywordTermMap(capacity: old.count)
        for slot in old where slot.length != Slot.empty {
            if slot.length > 16 {
                oldArena.withBytes(at: Int(slot.head), length: Int(slot.length)) { set(slot.value, for: $0) }
            } else {
                var words = (slot.head, slot.tail)
                withUnsafeBytes(of: &words) { raw in
                    set(slot.value, for: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self).prefix(Int(slot.length))))
                }
            }
        }
    }
}
