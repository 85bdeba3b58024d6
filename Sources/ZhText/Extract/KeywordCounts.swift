/// Term and document frequencies of keyword candidates over a set of
/// documents: the state TF-IDF needs, mergeable across threads and machines.
///
/// `merge` adds counts, so it is associative and commutative, and merging
/// the counts of two batches gives exactly the counts of their union.
///
/// ```swift
/// var counts = KeywordCounts()
/// counts.add(document: tokens, filter: filter)
/// counts.merge(otherMachinesCounts)
/// let keywords = extractor.tfidf(counts, top: 20)
/// ```
public struct KeywordCounts: Sendable, Equatable {
    /// What is known of one term.
    public struct Entry: Sendable, Hashable, Codable {
        /// Occurrences in all documents.
        public var count: Int
        /// Documents containing the term.
        public var documents: Int
        /// How often each part of speech was given to it.
        public var posCounts: [String: Int]

        /// The most frequent part of speech (ties: the smaller tag).
        public var pos: String {
            var best = ""
            var bestCount = -1
            for (tag, n) in posCounts where n > bestCount || (n == bestCount && tag < best) {
                best = tag
                bestCount = n
            }
            return best
        }
    }

    /// Documents added.
    public internal(set) var documentCount = 0
    /// Accepted tokens in all documents (the TF denominator).
    public internal(set) var tokenCount = 0
    /// Terms and what is known of them.
    public internal(set) var entries: [String: Entry] = [:]

    public init() {}

    /// Counts the accepted tokens of one document.
    ///
    /// - Complexity: O(*n*) in the number of tokens.
    public mutating func add(document tokens: [Token], filter: KeywordFilter) {
        var local: [String: Entry] = [:]
        var accepted = 0
        for token in tokens where filter.accepts(token) {
            accepted += 1
            local[token.text, default: Entry(count: 0, documents: 1, posCounts: [:])].count += 1
            local[token.text]!.posCounts[token.pos, default: 0] += 1
        }
        let document = KeywordCounts(documentCount: 1, tokenCount: accepted, entries: local)
        if documentCount == 0 && entries.isEmpty { self = document } else { merge(document) }
    }

    /// Adds `other`'s counts to these.
    public mutating func merge(_ other: KeywordCounts) {
        documentCount += other.documentCount
        tokenCount += other.tokenCount
        for (term, entry) in other.entries {
            if var mine = entries[term] {
                mine.count += entry.count
                mine.documents += entry.documents
                mine.posCounts.merge(entry.posCounts, uniquingKeysWith: +)
                entries[term] = mine
            } else {
                entries[term] = entry
            }
        }
    }

    /// `self` merged with `other`.
    public func merging(_ other: KeywordCounts) -> KeywordCounts {
        var result = self
        result.merge(other)
        return result
    }

    init(documentCount: Int, tokenCount: Int, entries: [String: Entry]) {
        self.documentCount = documentCount
        self.tokenCount = tokenCount
        self.entries = entries
    }
}
