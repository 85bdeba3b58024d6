import ZhTextCore

/// A word of segmented text: where it is and its part of speech. The
/// segmenter returns these, and every extractor takes the normalized text
/// and its words.
///
/// ```swift
/// let scalars = Array("宜兴培育新质生产力".unicodeScalars)
/// for word in segmenter.words(scalars) {
///     print(word.text(in: scalars), segmenter.partOfSpeech(of: word))   // 宜兴 ns, 培育 v, 新质生产力 n
/// }
/// ```
///
/// `start` and `end` count Unicode scalars of the text that was segmented
/// (end exclusive); for normalized text, `NormalizedText.originalRange(of:)`
/// takes them back to the original. Ten bytes, no strings: a batch makes
/// millions.
public struct Word: Hashable, Sendable, BitwiseCopyable {
    public var start: Int32
    public var end: Int32
    /// The part of speech, an id of the segmenter's tag set
    /// (`Segmenter.partOfSpeech(of:)` names it).
    public var posID: UInt16

    public init(start: Int32, end: Int32, posID: UInt16) {
        self.start = start
        self.end = end
        self.posID = posID
    }

    public init(range: Range<Int>, posID: UInt16) {
        self.init(start: Int32(range.lowerBound), end: Int32(range.upperBound), posID: posID)
    }

    /// The word's offsets, as a range of `Int`.
    @inlinable public var range: Range<Int> { Int(start)..<Int(end) }

    /// Its length in scalars.
    @inlinable public var length: Int { Int(end - start) }

    /// The word's text in `scalars`, the text it was found in.
    public func text(in scalars: [Unicode.Scalar]) -> String { String(scalars: scalars[range]) }
}
