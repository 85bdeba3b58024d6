import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// A map from terms to numbers (the IDF table, the stop words), filled once:
/// one flat table of 32-byte slots with linear probing.
///
/// A slot holds the key's packed bytes, part of its hash and the value, so
/// a lookup of a short term touches one cache line; the IDF table's
/// ~270,000 words in a Swift `Dictionary` cost a seeded `Hasher`, a bucket
/// and a string's bytes per lookup.
package struct KeywordTermMap: Sendable {
    package struct Slot: BitwiseCopyable {
        /// The key's first 8 bytes, or for a long key its offset in the arena.
        package var head: UInt64
        package var tail: UInt64
        package var value: Double
        /// The low half of the key's hash.
        package var fragment: UInt32
        /// The key's length in bytes + 1; 0 for an empty slot (so a new
        /// table, zeroed, is empty).
        package var stored: UInt32
    }

    /// Sets the terms of a new map.
    package struct Filler {
        fileprivate let slots: UnsafeMutableBufferPointer<Slot>
        fileprivate var arena = KeywordTermArena()
        fileprivate var count = 0

        /// Sets the value of the term `bytes`, replacing any earlier one.
        package mutating func set(_ value: Double, for bytes: UnsafeBufferPointer<UInt8>) {
            let key = KeywordTermKey(bytes)
            let mask = slots.count - 1
            let fragment = UInt32(truncatingIfNeeded: key.hash)
            var i = Int(truncatingIfNeeded: key.hash >> 32) & mask
            while slots[i].stored != 0 {
                if KeywordTermMap.matches(slots[i], key, fragment, bytes, arena) {
                    slots[i].value = value
                    return
                }
                i = (i + 1) & mask
            }
            precondition(count + 1 < slots.count, "KeywordTermMap: more terms than its capacity")
            let head = key.isLong ? UInt64(arena.append(bytes)) : key.head
            slots[i] = Slot(head: head, tail: key.tail, value: value, fragment: fragment, stored: UInt32(key.length + 1))
            count += 1
        }

        /// Sets the value of `term`.
        package mutating func set(_ value: Double, for term: String) {
            var term = term
            term.withUTF8 { set(value, for: $0) }
        }
    }

    private let slots: PlainTable<Slot>
    private let arena: KeywordTermArena
    /// Terms in the map.
    package let count: Int

    /// A map of at most `capacity` terms, set by `fill`.
    package init(capacity: Int, fill: (inout Filler) -> Void) {
        var size = 8
        while size * 2 < capacity * 3 { size *= 2 }      // load at most 2/3
        var filler: Filler?
        slots = PlainTable(count: size) { slots in
            var f = Filler(slots: slots)
            fill(&f)
            filler = f
        }
        arena = filler!.arena
        count = filler!.count
    }

    /// The value of `key`, whose bytes are `bytes` (read only for a long key).
    @inline(__always)
    package func value(for key: KeywordTermKey, bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let slots = slots.buffer
        let mask = slots.count - 1
        let fragment = UInt32(truncatingIfNeeded: key.hash)
        var i = Int(truncatingIfNeeded: key.hash >> 32) & mask
        while slots[i].stored != 0 {
            if Self.matches(slots[i], key, fragment, bytes, arena) { return slots[i].value }
            i = (i + 1) & mask
        }
        return nil
    }

    /// The value of `term`.
    package func value(for term: String) -> Double? {
        var term = term
        return term.withUTF8 { value(for: KeywordTermKey($0), bytes: $0) }
    }

    /// Every value, in no particular order.
    package var values: [Double] {
        slots.buffer.compactMap { $0.stored == 0 ? nil : $0.value }
    }

    @inline(__always)
    fileprivate static func matches(_ slot: Slot, _ key: KeywordTermKey, _ fragment: UInt32,
                                    _ bytes: UnsafeBufferPointer<UInt8>, _ arena: KeywordTermArena) -> Bool {
        guard slot.fragment == fragment && Int(slot.stored) == key.length + 1 else { return false }
        return key.isLong ? arena.matches(bytes, at: Int(slot.head)) : slot.head == key.head && slot.tail == key.tail
    }
}

extension KeywordTermMap {
    /// A map from the parts `write(to:)` put out, or nil if they are not a
    /// valid map (wrong sizes, a long key beyond the arena).
    package init?(slots: PlainTable<Slot>, arena: [UInt8], count: Int) {
        let size = slots.buffer.count
        guard size >= 8, size & (size - 1) == 0, count >= 0, count < size else { return nil }
        let valid = slots.buffer.reduce(0) { $0 + ($1.stored == 0 ? 0 : 1) } == count && slots.buffer.allSatisfy { slot in
            slot.stored <= 17 || UInt64(slot.stored - 1) <= UInt64(arena.count) && slot.head <= UInt64(arena.count) - UInt64(slot.stored - 1)
        }
        guard valid else { return nil }
        self.slots = slots
        self.arena = KeywordTermArena(bytes: arena)
        self.count = count
    }

    /// Appends the slots (as they lie in memory) and the arena to `w`,
    /// each after its length, in the form `CacheFile.Reader` reads.
    package func write(to w: inout CacheFile.Writer) {
        w.putCount(slots.buffer.count)
        w.out.append(raw: UnsafeRawBufferPointer(slots.buffer))
        w.put(arena.bytes)
    }
}
