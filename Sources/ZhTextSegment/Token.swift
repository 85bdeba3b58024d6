import ZhTextCore
import ZhTextNormalize
/// A word of segmented text.
///
/// `start` and `end` count Unicode scalars in the text that was segmented
/// (end exclusive); for normalized text, `NormalizedText.originalRange(of:)`
/// takes them back to the original.
public struct Token: Hashable, Sendable, Codable {
    /// The word, as segmented (normalized script).
    public var text: String
    /// Part of speech: the dictionary's tag, `x` punctuation, `m` number,
    /// `eng` Latin, `url`, or the unknown-word model's guess.
    public var pos: String
    public var start: Int
    public var end: Int

    public init(text: String, pos: String, start: Int, end: Int) {
        self.text = text
        self.pos = pos
        self.start = start
        self.end = end
    }

    public var range: Range<Int> { start..<end }
}
