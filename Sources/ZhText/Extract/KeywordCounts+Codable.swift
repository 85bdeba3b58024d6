/// JSON form of `KeywordCounts`, with terms sorted so the same counts always
/// encode to the same bytes:
///
/// ```json
/// {"documents": 2, "tokens": 812,
///  "terms": [{"term": "宜兴", "count": 20, "documents": 1, "pos": {"ns": 20}}]}
/// ```
extension KeywordCounts: Codable {
    enum CodingKeys: String, CodingKey { case documents, tokens, terms }

    struct JSONRow: Codable {
        var term: String
        var count: Int
        var documents: Int
        var pos: [String: Int]
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
        let terms = self.rows.indices.map { (term: term(ofRow: $0), row: $0) }
        let rows = terms.sorted { KeywordOrder.termPrecedes($0.term, $1.term) }.map { term, r in
            let e = entry(ofRow: r)
            return JSONRow(term: term, count: e.count, documents: e.documents, pos: e.posCounts)
        }
        try c.encode(rows, forKey: .terms)
    }
}
