import Foundation

/// A malformed line in a normalization data file.
public enum NormalizationDataError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(file: String)
    case malformedEntry(file: String, line: Int, text: String)

    public var description: String {
        switch self {
        case .unreadable(let file): return "\(file): cannot read data file"
        case .malformedEntry(let file, let line, let text): return "\(file):\(line): malformed entry '\(text)'"
        }
    }
}

extension ConversionTable {
    /// The `key<TAB>value` entries of a table file; `#` starts a comment line.
    static func readEntries(_ url: URL) throws -> [(key: [Unicode.Scalar], value: [Unicode.Scalar])] {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw NormalizationDataError.unreadable(file: url.path)
        }
        var entries: [(key: [Unicode.Scalar], value: [Unicode.Scalar])] = []
        var lineNumber = 0
        for line in text.dataLines() {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.dataFields()
            guard fields.count == 2, !fields[0].isEmpty,
                  let first = fields[1].split(separator: " ").first, !first.isEmpty else {
                throw NormalizationDataError.malformedEntry(file: url.lastPathComponent, line: lineNumber, text: String(line))
            }
            entries.append((Array(fields[0].unicodeScalars), Array(first.unicodeScalars)))
        }
        return entries
    }
}
