import ZhTextCore
import ZhTextNormalize
/// One dictionary line: a word, its frequency and part of speech.
///
/// ```swift
/// LexiconEntry(word: "新质生产力", frequency: 20, pos: "n")
/// LexiconEntry(word: "云计算")          // frequency chosen to keep it whole
/// LexiconEntry(word: "某词", frequency: 0)  // suppresses the word
/// ```
package struct LexiconEntry: Hashable, Sendable {
    package var word: String
    /// `nil` asks for a frequency that keeps the word whole in the route
    /// (like jieba's `suggest_freq`); `0` removes the word.
    package var frequency: Int?
    /// `nil` keeps the tag the word already has (else `n`).
    package var pos: String?

    package init(word: String, frequency: Int? = nil, pos: String? = nil) {
        self.word = word
        self.frequency = frequency
        self.pos = pos
    }
}
