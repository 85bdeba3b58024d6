/// Names with their entity type, matched against text by prefix search.
///
/// A character trie over Unicode scalars: from any start offset it yields
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

    private var edges: [UInt64: Int32] = [:]
    private var payload: [Int32] = [-1]
    private var entries: [Entry] = []

    public init() {}

    /// The number of names.
    public var count: Int { entries.count }

    /// Adds `name`; an existing name keeps the entry from the more trusted source.
    public mutating func insert(_ name: String, _ entry: Entry) {
        var node: Int32 = 0
        for s in name.unicodeScalars {
            let key = UInt64(node) << 21 | UInt64(s.value)
            if let next = edges[key] {
                node = next
            } else {
                let next = Int32(payload.count)
                payload.append(-1)
                edges[key] = next
                node = next
            }
        }
        let at = Int(payload[Int(node)])
        if at < 0 {
            payload[Int(node)] = Int32(entries.count)
            entries.append(entry)
        } else if entries[at].source < entry.source {
            entries[at] = entry
        }
    }

    /// The entry of exactly `name`, if it is a name.
    public func entry(for name: String) -> Entry? {
        var node: Int32 = 0
        for s in name.unicodeScalars {
            guard let next = edges[UInt64(node) << 21 | UInt64(s.value)] else { return nil }
            node = next
        }
        let at = Int(payload[Int(node)])
        return at < 0 ? nil : entries[at]
    }

    /// The entry of `scalars[range]`, if it is a name.
    public func entry(for scalars: [Unicode.Scalar], _ range: Range<Int>) -> Entry? {
        var node: Int32 = 0
        for i in range {
            guard let next = edges[UInt64(node) << 21 | UInt64(scalars[i].value)] else { return nil }
            node = next
        }
        let at = Int(payload[Int(node)])
        return at < 0 ? nil : entries[at]
    }

    /// Calls `body(end, entry)` for every name that starts at `start`, shortest first.
    public func forEachMatch(in scalars: [Unicode.Scalar], from start: Int,
                             _ body: (Int, Entry) -> Void) {
        var node: Int32 = 0
        var i = start
        while i < scalars.count {
            guard let next = edges[UInt64(node) << 21 | UInt64(scalars[i].value)] else { return }
            node = next
            i += 1
            let at = Int(payload[Int(node)])
            if at >= 0 { body(i, entries[at]) }
        }
    }
}
