// PLACEHOLDER (owned by the Segmentation work): one token per scalar until
// the dictionary segmenter lands. The public API below is the contract.

/// Splits normalized (Simplified) text into words.
public final class Segmenter: Sendable {
    public struct Options: Sendable, Hashable {
        /// jieba-format user dictionaries, later ones win.
        public var userDictionaries: [String] = []
        /// Load `domain.dict` (current-affairs terms).
        public var includeDomain = true
        public init(userDictionaries: [String] = [], includeDomain: Bool = true) {
            self.userDictionaries = userDictionaries
            self.includeDomain = includeDomain
        }
    }

    /// Loads the shipped dictionaries plus the user's.
    public static func load(_ options: Options = Options()) throws -> Segmenter {
        Segmenter()
    }

    init() {}

    /// The words of `scalars`, with offsets into it.
    public func segment(_ scalars: [Unicode.Scalar]) -> [Token] {
        scalars.indices.map { Token(text: String($0 < 0 ? "" : String(scalars[$0])), pos: "x", start: $0, end: $0 + 1) }
    }

    /// The words of `text`.
    public func segment(_ text: String) -> [Token] {
        segment(Array(text.unicodeScalars))
    }

    /// The dictionary's part of speech of `word`, if it has the word.
    public func partOfSpeech(of word: String) -> String? { nil }

    /// Whether the dictionary has `word`.
    public func contains(_ word: String) -> Bool { false }
}
