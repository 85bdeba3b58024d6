import Foundation
import ZhTextCore

/// A malformed line in a normalization data file.
package enum NormalizationDataError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(file: String)
    case malformedEntry(file: String, line: Int, text: String)

    package var description: String {
        switch self {
        case .unreadable(let file): return "\(file): cannot read data file"
        case .malformedEntry(let file, let line, let text): return "\(file):\(line): malformed entry '\(text)'"
        }
    }
}

/// Reads the normalizer's data files on their UTF-8 bytes: the T→S tables
/// and the script list have thousands of lines, read on every start, and
/// splitting Strings or comparing Substrings costs more than the rest of
/// loading (tab, space, line feed and # never occur inside another
/// character's bytes).
package enum NormalizationDataFile {
    /// Calls `body` with each line's 1-based number and bytes (a "\r"
    /// before "\n" stays on the line), skipping empty lines and `#` comments.
    package static func forEachLine(of url: URL, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard let data = try? Data(contentsOf: url), var text = String(data: data, encoding: .utf8) else {
            throw NormalizationDataError.unreadable(file: url.path)
        }
        try text.withUTF8 { bytes in
            var start = 0, number = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                number += 1
                if end > start, bytes[start] != 0x23 {
                    try body(number, UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
                start = end + 1
            }
        }
    }

    /// The pieces of `line` between `separator` bytes; empty ones are kept
    /// unless `omittingEmpty`.
    package static func fields(_ line: UnsafeBufferPointer<UInt8>, _ separator: UInt8, omittingEmpty: Bool)
        -> [UnsafeBufferPointer<UInt8>] {
        var out: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for k in 0...line.count where k == line.count || line[k] == separator {
            if !(omittingEmpty && k == start) { out.append(UnsafeBufferPointer(rebasing: line[start..<k])) }
            start = k + 1
        }
        return out
    }

    /// The text of `bytes` (for error messages).
    package static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

extension ConversionTable {
    /// The `key<TAB>value` entries of a table file; `#` starts a comment line.
    package static func readEntries(_ url: URL) throws -> [(key: [Unicode.Scalar], value: [Unicode.Scalar])] {
        var entries: [(key: [Unicode.Scalar], value: [Unicode.Scalar])] = []
        try NormalizationDataFile.forEachLine(of: url) { number, line in
            let fields = NormalizationDataFile.fields(line, UInt8(ascii: "\t"), omittingEmpty: false)
            // The first of the value's space-separated candidates.
            guard fields.count == 2, !fields[0].isEmpty,
                  let first = NormalizationDataFile.fields(fields[1], UInt8(ascii: " "), omittingEmpty: true).first else {
                throw NormalizationDataError.malformedEntry(file: url.lastPathComponent, line: number,
                                                            text: NormalizationDataFile.string(line))
            }
            entries.append((Normalizer.scalars(ofUTF8: fields[0]), Normalizer.scalars(ofUTF8: first)))
        }
        return entries
    }
}
