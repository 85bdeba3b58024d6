import Foundation

/// The entity counts of a batch while its documents are added in input
/// order, put into `CorpusSummary.entities` once at the end: the same
/// counts, first documents and first lines as `CorpusSummary.add` gives.
///
/// `CorpusSummary.add` counts under `String` keys, and a `String` of Chinese
/// text is hashed and compared through its canonical composition, character
/// by character. A batch has about a hundred mentions per document: here a
/// mention is found by the UTF-8 bytes of its type and name instead. Names
/// of Han ideographs, ASCII and the middle dot are their own canonical
/// composition, so their bytes are the key as they are; any other name is
/// keyed by its canonical composition's bytes, so that names `String`
/// equality takes for one (a compatibility ideograph and its unified form)
/// are still counted as one.
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
        var key: [UInt8]
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
    private var hashes: [Int] = []
    private var key: [UInt8] = []

    /// Counts the entities of `d`, document number `index`.
    mutating func add(_ d: DocumentAnalysis, index: Int) {
        d.entities.withUnsafeBufferPointer { entities in
            for e in entities.indices {
                Self.key(entities[e].type, entities[e].text, into: &key)
                let hash = key.withUnsafeBytes { bytes in
                    var h = Hasher()
                    h.combine(bytes: bytes)
                    return h.finalize()
                }
                let g = group(hash) ?? newGroup(hash, entities[e], document: d.id, index: index)
                groups[g].count += 1
                if groups[g].lastIndex != index {
                    groups[g].lastIndex = index
                    groups[g].documents += 1
                }
            }
        }
    }

    /// The group of `key` (whose hash is `hash`), if any.
    private func group(_ hash: Int) -> Int? {
        let mask = slots.count - 1
        var i = hash & mask
        while slots[i] != 0 {
            let g = Int(slots[i]) - 1
            if hashes[g] == hash && groups[g].key == key { return g }
            i = (i + 1) & mask
        }
        return nil
    }

    private mutating func newGroup(_ hash: Int, _ e: Entity, document: String, index: Int) -> Int {
        groups.append(Group(type: e.type, name: e.text, key: key, firstIndex: index, firstDocument: document,
                            firstLine: e.line))
        hashes.append(hash)
        if groups.count * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for g in groups.indices { place(g) }
        } else {
            place(groups.count - 1)
        }
        return groups.count - 1
    }

    private mutating func place(_ g: Int) {
        let mask = slots.count - 1
        var i = hashes[g] & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(g + 1)
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

    /// The key of an entity: its type's order, then the UTF-8 bytes of its
    /// name's canonical composition.
    static func key(_ type: EntityType, _ name: String, into key: inout [UInt8]) {
        key.removeAll(keepingCapacity: true)
        key.append(UInt8(truncatingIfNeeded: type.order))
        let plain = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard isComposed(bytes) else { return false }
            key.append(contentsOf: bytes)
            return true
        }
        if plain != true {
            key.append(contentsOf: name.precomposedStringWithCanonicalMapping.utf8)
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
