import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// The part-of-speech tags the recognizer tells apart, as one byte, so the
/// hot loops compare integers instead of strings; every other tag is `other`.
///
/// ```swift
/// EntityTag("nrt")             // .nrt
/// EntityTag("nrt").isNameTag   // true
/// EntityTag("zg")              // .other
/// ```
package enum EntityTag: UInt8, Sendable, CaseIterable {
    case other
    case empty
    case nr, nrfg, nrt, ns, nt, nz, j, eng, un, x
    case n, vn, b, an, ng, nl, l, s, nw
    case v, a, ad, d, p, c, u, uj, ul, ud, uz, ug, uv, r, m, q, f, y, e, k, t

    /// The tag as the segmenter writes it.
    package var name: String {
        switch self {
        case .other: "?"
        case .empty: ""
        default: String(describing: self)
        }
    }

    /// The tag of `pos` (`other` for tags the recognizer does not look at).
    package init(_ pos: String) {
        var utf8 = pos
        self = utf8.withUTF8 { bytes in
            switch bytes.count {
            case 0...3:
                let packed = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                return Self.tag(packed: packed | UInt32(bytes.count) << 24)
            case 4:
                return bytes.elementsEqual("nrfg".utf8) ? .nrfg : .other
            default:
                return .other
            }
        }
    }

    /// Tags of up to three bytes by `bytes | count << 24`, in a small open-addressing table.
    private static let slotBits = 8
    private static let slots: [(key: UInt32, tag: EntityTag)] = {
        var table = [(key: UInt32, tag: EntityTag)](repeating: (.max, .other), count: 1 << slotBits)
        for tag in allCases where tag != .other && tag != .nrfg {
            let bytes = Array(tag.name.utf8)
            let key = bytes.reduce(0) { $0 << 8 | UInt32($1) } | UInt32(bytes.count) << 24
            var h = slot(key)
            while table[h].key != .max { h = (h + 1) & ((1 << slotBits) - 1) }
            table[h] = (key, tag)
        }
        return table
    }()

    @inline(__always)
    private static func slot(_ key: UInt32) -> Int {
        Int((key &* 0x9E37_79B1) >> UInt32(32 - slotBits))
    }

    private static func tag(packed key: UInt32) -> EntityTag {
        var h = slot(key)
        while true {
            let entry = slots[h]
            if entry.key == key { return entry.tag }
            if entry.key == .max { return .other }
            h = (h + 1) & ((1 << slotBits) - 1)
        }
    }

    private static func mask(_ tags: [EntityTag]) -> UInt64 {
        tags.reduce(0) { $0 | 1 << UInt64($1.rawValue) }
    }

    @inline(__always)
    private func isIn(_ mask: UInt64) -> Bool { mask >> UInt64(rawValue) & 1 != 0 }

    private static let personMask = mask([.nr, .nrfg, .nrt])
    private static let nameMask = mask([.nr, .nrfg, .nrt, .x, .empty, .un])
    private static let functionMask = mask([.v, .p, .c, .u, .uj, .ul, .ud, .uz, .ug, .uv, .d, .r, .m, .q,
                                            .f, .x, .y, .e, .k, .t, .a, .ad])
    private static let properMask = mask([.ns, .nt, .nz, .nr, .nrt, .nrfg, .j, .eng])
    private static let chainMask = properMask | mask([.n, .vn, .b, .an, .ng, .nl, .l, .s, .nw])

    /// nr, nrfg, nrt: a person's name.
    package var isPersonTag: Bool { isIn(Self.personMask) }
    /// A name's tag, or one that leaves the word open (x, un, none): not a common word.
    package var isNameTag: Bool { isIn(Self.nameMask) }
    /// A single character with this tag does not stand inside a transliterated name.
    package var isFunctionTag: Bool { isIn(Self.functionMask) }
    /// A proper name's tag, which can begin an organization's name.
    package var isProperTag: Bool { isIn(Self.properMask) }
    /// A tag of words that can stand inside an organization's name.
    package var isChainTag: Bool { isIn(Self.chainMask) }
}
