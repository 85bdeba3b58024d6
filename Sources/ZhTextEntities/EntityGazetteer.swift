import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// Names with their entity type, matched against text by prefix search.
///
/// A character trie over Unicode scalars (`ScalarTrie`): from any start offset it yields
/// every name that begins there, so the recognizer can take the longest one
/// that ends on a word boundary.
///
/// ```swift
/// var g = EntityGazetteer()
/// g.insert("南京市", .init(type: .place, source: .china))
/// g.insert("南京市栖霞区", .init(type: .place, source: .china))
/// g.forEachMatch(in: Array("南京市栖霞区".unicodeScalars), from: 0) { end, e in print(end) }
/// // 3, 6
/// ```
/// - Complexity: O(length of the longest match) per start offset.
package struct EntityGazetteer: Sendable {
    /// What a name is and where it was learned.
    package struct Entry: Sendable, Hashable {
        /// Where a name comes from; later cases are trusted more.
        package enum Source: Int, Sendable, Hashable, Comparable {
            /// The segmentation dictionary's POS tag (nr, ns, nt).
            case dictionary = 0
            /// World countries, regions and cities.
            case world = 1
            /// Chinese administrative divisions.
            case china = 2
            /// Hand-checked lists of well-known names.
            case known = 3

            package static func < (a: Source, b: Source) -> Bool { a.rawValue < b.rawValue }
        }

        package var type: EntityType
        package var source: Source
        /// The dictionary frequency, when the source has one.
        package var frequency: Int

        package init(type: EntityType, source: Source, frequency: Int = 0) {
            self.type = type
            self.source = source
            self.frequency = frequency
        }
    }

    /// Each name's index into `entries`.
    private var trie = ScalarTrie()
    private var entries: [Entry] = []
    /// The first two scalars of every name of two or more, hashed into
    /// 2^20 bits (128 KB, stays in cache): a clear bit means no such name
    /// starts there, and the trie is not touched. Most words start none.
    private var pairFilter = [UInt64](repeating: 0, count: 1 << (pairFilterBits - 6))
    private static let pairFilterBits = 20
    /// The first BMP scalar of every name of two or more, as a bitmap
    /// (8 KB, stays in the nearest cache): asked before `pairFilter`, it
    /// turns away punctuation, digits and many one-character words.
    private var firstScalars = [UInt64](repeating: 0, count: 0x10000 / 64)

    package init() {}

    @inline(__always)
    private static func pairIndex(_ a: UInt32, _ b: UInt32) -> Int {
        Int(truncatingIfNeeded: BitHash.fibonacci(UInt64(a) << 21 | UInt64(b)) >> UInt64(64 - pairFilterBits))
    }

    /// Whether a name of two or more scalars may start at `scalars[start]`.
    @inline(__always)
    package func mayStartLongName(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        guard start + 1 < scalars.count else { return false }
        let first = scalars[start].value
        if first < 0x10000 && firstScalars[Int(first) >> 6] & (1 << UInt64(first & 63)) == 0 { return false }
        let p = Self.pairIndex(first, scalars[start + 1].value)
        return pairFilter[p >> 6] & (1 << UInt64(p & 63)) != 0
    }

    /// The gazetteer's arrays, for `EntityTableCache`.
    package struct Storage {
        package var trie: ScalarTrie.Storage
        package var entries: [Entry]
        package var pairFilter: [UInt64]
        package var firstScalars: [UInt64]
    }

    package var storage: Storage {
        Storage(trie: trie.storage, entries: entries, pairFilter: pairFilter, firstScalars: firstScalars)
    }

    /// The gazetteer `storage` was taken from, or nil when the arrays do not fit together.
    package init?(_ storage: Storage) {
        guard let trie = ScalarTrie(storage.trie), trie.valuesAreBelow(Int32(clamping: storage.entries.count)),
              storage.pairFilter.count == pairFilter.count, storage.firstScalars.count == firstScalars.count
        else { return nil }
        self.trie = trie
        entries = storage.entries
        pairFilter = storage.pairFilter
        firstScalars = storage.firstScalars
    }

    /// The number of names.
    package var count: Int { entries.count }

    /// Makes room for about `names` more names of `scalars` scalars in all.
    package mutating func reserve(names: Int, scalars: Int) {
        trie.reserveEdges(scalars)
        entries.reserveCapacity(entries.count + names)
    }

    /// Adds `name`; an existing name keeps the entry from the more trusted source.
    package mutating func insert(_ name: String, _ entry: Entry) {
        insert(scalars: name.unicodeScalars, entry)
    }

    /// Adds the name spelled by `scalars`, as `insert(_:_:)` does.
    package mutating func insert(scalars: some Sequence<Unicode.Scalar>, _ entry: Entry) {
        var pair = scalars.makeIterator()
        if let a = pair.next(), let b = pair.next() {
            let p = Self.pairIndex(a.value, b.value)
            pairFilter[p >> 6] |= 1 << UInt64(p & 63)
            if a.value < 0x10000 { firstScalars[Int(a.value) >> 6] |= 1 << UInt64(a.value & 63) }
        }
        let next = Int32(entries.count)
        var old = ScalarTrie.none
        trie.update(scalars) { at in
            old = at
            return at == ScalarTrie.none ? next : at
        }
        if old == ScalarTrie.none {
            entries.append(entry)
        } else if entries[Int(old)].source < entry.source {
            entries[Int(old)] = entry
        }
    }

    /// The entry of exactly `name`, if it is a name.
    package func entry(for name: String) -> Entry? {
        let scalars = Array(name.unicodeScalars)
        return entry(for: scalars, 0..<scalars.count)
    }

    /// The entry of `scalars[range]`, if it is a name.
    @inline(__always)
    package func entry(for scalars: [Unicode.Scalar], _ range: Range<Int>) -> Entry? {
        if range.count >= 2 && !mayStartLongName(scalars, at: range.lowerBound) { return nil }
        let at = trie.value(of: scalars, range.lowerBound, range.upperBound)
        return at == ScalarTrie.none ? nil : entries[Int(at)]
    }

    /// Calls `body(end, entry)` for every name that starts at `start`, shortest first.
    @inline(__always)
    package func forEachMatch(in scalars: [Unicode.Scalar], from start: Int,
                             _ body: (Int, Entry) -> Void) {
        guard start < scalars.count else { return }
        var at = trie.first(scalars[start].value)
        var i = start + 1
        while at.node >= 0 {
            if at.value != ScalarTrie.none { body(i, entries[Int(at.value)]) }
            guard i < scalars.count else { return }
            at = trie.step(at.node, scalars[i].value)
            i += 1
        }
    }

    /// Where a walk over the names starting at one offset stands.
    package struct MatchCursor {
        /// The offset the names start at.
        package let start: Int
        /// The end of the last name found (the scalars walked so far).
        package fileprivate(set) var end: Int
        fileprivate var node: Int32
        /// A name found before the walk started, to give first (`ScalarTrie.none` if none).
        fileprivate var pending = ScalarTrie.none

        fileprivate init(start: Int, walking: Bool) {
            self.start = start
            end = start
            node = walking ? 0 : -1
        }
    }

    /// A walk over the names of two or more scalars that start at `start`:
    /// `nextMatch(_:in:)` gives them shortest first.
    ///
    /// ```swift
    /// var m = gazetteer.longMatches(in: s, from: 0)
    /// while let entry = gazetteer.nextMatch(&m, in: s) { print(m.end, entry.type) }
    /// ```
    @inline(__always)
    package func longMatches(in scalars: [Unicode.Scalar], from start: Int) -> MatchCursor {
        MatchCursor(start: start, walking: mayStartLongName(scalars, at: start))
    }

    /// Where the names' trie stands after the word `scalars[start..<end]`
    /// (two or more scalars): whether names go on from there, and which
    /// name the word is. Its node is -1 when no name begins with the word.
    @inline(__always)
    package func prefix(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> ScalarTrie.Step {
        guard mayStartLongName(scalars, at: start) else { return .init(node: -1, value: ScalarTrie.none) }
        return trie.walk(scalars, start, end)
    }

    /// The entry of the word whose `prefix` is `step`, if it is a name.
    @inline(__always)
    package func entry(at step: ScalarTrie.Step) -> Entry? {
        step.node >= 0 && step.value != ScalarTrie.none ? entries[Int(step.value)] : nil
    }

    /// The entry of `scalars[start..<end]`, as `entry(for:_:)` gives it,
    /// when `step` is the `prefix` of `scalars[start..<wordEnd]`, a word of
    /// two or more scalars that begins the span: the walk goes on from
    /// there instead of from the root, sparing the lookups (each a likely
    /// cache miss) of the word's scalars.
    @inline(__always)
    package func entry(for scalars: [Unicode.Scalar], _ start: Int, _ end: Int,
               after wordEnd: Int, at step: ScalarTrie.Step) -> Entry? {
        var at = step
        var i = wordEnd
        while i < end {
            guard at.node >= 0 else { return nil }
            at = trie.step(at.node, scalars[i].value)
            i += 1
        }
        return entry(at: at)
    }

    /// Whether `longMatches(from:after:at:)` may give a name for the word
    /// `start..<end` whose `prefix` is `step`: false when the word is no
    /// name and no name goes on with `scalars[end]` (the trie's filter
    /// says so without touching its edges).
    @inline(__always)
    package func mayMatch(_ scalars: [Unicode.Scalar], after end: Int, at step: ScalarTrie.Step) -> Bool {
        guard step.node >= 0 else { return false }
        return step.value != ScalarTrie.none || (end < scalars.count && trie.mayStep(step.node, scalars[end].value))
    }

    /// The walk of `longMatches(in:from:)` already past the word
    /// `start..<end` (two or more scalars) whose `prefix` is `step`: it
    /// gives the word itself if it is a name, then the longer names.
    @inline(__always)
    package func longMatches(from start: Int, after end: Int, at step: ScalarTrie.Step) -> MatchCursor {
        var cursor = MatchCursor(start: start, walking: step.node >= 0)
        guard step.node >= 0 else { return cursor }
        cursor.end = end
        cursor.node = step.node
        cursor.pending = step.value
        return cursor
    }

    /// The next name of the walk `cursor` (its end is then `cursor.end`), or nil.
    @inline(__always)
    package func nextMatch(_ cursor: inout MatchCursor, in scalars: [Unicode.Scalar]) -> Entry? {
        if cursor.pending != ScalarTrie.none {
            defer { cursor.pending = ScalarTrie.none }
            return entries[Int(cursor.pending)]
        }
        while cursor.node >= 0 && cursor.end < scalars.count {
            let c = scalars[cursor.end].value
            let at = cursor.end == cursor.start ? trie.first(c) : trie.step(cursor.node, c)
            cursor.node = at.node
            cursor.end += 1
            if at.node >= 0, at.value != ScalarTrie.none, cursor.end - cursor.start >= 2 {
                return entries[Int(at.value)]
            }
        }
        return nil
    }
}
