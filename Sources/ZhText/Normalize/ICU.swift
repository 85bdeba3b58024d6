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
