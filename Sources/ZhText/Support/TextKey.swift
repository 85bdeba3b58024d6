import Foundation

/// A string used as a dictionary key, hashed and compared by its UTF-8
/// bytes. Swift hashes and compares `String`s up to canonical equivalence,
/// which for Chinese text means an NFC check of every scalar on every
/// lookup — it was the larger part of keyword counting. ZhText's text is
/// normalized once, upstream, so byte equality is the equality wanted.
///
/// ```swift
/// var counts: [TextKey: Int] = [:]
/// counts["宜兴", default: 0] += 1
/// counts[TextKey("宜兴")]     // 1
/// ```
public struct TextKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { text = value }

    public var description: String { text }

    public func hash(into hasher: inout Hasher) {
        // FNV-1a over the bytes, then one word into the (seeded) hasher:
        // cheaper than feeding the hasher every byte of a short word.
        var t = text
        hasher.combine(t.withUTF8 { BitHash.fnv1a($0) })
    }

    public static func == (a: TextKey, b: TextKey) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }
}
