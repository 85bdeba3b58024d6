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
    var values: [TextKey: Double]
    /// The IDF of a word the table does not have (jieba's rule: the median).
    public let median: Double
    /// The largest IDF in the table. The rarest words of a table built as
    /// `ln(D / df)` have `df = 1`, so `exp(maximum)` estimates `D`, the number
    /// of documents behind the table.
    public let maximum: Double

    public init(_ values: [String: Double]) {
        self.init(keyed: Dictionary(uniqueKeysWithValues: values.map { (TextKey($0.key), $0.value) }))
    }

    init(keyed values: [TextKey: Double]) {
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
        values[TextKey(word)] ?? median
    }

    /// The IDF of `word`, or the median.
    public subscript(word: TextKey) -> Double {
        values[word] ?? median
    }

    /// Whether the table has `word`.
    public func contains(_ word: String) -> Bool { values[TextKey(word)] != nil }

    /// Loads `jieba.idf.txt` from `DataDirectory` (or `url`).
    public static func load(_ url: URL = DataDirectory.file("jieba.idf.txt")) throws -> KeywordIDFTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw KeywordDataError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        // Parsed on the UTF-8 bytes (no per-line Strings but the word):
        // the table has ~277,000 lines and is read at every start.
        var values: [TextKey: Double] = [:]
        values.reserveCapacity(280_000)
        var lineNumber = 0
        var failure: (line: Int, text: String)? = nil
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var lineStart = 0
            var number: [CChar] = []
            number.reserveCapacity(32)
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
            while lineStart < n, failure == nil {
                var lineEnd = lineStart
                while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                lineNumber += 1
                var lo = lineStart, hi = lineEnd
                while lo < hi && isSpace(bytes[lo]) { lo += 1 }
                while hi > lo && isSpace(bytes[hi - 1]) { hi -= 1 }
                defer { lineStart = lineEnd + 1 }
                if lo == hi || bytes[lo] == 0x23 { continue }     // blank or # comment
                var space = hi - 1
                while space > lo && !(bytes[space] == 0x20 || bytes[space] == 0x09) { space -= 1 }
                var wordEnd = space
                while wordEnd > lo && isSpace(bytes[wordEnd - 1]) { wordEnd -= 1 }
                number.removeAll(keepingCapacity: true)
                for i in (space + 1)..<hi { number.append(CChar(bitPattern: bytes[i])) }
                number.append(0)
                var parsed = 0.0
                let ok = space > lo && wordEnd > lo && number.withUnsafeBufferPointer { buf -> Bool in
                    var endPointer: UnsafeMutablePointer<CChar>? = nil
                    parsed = strtod(buf.baseAddress!, &endPointer)
                    return endPointer.map { $0 == UnsafeMutablePointer(mutating: buf.baseAddress!) + buf.count - 1 } ?? false
                        && buf.count > 1
                }
                guard ok, parsed.isFinite else {
                    failure = (lineNumber, String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self))
                    continue
                }
                values[TextKey(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<wordEnd]), as: UTF8.self))] = parsed
            }
        }
        if let failure {
            throw KeywordDataError.malformedEntry(file: url.path, line: failure.line, text: failure.text)
        }
        if values.isEmpty { throw KeywordDataError.empty(file: url.path) }
        return KeywordIDFTable(keyed: values)
    }
}
