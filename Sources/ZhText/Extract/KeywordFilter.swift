import Foundation

/// Decides which tokens may be keywords: no stop words, numbers,
/// punctuation, function-word parts of speech or (unless asked) single
/// characters.
///
/// ```swift
/// let filter = try KeywordFilter.load()
/// filter.accepts(Token(text: "宜兴", pos: "ns", start: 0, end: 2))   // true
/// filter.accepts(Token(text: "我们", pos: "r", start: 0, end: 2))    // false
/// ```
public struct KeywordFilter: Sendable {
    /// Stop words, compared after lower-casing Latin letters.
    public var stopWords: Set<String> { didSet { stopKeys = Set(stopWords.map { TextKey($0) }) } }
    /// `stopWords`, as byte-compared keys for the per-token check.
    private var stopKeys: Set<TextKey>
    /// Keep one-character terms.
    public var allowSingleCharacters: Bool
    /// Parts of speech never kept. A tag is excluded when it equals one of
    /// these or starts with one of them (`u` excludes `uj`, `ul`, ...),
    /// except that `eng` is never excluded by the prefix `e`.
    public var excludedPOS: [String]

    /// Function-word tags of the jieba / ICTCLAS tag set: particles (u…),
    /// prepositions (p), conjunctions (c), adverbs (d…), pronouns (r…),
    /// numerals (m…), measure words (q), punctuation and symbols (x, w),
    /// modal particles (y), interjections (e), onomatopoeia (o), and the
    /// segmenter's own `url` tag.
    public static let functionWordPOS = ["u", "p", "c", "d", "r", "m", "q", "x", "w", "y", "e", "o", "url"]

    public init(stopWords: Set<String>, allowSingleCharacters: Bool = false,
                excludedPOS: [String] = KeywordFilter.functionWordPOS) {
        self.stopWords = stopWords
        stopKeys = Set(stopWords.map { TextKey($0) })
        self.allowSingleCharacters = allowSingleCharacters
        self.excludedPOS = excludedPOS
    }

    /// Loads `stopwords.zh.txt` from `DataDirectory` (or `url`).
    public static func load(stopWords url: URL = DataDirectory.file("stopwords.zh.txt"),
                            allowSingleCharacters: Bool = false) throws -> KeywordFilter {
        KeywordFilter(stopWords: try loadStopWords(url), allowSingleCharacters: allowSingleCharacters)
    }

    /// Reads a stop-word file: one word per line, `#` comments, blank lines ignored.
    public static func loadStopWords(_ url: URL) throws -> Set<String> {
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
    public static let shipped: KeywordFilter = (try? KeywordFilter.load()) ?? KeywordFilter(stopWords: [])

    /// Whether `token` may be a keyword by the shipped filter.
    public static func isContentWord(_ token: Token) -> Bool {
        shipped.accepts(token)
    }

    /// Whether `token` may be a keyword.
    public func accepts(_ token: Token) -> Bool {
        accepts(term: token.text, pos: token.pos)
    }

    /// Whether `term` tagged `pos` may be a keyword.
    ///
    /// - Complexity: O(*n*) in the length of `term`.
    public func accepts(term: String, pos: String) -> Bool {
        !isExcluded(pos: pos) && accepts(term: term)
    }

    /// Whether `term` may be a keyword, whatever its part of speech.
    func accepts(term: String) -> Bool {
        var length = 0
        var allNumeric = true
        var first: Unicode.Scalar?
        var last: Unicode.Scalar?
        var hasUpper = false
        for s in term.unicodeScalars {
            if s.value >= 0x4E00 && s.value <= 0x9FFF {
                // CJK Unified Ideographs: letters, never digits or spaces;
                // only a few (一, 万, 两 ...) are numerals.
                if allNumeric && s.properties.numericType == nil { allNumeric = false }
            } else {
                let p = s.properties
                // Digits anywhere make it a number (17亿, 5G is kept out too).
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
        func isLetter(_ c: Unicode.Scalar) -> Bool { (c.value >= 0x4E00 && c.value <= 0x9FFF) || c.properties.isAlphabetic }
        if !isLetter(first) || !isLetter(last) { return false }
        if length == 1 && !allowSingleCharacters { return false }
        if stopKeys.contains(TextKey(hasUpper ? term.lowercased() : term)) { return false }
        return true
    }

    func isExcluded(pos: String) -> Bool {
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
