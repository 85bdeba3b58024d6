import ZhTextCore
/// Decoded text and how it was decoded.
///
/// ```swift
/// let d = try TextDecoder().decode(Array("棲霞區".utf8))
/// d.encoding        // "UTF-8"
/// d.substitutions   // 0
/// ```
public struct DecodedText: Sendable, Hashable {
    public var text: String
    /// The encoding used, e.g. "UTF-8", "GB18030", "Big5", "UTF-16LE".
    public var encoding: String
    /// Invalid byte sequences replaced with U+FFFD.
    public var substitutions: Int

    public init(text: String, encoding: String, substitutions: Int) {
        self.text = text
        self.encoding = encoding
        self.substitutions = substitutions
    }
}
