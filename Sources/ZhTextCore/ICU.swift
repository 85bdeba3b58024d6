import CZhICU

/// The ICU calls ZhText uses, through the CZhICU shim. With `LinuxFile`,
/// the only code that imports CZhICU.
package enum ICU {
    /// ICU's version, e.g. "72.1".
    package static var version: String { String(cString: czhicu_version()) }

    // MARK: Charsets

    /// ICU's best guess at the charset of `bytes` and its confidence (0–100),
    /// or nil when it has none.
    ///
    /// ```swift
    /// ICU.detectCharset(Array("中文".utf8))   // ("UTF-8", 80)
    /// ```
    package static func detectCharset(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        let status = bytes.withUnsafeBufferPointer { b in
            czhicu_detect_charset(b.baseAddress, Int32(b.count), &name, Int32(name.count), &confidence)
        }
        guard status <= 0, let end = name.firstIndex(of: 0), end > 0 else { return nil }
        return (String(decoding: name[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self), Int(confidence))
    }

    /// ICU's canonical name of `charset` ("big5" → "windows-950-2000"), or
    /// nil when ICU has no converter of that name.
    package static func canonicalCharset(_ charset: String) -> String? {
        guard czhicu_charset_exists(charset) != 0,
              let name = czhicu_charset_canonical(charset) else { return nil }
        return String(cString: name)
    }

    /// Converts `bytes` in `charset` to UTF-16 code units; bad sequences
    /// become U+FFFD and are counted.
    ///
    /// - Complexity: O(n).
    package static func convertToUTF16(_ bytes: ArraySlice<UInt8>, charset: String) throws -> (units: [UInt16], substitutions: Int) {
        if bytes.isEmpty { return ([], 0) }
        // A byte never becomes more than two UTF-16 units in the charsets used.
        var capacity = bytes.count * 2 + 16
        while true {
            var status: Int32 = 0
            var substitutions: Int32 = 0
            var written: Int32 = 0
            let units = [UInt16](unsafeUninitializedCapacity: capacity) { out, count in
                written = bytes.withUnsafeBufferPointer { b in
                    czhicu_convert_to_utf16(charset, b.baseAddress, Int32(b.count),
                                            out.baseAddress, Int32(capacity), &substitutions, &status)
                }
                count = status > 0 ? 0 : Int(written)
            }
            if status == ICUError.bufferOverflow.rawValue {
                capacity = Int(written) + 16
                continue
            }
            try ICUError.check(status)
            return (units, Int(substitutions))
        }
    }

    // MARK: Transliteration

    /// An open ICU transliterator, e.g. `Traditional-Simplified`. ICU
    /// transliterators are not thread-safe, so this one is kept to the thread
    /// that made it (the normalizer only uses it to build its tables).
    package final class Transliterator {
        private let handle: OpaquePointer

        package init(id: String) throws {
            var status: Int32 = 0
            guard let h = czhicu_translit_open(id, &status) else {
                throw ICUError(rawValue: status > 0 ? status : ICUError.illegalArgument.rawValue)
            }
            handle = h
        }

        deinit { czhicu_translit_close(handle) }

        /// `text` transliterated: `Transliterator(id: "Traditional-Simplified").apply("後來")` is "后来".
        package func apply(_ text: String) throws -> String {
            var units = Array(text.utf16)
            var capacity = units.count * 2 + 16
            while true {
                var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
                var length = Int32(units.count)
                let status = czhicu_translit_apply(handle, &buffer, &length, Int32(capacity))
                if status == ICUError.bufferOverflow.rawValue { capacity *= 2; continue }
                try ICUError.check(status)
                units = Array(buffer[0..<Int(length)])
                return String(decoding: units, as: UTF16.self)
            }
        }

        /// The code points this transliterator may change, as closed ranges.
        package func sourceRanges() throws -> [ClosedRange<UInt32>] {
            var capacity: Int32 = 4096
            while true {
                var ranges = [Int32](repeating: 0, count: Int(capacity) * 2)
                var status: Int32 = 0
                let count = czhicu_translit_source_ranges(handle, &ranges, capacity, &status)
                if status == ICUError.bufferOverflow.rawValue { capacity = count; continue }
                try ICUError.check(status)
                return (0..<Int(count)).map { UInt32(ranges[2 * $0])...UInt32(ranges[2 * $0 + 1]) }
            }
        }

        /// The transliterator's rules as source text.
        package func rules() throws -> String {
            var capacity: Int32 = 1 << 16
            while true {
                var out = [UInt16](repeating: 0, count: Int(capacity))
                var status: Int32 = 0
                let length = czhicu_translit_rules(handle, &out, capacity, &status)
                if status == ICUError.bufferOverflow.rawValue { capacity = length + 1; continue }
                try ICUError.check(status)
                return String(decoding: out[0..<Int(length)], as: UTF16.self)
            }
        }
    }
}

/// An ICU status code that is a failure.
package struct ICUError: Error, RawRepresentable, Equatable, CustomStringConvertible, Sendable {
    package let rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }

    package static let bufferOverflow = ICUError(rawValue: 15)
    package static let invalidCharFound = ICUError(rawValue: 10)
    package static let illegalArgument = ICUError(rawValue: 1)

    package var description: String { String(cString: czhicu_error_name(rawValue)) }

    /// Throws when `status` is a failure (ICU's failures are > 0).
    package static func check(_ status: Int32) throws {
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
    package static func wordBoundaries(_ text: [UInt16], locale: String = "zh") throws -> (boundaries: [Int32], status: [Int32]) {
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
