import Foundation

/// Reads the tab-separated data files of the fact stage: `#` starts a
/// comment line, blank lines are skipped, fields are split on tabs.
///
/// ```swift
/// let rows = try FactDataFile.rows(of: DataDirectory.file("units.tsv"), minimumFields: 4)
/// ```
enum FactDataFile {
    static func rows(of url: URL, minimumFields: Int) throws -> [[String]] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw FactDataError.unreadable(file: url.path, reason: "\(error.localizedDescription)")
        }
        var rows: [[String]] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let l = line.hasSuffix("\r") ? line.dropLast() : line
            if l.isEmpty || l.hasPrefix("#") { continue }
            let fields = l.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.count < minimumFields || fields[0].isEmpty {
                throw FactDataError.malformedLine(file: url.lastPathComponent, line: n + 1, text: String(l))
            }
            rows.append(fields)
        }
        return rows
    }
}
