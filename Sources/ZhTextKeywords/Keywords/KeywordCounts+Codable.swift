import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// Coded form of `KeywordCounts`: the totals, and the terms as one text of
/// tab-separated rows in code-point order of the term, so the same counts
/// always encode to the same bytes:
///
/// ```json
/// {"documents": 2, "tokens": 812, "terms": "宜兴\t20\t1\tns:18 n:2\n新质生产力\t9\t2\tn:9\n"}
/// ```
///
/// A row is `term TAB count TAB documents TAB tag:count ...` (tags sorted).
/// One string rather than an object per term: a batch has tens of
/// thousands of terms, and coding each as a keyed container took most of
/// the end of a run (`analyze --jobs 1` row of Benchmarks/run.sh).
extension KeywordCounts: Codable {
    package enum CodingKeys: String, CodingKey { case documents, tokens, terms }

    package init(from decoder: any Swift.Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documentCount = try c.decode(Int.self, forKey: .documents)
        tokenCount = try c.decode(Int.self, forKey: .tokens)
        let text = try c.decode(String.self, forKey: .terms)
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 4, !f[0].isEmpty, let count = Int(f[1]), let documents = Int(f[2]) else {
                throw DecodingError.dataCorruptedError(forKey: .terms, in: c, debugDescription: "malformed term row: \(line)")
            }
            var pos: [String: Int] = [:]
            for item in f[3].split(separator: " ") {
                guard let colon = item.lastIndex(of: ":"), let n = Int(item[item.index(after: colon)...]) else {
                    throw DecodingError.dataCorruptedError(forKey: .terms, in: c, debugDescription: "malformed tag in: \(line)")
                }
                pos[String(item[..<colon]), default: 0] += n
            }
            set(Entry(count: count, documents: documents, posCounts: pos), for: String(f[0]))
        }
    }

    package func encode(to encoder: any Swift.Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(documentCount, forKey: .documents)
        try c.encode(tokenCount, forKey: .tokens)
        var text = ByteBuffer(capacity: rows.count * 24)
        for r in sortedRows() {
            withTermBytes(ofRow: r) { text.append($0) }
            text.append("\t"); text.appendDecimal(rows[r].count)
            text.append("\t"); text.appendDecimal(rows[r].documents)
            text.append("\t")
            var tags: [(String, Int)] = []
            forEachTag(ofRow: r) { tag, n in tags.append((tag, n)) }
            if tags.count > 1 { tags.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) } }
            for (k, (tag, n)) in tags.enumerated() {
                if k > 0 { text.append(" ") }
                text.append(utf8: tag); text.append(":"); text.appendDecimal(n)
            }
            text.append("\n")
        }
        try c.encode(text.string, forKey: .terms)
    }
}

extension KeywordCounts {
    /// The rows in the order they are written: by term, in code-point order.
    ///
    /// Each row is sorted by the first eight bytes of its term as one
    /// number (zero-padded: a shorter term sorts first), and only rows
    /// whose first eight bytes are equal compare their whole terms: most
    /// terms are two or three characters, and a batch has tens of
    /// thousands of them.
    package func sortedRows() -> [Int] {
        var keyed = rows.indices.map { r in
            (prefix: withTermBytes(ofRow: r) { bytes in
                var k: UInt64 = 0
                for i in 0..<8 { k = k << 8 | UInt64(i < bytes.count ? bytes[i] : 0) }
                return k
            }, row: r)
        }
        keyed.sort { a, b in a.prefix != b.prefix ? a.prefix < b.prefix : termPrecedes(row: a.row, row: b.row) }
        return keyed.map(\.row)
    }
}
