import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// Finds words a dictionary lacks from the n-gram statistics of a corpus.
///
/// A candidate is a string of `minLength`…`maxLength` Han characters seen at
/// least `minCount` times, not made of numerals alone, not a known word,
/// and neither beginning nor ending with a function character (see
/// `isEdgeStop`: 的, 在, 是, 他 ...).
/// For a candidate `w` seen `n(w)` times in a corpus of `N` Han characters:
///
/// - **cohesion** `= min over w = a + b of ln( n(w) · N / (n(a) · n(b)) )`,
///   the smallest pointwise mutual information of its two parts;
/// - **left / right entropy** `H = ln n(w) − (1/n(w)) · Σ_c n(cw) ln n(cw)`
///   over the Han characters `c` seen before (after) it; an occurrence at a
///   boundary (document edge, punctuation, digits, Latin) is a neighbour of
///   its own, adding nothing to the sum;
/// - **freedom** `= min(left, right)`;
/// - **score** `= freedom · min(cohesion, ln n(w) + c₀)`, where `c₀ =
///   Options.cohesionAllowance`. Cohesion is capped because a rare string
///   of rare characters reaches a high mutual information by chance: the
///   cap lets cohesion count fully for frequent strings and keeps a string
///   seen three times from winning on it alone.
///
/// Candidates with cohesion below `minCohesion` or freedom below
/// `minFreedom` are dropped, and so are those that the segmenter cuts
/// through in most of their occurrences (fewer than `minAligned` of them
/// begin and end at word boundaries: `京大学` inside `南京大学`); then a candidate inside a better-scored kept
/// term with the same count is dropped (its occurrences are that term's).
/// Results are ordered by score, then cohesion, then count, then code points.
///
/// ```swift
/// let discoverer = TermDiscoverer(segmenter: try Segmenter.load(.init(includeDomain: false)))
/// let terms = discoverer.discover(in: stats, top: 20)
/// ```
package struct TermDiscoverer: Sendable {
    package struct Options: Sendable, Hashable {
        package var minCount = 3
        package var minLength = 2
        package var maxLength = 6
        package var minCohesion = 1.0
        package var minFreedom = 0.6
        package var cohesionAllowance = 2.0
        /// Smallest share of a candidate's occurrences that begin and end at
        /// word boundaries of the segmentation (`TermStatistics.Counts.aligned`).
        package var minAligned = 0.6
        package init(minCount: Int = 3) {
            self.minCount = minCount
        }
    }

    package let options: Options
    package let isKnownWord: @Sendable (String) -> Bool
    package let partOfSpeech: @Sendable (String) -> String?
    package let stopWords: Set<String>

    /// Dictionary tags of characters that cannot begin or end a term:
    /// particles, prepositions, conjunctions, adverbs, pronouns, numerals,
    /// measure words, modal particles, interjections, onomatopoeia.
    package static let edgeFunctionPOS = ["u", "p", "c", "d", "r", "m", "q", "y", "e", "o"]
    /// Tags of stop-word characters that may still begin or end a term
    /// (nouns, adjectives, abbreviations, localizers, suffixes: 区, 大, 中, 者).
    package static let edgeContentPOS = ["n", "a", "j", "f", "k"]

    /// A discoverer that drops the words `isKnownWord` accepts and the
    /// strings that begin or end with a function character: one whose
    /// `partOfSpeech` is in `edgeFunctionPOS`, or a one-character stop
    /// word whose tag is not in `edgeContentPOS` (是, 有, 说, 很).
    package init(options: Options = Options(), stopWords: Set<String> = [],
                isKnownWord: @escaping @Sendable (String) -> Bool,
                partOfSpeech: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.options = options
        self.isKnownWord = isKnownWord
        self.partOfSpeech = partOfSpeech
        self.stopWords = stopWords
    }

    /// A discoverer that drops the segmenter's dictionary words and uses its
    /// tags for the edge rule.
    package init(options: Options = Options(), stopWords: Set<String> = [], segmenter: Segmenter) {
        self.init(options: options, stopWords: stopWords,
                  isKnownWord: { segmenter.contains($0) },
                  partOfSpeech: { segmenter.partOfSpeech(of: $0) })
    }

    /// Whether the one-character string `c` cannot begin or end a term.
    package func isEdgeStop(_ c: String) -> Bool {
        guard let pos = partOfSpeech(c) else { return false }
        if Self.edgeFunctionPOS.contains(where: { pos.hasPrefix($0) }) && pos != "eng" { return true }
        return stopWords.contains(c) && !Self.edgeContentPOS.contains(where: { pos.hasPrefix($0) })
    }

    /// The best new terms of `stats`.
    ///
    /// - Complexity: O(*g* + *k* log *k*) for *g* n-grams and *k* candidates,
    ///   plus the substring check over kept terms.
    package func discover(in stats: TermStatistics, top: Int? = nil) -> [DiscoveredTerm] {
        let minLength = max(2, options.minLength)
        let maxLength = min(options.maxLength, stats.maxLength)
        guard minLength <= maxLength, stats.characterCount > 0 else { return [] }
        let total = Double(stats.characterCount)

        // Candidates by frequency and length, numbered; `candidateAt` maps
        // the table's slot numbers to them (cheaper than a dictionary). The
        // tests that need only the candidate itself (alignment, numerals,
        // function characters at the ends) are made here: those it fails
        // need no neighbours, and their neighbours are not looked up.
        var edges = EdgeStops(self)
        var candidateAt = [Int32](repeating: -1, count: stats.grams.slotCount)
        var grams: [TermNGram] = []
        var counts: [TermStatistics.Counts] = []
        stats.grams.forEachSlot { slot, gram, c in
            guard gram.count >= minLength && gram.count <= maxLength && c.count >= options.minCount else { return }
            if Double(c.aligned) < options.minAligned * Double(c.count) { return }
            if edges.contains(gram.value(at: 0)) || edges.contains(gram.value(at: gram.count - 1)) { return }
            if gram.scalars.allSatisfy({ $0.properties.numericType != nil }) { return }
            candidateAt[slot] = Int32(grams.count)
            grams.append(gram)
            counts.append(c)
        }
        // Counts of the neighbours, from the n-grams one longer (a neighbour
        // seen once adds 1 · ln 1 = 0 to Σ n ln n, so it is skipped), as
        // pairs packed candidate << 32 | count; the sums run over each
        // candidate's counts in sorted order, so they do not depend on hash
        // order. A part that begins or ends with a function character is no
        // candidate and is not looked up, nor is one `candidateHashes` rules
        // out (most parts: a lookup is a cache miss in a large table).
        var neighbours = NeighbourCounts(candidates: grams)
        stats.grams.forEachSlot { _, gram, c in
            guard gram.count > minLength && gram.count <= maxLength + 1 && c.count > 1 else { return }
            let last = gram.count - 1
            if !edges.contains(gram.value(at: 1)) && !edges.contains(gram.value(at: last)) {
                neighbours.add(gram.dropFirst(), count: c.count, left: true, stats.grams, candidateAt)
            }
            if !edges.contains(gram.value(at: 0)) && !edges.contains(gram.value(at: last - 1)) {
                neighbours.add(gram.dropLast(), count: c.count, left: false, stats.grams, candidateAt)
            }
        }
        neighbours.lookUp(stats.grams, candidateAt)
        func entropySums(_ pairs: [UInt64]) -> [Double] {
            // Grouped by candidate (a counting sort), each group's counts
            // sorted: the same order as sorting all pairs, for less work.
            var start = [Int](repeating: 0, count: grams.count + 1)
            for p in pairs { start[Int(p >> 32) + 1] += 1 }
            for i in 0..<grams.count { start[i + 1] += start[i] }
            var next = start
            var grouped = [UInt32](repeating: 0, count: pairs.count)
            for p in pairs {
                let c = Int(p >> 32)
                grouped[next[c]] = UInt32(truncatingIfNeeded: p)
                next[c] += 1
            }
            var sums = [Double](repeating: 0, count: grams.count)
            grouped.withUnsafeMutableBufferPointer { g in
                for c in 0..<grams.count where start[c + 1] > start[c] {
                    var group = UnsafeMutableBufferPointer(rebasing: g[start[c]..<start[c + 1]])
                    if group.count > 1 { group.sort() }
                    for n in group { sums[c] += Double(n) * log(Double(n)) }
                }
            }
            return sums
        }
        let leftSum = entropySums(neighbours.leftPairs)
        let rightSum = entropySums(neighbours.rightPairs)

        var found: [(gram: TermNGram, term: DiscoveredTerm)] = []
        for i in grams.indices {
            let gram = grams[i]
            let n = Double(counts[i].count)
            let left = log(n) - leftSum[i] / n
            let right = log(n) - rightSum[i] / n
            let freedom = min(left, right)
            if freedom < options.minFreedom { continue }
            var cohesion = Double.infinity
            for k in 1..<gram.count {
                guard let a = stats.grams[gram.slice(0..<k)], let b = stats.grams[gram.slice(k..<gram.count)] else { continue }
                cohesion = min(cohesion, log(n * total / (Double(a.count) * Double(b.count))))
            }
            if cohesion < options.minCohesion { continue }
            let text = gram.description
            if isKnownWord(text) { continue }
            let score = freedom * min(cohesion, log(n) + options.cohesionAllowance)
            found.append((gram, DiscoveredTerm(term: text, count: counts[i].count, documents: counts[i].documents,
                                               cohesion: cohesion, leftEntropy: max(0, left), rightEntropy: max(0, right),
                                               score: score)))
        }
        found.sort { Self.precedes($0.term, $1.term) }

        // Drop a candidate inside a better kept term with the same count.
        var kept: [(gram: TermNGram, term: DiscoveredTerm)] = []
        var keptByCount: [Int: [Int]] = [:]
        for candidate in found {
            let inside = keptByCount[candidate.term.count, default: []].contains { j in
                Self.contains(kept[j].gram, candidate.gram)
            }
            if inside { continue }
            keptByCount[candidate.term.count, default: []].append(kept.count)
            kept.append(candidate)
            if let top, kept.count >= top { break }
        }
        return kept.map(\.term)
    }

    /// `isEdgeStop` of single characters, each asked once: discovery asks
    /// about the ends of every candidate and of every part of a longer
    /// n-gram.
    package struct EdgeStops {
        package let discoverer: TermDiscoverer
        /// By scalar value (Han characters are below the limit): 0 not
        /// asked yet, 1 no, 2 yes.
        package var known = [UInt8](repeating: 0, count: 0x32400)

        package init(_ discoverer: TermDiscoverer) { self.discoverer = discoverer }

        package mutating func contains(_ value: UInt32) -> Bool {
            let i = Int(value)
            guard i < known.count else { return discoverer.isEdgeStop(String(Unicode.Scalar(value)!)) }
            if known[i] == 0 { known[i] = discoverer.isEdgeStop(String(Unicode.Scalar(value)!)) ? 2 : 1 }
            return known[i] == 2
        }
    }

    /// The candidate neighbour counts of the n-grams one longer than
    /// candidates, found by looking their parts up a batch at a time: the
    /// slots of a batch are loaded together first (`NGramTable.warm`),
    /// then the candidate numbers of the slots found (a second large
    /// array), so that each step's cache misses overlap.
    package struct NeighbourCounts {
        /// (candidate << 32 | count) of the left and right neighbours.
        package var leftPairs: [UInt64] = []
        package var rightPairs: [UInt64] = []
        package static let batchSize = 64
        private var parts: [TermNGram] = []
        /// Count of the longer n-gram << 1 | 1 when the part is its end (the
        /// n-gram's first character is a left neighbour).
        private var partCounts: [Int] = []
        private var partSlots: [Int] = []
        /// One bit per hash value of the candidates, 32 bits per candidate
        /// (small enough for the cache): a part whose bit is clear is no
        /// candidate; about 3% of the others are let through.
        private var candidateHashes: [UInt64]
        private let hashShift: UInt64

        package init(candidates: [TermNGram]) {
            var bits = 1 << 12
            while bits < candidates.count * 32 { bits <<= 1 }
            candidateHashes = [UInt64](repeating: 0, count: bits / 64)
            hashShift = UInt64(64 - bits.trailingZeroBitCount)
            for c in candidates {
                let bit = Int(truncatingIfNeeded: c.mixedHash >> hashShift)
                candidateHashes[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }

        /// Counts `count` occurrences of a neighbour of `part`, on the left
        /// or the right, if `part` is a candidate.
        package mutating func add(_ part: TermNGram, count: Int, left: Bool, _ table: NGramTable, _ candidateAt: [Int32]) {
            let bit = Int(truncatingIfNeeded: part.mixedHash >> hashShift)
            guard candidateHashes[bit >> 6] & 1 << UInt64(bit & 63) != 0 else { return }
            parts.append(part)
            partCounts.append(count << 1 | (left ? 1 : 0))
            if parts.count == Self.batchSize { lookUp(table, candidateAt) }
        }

        /// Looks up the parts added since the last call.
        package mutating func lookUp(_ table: NGramTable, _ candidateAt: [Int32]) {
            parts.withUnsafeBufferPointer { table.warm($0) }
            for part in parts { partSlots.append(table.slotNumber(of: part) ?? -1) }
            var touched: Int32 = 0
            for slot in partSlots where slot >= 0 { touched &+= candidateAt[slot] }
            NGramTable.keep(UInt64(UInt32(bitPattern: touched)))
            for k in parts.indices {
                let slot = partSlots[k]
                guard slot >= 0, candidateAt[slot] >= 0 else { continue }
                let pair = UInt64(candidateAt[slot]) << 32 | UInt64(UInt32(clamping: partCounts[k] >> 1))
                if partCounts[k] & 1 != 0 { leftPairs.append(pair) } else { rightPairs.append(pair) }
            }
            parts.removeAll(keepingCapacity: true)
            partSlots.removeAll(keepingCapacity: true)
            partCounts.removeAll(keepingCapacity: true)
        }
    }

    package static func precedes(_ a: DiscoveredTerm, _ b: DiscoveredTerm) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.cohesion != b.cohesion { return a.cohesion > b.cohesion }
        if a.count != b.count { return a.count > b.count }
        return KeywordOrder.termPrecedes(a.term, b.term)
    }

    /// Whether `inner` occurs inside `outer` (and is shorter).
    package static func contains(_ outer: TermNGram, _ inner: TermNGram) -> Bool {
        guard inner.count < outer.count else { return false }
        for start in 0...(outer.count - inner.count) {
            var match = true
            for k in 0..<inner.count where outer.value(at: start + k) != inner.value(at: k) {
                match = false
                break
            }
            if match { return true }
        }
        return false
    }
}
