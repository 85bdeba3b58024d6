import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// Keywords of a document or a corpus by TF-IDF or TextRank.
///
/// **TF-IDF.** `weight(t) = tf(t) · idf(t)`. Term frequency is sublinear,
/// `tf(t) = (1 + ln c(t)) / (1 + ln c_max)`, with `c(t)` the occurrences of
/// `t` among the accepted tokens (see `KeywordFilter`) of the documents and
/// `c_max` the largest such count: a word said 28 times is more a keyword
/// than one said 3 times, but not nine times more. And
///
///     idf(t) = ln( (D + N) / (D · e^(−idf₀(t)) + df(t)) )
///
/// where `idf₀` is the background table's value (its median for unknown
/// words, as jieba does), `D = e^(max idf₀)` the size of the background
/// collection the table implies (its rarest words have document frequency
/// 1), `N` the number of documents given and `df(t)` how many of them
/// contain `t`. The batch is pooled with the background collection:
/// `D · e^(−idf₀)` is the term's background document frequency, so with one
/// document the result is close to the background IDF, and a term that
/// fills a large batch loses weight as it would in a larger collection.
///
/// **TextRank.** A co-occurrence graph of the candidates whose part of
/// speech is in `Options.textRankPOS` (window 5, see `KeywordCooccurrence`),
/// ranked with damping 0.85 and a fixed number of iterations; weights are
/// divided by the top one.
///
/// ```swift
/// let extractor = try KeywordExtractor.load()
/// let top = extractor.extract(fromDocuments: [tokensA, tokensB], top: 10)
/// ```
public struct KeywordExtractor: Sendable {
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        case tfidf, textrank
    }

    public struct Options: Sendable, Hashable {
        public var method: Method = .tfidf
        /// Keep one-character terms.
        public var allowSingleCharacters = false
        /// TextRank co-occurrence window, in tokens.
        public var window = 5
        public var damping = 0.85
        public var iterations = 20
        /// Parts of speech TextRank ranks: nouns, places, organizations,
        /// other proper nouns, people, verbs, verbal nouns, abbreviations,
        /// Latin words.
        public var textRankPOS: Set<String> = ["n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "nw", "vn", "v", "j", "eng"]

        public init(method: Method = .tfidf, allowSingleCharacters: Bool = false) {
            self.method = method
            self.allowSingleCharacters = allowSingleCharacters
        }
    }

    public let options: Options
    package let filter: KeywordFilter
    package let idf: KeywordIDFTable

    package init(options: Options = Options(), filter: KeywordFilter, idf: KeywordIDFTable) {
        var filter = filter
        filter.allowSingleCharacters = options.allowSingleCharacters
        self.options = options
        self.filter = filter
        self.idf = idf
    }

    /// Loads the stop words and the IDF table from `DataDirectory`.
    public static func load(_ options: Options = Options()) throws -> KeywordExtractor {
        KeywordExtractor(options: options, filter: try KeywordFilter.load(), idf: try KeywordIDFTable.load())
    }

    /// The top keywords of one document: the segmenter's `words` of
    /// `scalars`, their parts of speech indices into `posNames`.
    public func extract(from words: [Word], in scalars: [Unicode.Scalar], posNames: [String],
                        top: Int? = nil) -> [Keyword] {
        extract(fromDocuments: [(scalars, words)], posNames: posNames, top: top)
    }

    /// The top keywords of a corpus, each element one document's scalars
    /// and words.
    public func extract(fromDocuments documents: [(scalars: [Unicode.Scalar], words: [Word])], posNames: [String],
                        top: Int? = nil) -> [Keyword] {
        var counts = KeywordCounts()
        var graph = KeywordCooccurrence(window: options.window)
        for (scalars, words) in documents {
            counts.add(document: words[...], of: scalars, posNames: posNames, filter: filter)
            if options.method == .textrank {
                graph.add(document: words, of: scalars) { term, posID in isTextRankCandidate(term, pos: posNames[Int(posID)]) }
            }
        }
        switch options.method {
        case .tfidf: return tfidf(counts, top: top)
        case .textrank: return textRank(graph, counts: counts, top: top)
        }
    }

    /// Whether TextRank puts `term` tagged `pos` in its graph.
    public func isTextRankCandidate(_ term: String, pos: String) -> Bool {
        options.textRankPOS.contains(pos) && filter.accepts(term: term, pos: pos)
    }

    /// The IDF of `term` given the corpus counts (formula in the type's doc).
    package func inverseDocumentFrequency(of term: String, in counts: KeywordCounts) -> Double {
        let background = exp(idf.maximum)
        let df = Double(counts[term]?.documents ?? 0)
        return log((background + Double(counts.documentCount)) / (background * exp(-idf[term]) + df))
    }

    /// TF-IDF keywords of accumulated counts.
    package func tfidf(_ counts: KeywordCounts, top: Int? = nil) -> [Keyword] {
        let rows = counts.rows
        let largest = rows.reduce(0) { max($0, $1.count) }
        guard largest > 0 else { return [] }
        let norm = 1 + log(Double(largest))
        let background = exp(idf.maximum)
        let documents = Double(counts.documentCount)
        var result: [Keyword] = []
        result.reserveCapacity(top.map { min($0, rows.count) } ?? rows.count)
        // The table lookups first, all of them (keys already hashed): they
        // are independent, so the processor overlaps their cache misses,
        // which one at a time between the logarithms were most of the work.
        let backgroundIDFs = rows.map { row in counts.withLongBytes(of: row) { idf.value(for: row.key, bytes: $0) } }
        for r in rows.indices {
            let row = rows[r]
            let tf = (1 + Self.logarithm(of: row.count)) / norm
            // inverseDocumentFrequency(of:in:), with the row at hand.
            let inverse = log((background + documents) / (background * exp(-backgroundIDFs[r]) + Double(row.documents)))
            let weight = tf * inverse
            if let top {
                // The term and its tag are made into strings only for a
                // keyword that may enter the list.
                if result.count == top, let last = result.last,
                   weight < last.weight || (weight == last.weight && row.count < last.count) { continue }
                Self.insert(Keyword(term: counts.term(ofRow: r), weight: weight, count: row.count,
                                    documents: row.documents, pos: counts.pos(ofRow: r)),
                            into: &result, keeping: top)
            } else {
                result.append(Keyword(term: counts.term(ofRow: r), weight: weight, count: row.count,
                                      documents: row.documents, pos: counts.pos(ofRow: r)))
            }
        }
        return top == nil ? Self.top(result, nil) : result
    }

    /// `log(n)`, from a table for the small counts most terms have (the
    /// same values: the table is made by `log`).
    @inline(__always)
    package static func logarithm(of n: Int) -> Double {
        n >= 0 && n < smallLogarithms.count ? smallLogarithms[n] : log(Double(n))
    }

    private static let smallLogarithms = (0..<1024).map { log(Double($0)) }

    /// Puts `keyword` into `best`, which holds at most `limit` keywords in
    /// result order, if it belongs there (the top of a long list without
    /// sorting all of it).
    package static func insert(_ keyword: Keyword, into best: inout [Keyword], keeping limit: Int) {
        guard limit > 0 else { return }
        if best.count == limit, let last = best.last, !KeywordOrder.precedes(keyword, last) { return }
        var lo = 0, hi = best.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if KeywordOrder.precedes(keyword, best[mid]) { hi = mid } else { lo = mid + 1 }
        }
        best.insert(keyword, at: lo)
        if best.count > limit { best.removeLast() }
    }

    /// TextRank keywords of an accumulated graph; `counts` gives count,
    /// documents and part of speech.
    package func textRank(_ graph: KeywordCooccurrence, counts: KeywordCounts, top: Int? = nil) -> [Keyword] {
        let ranks = graph.rank(damping: options.damping, iterations: options.iterations)
        var result: [Keyword] = []
        result.reserveCapacity(ranks.count)
        for (term, weight) in ranks {
            let entry = counts[term]
            result.append(Keyword(term: term, weight: weight, count: entry?.count ?? 0,
                                  documents: entry?.documents ?? 0, pos: entry?.pos ?? ""))
        }
        return Self.top(result, top)
    }

    package static func top(_ keywords: [Keyword], _ n: Int?) -> [Keyword] {
        let sorted = keywords.sorted(by: KeywordOrder.precedes)
        guard let n else { return sorted }
        return Array(sorted.prefix(max(0, n)))
    }
}
