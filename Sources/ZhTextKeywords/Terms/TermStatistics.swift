import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// N-gram counts of Han text for new-term discovery, mergeable across
/// threads and machines.
///
/// For every string of 1 to `maxLength + 1` consecutive Han characters it
/// keeps how often it occurs, in how many documents, and how many of its
/// occurrences touch a boundary on the left or on the right (the start or
/// end of a document, punctuation, digits, Latin letters, pinyin,
/// whitespace: anything that is not a Han character), and how many of its
/// occurrences begin and end where the segmenter put word boundaries (so
/// `京大学`, always inside the word `南京大学`, is known not to be one). The strings one
/// character longer than a candidate give the candidate's left and right
/// neighbours, so neighbour entropies need no per-candidate tables.
/// Documents are counted by sorting their positions (`NGramCounter`).
///
/// Nothing is pruned while counting: `merge` adds counts, so `a.merging(b)`
/// equals the statistics of the documents of `a` and `b` together, in any
/// grouping or order. Memory grows with the number of distinct n-grams (at
/// most `maxLength + 1` per Han character; about 100 MB for 130,000
/// characters including the segmenter). `pruned(below:)` drops rare
/// n-grams once all states are merged: discovery with a `minCount` of at
/// least that threshold finds the same terms (their parts are at least as
/// frequent), with neighbour entropies that treat dropped neighbours as
/// distinct (exact for a threshold of 2, since a neighbour seen once adds
/// nothing to the entropy sum). Pruning partial states before merging them
/// is an approximation: an n-gram seen once on each of many machines is lost.
///
/// ```swift
/// var stats = TermStatistics()
/// for text in documents { stats.add(document: text) }
/// stats.merge(statsFromAnotherMachine)
/// let terms = discoverer.discover(in: stats, top: 50)
/// ```
package struct TermStatistics: Sendable, Equatable {
    /// What is known of one n-gram.
    package struct Counts: Sendable, Hashable {
        /// Occurrences.
        package var count: Int
        /// Documents containing it.
        package var documents: Int
        /// Occurrences with no Han character on the left.
        package var leftBoundaries: Int
        /// Occurrences with no Han character on the right.
        package var rightBoundaries: Int
        /// Occurrences that begin and end at word boundaries of the
        /// document's segmentation (all of them when none was given).
        package var aligned: Int
    }

    /// Longest candidate; n-grams one longer are counted for neighbours.
    package let maxLength: Int
    /// Documents added.
    package internal(set) var documentCount = 0
    /// Han characters in all documents.
    package internal(set) var characterCount = 0
    package var grams = NGramTable()

    package init(maxLength: Int = 6) {
        precondition((1..<TermNGram.capacity).contains(maxLength), "maxLength must be 1...\(TermNGram.capacity - 1)")
        self.maxLength = maxLength
    }

    /// The statistics of one document; `words`, its segmentation (offsets
    /// into `scalars`), gives the word boundaries, every position if nil.
    package init(document scalars: [Unicode.Scalar], words: [Word]? = nil, maxLength: Int = 6) {
        self.init(maxLength: maxLength)
        add(document: scalars, words: words)
    }

    /// Counts one more document, with its segmentation if there is one.
    ///
    /// - Complexity: O(*n* log *n*) in the length of the document.
    package mutating func add(document scalars: [Unicode.Scalar], words: [Word]? = nil) {
        let spans = words ?? scalars.indices.map { Word(start: Int32($0), end: Int32($0 + 1), posID: 0) }
        merge(NGramCounter.statistics(of: [(scalars, spans)], maxLength: maxLength, keepingSingles: true))
    }

    /// The statistics new-term discovery needs from `documents`, each with
    /// its word spans: exact for every single character and every n-gram
    /// seen at least twice (discovery never looks at the others: candidates
    /// need three occurrences, and a neighbour seen once adds nothing to an
    /// entropy), without storing the many n-grams seen once.
    package static func forDiscovery(_ documents: [(scalars: [Unicode.Scalar], spans: [Word])],
                                    maxLength: Int = 6) -> TermStatistics {
        NGramCounter.statistics(of: documents, maxLength: maxLength, keepingSingles: false)
    }

    /// Counts one more document.
    package mutating func add(document text: String) {
        add(document: Array(text.unicodeScalars))
    }

    /// Adds `other`'s counts (both must have the same `maxLength`).
    package mutating func merge(_ other: TermStatistics) {
        precondition(other.maxLength == maxLength, "merging TermStatistics of different maxLength")
        documentCount += other.documentCount
        characterCount += other.characterCount
        if grams.isEmpty {
            grams = other.grams
        } else {
            other.grams.forEach { grams.add($0, $1) }
        }
    }

    /// `self` merged with `other`.
    package func merging(_ other: TermStatistics) -> TermStatistics {
        var result = self
        result.merge(other)
        return result
    }

    /// These statistics without the n-grams of two or more characters seen
    /// fewer than `threshold` times (single characters are all kept: they
    /// are the cohesion denominators). Apply to the fully merged state.
    package func pruned(below threshold: Int) -> TermStatistics {
        var result = TermStatistics(maxLength: maxLength)
        result.documentCount = documentCount
        result.characterCount = characterCount
        grams.forEach { gram, c in
            if gram.count == 1 || c.count >= threshold { result.grams[gram] = c }
        }
        return result
    }

    /// The counts of `text`, if it occurred.
    package func counts(of text: String) -> Counts? {
        let scalars = Array(text.unicodeScalars)
        guard (1...TermNGram.capacity).contains(scalars.count) else { return nil }
        return grams[TermNGram(scalars)]
    }

    /// Number of distinct n-grams held.
    package var distinctCount: Int { grams.count }

    /// Whether `s` is a Han ideograph (CJK Unified Ideographs and their
    /// extensions, compatibility ideographs). `〇` and CJK punctuation are not.
    @inline(__always)
    package static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x30000...0x323AF: true
        default: false
        }
    }
}
