import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// One mention of a named entity in a document.
///
/// `text` is the normalized surface (Simplified), `original` the same span
/// as written in the decoded original. `start`/`end` count Unicode scalars of
/// the decoded original text (end exclusive); `line` is 1-based, `column`
/// 0-based in scalars from the start of that line.
///
/// ```swift
/// // "宜兴市委书记封晓春说" →
/// Entity(type: .person, text: "封晓春", original: "封晓春",
///        line: 1, column: 6, start: 6, end: 9)
/// ```
public struct Entity: Codable, Hashable, Sendable {
    public var type: EntityType
    public var text: String
    public var original: String
    public var line: Int
    public var column: Int
    public var start: Int
    public var end: Int

    public init(type: EntityType, text: String, original: String,
                line: Int, column: Int, start: Int, end: Int) {
        self.type = type
        self.text = text
        self.original = original
        self.line = line
        self.column = column
        self.start = start
        self.end = end
    }
}
