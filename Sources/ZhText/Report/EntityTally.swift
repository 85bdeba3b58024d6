import Foundation

/// The entity counts of documents added in input order, put into
/// `CorpusSummary.entities` (keyed by type and name as `String`s) once at
/// the end: the batch keeps one for the whole run, `CorpusSummary.add` one
/// per document.
///
/// A `String` of Chinese text is hashed and compared through its canonical
/// composition, character by character, and a batch has about a hundred
/// mentions per document: here a mention is found by the UTF-8 bytes of its
/// type and name instead. Names of Han ideographs, ASCII and the middle dot
/// are their own canonical composition, so their bytes are the key as they
/// are; any other name is keyed by its canonical composition's bytes, so
/// that names `String` equality takes for one (a compatibility ideograph
/// and its unified form) are still counted as one.
///
/// ```swift
/// var tally = EntityTally()
/// summary.add(document, tallying: &tally)   // for every document
/// tally.finish(into: &summary)
/// ```
struct EntityTally {
    private struct Group {
        var type: EntityType
        /// The first spelling met.
        var name: String
        /// Where its key is in `keys`.
        var keyStart: Int
        var keyLength: Int
        var count = 0
        var documents = 0
        var firstIndex: Int
        var firstDocument: String
        var firstLine: Int
        var lastIndex = -1
    }

    private var groups: [Group] = []
    /// Open addressing over `groups`: a group's index + 1, 0 when empty;
    /// at most half full.
    private var slots = [Int32](repeating: 0, count: 1024)
    /// The hash of each group's key, beside `slots` (probes compare these
    /// before touching a group).
    private var hashes: [UInt64] = []
    /// The groups' keys, one after another: the type's order, then the
    /// name's bytes.
    private var keys: [UInt8] = []

    /// Counts the entities of `d`, document number `index`.
    mutating func add(_ d: DocumentAnalysis, index: Int) {
        d.entities.withUnsafeBufferPointer { entities in
            for e in entities.indices {
                let type = UInt8(truncatingIfNeeded: entities[e].type.order)
                let plain = entities[e].text.utf8.withContiguousStorageIfAvailable { name in
                    Self.isComposed(name) ? group(type, name, entities[e], d.id, index) : nil
                }
                let g: Int
                if let found = plain ?? nil {
                    g = found
                } else {
                    // Not its own canonical composition: keyed by that composition.
                    var composed = entities[e].text.precomposedStringWithCanonicalMapping
                    g = composed.withUTF8 { group(type, $0, entities[e], d.id, index) }
                }
                groups[g].count += 1
                if groups[g].lastIndex != index {
                    groups[g].lastIndex = index
                    groups[g].documents += 1
                }
            }
        }
    }

    /// The group of the key (`type`, `name`), made for `e` of document
    /// `document` (number `index`) if there is none.
    private mutating func group(_ type: UInt8, _ name: UnsafeBufferPointer<UInt8>, _ e: Entity, _ document: String,
                                _ index: Int) -> Int {
        let hash = Self.hash(type, name)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            let g = Int(slots[i]) - 1
            if hashes[g] == hash && holds(g, type, name) { return g }
            i = (i + 1) & mask
        }
        groups.append(Group(type: e.type, name: e.text, keyStart: keys.count, keyLength: name.count + 1,
                            firstIndex: index, firstDocument: document, firstLine: e.line))
        keys.append(type)
        keys.append(contentsOf: name)
        hashes.append(hash)
        if groups.count * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for g in groups.indices { place(g) }
        } else {
            slots[i] = Int32(groups.count)
        }
        return groups.count - 1
    }

    /// Whether group `g`'s key is (`type`, `name`).
    private func holds(_ g: Int, _ type: UInt8, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = groups[g].keyStart
        guard groups[g].keyLength == name.count + 1, keys[start] == type else { return false }
        return keys.withUnsafeBufferPointer { keys in
            name.isEmpty || memcmp(keys.baseAddress! + start + 1, name.baseAddress!, name.count) == 0
        }
    }

    private mutating func place(_ g: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hashes[g]) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(g + 1)
    }

    /// A hash of a key: the name's `KeywordTermKey` hash (the keyword
    /// tables' hash of UTF-8 bytes) with the type mixed in.
    static func hash(_ type: UInt8, _ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        KeywordTermKey(name).hash ^ (UInt64(type) &+ 1) &* 0x9E37_79B9_7F4A_7C15
    }

    /// Adds the counts to `summary.entities`.
    func finish(into summary: inout CorpusSummary) {
        summary.entities.reserveCapacity(summary.entities.count + groups.count)
        for g in groups {
            let key = g.type.rawValue + "\t" + g.name
            if let i = summary.entities.index(forKey: key) {
                summary.entities.values[i].count += g.count
                summary.entities.values[i].documents += g.documents
            } else {
                summary.entities[key] = CorpusSummary.EntityCount(
                    type: g.type.rawValue, name: g.name, count: g.count, documents: g.documents,
                    firstIndex: g.firstIndex, firstDocument: g.firstDocument, firstLine: g.firstLine)
            }
        }
    }

    /// Whether UTF-8 `bytes` hold only ASCII, the middle dot (U+00B7) and
    /// CJK Unified Ideographs U+3400...U+9FFF: characters that have no
    /// canonical decomposition and compose with nothing.
    static func isComposed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
            } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xB7 {
                i += 2
            } else if (b == 0xE3 && i + 1 < bytes.count && bytes[i + 1] >= 0x90) || (b >= 0xE4 && b <= 0xE9) {
                i += 3
            } else {
                return false
            }
        }
        return true
    }
}
