import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline
extension Entity {
    /// The entity as one JSON object with its keys in a fixed order (type,
    /// text, original, line, column, start, end), UTF-8 text not escaped.
    ///
    /// ```swift
    /// entity.jsonLine
    /// // {"type":"place","text":"宜兴","original":"宜兴","line":1,"column":2,"start":2,"end":4}
    /// ```
    package var jsonLine: String { jsonValue.serialized() }

    /// The entity as an ordered JSON object.
    package var jsonValue: JSONValue {
        .object([("type", .string(type.rawValue)), ("text", .string(text)), ("original", .string(original)),
                 ("line", .int(line)), ("column", .int(column)), ("start", .int(start)), ("end", .int(end))])
    }
}
