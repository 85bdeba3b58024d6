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

        /// One more occurrence, tagged `pos`.
        mutating func count(pos: String) {
            count += 1
            posCounts[pos, default: 0] += 1
        }

        /// Adds `other`'s counts.
        mutating func add(_ other: Entry) {
            count += other.count
            documents += other.documents
            for (tag, n) in other.posCounts { posCounts[tag, default: 0] += n }
        }

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
    public internal(set) var entries: [TextKey: Entry] = [:]

    public init() {}

    /// Counts the accepted tokens of one document.
    ///
    /// - Complexity: O(*n*) in the number of tokens.
    public mutating func add(document tokens: [Token], filter: KeywordFilter) {
        // Tokens are counted first and their terms checked once each after:
        // the term checks do not depend on the part of speech, which is
        // checked per token.
        var local: [TextKey: Entry] = [:]
        local.reserveCapacity(tokens.count / 4)
        for token in tokens where !filter.isExcluded(pos: token.pos) {
            local[TextKey(token.text), default: Entry(count: 0, documents: 1, posCounts: [:])].count(pos: token.pos)
        }
        var accepted = 0
        var rejected: [TextKey] = []
        for (key, entry) in local {
            if filter.accepts(term: key.text) { accepted += entry.count } else { rejected.append(key) }
        }
        for key in rejected { local.removeValue(forKey: key) }
        let document = KeywordCounts(documentCount: 1, tokenCount: accepted, entries: local)
        if documentCount == 0 && entries.isEmpty { self = document } else { merge(document) }
    }

    /// Adds `other`'s counts to these.
    public mutating func merge(_ other: KeywordCounts) {
        if documentCount == 0 && tokenCount == 0 && entries.isEmpty {
            self = other
            return
        }
        documentCount += other.documentCount
        tokenCount += other.tokenCount
        for (term, entry) in other.entries {
            // Updated in place: a copy of the entry would copy its POS table too.
            if let i = entries.index(forKey: term) {
                entries.values[i].add(entry)
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

    init(documentCount: Int, tokenCount: Int, entries: [TextKey: Entry]) {
        self.documentCount = documentCount
        self.tokenCount = tokenCount
        self.entries = entries
    }
}
