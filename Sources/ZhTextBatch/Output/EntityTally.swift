import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline

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
package struct EntityTally {
    /// What a group keeps from its first mention.
    private struct Group {
        package var type: EntityType
        /// The first spelling met.
        package var name: String
        package var firstIndex: Int
        package var firstDocument: String
        package var firstLine: Int
    }

    /// A group's counts, apart from `Group`: the consumer of the batch
    /// touches them for every mention, the rest only once.
    private struct Tally {
        package var count = 0
        package var documents = 0
        package var lastIndex = -1
    }

    package init() {}

    private var groups: [Group] = []
    private var tallies: [Tally] = []
    /// Open addressing over the groups, at most half full: 0 when empty,
    /// else the high half of the key's hash and the group's index + 1, so
    /// that a probe compares hashes without touching anything else.
    private var slots = [UInt64](repeating: 0, count: 1024)
    /// Where each group's key is in `keys`: its start times 2^32 plus its length.
    private var keyRanges: [UInt64] = []
    /// The groups' keys, one after another: the type's order, then the
    /// name's bytes.
    private var keys: [UInt8] = []

    /// Counts the entities of `d`, document number `index`.
    package mutating func add(_ d: DocumentAnalysis, index: Int) {
        d.entities.withUnsafeBufferPointer { entities in
            // The tables are small but the analysis threads beside this one
            // push them out of the cache between documents: the document's
            // mentions are hashed first and what their lookups will read is
            // loaded for all of them together, so the waits overlap.
            var hashes = [UInt64](repeating: 0, count: entities.count)
            for e in entities.indices {
                let type = UInt8(truncatingIfNeeded: entities[e].type.order)
                hashes[e] = entities[e].text.utf8.withContiguousStorageIfAvailable { name in
                    Self.isComposed(name) ? Self.hash(type, name) : 0
                } ?? 0
            }
            warm(hashes)
            for e in entities.indices {
                let type = UInt8(truncatingIfNeeded: entities[e].type.order)
                let plain = hashes[e] == 0 ? nil : entities[e].text.utf8.withContiguousStorageIfAvailable { name in
                    group(type, name, hash: hashes[e], entities, e, d.id, index)
                }
                let g: Int
                if let found = plain ?? nil {
                    g = found
                } else {
                    // Not its own canonical composition: keyed by that composition.
                    var composed = entities[e].text.precomposedStringWithCanonicalMapping
                    g = composed.withUTF8 { group(type, $0, hash: Self.hash(type, $0), entities, e, d.id, index) }
                }
                tallies.withUnsafeMutableBufferPointer { t in
                    t[g].count += 1
                    if t[g].lastIndex != index {
                        t[g].lastIndex = index
                        t[g].documents += 1
                    }
                }
            }
        }
    }

    /// The group of the key (`type`, `name`), made for mention `e` of
    /// `entities` in document `document` (number `index`) if there is none.
    private mutating func group(_ type: UInt8, _ name: UnsafeBufferPointer<UInt8>, hash: UInt64,
                                _ entities: UnsafeBufferPointer<Entity>, _ e: Int, _ document: String, _ index: Int) -> Int {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] != 0 {
                if slots[i] & 0xFFFF_FFFF_0000_0000 == tag {
                    let g = Int(slots[i] & 0xFFFF_FFFF) - 1
                    if holds(g, type, name) { return g }
                }
                i = (i + 1) & mask
            }
            return nil
        }
        if let found { return found }
        let mention = entities[e]
        groups.append(Group(type: mention.type, name: mention.text, firstIndex: index, firstDocument: document,
                            firstLine: mention.line))
        tallies.append(Tally())
        keyRanges.append(UInt64(keys.count) << 32 | UInt64(name.count + 1))
        keys.append(type)
        keys.append(contentsOf: name)
        let g = groups.count - 1
        if groups.count * 2 > slots.count {
            slots = [UInt64](repeating: 0, count: slots.count * 2)
            for old in groups.indices { place(old) }
        } else {
            place(g, hash: hash)
        }
        return g
    }

    /// Loads the first slot of each of `hashes` (0: none) and the key
    /// range, key and counts of the group there. The loads of different
    /// mentions do not depend on one another, so the processor overlaps
    /// their waits for memory (as `NGramTable.warm` does).
    private func warm(_ hashes: [UInt64]) {
        var touched: UInt64 = 0
        slots.withUnsafeBufferPointer { slots in
            keyRanges.withUnsafeBufferPointer { ranges in
                keys.withUnsafeBufferPointer { keys in
                    tallies.withUnsafeBufferPointer { tallies in
                        let mask = slots.count - 1
                        for hash in hashes where hash != 0 {
                            let slot = slots[Int(truncatingIfNeeded: hash) & mask]
                            guard slot != 0 else { continue }
                            let g = Int(slot & 0xFFFF_FFFF) - 1
                            touched &+= UInt64(keys[Int(ranges[g] >> 32)]) &+ UInt64(bitPattern: Int64(tallies[g].count))
                        }
                    }
                }
            }
        }
        NGramTable.keep(touched)
    }

    /// Whether group `g`'s key is (`type`, `name`).
    private func holds(_ g: Int, _ type: UInt8, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = keyRanges[g]
        let start = Int(range >> 32)
        guard Int(range & 0xFFFF_FFFF) == name.count + 1 else { return false }
        return keys.withUnsafeBufferPointer { keys in
            keys[start] == type && (name.isEmpty || memcmp(keys.baseAddress! + start + 1, name.baseAddress!, name.count) == 0)
        }
    }

    /// Puts group `g` (whose key hashes to `hash`, computed again if nil) in its slot.
    private mutating func place(_ g: Int, hash given: UInt64? = nil) {
        let hash = given ?? keys.withUnsafeBufferPointer { keys in
            let range = keyRanges[g]
            let start = Int(range >> 32), length = Int(range & 0xFFFF_FFFF)
            return Self.hash(keys[start], UnsafeBufferPointer(rebasing: keys[(start + 1)..<(start + length)]))
        }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(g + 1)
    }

    /// A hash of a key: the name's `KeywordTermKey` hash (the keyword
    /// tables' hash of UTF-8 bytes) with the type mixed in.
    package static func hash(_ type: UInt8, _ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        KeywordTermKey(name).hash ^ (UInt64(type) &+ 1) &* 0x9E37_79B9_7F4A_7C15
    }

    /// Adds the counts to `summary.entities`.
    package func finish(into summary: inout CorpusSummary) {
        summary.entities.reserveCapacity(summary.entities.count + groups.count)
        for (g, t) in zip(groups, tallies) {
            let key = CorpusSummary.EntityCount.key(type: g.type.rawValue, name: g.name)
            if let i = summary.entities.index(forKey: key) {
                summary.entities.values[i].count += t.count
                summary.entities.values[i].documents += t.documents
            } else {
                summary.entities[key] = CorpusSummary.EntityCount(
                    type: g.type.rawValue, name: g.name, count: t.count, documents: t.documents,
                    firstIndex: g.firstIndex, firstDocument: g.firstDocument, firstLine: g.firstLine)
            }
        }
    }

    /// Whether UTF-8 `bytes` hold only ASCII, the middle dot (U+00B7) and
    /// CJK Unified Ideographs U+3400...U+9FFF: characters that have no
    /// canonical decomposition and compose with nothing.
    package static func isComposed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
