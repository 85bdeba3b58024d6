import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// JSON form of `KeywordCounts`, with terms sorted so the same counts always
/// encode to the same bytes:
///
/// ```json
/// {"documents": 2, "tokens": 812,
///  "terms": [{"term": "宜兴", "count": 20, "documents": 1, "pos": {"ns": 20}}]}
/// ```
extension KeywordCounts: Codable {
    package enum CodingKeys: String, CodingKey { case documents, tokens, terms }

    /// A term as read.
    package struct JSONRow: Decodable {
        package enum CodingKeys: String, CodingKey { case term, count, documents, pos }
        package var term: String
        package var count: Int
        package var documents: Int
        package var pos: [String: Int]
    }

    public init(from decoder: any Swift.Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documentCount = try c.decode(Int.self, forKey: .documents)
        tokenCount = try c.decode(Int.self, forKey: .tokens)
        for row in try c.decode([JSONRow].self, forKey: .terms) {
            set(Entry(count: row.count, documents: row.documents, posCounts: row.pos), for: row.term)
        }
    }

    public func encode(to encoder: any Swift.Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(documentCount, forKey: .documents)
        try c.encode(tokenCount, forKey: .tokens)
        let rows = sortedRows().map { EncodedRow(counts: self, row: $0) }
        try c.encode(rows, forKey: .terms)
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

/// A term written in the form `JSONRow` reads, straight from the table:
/// no dictionary of parts of speech per term.
private struct EncodedRow: Encodable {
    package let counts: KeywordCounts
    package let row: Int

    package struct Tag: CodingKey {
        package var stringValue: String
        package var intValue: Int? { nil }
        package init(stringValue: String) { self.stringValue = stringValue }
        package init?(intValue: Int) { nil }
    }

    package func encode(to encoder: any Swift.Encoder) throws {
        var c = encoder.container(keyedBy: KeywordCounts.JSONRow.CodingKeys.self)
        try c.encode(counts.term(ofRow: row), forKey: .term)
        try c.encode(counts.rows[row].count, forKey: .count)
        try c.encode(counts.rows[row].documents, forKey: .documents)
        var pos = c.nestedContainer(keyedBy: Tag.self, forKey: .pos)
        try counts.forEachTag(ofRow: row) { tag, n in try pos.encode(n, forKey: Tag(stringValue: tag)) }
    }
}
