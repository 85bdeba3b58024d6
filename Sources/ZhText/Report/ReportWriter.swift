import Foundation

/// Writes the corpus-level outputs of a batch from its `CorpusSummary`:
/// summary.json, keywords.csv, entities.csv, terms.csv and report.html.
/// Everything here derives from the summary alone, so `zhtext merge` of
/// partial runs writes the same bytes as one run over all the inputs.
public struct ReportWriter: Sendable {
    public struct Options: Sendable {
        /// Rows of each top list in summary.json and the report.
        public var top = 50
        /// Rows of keywords.csv (the most weighty terms).
        public var keywordRows = 1000
        /// Rows of entities.csv.
        public var entityRows = 5000
        /// A generation time printed in report.html (nil: none).
        public var generatedAt: String? = nil
        public init() {}
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    public static let factsHeader = CSV.header([
        "document", "kind", "value", "unit", "qualifier", "range_to", "change", "subject",
        "text", "original", "line", "column", "start", "end", "sentence"])

    /// A keyword of the corpus.
    public struct RankedTerm: Sendable {
        public var term: String
        public var count: Int
        public var documents: Int
        public var weight: Double
        public var pos: String
    }

    /// Corpus keywords by TF-IDF: term frequency over the corpus times a
    /// smoothed inverse document frequency within it.
    public func rankedTerms(_ s: CorpusSummary) -> [RankedTerm] {
        let n = Double(max(1, s.documents))
        let total = Double(max(1, s.termTotal))
        var out: [RankedTerm] = []
        out.reserveCapacity(s.terms.count)
        for (term, c) in s.terms {
            let idf = log((n + 1) / (Double(c.documents) + 1)) + 1
            out.append(RankedTerm(term: term, count: c.count, documents: c.documents,
                                  weight: Double(c.count) / total * idf * 1000, pos: c.pos))
        }
        out.sort { ($0.weight, $1.term) > ($1.weight, $0.term) }
        return out
    }

    public func rankedEntities(_ s: CorpusSummary) -> [CorpusSummary.EntityCount] {
        s.entities.values.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.type != $1.type { return $0.type < $1.type }
            return $0.name < $1.name
        }
    }

    public func write(_ s: CorpusSummary, to out: OutputDirectory) throws {
        let terms = rankedTerms(s)
        let entities = rankedEntities(s)

        var keywords = CSV.header(["term", "count", "documents", "weight", "pos"])
        for t in terms.prefix(options.keywordRows) {
            keywords += CSV.row([.text(t.term), .number(String(t.count)), .number(String(t.documents)),
                                 .number(String(format: "%.6f", t.weight)), .text(t.pos)])
        }
        try out.write(keywords, to: "keywords.csv")

        var ents = CSV.header(["type", "name", "count", "documents", "first_document", "first_line"])
        for e in entities.prefix(options.entityRows) {
            ents += CSV.row([.text(e.type), .text(e.name), .number(String(e.count)), .number(String(e.documents)),
                             .text(e.firstDocument), .number(String(e.firstLine))])
        }
        try out.write(ents, to: "entities.csv")

        let termsCSV = CSV.header(["term", "count", "documents", "cohesion", "left_entropy", "right_entropy", "score"])
        try out.write(termsCSV, to: "terms.csv")

        try out.write(summaryJSON(s, terms: terms, entities: entities).serialized() + "\n", to: "summary.json")
        try out.write(HTMLReport(options: options).render(s, terms: terms, entities: entities), to: "report.html")
    }

    func summaryJSON(_ s: CorpusSummary, terms: [RankedTerm], entities: [CorpusSummary.EntityCount]) -> JSONValue {
        func counts(_ d: [String: Int]) -> JSONValue {
            .object(d.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
        }
        return .object([
            ("zhtext", .string(ZhTextVersion.string)),
            ("inputs", .int(s.inputs)),
            ("documents", .int(s.documents)),
            ("characters", .int(s.characters)),
            ("bytes", .int(s.bytes)),
            ("failed", .array(s.failures.map { .object([("path", .string($0.path)), ("reason", .string($0.reason))]) })),
            ("encodings", counts(s.encodings)),
            ("scripts", counts(s.scripts)),
            ("keywords", .array(terms.prefix(options.top).map {
                .object([("term", .string($0.term)), ("count", .int($0.count)), ("documents", .int($0.documents)),
                         ("weight", .double(($0.weight * 1e6).rounded() / 1e6)), ("pos", .string($0.pos))])
            })),
            ("facts_by_kind", counts(s.factsByKind)),
            ("entities", .array(entities.prefix(options.top).map {
                .object([("type", .string($0.type)), ("name", .string($0.name)), ("count", .int($0.count)),
                         ("documents", .int($0.documents))])
            })),
            ("new_terms", .array([])),
        ])
    }
}
