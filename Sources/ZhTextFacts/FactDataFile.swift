import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// Reads the tab-separated data files of the fact stage: `#` starts a
/// comment line, blank lines are skipped, fields are split on tabs.
///
/// ```swift
/// let rows = try FactDataFile.rows(of: DataDirectory.file("units.tsv"), minimumFields: 4)
/// ```
package enum FactDataFile {
    package static func rows(of url: URL, minimumFields: Int) throws -> [[String]] {
        var text: String
        // The reason in our words: Foundation's own text is not for users.
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FactDataError.unreadable(file: url.path, reason: "no such file (is ZHTEXT_DATA a complete dictionaries folder?)")
        }
        guard FileManager.default.isReadableFile(atPath: url.path), let read = try? String(contentsOf: url, encoding: .utf8) else {
            throw FactDataError.unreadable(file: url.path, reason: "not readable as UTF-8 text")
        }
        text = read
        // Split the UTF-8 bytes (tab, line feed, carriage return and # are
        // single bytes never found inside another character): splitting the
        // String walks grapheme clusters, and ten thousand lines are read
        // on every start.
        return try text.withUTF8 { bytes in
            var rows: [[String]] = []
            var lineStart = 0, number = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                number += 1
                var end = lineEnd
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                defer { lineStart = lineEnd + 1 }
                if end == lineStart || bytes[lineStart] == 0x23 { continue }
                var fields: [String] = []
                var fieldStart = lineStart
                for k in lineStart...end where k == end || bytes[k] == 0x09 {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<k]), as: UTF8.self))
                    fieldStart = k + 1
                }
                if fields.count < minimumFields || fields[0].isEmpty {
                    let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self)
                    throw FactDataError.malformedLine(file: url.lastPathComponent, line: number, text: line)
                }
                rows.append(fields)
            }
            return rows
        }
    }
}
