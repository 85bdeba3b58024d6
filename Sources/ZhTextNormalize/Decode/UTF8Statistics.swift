import ZhTextCore
/// Counts of valid multi-byte scalars and invalid sequences in bytes that
/// are meant to be UTF-8, with the standard library's notion of an invalid
/// sequence (the same one `String(decoding:as:)` replaces with U+FFFD).
///
/// ```swift
/// UTF8Statistics([0xE4, 0xB8, 0xAD, 0xFF]).errors   // 1
/// ```
///
/// - Complexity: O(n).
package struct UTF8Statistics: Sendable {
    /// Valid scalars of two or more bytes.
    package var multiByte = 0
    /// Invalid sequences (each one becomes one U+FFFD).
    package var errors = 0

    package init<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): if encoded.count > 1 { multiByte += 1 }
            case .error: errors += 1
            case .emptyInput: break loop
            }
        }
    }

    /// True when the bytes are UTF-8 with only sporadic damage: far more
    /// valid multi-byte characters than errors.
    package var isMostlyValid: Bool { multiByte >= 4 && errors * 50 <= multiByte }
}
