import ZhText

/// A word with its text and part of speech spelled out, for assertions that
/// read like the segmenter's printed output.
package struct SpelledWord: Equatable, Sendable {
    package var text: String
    package var pos: String
    package var start: Int
    package var end: Int
    package var range: Range<Int> { start..<end }
}

extension Segmenter {
    /// The words of `text`, spelled out.
    package func segment(_ text: String) -> [SpelledWord] { segment(Array(text.unicodeScalars)) }

    /// The words of `scalars`, spelled out.
    package func segment(_ scalars: [Unicode.Scalar]) -> [SpelledWord] {
        spell(words(scalars), in: scalars)
    }

    /// `words` of `scalars`, spelled out.
    package func spell(_ words: [Word], in scalars: [Unicode.Scalar]) -> [SpelledWord] {
        words.map { SpelledWord(text: $0.text(in: scalars), pos: partOfSpeech(of: $0), start: Int($0.start), end: Int($0.end)) }
    }
}

extension ICUWordSegmenter {
    /// The words of `text`, spelled out (tags of the reserved set: x, m, eng, n).
    package func segment(_ text: String) throws -> [SpelledWord] {
        let scalars = Array(text.unicodeScalars)
        let names = Lexicon.reservedPartsOfSpeech
        return try words(scalars).map {
            SpelledWord(text: $0.text(in: scalars), pos: names[Int($0.posID)], start: Int($0.start), end: Int($0.end))
        }
    }
    package func segment(_ scalars: [Unicode.Scalar]) throws -> [SpelledWord] {
        try segment(String(String.UnicodeScalarView(scalars)))
    }
}
