import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// Term and document frequencies of keyword candidates over a set of
/// documents: the state TF-IDF needs, mergeable across threads and machines.
///
/// `merge` adds counts, so it is associative and commutative, and merging
/// the counts of two batches gives exactly the counts of their union.
///
/// ```swift
/// var counts = KeywordCounts()
/// counts.add(document: tokens, filter: filter)
/// counts.merge(otherMachinesCounts)
/// let keywords = extractor.tfidf(counts, top: 20)
/// counts["宜兴"]?.count
/// ```
///
/// Storage is one open-addressing table of plain rows (no reference
/// counted field): a document adds ~700 terms and every one is merged into
/// the running totals, so a `Dictionary` of entries that each held a
/// dictionary of parts of speech cost a heap table per term and a copy of
/// it per merge. Parts of speech are indices into `tags`; a term keeps its
/// first tag inline and others, which few terms have, in a side list.
package struct KeywordCounts: Sendable {
    /// What is known of one term.
    package struct Entry: Sendable, Hashable, Codable {
        /// Occurrences in all documents.
        package var count: Int
        /// Documents containing the term.
        package var documents: Int
        /// How often each part of speech was given to it.
        package var posCounts: [String: Int]

        package init(count: Int, documents: Int, posCounts: [String: Int]) {
            self.count = count
            self.documents = documents
            self.posCounts = posCounts
        }

        /// The most frequent part of speech (ties: the smaller tag).
        package var pos: String {
            var best = ""
            var bestCount = -1
            for (tag, n) in posCounts where n > bestCount || (n == bestCount && tag < best) {
                best = tag
                bestCount = n
            }
            return best
        }
    }

    /// One term's counts.
    package struct Row {
        package var key: KeywordTermKey
        /// Offset of a long term's bytes in `arena`.
        package var spill: Int
        package var count: Int
        package var documents: Int
        /// The first part of speech counted (an index into `tags`), or -1.
        package var firstTag: Int32
        /// The term's further parts of speech: the first in `otherTags`, or -1.
        package var otherTags: Int32
        package var firstTagCount: Int
    }

    /// A count of one more part of speech of a term, in a list per term.
    package struct TagCount {
        package var tag: Int32
        package var next: Int32
        package var count: Int
    }

    /// Documents added.
    package internal(set) var documentCount = 0
    /// Accepted tokens in all documents (the TF denominator).
    package internal(set) var tokenCount = 0
    /// The terms, in the order first seen.
    package private(set) var rows: [Row] = []
    /// Open addressing over `rows`: 0 for empty, else the high half of the
    /// key's hash above the row's index + 1.
    private var slots: [UInt64] = []
    private var arena = KeywordTermArena()
    /// The parts of speech, in the order first seen.
    private var tags: [String] = []
    /// `tags` packed by `packedTag`, for comparison without `String`.
    private var packedTags: [UInt64] = []
    private var otherTags: [TagCount] = []

    package init() {}

    /// Counts with room for `terms` terms.
    private init(reserving terms: Int) {
        reserve(terms)
    }

    /// Number of distinct terms.
    package var termCount: Int { rows.count }

    private var isEmpty: Bool { documentCount == 0 && tokenCount == 0 && rows.isEmpty }

    /// What is known of `term`.
    package subscript(term: String) -> Entry? {
        var term = term
        return term.withUTF8 { bytes in row(of: KeywordTermKey(bytes), bytes: bytes).map { entry(ofRow: $0) } }
    }

    /// Counts the accepted words of one document: the segmenter's `words`
    /// of `scalars`, their parts of speech indices into `posNames`.
    ///
    /// - Complexity: O(*n*) in the number of words.
    package mutating func add(document spans: ArraySlice<Word>, of scalars: [Unicode.Scalar], posNames: [String],
                      filter: KeywordFilter) {
        var document = KeywordCounts(reserving: spans.count / 4)
        document.documentCount = 1
        // Each part of speech is decided once: its index in `tags`, or -1
        // when the filter excludes it (-2: not seen yet).
        var decisions = [Int32](repeating: -2, count: posNames.count)
        var accepted: [Bool] = []
        accepted.reserveCapacity(spans.count / 4)
        var utf8 = ByteBuffer(capacity: 64)
        scalars.withUnsafeBufferPointer { text in
            for span in spans {
                let pos = Int(span.posID)
                var tag = decisions[pos]
                if tag == -2 {
                    tag = filter.isExcluded(pos: posNames[pos]) ? -1 : document.tagIndex(posNames[pos])
                    decisions[pos] = tag
                }
                if tag < 0 { continue }
                utf8.removeAll()
                utf8.append(scalars: UnsafeBufferPointer(rebasing: text[Int(span.start)..<Int(span.end)]))
                document.countWord(utf8.bytes, tag: tag, accepted: &accepted, filter: filter)
            }
        }
        document.finishDocument(accepted: accepted)
        merge(document)
    }

    /// Counts one occurrence of the word `bytes` tagged `tag` in a
    /// document's counts; `accepted` holds the filter's verdict per row.
    @inline(__always)
    private mutating func countWord(_ bytes: UnsafeBufferPointer<UInt8>, tag: Int32, accepted: inout [Bool],
                                    filter: KeywordFilter) {
        let (r, inserted) = findOrInsert(KeywordTermKey(bytes), bytes: bytes, documents: 1)
        if inserted { accepted.append(filter.accepts(utf8: bytes)) }
        if accepted[r] {
            rows[r].count += 1
            tally(1, tag: tag, row: r)
        }
    }

    /// Drops a document's rejected words and sets its token count.
    private mutating func finishDocument(accepted: [Bool]) {
        keepRows { accepted[$0] }
        tokenCount = rows.reduce(0) { $0 + $1.count }
    }


    /// Adds `other`'s counts to these.
    package mutating func merge(_ other: KeywordCounts) {
        if other.isEmpty { return }
        if isEmpty {
            self = other
            return
        }
        documentCount += other.documentCount
        tokenCount += other.tokenCount
        let tagMap = other.tags.map { tagIndex($0) }
        // All the terms are looked up before any is updated. The running
        // totals are large and a document's terms land anywhere in them:
        // independent lookups let the processor overlap their cache misses.
        let found = other.rows.map { row in other.withLongBytes(of: row) { self.row(of: row.key, bytes: $0) } }
        for (row, known) in zip(other.rows, found) {
            let r = known ?? other.withLongBytes(of: row) { findOrInsert(row.key, bytes: $0, documents: 0).row }
            rows[r].count += row.count
            rows[r].documents += row.documents
            if row.firstTag >= 0 { tally(row.firstTagCount, tag: tagMap[Int(row.firstTag)], row: r) }
            var next = row.otherTags
            while next >= 0 {
                let more = other.otherTags[Int(next)]
                tally(more.count, tag: tagMap[Int(more.tag)], row: r)
                next = more.next
            }
        }
    }

    /// `self` merged with `other`.
    package func merging(_ other: KeywordCounts) -> KeywordCounts {
        var result = self
        result.merge(other)
        return result
    }

    /// Sets what is known of `term` (replacing any earlier entry).
    package mutating func set(_ entry: Entry, for term: String) {
        var term = term
        let r = term.withUTF8 { findOrInsert(KeywordTermKey($0), bytes: $0, documents: 0).row }
        rows[r].count = entry.count
        rows[r].documents = entry.documents
        rows[r].firstTag = -1
        rows[r].otherTags = -1
        for (tag, n) in entry.posCounts { tally(n, tag: tagIndex(tag), row: r) }
    }

    // MARK: Rows

    /// The term of row `r`.
    package func term(ofRow r: Int) -> String {
        withTermBytes(ofRow: r) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of row `r`'s term.
    package func withTermBytes<R>(ofRow r: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let key = rows[r].key
        return key.isLong ? arena.withBytes(at: rows[r].spill, length: key.length, body) : key.withShortBytes(body)
    }

    /// Whether row `a`'s term comes before row `b`'s in code-point order
    /// (`KeywordOrder.termPrecedes`): UTF-8 bytes compare in that order.
    package func termPrecedes(row a: Int, row b: Int) -> Bool {
        withTermBytes(ofRow: a) { x in
            withTermBytes(ofRow: b) { y in
                let common = Swift.min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    /// Whether row `r` has one part of speech (or none).
    package func hasOneTag(row r: Int) -> Bool { rows[r].otherTags < 0 }

    /// Calls `body` with each part of speech of row `r` and its count, the
    /// first counted first.
    package func forEachTag(ofRow r: Int, _ body: (String, Int) throws -> Void) rethrows {
        let row = rows[r]
        guard row.firstTag >= 0 else { return }
        try body(tags[Int(row.firstTag)], row.firstTagCount)
        var next = row.otherTags
        while next >= 0 {
            let more = otherTags[Int(next)]
            try body(tags[Int(more.tag)], more.count)
            next = more.next
        }
    }

    /// The most frequent part of speech of row `r` (ties: the smaller tag),
    /// as `Entry.pos`.
    package func pos(ofRow r: Int) -> String {
        var best = ""
        var bestCount = -1
        forEachTag(ofRow: r) { tag, n in
            if n > bestCount || (n == bestCount && tag < best) {
                best = tag
                bestCount = n
            }
        }
        return best
    }

    /// Row `r` as an `Entry`.
    package func entry(ofRow r: Int) -> Entry {
        var posCounts: [String: Int] = [:]
        forEachTag(ofRow: r) { tag, n in posCounts[tag] = n }
        return Entry(count: rows[r].count, documents: rows[r].documents, posCounts: posCounts)
    }

    /// Calls `body` with the bytes of `row`'s term if it is long (they are
    /// in the arena), else with an empty buffer (the key holds them).
    package func withLongBytes<R>(of row: Row, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        row.key.isLong ? arena.withBytes(at: row.spill, length: row.key.length, body)
            : body(UnsafeBufferPointer(start: nil, count: 0))
    }

    /// The row of `key` (whose bytes are `bytes`), if any.
    private func row(of key: KeywordTermKey, bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        slots.isEmpty ? nil : probe(key, bytes: bytes).row
    }

    /// The slot holding `key` and its row, or the empty slot where it would
    /// go (`slots` must not be empty).
    private func probe(_ key: KeywordTermKey, bytes: UnsafeBufferPointer<UInt8>) -> (slot: Int, row: Int?) {
        let mask = slots.count - 1
        let fragment = key.hash & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: key.hash) & mask
        while slots[i] != 0 {
            if slots[i] & 0xFFFF_FFFF_0000_0000 == fragment {
                let r = Int(truncatingIfNeeded: slots[i] & 0xFFFF_FFFF) - 1
                if rows[r].key.packedEquals(key) && (!key.isLong || arena.matches(bytes, at: rows[r].spill)) { return (i, r) }
            }
            i = (i + 1) & mask
        }
        return (i, nil)
    }

    /// The row of `key`, added with no counts and `documents` if new.
    private mutating func findOrInsert(_ key: KeywordTermKey, bytes: UnsafeBufferPointer<UInt8>,
                                       documents: Int) -> (row: Int, inserted: Bool) {
        if (rows.count + 1) * 4 > slots.count * 3 { reserve(max(16, rows.count * 2)) }
        let (i, found) = probe(key, bytes: bytes)
        if let found { return (found, false) }
        let spill = key.isLong ? arena.append(bytes) : 0
        rows.append(Row(key: key, spill: spill, count: 0, documents: documents, firstTag: -1, otherTags: -1, firstTagCount: 0))
        slots[i] = (key.hash & 0xFFFF_FFFF_0000_0000) | UInt64(rows.count)
        return (rows.count - 1, true)
    }

    /// Makes room for `terms` terms (load at most 3/4).
    private mutating func reserve(_ terms: Int) {
        var size = 16
        while size * 3 < terms * 4 { size *= 2 }
        guard size > slots.count else { return }
        rows.reserveCapacity(terms)
        rebuildSlots(size)
    }

    /// Fills `size` slots from `rows`.
    private mutating func rebuildSlots(_ size: Int) {
        slots = Array(repeating: 0, count: size)
        let mask = size - 1
        for (r, row) in rows.enumerated() {
            var i = Int(truncatingIfNeeded: row.key.hash) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = row.key.hash & 0xFFFF_FFFF_0000_0000 | UInt64(r + 1)
        }
    }

    /// Drops the rows for which `keep` is false (their parts of speech were
    /// never counted).
    private mutating func keepRows(where keep: (Int) -> Bool) {
        guard rows.indices.contains(where: { !keep($0) }) else { return }
        var kept: [Row] = []
        kept.reserveCapacity(rows.count)
        for r in rows.indices where keep(r) { kept.append(rows[r]) }
        rows = kept
        rebuildSlots(slots.count)
    }

    // MARK: Parts of speech

    /// Adds `n` occurrences tagged `tag` to row `r`'s tag counts.
    private mutating func tally(_ n: Int, tag: Int32, row r: Int) {
        if rows[r].firstTag == tag {
            rows[r].firstTagCount += n
        } else if rows[r].firstTag < 0 {
            rows[r].firstTag = tag
            rows[r].firstTagCount = n
        } else {
            var next = rows[r].otherTags
            while next >= 0 {
                if otherTags[Int(next)].tag == tag {
                    otherTags[Int(next)].count += n
                    return
                }
                next = otherTags[Int(next)].next
            }
            otherTags.append(TagCount(tag: tag, next: rows[r].otherTags, count: n))
            rows[r].otherTags = Int32(otherTags.count - 1)
        }
    }

    /// The index of `pos` in `tags`, added if new.
    private mutating func tagIndex(_ pos: String) -> Int32 {
        let packed = Self.packedTag(pos)
        if packed != Self.unpackedTag {
            if let i = packedTags.firstIndex(of: packed) { return Int32(i) }
        } else if let i = tags.firstIndex(of: pos) {
            return Int32(i)
        }
        tags.append(pos)
        packedTags.append(packed)
        return Int32(tags.count - 1)
    }

    /// A tag of up to 7 bytes as one word (bytes and length), else `unpackedTag`.
    private static func packedTag(_ pos: String) -> UInt64 {
        withUTF8(of: pos) { bytes in
            guard bytes.count <= 7 else { return unpackedTag }
            var word: UInt64 = 0
            withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            return word | UInt64(bytes.count) << 56
        }
    }

    /// Calls `body` with the UTF-8 bytes of `text`, in place when its
    /// storage is contiguous (always, for native strings), else of a copy.
    @inline(__always)
    package static func withUTF8<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        var text = text
        return text.withUTF8(body)
    }

    private static let unpackedTag = UInt64.max
}

extension KeywordCounts: Equatable {
    /// Equal counts: the same terms with the same entries (whatever the
    /// order they were added in).
    package static func == (a: KeywordCounts, b: KeywordCounts) -> Bool {
        guard a.documentCount == b.documentCount, a.tokenCount == b.tokenCount, a.rows.count == b.rows.count else {
            return false
        }
        return a.rows.indices.allSatisfy { r in b[a.term(ofRow: r)] == a.entry(ofRow: r) }
    }
}
