import ZhTextCore
/// Text after normalization, with the way back to the original.
///
/// `scalars` is what later stages read (half-width digits and Latin,
/// Simplified script, pasted pinyin removed). Every normalized scalar `i`
/// came from `original[originalStart[i] ..< originalEnd[i]]`, so a range of
/// normalized text maps back to the exact place in the decoded original:
///
/// ```swift
/// let n = NormalizedText(unchanged: "棲霞區")
/// n.originalRange(of: 0..<2)   // 0..<2
/// ```
public struct NormalizedText: Sendable, Hashable {
    /// The decoded original text, as Unicode scalars.
    public let original: [Unicode.Scalar]
    /// The normalized text, as Unicode scalars.
    public let scalars: [Unicode.Scalar]
    /// For each normalized scalar, where its source starts in `original`.
    public let originalStart: [Int32]
    /// For each normalized scalar, where its source ends in `original` (exclusive).
    public let originalEnd: [Int32]
    /// The script of the original text's Han characters.
    public let script: Script

    public init(original: [Unicode.Scalar], scalars: [Unicode.Scalar],
                originalStart: [Int32], originalEnd: [Int32], script: Script) {
        precondition(scalars.count == originalStart.count && scalars.count == originalEnd.count)
        self.original = original
        self.scalars = scalars
        self.originalStart = originalStart
        self.originalEnd = originalEnd
        self.script = script
    }

    /// Text that normalization leaves as it is: each scalar maps to itself.
    public init(unchanged text: String, script: Script = .simplified) {
        let scalars = Array(text.unicodeScalars)
        self.init(original: scalars, scalars: scalars,
                  originalStart: (0..<scalars.count).map { Int32($0) },
                  originalEnd: (0..<scalars.count).map { Int32($0 + 1) },
                  script: script)
    }

    /// The normalized text as a `String`.
    public var text: String { String(scalars: scalars[...]) }

    /// The original text as a `String`.
    public var originalText: String { String(scalars: original[...]) }

    /// The range of `original` that the normalized `range` came from.
    /// An empty range maps to an empty range at the matching place.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            let at = range.lowerBound < scalars.count ? Int(originalStart[range.lowerBound])
                : (scalars.isEmpty ? original.count : Int(originalEnd[scalars.count - 1]))
            return at..<at
        }
        return Int(originalStart[range.lowerBound])..<Int(originalEnd[range.upperBound - 1])
    }

    /// The normalized text of `range`.
    public func text(in range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    /// The original text that the normalized `range` came from.
    public func originalText(of range: Range<Int>) -> String {
        String(scalars: original[originalRange(of: range)])
    }
}

/// Which script a text's Han characters are written in.
public enum Script: String, Sendable, Codable, Hashable, CaseIterable {
    case simplified
    case traditional
    case mixed
    /// No Han characters at all.
    case noHan = "none"
}
