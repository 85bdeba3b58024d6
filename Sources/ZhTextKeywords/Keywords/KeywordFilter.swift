import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// Decides which tokens may be keywords: no stop words, numbers,
/// punctuation, function-word parts of speech or (unless asked) single
/// characters.
///
/// ```swift
/// let filter = try KeywordFilter.load()
/// filter.accepts(term: "宜兴", pos: "ns")   // true
/// filter.accepts(term: "我们", pos: "r")    // false
/// ```
package struct KeywordFilter: Sendable {
    /// Stop words, compared after lower-casing Latin letters.
    package var stopWords: Set<String> { didSet { stopKeys = StopKeys(stopWords) } }
    /// `stopWords`, as byte-compared keys for the per-term check.
    private var stopKeys: StopKeys
    /// Keep one-character terms.
    package var allowSingleCharacters: Bool
    /// Parts of speech never kept. A tag is excluded when it equals one of
    /// these or starts with one of them (`u` excludes `uj`, `ul`, ...),
    /// except that `eng` is never excluded by the prefix `e`.
    package var excludedPOS: [String]

    /// Function-word tags of the jieba / ICTCLAS tag set: particles (u…),
    /// prepositions (p), conjunctions (c), adverbs (d…), pronouns (r…),
    /// numerals (m…), measure words (q), punctuation and symbols (x, w),
    /// modal particles (y), interjections (e), onomatopoeia (o), and the
    /// segmenter's own `url` tag.
    package static let functionWordPOS = ["u", "p", "c", "d", "r", "m", "q", "x", "w", "y", "e", "o", "url"]

    package init(stopWords: Set<String>, allowSingleCharacters: Bool = false,
                excludedPOS: [String] = KeywordFilter.functionWordPOS) {
        self.stopWords = stopWords
        stopKeys = StopKeys(stopWords)
        self.allowSingleCharacters = allowSingleCharacters
        self.excludedPOS = excludedPOS
    }

    /// Loads `stopwords.zh.txt` from `DataDirectory` (or `url`).
    package static func load(stopWords url: URL = DataDirectory.file("stopwords.zh.txt"),
                            allowSingleCharacters: Bool = false) throws -> KeywordFilter {
        KeywordFilter(stopWords: try loadStopWords(url), allowSingleCharacters: allowSingleCharacters)
    }

    /// Reads a stop-word file: one word per line, `#` comments, blank lines ignored.
    package static func loadStopWords(_ url: URL) throws -> Set<String> {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw KeywordDataError.unreadable(file: url.path, reason: "\(error.localizedDescription)")
        }
        var words = Set<String>()
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.isEmpty || word.hasPrefix("#") { continue }
            words.insert(word.lowercased())
        }
        return words
    }

    /// The shipped filter (stop words from `DataDirectory`), loaded once;
    /// without the stop-word file, the rules alone.
    package static let shipped: KeywordFilter = (try? KeywordFilter.load()) ?? KeywordFilter(stopWords: [])

    /// Whether `term` tagged `pos` may be a keyword.
    ///
    /// - Complexity: O(*n*) in the length of `term`.
    package func accepts(term: String, pos: String) -> Bool {
        !isExcluded(pos: pos) && accepts(term: term)
    }

    /// Whether `term` may be a keyword, whatever its part of speech.
    package func accepts(term: String) -> Bool {
        var term = term
        return term.withUTF8 { accepts(utf8: $0) }
    }

    /// Whether the term with UTF-8 bytes `term` may be a keyword, whatever
    /// its part of speech. Decodes the bytes itself: ASCII and CJK Unified
    /// Ideographs, nearly every scalar of a term, are decided without
    /// looking up Unicode properties.
    package func accepts(utf8 term: UnsafeBufferPointer<UInt8>) -> Bool {
        var length = 0
        var allNumeric = true
        var first: Unicode.Scalar?
        var last: Unicode.Scalar?
        var hasUpper = false
        var i = 0
        while i < term.count {
            let s = Self.scalar(in: term, at: &i)
            if s.value >= 0x4E00 && s.value <= 0x9FFF {
                // CJK Unified Ideographs: letters, never digits or spaces;
                // only a few (一, 万, 两 ...) are numerals.
                if allNumeric && !Self.isHanNumeral(s) { allNumeric = false }
            } else if s.isASCII {
                // Digits anywhere make it a number (17亿, 5G is kept out too).
                if s.value >= 0x30 && s.value <= 0x39 { return false }
                // Spaces and controls.
                if s.value <= 0x20 || s.value == 0x7F { return false }
                allNumeric = false
                if s.value >= 0x41 && s.value <= 0x5A { hasUpper = true }
            } else {
                let p = s.properties
                if p.generalCategory == .decimalNumber { return false }
                if p.isWhitespace || p.generalCategory == .control || p.generalCategory == .format { return false }
                if allNumeric && p.numericType == nil { allNumeric = false }
                if p.changesWhenLowercased { hasUpper = true }
            }
            if first == nil { first = s }
            last = s
            length += 1
        }
        guard let first, let last else { return false }
        // Han numerals (三十, 两万) are numbers too.
        if allNumeric { return false }
        // Punctuation and symbols: a term must begin and end with a letter.
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            if c.value >= 0x4E00 && c.value <= 0x9FFF { return true }
            if c.isASCII { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
            return c.properties.isAlphabetic
        }
        if !isLetter(first) || !isLetter(last) { return false }
        if length == 1 && !allowSingleCharacters { return false }
        if hasUpper {
            var lower = String(decoding: term, as: UTF8.self).lowercased()
            return lower.withUTF8 { !stopKeys.contains($0) }
        }
        return !stopKeys.contains(term)
    }

    /// The scalar of the valid UTF-8 `bytes` at `i`, moving `i` past it.
    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> Unicode.Scalar {
        let b0 = UInt32(bytes[i])
        var value: UInt32
        if b0 < 0x80 {
            value = b0
            i += 1
        } else if b0 < 0xE0 {
            value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            i += 2
        } else if b0 < 0xF0 {
            value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            i += 3
        } else {
            value = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F)
            i += 4
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Which CJK Unified Ideographs (U+4E00...U+9FFF) have a numeric value,
    /// one bit each: asked of the Unicode tables once, not per character.
    private static let hanNumerals: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0x9FFF - 0x4E00) / 64 + 1)
        for value in UInt32(0x4E00)...0x9FFF where Unicode.Scalar(value)!.properties.numericType != nil {
            let i = Int(value - 0x4E00)
            bits[i / 64] |= 1 << UInt64(i % 64)
        }
        return bits
    }()

    @inline(__always)
    private static func isHanNumeral(_ s: Unicode.Scalar) -> Bool {
        let i = Int(s.value - 0x4E00)
        return hanNumerals[i / 64] & (1 << UInt64(i % 64)) != 0
    }

    /// Stop words as a byte-keyed set, with one bit per hash in front.
    private struct StopKeys: Sendable {
        package let words: KeywordTermMap
        /// 8,192 bits, set for the stop words' hashes: most terms are not
        /// stop words and a clear bit in 1 KB says so, where a probe of
        /// the table missed the cache for nearly every term.
        package let bits: [UInt64]

        package init(_ stopWords: Set<String>) {
            var bits = [UInt64](repeating: 0, count: 128)
            words = KeywordTermMap(capacity: stopWords.count) { keys in
                for word in stopWords {
                    keys.set(0, for: word)
                    let bit = Int(truncatingIfNeeded: KeywordTermKey.of(word).hash & 8191)
                    bits[bit / 64] |= 1 << UInt64(bit % 64)
                }
            }
            self.bits = bits
        }

        package func contains(_ term: UnsafeBufferPointer<UInt8>) -> Bool {
            let key = KeywordTermKey(term)
            let bit = Int(truncatingIfNeeded: key.hash & 8191)
            guard bits[bit / 64] & (1 << UInt64(bit % 64)) != 0 else { return false }
            return words.value(for: key, bytes: term) != nil
        }
    }

    package func isExcluded(pos: String) -> Bool {
        if pos == "eng" { return false }
        // Fast path: the shipped tags are single letters (and url, under u);
        // a tag is excluded when its first letter is.
        if excludedPOS == Self.functionWordPOS {
            guard let first = pos.utf8.first else { return false }
            switch first {
            case UInt8(ascii: "u"), UInt8(ascii: "p"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "r"),
                 UInt8(ascii: "m"), UInt8(ascii: "q"), UInt8(ascii: "x"), UInt8(ascii: "w"), UInt8(ascii: "y"),
                 UInt8(ascii: "e"), UInt8(ascii: "o"):
                return true
            default:
                return false
            }
        }
        for tag in excludedPOS where pos.hasPrefix(tag) { return true }
        return false
    }
}
