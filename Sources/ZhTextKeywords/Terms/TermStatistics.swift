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
    /// - Complexity: O(*n* · `maxLength`) in the length of the document.
    package mutating func add(document scalars: [Unicode.Scalar], words: [Word]? = nil) {
        var boundary = [Bool](repeating: words == nil, count: scalars.count + 1)
        for w in words ?? [] where w.start >= 0 && w.end <= scalars.count && w.start <= w.end {
            boundary[Int(w.start)] = true
            boundary[Int(w.end)] = true
        }
        add(document: scalars, boundary: boundary)
    }

    /// Counts one more document; `boundary[i]` says whether a word boundary
    /// falls before scalar `i`. With `repeats`, n-grams of two or more
    /// characters the filter has not seen twice are skipped, and so are the
    /// longer n-grams that begin with them.
    package mutating func add(document scalars: [Unicode.Scalar], boundary: [Bool], repeats: NGramRepeatFilter? = nil) {
        let document = Int32(truncatingIfNeeded: documentCount)
        documentCount += 1
        // The n-grams starting at a few positions are gathered first and
        // their slots loaded together (`NGramTable.warm`): the table is far
        // larger than the cache, and one lookup after another would wait
        // for memory each time.
        let longest = maxLength + 1, positionsPerBatch = 8
        var batch = [TermNGram](repeating: TermNGram(), count: longest * positionsPerBatch)
        var batchStart = [Int](repeating: 0, count: longest * positionsPerBatch)
        var i = 0
        while i < scalars.count {
            guard Self.isHan(scalars[i]) else { i += 1; continue }
            var end = i
            while end < scalars.count && Self.isHan(scalars[end]) { end += 1 }
            characterCount += end - i
            var first = i
            while first < end {
                let last = min(end, first + positionsPerBatch)
                var n = 0
                for start in first..<last {
                    var gram = TermNGram()
                    for j in start..<min(end, start + longest) {
                        gram.append(scalars[j].value)
                        batch[n] = gram
                        batchStart[n] = start
                        n += 1
                    }
                }
                batch.withUnsafeBufferPointer { grams.warm(UnsafeBufferPointer(rebasing: $0[0..<n])) }
                // The repeat filter is asked only about n-grams not in the
                // table yet: one in it was let in before, and so were all
                // its beginnings. An n-gram seen once makes every longer one
                // from the same start seen once at most: none is counted.
                var k = 0
                while k < n {
                    let start = batchStart[k]
                    var counting = true
                    while k < n && batchStart[k] == start {
                        if counting {
                            let gram = batch[k], gramEnd = start + gram.count
                            counting = grams.countOccurrence(
                                gram, document: document, left: start == i ? 1 : 0, right: gramEnd == end ? 1 : 0,
                                aligned: boundary[start] && boundary[gramEnd] ? 1 : 0,
                                admit: { gram.count == 1 || repeats?.mayRepeat(gram) ?? true })
                        }
                        k += 1
                    }
                }
                first = last
            }
            i = end
        }
    }

    /// Calls `body(gram, start, end, runStart, runEnd)` for every n-gram of
    /// 1 to `longest` Han characters of `scalars`, in the run of Han
    /// characters `runStart..<runEnd`.
    @inline(__always)
    package static func forEachNGram(in scalars: [Unicode.Scalar], longest: Int,
                             _ body: (TermNGram, Int, Int, Int, Int) -> Void) {
        var i = 0
        while i < scalars.count {
            guard isHan(scalars[i]) else { i += 1; continue }
            var end = i
            while end < scalars.count && isHan(scalars[end]) { end += 1 }
            for start in i..<end {
                var gram = TermNGram()
                let stop = min(end, start + longest)
                for j in start..<stop {
                    gram.append(scalars[j].value)
                    body(gram, start, j + 1, i, end)
                }
            }
            i = end
        }
    }

    /// The statistics new-term discovery needs from `documents`, each with
    /// its word spans: exact for every single character and every n-gram
    /// seen at least twice (discovery never looks at the others: candidates
    /// need three occurrences, and a neighbour seen once adds nothing to an
    /// entropy), without storing the many n-grams seen once.
    ///
    /// Counted by sorting the positions by the characters that follow
    /// (`NGramSortCounter`), which stores no n-gram seen once; when its keys
    /// cannot hold the sample's alphabet, by hashing
    /// (`forDiscoveryByHashing`).
    package static func forDiscovery(_ documents: [(scalars: [Unicode.Scalar], spans: [Word])],
                                    maxLength: Int = 6) -> TermStatistics {
        NGramSortCounter.statistics(of: documents, maxLength: maxLength)
            ?? forDiscoveryByHashing(documents, maxLength: maxLength)
    }

    /// `forDiscovery` in two passes over the n-grams of the documents: the
    /// first feeds a repeat filter, the second counts in the table the
    /// single characters and the n-grams the filter lets in (those seen
    /// twice or more, and a few seen once that collide with them).
    package static func forDiscoveryByHashing(_ documents: [(scalars: [Unicode.Scalar], spans: [Word])],
                                      maxLength: Int) -> TermStatistics {
        // The filter's bit sets are sized for the n-grams the sample can
        // have, eight bits each, up to 4 MB (a short sample needs a few KB,
        // not two cleared 4 MB sets; a collision only lets in an n-gram
        // seen once).
        let observations = documents.reduce(0) { $0 + $1.scalars.count } * (maxLength + 1)
        var bits = 1 << 16
        while bits < observations * 8 && bits < 1 << 25 { bits <<= 1 }
        var repeats = NGramRepeatFilter(bits: bits)
        for d in documents {
            forEachNGram(in: d.scalars, longest: maxLength + 1) { gram, start, end, _, _ in
                if end > start + 1 { repeats.observe(gram) }
            }
        }
        var stats = TermStatistics(maxLength: maxLength)
        // Sized once for what the first pass saw repeated, plus the single
        // characters: growing by doubling would copy the table several
        // times and have the kernel clear every discarded copy's pages.
        let characters = documents.reduce(0) { $0 + $1.scalars.count }
        stats.grams = NGramTable(capacity: repeats.repeatedCount + min(characters, distinctCharacterEstimate))
        for d in documents {
            var boundary = [Bool](repeating: false, count: d.scalars.count + 1)
            for t in d.spans where t.start >= 0 && Int(t.end) <= d.scalars.count && t.start <= t.end {
                boundary[Int(t.start)] = true
                boundary[Int(t.end)] = true
            }
            stats.add(document: d.scalars, boundary: boundary, repeats: repeats)
        }
        return stats
    }

    /// A bound on the distinct Han characters of a text, for sizing the
    /// table: news uses a few thousand.
    package static let distinctCharacterEstimate = 8192

    /// Counts one more document.
    package mutating func add(document text: String) {
        add(document: Array(text.unicodeScalars))
    }

    /// Adds `other`'s counts (both must have the same `maxLength`).
    package mutating func merge(_ other: TermStatistics) {
        precondition(other.maxLength == maxLength, "merging TermStatistics of different maxLength")
        documentCount += other.documentCount
        characterCount += other.characterCount
        // Documents added later are numbered from the new `documentCount`,
        // above every number either side has stored.
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
