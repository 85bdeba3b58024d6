import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// What the recognizer's small word lists say about one word, as bits.
///
/// ```swift
/// let kinds: EntityWordKinds = [.title, .orgSuffixWeak]
/// kinds.contains(.title)   // true
/// ```
package struct EntityWordKinds: OptionSet, Sendable, Hashable {
    /// Two bytes, so a word's facts fit in four (`EntityTokenMemo`).
    package let rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// A person's title or role (书记, 总理).
    package static let title = EntityWordKinds(rawValue: 1 << 0)
    /// A speech verb after a name (说, 表示).
    package static let verb = EntityWordKinds(rawValue: 1 << 1)
    /// A word right before a one-character place name (访, 在).
    package static let cueBefore = EntityWordKinds(rawValue: 1 << 2)
    /// A word right after a one-character place name (方, 政府).
    package static let cueAfter = EntityWordKinds(rawValue: 1 << 3)
    /// A weak organization suffix (部, 中心).
    package static let orgSuffixWeak = EntityWordKinds(rawValue: 1 << 4)
    /// A strong organization suffix (大学, 出版社).
    package static let orgSuffixStrong = EntityWordKinds(rawValue: 1 << 5)
    /// An administrative or feature suffix of places (市, 自治州, 河).
    package static let placeSuffix = EntityWordKinds(rawValue: 1 << 6)
    /// A place suffix of level `feature` (河, 湖): it does not join nested places.
    package static let featureSuffix = EntityWordKinds(rawValue: 1 << 7)
    /// A place suffix of level village, town or county (村, 镇, 县).
    package static let localSuffix = EntityWordKinds(rawValue: 1 << 8)
    /// Listed as not a person's name.
    package static let notPerson = EntityWordKinds(rawValue: 1 << 9)
    /// Listed as not a place's name.
    package static let notPlace = EntityWordKinds(rawValue: 1 << 10)
    /// Listed as not an organization's name.
    package static let notOrganization = EntityWordKinds(rawValue: 1 << 11)

    /// In the exclusion list at all (whatever types it is excluded as).
    package static let excludedListed = EntityWordKinds(rawValue: 1 << 12)

    package static let orgSuffix: EntityWordKinds = [.orgSuffixWeak, .orgSuffixStrong]

    /// The exclusion bit of `type`.
    package static func excluded(as type: EntityType) -> EntityWordKinds {
        switch type {
        case .person: .notPerson
        case .place: .notPlace
        case .organization: .notOrganization
        }
    }
}

/// The recognizer's word lists (titles, verbs, cues, suffixes, exclusions)
/// in one trie, so one walk over a span of scalars tells every list it is in.
///
/// ```swift
/// var table = EntityWordTable()
/// table.add("书记", .title)
/// table.kinds(of: Array("省委书记".unicodeScalars), 2, 4)   // [.title]
/// ```
package struct EntityWordTable: Sendable {
    /// Each word's kinds, as their raw value.
    private var trie = ScalarTrie(filterBits: 16)
    /// The first BMP scalar of every word, as a bitmap (8 KB): most tokens
    /// begin with none of them, and their lookup ends here.
    private var firstScalars = [UInt64](repeating: 0, count: 0x10000 / 64)

    package init() {}

    /// Marks `word` as being of `kinds` (on top of what it already is).
    package mutating func add(_ word: String, _ kinds: EntityWordKinds) {
        if let first = word.unicodeScalars.first?.value, first < 0x10000 {
            firstScalars[Int(first) >> 6] |= 1 << UInt64(first & 63)
        }
        trie.update(word.unicodeScalars) { old in
            Int32(bitPattern: (old == ScalarTrie.none ? 0 : UInt32(bitPattern: old)) | UInt32(kinds.rawValue))
        }
    }

    /// Whether some word may begin with `c` (always true outside the BMP).
    @inline(__always)
    private func mayBeginWord(_ c: UInt32) -> Bool {
        c >= 0x10000 || firstScalars[Int(c) >> 6] & (1 << UInt64(c & 63)) != 0
    }

    /// The kinds of the word `scalars[start..<end]` (empty when it is in no list).
    @inline(__always)
    package func kinds(of scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> EntityWordKinds {
        guard start < end, mayBeginWord(scalars[start].value) else { return [] }
        let value = trie.value(of: scalars, start, end)
        return value == ScalarTrie.none ? [] : EntityWordKinds(rawValue: UInt16(truncatingIfNeeded: value))
    }
}
