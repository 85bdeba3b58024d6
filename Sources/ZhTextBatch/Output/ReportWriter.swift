import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline

/// Writes the corpus-level outputs of a batch from its `CorpusResults`:
/// summary.json, keywords.csv, entities.csv, terms.csv and report.html.
/// Formatting only: the ranking and discovery are the fold's
/// (`CorpusFolder`).
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

    public init(options: Options) {
        self.options = options
    }

    /// `folder` with the limits these rows need.
    public func configured(_ folder: CorpusFolder) -> CorpusFolder {
        var folder = folder
        folder.keywordLimit = max(options.keywordRows, options.top)
        folder.newTermLimit = max(options.top, 100)
        return folder
    }

    public static let factsHeader = CSVWriter.header([
        "document", "kind", "value", "unit", "qualifier", "range_to", "change", "subject",
        "text", "original", "line", "column", "start", "end", "sentence"])

    package static func fixed(_ d: Double) -> String { String(format: "%.6f", d) }

    /// Writes every corpus-level output of `results`.
    public func write(_ results: CorpusResults, to out: OutputDirectory) throws {
        let s = results.summary, terms = results.keywords, entities = results.entities, found = results.newTerms

        var keywordsCSV = CSVWriter.header(["term", "count", "documents", "weight", "pos"])
        for t in terms.prefix(options.keywordRows) {
            keywordsCSV += CSVWriter.row([.text(t.term), .number(String(t.count)), .number(String(t.documents)),
                                    .number(Self.fixed(t.weight)), .text(t.pos)])
        }
        try out.write(keywordsCSV, to: "keywords.csv")

        var ents = CSVWriter.header(["type", "name", "count", "documents", "first_document", "first_line"])
        for e in entities.prefix(options.entityRows) {
            ents += CSVWriter.row([.text(e.type), .text(e.name), .number(String(e.count)), .number(String(e.documents)),
                             .text(e.firstDocument), .number(String(e.firstLine))])
        }
        try out.write(ents, to: "entities.csv")

        var termsCSV = CSVWriter.header(["term", "count", "documents", "cohesion", "left_entropy", "right_entropy", "score"])
        for t in found {
            termsCSV += CSVWriter.row([.text(t.term), .number(String(t.count)), .number(String(t.documents)),
                                 .number(Self.fixed(t.cohesion)), .number(Self.fixed(t.leftEntropy)),
                                 .number(Self.fixed(t.rightEntropy)), .number(Self.fixed(t.score))])
        }
        try out.write(termsCSV, to: "terms.csv")

        try out.write(summaryJSON(s, terms: terms, entities: entities, newTerms: found).serialized() + "\n", to: "summary.json")
        try out.write(HTMLReport(options: options).render(s, terms: terms, entities: entities, newTerms: found), to: "report.html")
    }

    package func summaryJSON(_ s: CorpusSummary, terms: [Keyword], entities: [CorpusSummary.EntityCount],
                     newTerms: [DiscoveredTerm]) -> JSONValue {
        func rounded(_ d: Double) -> JSONValue { .double((d * 1e6).rounded() / 1e6) }
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
                         ("weight", rounded($0.weight)), ("pos", .string($0.pos))])
            })),
            ("facts_by_kind", counts(s.factsByKind)),
            ("entities", .array(entities.prefix(options.top).map {
                .object([("type", .string($0.type)), ("name", .string($0.name)), ("count", .int($0.count)),
                         ("documents", .int($0.documents))])
            })),
            ("new_terms_sample_characters", .int(s.termSampleScalars)),
            ("new_terms", .array(newTerms.prefix(options.top).map {
                .object([("term", .string($0.term)), ("count", .int($0.count)), ("documents", .int($0.documents)),
                         ("cohesion", rounded($0.cohesion)), ("left_entropy", rounded($0.leftEntropy)),
                         ("right_entropy", rounded($0.rightEntropy)), ("score", rounded($0.score))])
            })),
        ])
    }
}
