import CZhICU

/// The ICU calls ZhText uses, through the CZhICU shim. The only file that
/// imports CZhICU.
enum ICU {
    /// ICU's version, e.g. "72.1".
    static var version: String { String(cString: czhicu_version()) }
}

/// An ICU status code that is a failure.
public struct ICUError: Error, RawRepresentable, Equatable, CustomStringConvertible, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let bufferOverflow = ICUError(rawValue: 15)
    public static let invalidCharFound = ICUError(rawValue: 10)
    public static let illegalArgument = ICUError(rawValue: 1)

    public var description: String { String(cString: czhicu_error_name(rawValue)) }

    /// Throws when `status` is a failure (ICU's failures are > 0).
    static func check(_ status: Int32) throws {
        if status > 0 { throw ICUError(rawValue: status) }
    }
}

extension ICU {
    /// Word boundaries of UTF-16 `text` by ICU's word break iterator for
    /// `locale`: UTF-16 offsets (first 0, last `text.count`) and, for each
    /// segment, ICU's rule status (100s number, 200s letter, 400s ideographic,
    /// 0 space or punctuation).
    ///
    /// ```swift
    /// try ICU.wordBoundaries(Array("长江大桥".utf16))  // ([0, 2, 4], [400, 400])
    /// ```
    static func wordBoundaries(_ text: [UInt16], locale: String = "zh") throws -> (boundaries: [Int32], status: [Int32]) {
        var capacity = text.count + 2
        while true {
            var boundaries = [Int32](repeating: 0, count: capacity)
            var rules = [Int32](repeating: 0, count: capacity)
            var status: Int32 = 0
            let count = text.withUnsafeBufferPointer { t in
                boundaries.withUnsafeMutableBufferPointer { b in
                    rules.withUnsafeMutableBufferPointer { r in
                        czhicu_word_boundaries(locale, t.baseAddress, Int32(t.count), b.baseAddress, r.baseAddress,
                                               Int32(capacity), &status)
                    }
                }
            }
            if status == ICUError.bufferOverflow.rawValue { capacity = Int(count) + 1; continue }
            try ICUError.check(status)
            boundaries.removeSubrange(Int(count)...)
            rules.removeSubrange(max(0, Int(count) - 1)...)
            return (boundaries, rules)
        }
    }
}
