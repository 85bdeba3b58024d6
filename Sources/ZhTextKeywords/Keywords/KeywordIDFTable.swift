import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// Background inverse document frequencies: jieba's `idf.txt` (`word idf`
/// per line), with the median IDF for words the table lacks.
///
/// ```swift
/// let idf = try KeywordIDFTable.load()
/// idf["宜兴"]      // the table's value
/// idf["新质生产力"] // not in the table: the median
/// ```
package struct KeywordIDFTable: Sendable {
    package let values: KeywordTermMap
    /// The IDF of a word the table does not have (jieba's rule: the median).
    package let median: Double
    /// The largest IDF in the table. The rarest words of a table built as
    /// `ln(D / df)` have `df = 1`, so `exp(maximum)` estimates `D`, the number
    /// of documents behind the table.
    package let maximum: Double

    package init(_ values: [String: Double]) {
        self.init(KeywordTermMap(capacity: values.count) { map in
            for (word, value) in values { map.set(value, for: word) }
        })
    }

    package init(_ values: KeywordTermMap, median: Double, maximum: Double) {
        self.values = values
        self.median = median
        self.maximum = maximum
    }

    package init(_ values: KeywordTermMap) {
        self.values = values
        var all = values.values
        if all.isEmpty {
            median = 0
            maximum = 0
        } else if all.count % 2 == 1 {
            median = Self.select(all.count / 2, in: &all)
            maximum = all.max()!
        } else {
            let lower = Self.select(all.count / 2 - 1, in: &all)
            median = (lower + Self.select(all.count / 2, in: &all)) / 2
            maximum = all.max()!
        }
    }

    /// The `k`-th smallest of `values` (from 0), as `values.sorted()[k]`,
    /// by partitioning around pivots: sorting the whole table for its
    /// median was a large part of loading it.
    package static func select(_ k: Int, in values: inout [Double]) -> Double {
        var lo = 0, hi = values.count
        while hi - lo > 1 {
            let pivot = Swift.max(Swift.min(values[lo], values[(lo + hi) / 2]),
                                  Swift.min(Swift.max(values[lo], values[(lo + hi) / 2]), values[hi - 1]))
            let less = values[lo..<hi].partition { !($0 < pivot) }
            let equal = values[less..<hi].partition { $0 > pivot }
            if k < less {
                hi = less
            } else if k < equal {
                return pivot
            } else {
                lo = equal
            }
        }
        return values[lo]
    }

    /// The IDF of `word`, or the median.
    package subscript(word: String) -> Double {
        values.value(for: word) ?? median
    }

    /// The IDF of the term with key `key` and bytes `bytes` (read only for
    /// a long key), or the median.
    package func value(for key: KeywordTermKey, bytes: UnsafeBufferPointer<UInt8>) -> Double {
        values.value(for: key, bytes: bytes) ?? median
    }

    /// Whether the table has `word`.
    package func contains(_ word: String) -> Bool { values.value(for: word) != nil }

    /// Loads `jieba.idf.txt` from `DataDirectory` (or `url`): from the
    /// binary cache when it is current, else parsed (and cached).
    package static func load(_ url: URL = DataDirectory.file("jieba.idf.txt")) throws -> KeywordIDFTable {
        let cache = KeywordIDFCache(source: url)
        if let table = cache.read() { return table }
        let table = try parse(url)
        cache.write(table)
        return table
    }

    /// Parses an IDF file.
    package static func parse(_ url: URL) throws -> KeywordIDFTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw KeywordDataError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        // Parsed on the UTF-8 bytes (no per-line Strings but the word):
        // the table has ~270,000 lines and is read at every start.
        var failure: (line: Int, text: String)? = nil
        let values = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let lines = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return KeywordTermMap(capacity: lines) { map in failure = parseLines(bytes, into: &map) }
        }
        if let failure {
            throw KeywordDataError.malformedEntry(file: url.path, line: failure.line, text: failure.text)
        }
        if values.count == 0 { throw KeywordDataError.empty(file: url.path) }
        return KeywordIDFTable(values)
    }

    /// Sets the `word idf` lines of `bytes` in `map`; the first malformed
    /// line, if any, stops it.
    private static func parseLines(_ bytes: UnsafeBufferPointer<UInt8>,
                                   into map: inout KeywordTermMap.Filler) -> (line: Int, text: String)? {
        var lineNumber = 0
        var failure: (line: Int, text: String)? = nil
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
            var parsed = 0.0
            var ok = space > lo && wordEnd > lo
            if ok {
                let field = UnsafeBufferPointer(rebasing: bytes[(space + 1)..<hi])
                if let fast = Self.decimal(field) {
                    parsed = fast
                } else {
                    number.removeAll(keepingCapacity: true)
                    for b in field { number.append(CChar(bitPattern: b)) }
                    number.append(0)
                    ok = number.withUnsafeBufferPointer { buf -> Bool in
                        var endPointer: UnsafeMutablePointer<CChar>? = nil
                        parsed = strtod(buf.baseAddress!, &endPointer)
                        return endPointer.map { $0 == UnsafeMutablePointer(mutating: buf.baseAddress!) + buf.count - 1 } ?? false
                            && buf.count > 1
                    }
                }
            }
            guard ok, parsed.isFinite else {
                failure = (lineNumber, String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self))
                continue
            }
            map.set(parsed, for: UnsafeBufferPointer(rebasing: bytes[lo..<wordEnd]))
        }
        return failure
    }

    /// The value of a plain decimal (`13.900677652`: digits, at most one
    /// point, at most 15 digits), else nil for `strtod` to read.
    ///
    /// Exact: a mantissa below 2^53 and a power of ten up to 10^22 are both
    /// exact doubles, so their quotient is the correctly rounded value,
    /// the double `strtod` returns.
    package static func decimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        for b in text {
            if b >= 0x30 && b <= 0x39 {
                if digits == 15 { return nil }
                mantissa = mantissa * 10 + UInt64(b - 0x30)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if b == 0x2E && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
        }
        guard digits > 0 && digits <= 15 else { return nil }
        return Double(mantissa) / powersOfTen[fractionDigits]
    }

    private static let powersOfTen: [Double] = (0...15).map { n in (0..<n).reduce(1.0) { r, _ in r * 10 } }
}
