/// Names with their entity type, matched against text by prefix search.
///
/// A character trie over Unicode scalars (`EntityScalarTrie`): from any start offset it yields
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
public struct EntityGazetteer: Sendable {
    /// What a name is and where it was learned.
    public struct Entry: Sendable, Hashable {
        /// Where a name comes from; later cases are trusted more.
        public enum Source: Int, Sendable, Hashable, Comparable {
            /// The segmentation dictionary's POS tag (nr, ns, nt).
            case dictionary = 0
            /// World countries, regions and cities.
            case world = 1
            /// Chinese administrative divisions.
            case china = 2
            /// Hand-checked lists of well-known names.
            case known = 3

            public static func < (a: Source, b: Source) -> Bool { a.rawValue < b.rawValue }
        }

        public var type: EntityType
        public var source: Source
        /// The dictionary frequency, when the source has one.
        public var frequency: Int

        public init(type: EntityType, source: Source, frequency: Int = 0) {
            self.type = type
            self.source = source
            self.frequency = frequency
        }
    }

    private var trie = EntityScalarTrie()
    /// Index into `entries` of the name ending at each trie node, or -1.
    private var payload: [Int32] = [-1]
    private var entries: [Entry] = []

    public init() {}

    /// The number of names.
    public var count: Int { entries.count }

    /// Makes room for about `names` more names of `scalars` scalars in all.
    mutating func reserve(names: Int, scalars: Int) {
        trie.reserveEdges(scalars)
        payload.reserveCapacity(payload.count + scalars)
        entries.reserveCapacity(entries.count + names)
    }

    /// Adds `name`; an existing name keeps the entry from the more trusted source.
    public mutating func insert(_ name: String, _ entry: Entry) {
        insert(scalars: name.unicodeScalars, entry)
    }

    /// Adds the name spelled by `scalars`, as `insert(_:_:)` does.
    mutating func insert(scalars: some Sequence<Unicode.Scalar>, _ entry: Entry) {
        let node = Int(trie.insert(scalars))
        while payload.count < trie.nodeCount { payload.append(-1) }
        let at = Int(payload[node])
        if at < 0 {
            payload[node] = Int32(entries.count)
            entries.append(entry)
        } else if entries[at].source < entry.source {
            entries[at] = entry
        }
    }

    /// The entry of exactly `name`, if it is a name.
    public func entry(for name: String) -> Entry? {
        let scalars = Array(name.unicodeScalars)
        return entry(for: scalars, 0..<scalars.count)
    }

    /// The entry of `scalars[range]`, if it is a name.
    @inline(__always)
    public func entry(for scalars: [Unicode.Scalar], _ range: Range<Int>) -> Entry? {
        let node = trie.node(of: scalars, range.lowerBound, range.upperBound)
        guard node >= 0 else { return nil }
        let at = Int(payload[Int(node)])
        return at < 0 ? nil : entries[at]
    }

    /// Calls `body(end, entry)` for every name that starts at `start`, shortest first.
    @inline(__always)
    public func forEachMatch(in scalars: [Unicode.Scalar], from start: Int,
                             _ body: (Int, Entry) -> Void) {
        var node = EntityScalarTrie.root
        var i = start
        while i < scalars.count {
            node = trie.child(node, scalars[i].value)
            guard node >= 0 else { return }
            i += 1
            let at = Int(payload[Int(node)])
            if at >= 0 { body(i, entries[at]) }
        }
    }
}
