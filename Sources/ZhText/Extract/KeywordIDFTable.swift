import Foundation

/// Background inverse document frequencies: jieba's `idf.txt` (`word idf`
/// per line), with the median IDF for words the table lacks.
///
/// ```swift
/// let idf = try KeywordIDFTable.load()
/// idf["宜兴"]      // the table's value
/// idf["新质生产力"] // not in the table: the median
/// ```
public struct KeywordIDFTable: Sendable {
    var values: [String: Double]
    /// The IDF of a word the table does not have (jieba's rule: the median).
    public let median: Double
    /// The largest IDF in the table. The rarest words of a table built as
    /// `ln(D / df)` have `df = 1`, so `exp(maximum)` estimates `D`, the number
    /// of documents behind the table.
    public let maximum: Double

    public init(_ values: [String: Double]) {
        self.values = values
        let sorted = values.values.sorted()
        if sorted.isEmpty {
            median = 0
            maximum = 0
        } else if sorted.count % 2 == 1 {
            median = sorted[sorted.count / 2]
            maximum = sorted[sorted.count - 1]
        } else {
            median = (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            maximum = sorted[sorted.count - 1]
        }
    }

    /// The IDF of `word`, or the median.
    public subscript(word: String) -> Double {
        values[word] ?? median
    }

    /// Whether the table has `word`.
    public func contains(_ word: String) -> Bool { values[word] != nil }

    /// Loads `jieba.idf.txt` from `DataDirectory` (or `url`).
    public static func load(_ url: URL = DataDirectory.file("jieba.idf.txt")) throws -> KeywordIDFTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw KeywordDataError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        var values: [String: Double] = [:]
        values.reserveCapacity(280_000)
        var lineNumber = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let space = trimmed.lastIndex(where: { $0 == " " || $0 == "\t" }),
                  let value = Double(trimmed[trimmed.index(after: space)...]) else {
                throw KeywordDataError.malformedEntry(file: url.path, line: lineNumber, text: trimmed)
            }
            let word = trimmed[..<space].trimmingCharacters(in: .whitespaces)
            if word.isEmpty {
                throw KeywordDataError.malformedEntry(file: url.path, line: lineNumber, text: trimmed)
            }
            values[word] = value
        }
        if values.isEmpty { throw KeywordDataError.empty(file: url.path) }
        return KeywordIDFTable(values)
    }
}
