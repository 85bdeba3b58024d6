import Foundation
import ZhTextCore

/// A Traditional → Simplified table applied by longest match: single
/// characters in a flat array, phrases in a trie.
///
/// Built from text files of `key<TAB>value` lines (OpenCC's format; when a
/// value lists several candidates separated by spaces the first is used);
/// a later file overrides an earlier one for the same key.
///
/// ```swift
/// let table = try ConversionTable(contentsOf: [DataDirectory.file("t2s.icu.txt")])
/// table.convert("頭髮")   // "头发"
/// ```
package struct ConversionTable: Sendable {
    /// For each BMP scalar, its replacement in the low 21 bits (0 when
    /// unchanged), `phraseStart` set when a phrase of two or more scalars
    /// starts with it and `onePhrase` when it is a phrase on its own: the
    /// converter reads one entry per scalar instead of two 256 KB tables.
    package var bmp: [UInt32]
    /// The bit of a `bmp` entry that marks a scalar starting a phrase of
    /// two or more scalars.
    package static let phraseStart: UInt32 = 1 << 31
    /// The bit of a `bmp` entry that marks a one-scalar phrase (a key whose
    /// value is longer).
    package static let onePhrase: UInt32 = 1 << 30
    /// The bits of a `bmp` entry that hold the replacement.
    package static let replacementMask: UInt32 = 0x1F_FFFF
    /// Replacements of scalars above the BMP.
    package var astral: [UInt32: UInt32]
    /// Trie of phrases: nodes' children are `edgeLabel/edgeTarget[childStart[n] ..< childStart[n] + childCount[n]]`, sorted by label.
    package var childStart: [Int32] = [0]
    package var childCount: [Int32] = [0]
    package var edgeLabel: [UInt32] = []
    package var edgeTarget: [Int32] = []
    /// For each node, the index of its phrase's value in `values` (-1 when no phrase ends there).
    package var nodeValue: [Int32] = [-1]
    /// Root children of BMP scalars, by scalar (0 when none; node indices start at 1).
    package var rootChild: [Int32]
    /// One bit per hash of the first two scalars of each phrase (see
    /// `mayStartPhrase`): about a quarter of Chinese characters start a
    /// phrase, but few pairs do, and an 8 KB filter rules out the trie
    /// walk (three more large arrays) for almost all of them.
    package var pairFilter = [UInt64](repeating: 0, count: 1 << 10)
    /// Phrase values: scalars `valueScalars[valueStart[v] ..< valueStart[v + 1]]`.
    package var valueStart: [Int32] = [0]
    package var valueScalars: [Unicode.Scalar] = []
    /// The longest phrase value, in scalars (bounds the output's growth).
    package internal(set) var longestValue = 0
    /// The longest phrase, in scalars.
    package internal(set) var longestPhrase = 0
    /// The most scalars a phrase writes per scalar it reads, rounded up
    /// (2 for a one-character key with a two-character value): with 1 for
    /// plain characters, this bounds the output's growth.
    package var growth = 1
    /// Number of single-character entries and of phrases.
    package internal(set) var characterCount = 0
    package internal(set) var phraseCount = 0

    /// A table from entries (key → value), later entries overriding earlier ones.
    package init(entries: [(key: [Unicode.Scalar], value: [Unicode.Scalar])]) {
        bmp = [UInt32](repeating: 0, count: 0x10000)
        astral = [:]
        rootChild = [Int32](repeating: 0, count: 0x10000)
        var phrases: [[Unicode.Scalar]: [Unicode.Scalar]] = [:]
        for (key, value) in entries where !key.isEmpty {
            if key.count == 1 && value.count == 1 {
                let k = key[0].value, v = value[0].value
                if k < 0x10000 { bmp[Int(k)] = v == k ? 0 : v } else { astral[k] = v == k ? nil : v }
            } else {
                phrases[key] = value
            }
        }
        // Chains (k → v → w) become k → w, so a second pass changes nothing.
        for k in 0..<bmp.count where bmp[k] != 0 && bmp[k] < 0x10000 {
            let w = bmp[Int(bmp[k])]
            if w != 0 && w != UInt32(k) { bmp[k] = w }
        }
        // A phrase whose output keeps a character the table changes on its
        // own (乾隆 keeps 乾) must find itself in its output again.
        for (key, value) in phrases where key != value && phrases[value] == nil && value.contains(where: changes) {
            phrases[value] = value
        }
        characterCount = bmp.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } + astral.count
        buildTrie(phrases)
    }

    /// Loads and merges table files in order.
    package init(contentsOf urls: [URL]) throws {
        var entries: [(key: [Unicode.Scalar], value: [Unicode.Scalar])] = []
        for url in urls { entries += try Self.readEntries(url) }
        self.init(entries: entries)
    }

    /// The bit of `pairFilter` for a phrase starting with scalars `a`, `b`.
    @inline(__always)
    package static func pairBit(_ a: UInt32, _ b: UInt32) -> Int {
        Int(truncatingIfNeeded: ((a &* 0x9E37_79B1) ^ b) &* 0x85EB_CA6B) >> 16
    }

    /// Whether `longestPhrase` may find a phrase at `text[i]`, whose `bmp`
    /// entry is `entry` (a scalar above the BMP always may): false only
    /// when none can start there.
    @inline(__always)
    package static func mayStartPhrase(_ entry: UInt32, in text: UnsafeBufferPointer<Unicode.Scalar>, at i: Int,
                               filter: UnsafeBufferPointer<UInt64>) -> Bool {
        if entry & onePhrase != 0 { return true }
        guard entry & phraseStart != 0, i + 1 < text.count else { return false }
        let bit = pairBit(text[i].value, text[i + 1].value)
        return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The single-character replacement of `s` (itself when unchanged).
    @inline(__always)
    package func character(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x10000 {
            let r = bmp[Int(v)] & Self.replacementMask
            return r == 0 ? s : Unicode.Scalar(r)!
        }
        if let r = astral[v] { return Unicode.Scalar(r)! }
        return s
    }

    /// `text` converted by longest match (no offsets; `Normalizer` keeps them).
    ///
    /// - Complexity: O(n × longest phrase).
    package func convert(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        scalars.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                if let match = longestPhrase(in: buffer, at: i) {
                    let lo = Int(valueStart[match.value]), hi = Int(valueStart[match.value + 1])
                    out.append(contentsOf: valueScalars[lo..<hi])
                    i += match.length
                } else {
                    out.append(character(buffer[i]))
                    i += 1
                }
            }
        }
        return String(out)
    }

    /// True when the table changes `s` on its own.
    package func changes(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x10000 ? bmp[Int(s.value)] & Self.replacementMask != 0 : astral[s.value] != nil
    }
}
